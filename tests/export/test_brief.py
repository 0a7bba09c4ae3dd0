"""`footprint brief`: the self-contained HTML / Markdown report, its pictures and its escaping."""

from __future__ import annotations

import json
import re
import shutil
import struct
import subprocess
import zlib
from pathlib import Path

import pytest
from typer.testing import CliRunner

from footprint.cli import app
from footprint.export.brief import build_brief, render_html, render_markdown, write_brief
from footprint.pipeline.corpus import ingest_corpus
from footprint.settings import Settings
from footprint.store import open_store
from tests.conftest import CORPUS

INJECTED = "<script>document.documentElement.setAttribute('data-pwned','yes')</script>"
XSS_TEXT = (
    "Thousands gathered in Karachi on March 3, 2024, for a rally where Ahmed Raza Khan spoke "
    f'in person {INJECTED} and urged supporters to march <img src=x onerror="window.__pwned=2"> '
    "on the capital.\n\nAhmed Raza Khan, head of the Example Welfare Trust, later met reporters "
    "in Karachi."
)


@pytest.fixture(scope="module")
def db(tmp_path_factory, shared_db_target) -> str:
    tmp = tmp_path_factory.mktemp("brief")
    xss = tmp / "xss.jsonl"
    xss.write_text(
        json.dumps(
            {
                "id": "xss-rally",
                "title": "<script>window.__pwned=3</script> Karachi rally",
                "published": "2024-03-04",
                "text": XSS_TEXT,
            }
        )
        + "\n",
        "utf-8",
    )
    path = shared_db_target(tmp / "fp.db")
    store = open_store(path)
    try:
        ingest_corpus([CORPUS, xss], Settings.from_env({}).with_db(path), store)
    finally:
        store.close()
    return path


@pytest.fixture(scope="module")
def whole(db):
    store = open_store(db)
    try:
        return build_brief(store)
    finally:
        store.close()


@pytest.fixture(scope="module")
def html(whole) -> str:
    return render_html(whole)


def _svgs(page: str) -> list[str]:
    return re.findall(r"<svg\b.*?</svg>", page, flags=re.S)


def test_three_pictures_with_real_content(whole, html):
    svgs = _svgs(html)
    assert len(svgs) == 3
    timeline, map_, network = svgs
    dated = [r for r in whole["itinerary"] if r["date"]]
    assert len(dated) >= 5
    assert timeline.count('class="event-mark') == len(dated)
    assert 'class="event-mark day"' in timeline and 'class="event-mark interval"' in timeline
    assert map_.count('class="place"') == len(whole["places"]) >= 4
    assert 'class="outlines"' in map_ and map_.count("<path") > 5  # country outlines drawn
    assert network.count('class="node"') == len(whole["network"]["actors"]) >= 10
    assert network.count('class="edge"') == len(whole["network"]["edges"]) >= 10
    assert "Lahore" in map_ and "Hamas" in network


def test_summary_is_generated_from_the_store(db, whole):
    store = open_store(db)
    try:
        events = store.events()
        cluster = {r.event_id: r.cluster_id for r in store.event_cluster_rows()}
        occasions = len({cluster.get(e.id, e.id) for e in events})
        first = min(e.date_start for e in events if e.date_start)
        last = max(e.date_end for e in events if e.date_end)
    finally:
        store.close()
    text = whole["summary"]
    assert f"reports {occasions} event occasions" in text
    assert f"between {first} and {last}" in text
    assert f"Places: {len(whole['places'])} (" in text
    assert "Hamas" in text  # a listed partner
    assert "Strongest evidence:" in text and "grade " in text


def test_no_external_reference_and_no_script(html):
    assert not re.search(r"""(?:src|href)\s*=\s*["']?\s*(?:[a-z]+:)?//""", html, re.I)
    assert "<script" not in html.lower()
    assert "<link" not in html.lower()
    assert "url(" not in html.lower()
    assert "http://" not in html and "https://" not in html


def test_every_itinerary_row_has_evidence(whole, html):
    assert whole["itinerary"]
    for row in whole["itinerary"]:
        assert row["evidence"] and row["evidence"][0]["sentence"].strip(), row["label"]
        assert row["evidence"][0]["document"] in whole["documents"]
    rows = re.findall(r'<tr class="itinerary-row">(.*?)</tr>', html, flags=re.S)
    assert len(rows) == len(whole["itinerary"])
    for row in rows:
        cell = re.search(r'<td class="evidence">“(.+?)”', row, flags=re.S)
        assert cell and cell.group(1).strip()
        assert "[doc-" in row or "[xss-" in row
    for row in re.findall(r'<tr class="designation-row">(.*?)</tr>', html, flags=re.S):
        assert re.search(r'<td class="evidence">“.+?”', row, flags=re.S)


def test_article_markup_is_escaped(whole, html):
    # The sentence is shown (escaped), never as markup.
    assert "&lt;script&gt;document.documentElement.setAttribute" in html
    assert INJECTED not in html
    assert "<img" not in html
    assert "window.__pwned=3</script>" not in html
    md = render_markdown(whole, None)
    assert "<script" not in md and "<img" not in md
    assert "&lt;script&gt;" in md


def test_actor_brief_and_markdown(db, tmp_path):
    store = open_store(db)
    try:
        data = build_brief(store, "Khaled Mashal")
    finally:
        store.close()
    assert data["actor"]["name"] == "Khaled Mashal"
    assert data["summary"].startswith("Khaled Mashal appears at 1 event occasion")
    assert "Peshawar" in data["summary"]
    assert data["itinerary"][0]["role"] == "speaker"
    assert any(d["name"] == "Khaled Mashal" and d["kind"] == "listed" for d in data["designations"])
    written = write_brief(data, tmp_path / "km.md")
    assert [p.name for p in written] == [
        "km.md",
        "km-timeline.svg",
        "km-map.svg",
        "km-network.svg",
    ]
    text = (tmp_path / "km.md").read_text("utf-8")
    assert "![Map](km-map.svg)" in text
    assert "| date | event |" in text and "Peshawar" in text
    assert (tmp_path / "km-map.svg").read_text("utf-8").startswith("<svg")


def test_cli_writes_html_and_reports_errors(db, tmp_path):
    runner = CliRunner()
    target = tmp_path / "out" / "brief.html"
    result = runner.invoke(app, ["brief", "--db", str(db), "-o", str(target)])
    assert result.exit_code == 0, result.output
    assert target.exists() and str(target) in result.output
    assert len(_svgs(target.read_text("utf-8"))) == 3

    result = runner.invoke(app, ["brief", "Nobody Atall Zzyzx", "--db", str(db), "-o", str(target)])
    assert result.exit_code == 2
    assert "error" in result.output

    result = runner.invoke(app, ["brief", "--db", str(db), "-o", str(tmp_path / "b.pdf")])
    assert result.exit_code == 2
    assert "use .html or .md" in result.output

    blocker = tmp_path / "file"
    blocker.write_text("x")
    result = runner.invoke(app, ["brief", "--db", str(db), "-o", str(blocker / "b.html")])
    assert result.exit_code == 2
    assert "cannot write" in result.output


# --- a real browser ------------------------------------------------------------------------


def _chromium() -> str | None:
    for name in ("/usr/bin/chromium", "chromium", "chromium-browser", "google-chrome"):
        found = shutil.which(name)
        if found:
            return found
    return None


def _png_info(path: Path) -> tuple[int, int, int]:
    """(width, height, distinct byte values in the decompressed image data)."""
    data = path.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    width, height = struct.unpack(">II", data[16:24])
    idat = b""
    i = 8
    while i < len(data):
        (length,) = struct.unpack(">I", data[i : i + 4])
        kind = data[i + 4 : i + 8]
        if kind == b"IDAT":
            idat += data[i + 8 : i + 8 + length]
        i += 12 + length
    return width, height, len(set(zlib.decompress(idat)))


def test_headless_chromium_renders_it_and_runs_no_article_script(whole, tmp_path):
    browser = _chromium()
    if browser is None:
        pytest.skip("chromium not installed (apt-get install -y chromium)")
    page = tmp_path / "brief.html"
    write_brief(whole, page)
    flags = [
        browser,
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        f"--user-data-dir={tmp_path / 'profile'}",
    ]
    shot = tmp_path / "shot.png"
    subprocess.run(
        [*flags, f"--screenshot={shot}", "--window-size=1280,2400", page.as_uri()],
        capture_output=True,
        timeout=120,
        check=False,
    )
    assert shot.exists(), "chromium wrote no screenshot"
    width, height, distinct = _png_info(shot)
    assert (width, height) == (1280, 2400)
    assert shot.stat().st_size > 30_000 and distinct > 100  # not a blank page

    dom = subprocess.run(
        [*flags, "--dump-dom", page.as_uri()],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    ).stdout
    assert dom.count("<svg") == 3
    assert dom.count('class="place"') == len(whole["places"])
    assert "data-pwned=" not in dom  # the injected script never ran
    assert "<script" not in dom and "<img" not in dom
    assert "&lt;script&gt;document.documentElement.setAttribute" in dom
