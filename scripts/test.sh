#!/usr/bin/env bash
# Runs every test: the Rust workspace (unit, integration and doc tests), then the Python
# package, built with maturin into a virtualenv this script creates (.venv), under pytest.
set -euo pipefail
cd "$(dirname "$0")/.."

echo "== cargo test"
cargo test --release --quiet

echo "== python: virtualenv, maturin build, pytest"
python3 -m venv .venv
.venv/bin/python -m pip install --quiet --upgrade pip
.venv/bin/python -m pip install --quiet "maturin>=1.7,<2" "pytest>=7"
VIRTUAL_ENV="$PWD/.venv" .venv/bin/maturin develop --quiet --release -m bindings/python/Cargo.toml
PYTHONFAULTHANDLER=1 .venv/bin/python -m pytest -q bindings/python/tests
