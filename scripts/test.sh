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
.venv/bin/python -m pip install --quiet "maturin>=1.7,<2" "pytest>=7" pandas pillow mypy
VIRTUAL_ENV="$PWD/.venv" .venv/bin/maturin develop --quiet --release -m bindings/python/Cargo.toml

echo "== python: stubs against the module (mypy stubtest)"
.venv/bin/python -m mypy.stubtest dateline --mypy-config-file bindings/python/pyproject.toml

# The screenshot test needs Chromium; CI (root, CI=true) installs Debian's package.
if [ "${CI:-}" = "true" ] && ! command -v chromium >/dev/null && [ "$(id -u)" = 0 ]; then
    echo "== installing chromium for the screenshot test"
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
fi

echo "== pytest"
PYTHONFAULTHANDLER=1 .venv/bin/python -m pytest -q bindings/python/tests
