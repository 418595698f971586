"""The notebook view as a person sees it: the seed story rendered by headless Chromium."""
import pathlib
import shutil
import subprocess

import pytest

import dateline
from dateline._display import COLOURS

TEHRAN = (pathlib.Path(__file__).resolve().parents[3] / "examples" / "tehran.txt").read_text(encoding="utf-8")
CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")

pytestmark = pytest.mark.skipif(CHROMIUM is None, reason="needs Chromium (apt-get install chromium)")


def render(page: pathlib.Path, out: pathlib.Path, *extra: str) -> subprocess.CompletedProcess:
    flags = [
        "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync",
        f"--user-data-dir={out.parent / 'profile'}",
    ]
    return subprocess.run([CHROMIUM, *flags, *extra, page.as_uri()], capture_output=True, text=True, timeout=120)


def test_seed_story_renders_with_its_highlights(tmp_path):
    image = pytest.importorskip("PIL.Image")
    article = dateline.extract(TEHRAN, date="2018-05-13")
    page = tmp_path / "tehran.html"
    page.write_text(f"<!doctype html><meta charset=utf-8><body>{article._repr_html_()}</body>", encoding="utf-8")

    dom = render(page, tmp_path / "dom", "--dump-dom").stdout
    labels = {e.label for e in article.entities} | ({"TIME"} if article.timexes else set())
    for label in labels:
        assert f'data-label="{label}"' in dom, f"{label} spans are in the rendered page"

    shot = tmp_path / "tehran.png"
    render(page, shot, f"--screenshot={shot}", "--window-size=1200,2400")
    pixels = image.open(shot).convert("RGB")
    seen = {pixels.getpixel((x, y)) for x in range(0, pixels.width, 2) for y in range(0, pixels.height, 2)}
    for label in labels:
        colour = tuple(int(COLOURS[label][i:i + 2], 16) for i in (1, 3, 5))
        assert colour in seen, f"the {label} highlight ({COLOURS[label]}) is visible"
