"""`footprint brief`: the self-contained HTML / Markdown report, its pictures and its escaping."""

from __future__ import annotations

import html as html_lib
import json
import re
import shutil
import struct
import subprocess
import zlib
from pathlib import Path

import pytest
from markdown_it import MarkdownIt  # CommonMark, installed with rich (a runtime dependency)
from typer.testing import CliRunner

from footprint.cli import app
from footprint.designations.screening import Designation, Screening
from footprint.export.brief import build_brief, md, render_html, render_markdown, write_brief
from footprint.model import Document, DocumentResult, Entity, Evidence, Mention
from footprint.pipeline.corpus import ingest_corpus
from footprint.settings import Settings
from footprint.store import open_store
from tests.conftest import CORPUS, ROOT
from tests.export.svg_boxes import collisions

SHOTS = ROOT / "build" / "brief-shots"  # the pictures the browser test leaves to look at

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
    assert "&lt;script>document.documentElement" in md
    rendered = MarkdownIt("commonmark").enable("table").render(md)
    assert "<script" not in rendered and "<img" not in rendered
    assert "&lt;script&gt;document.documentElement" in rendered


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
    SHOTS.mkdir(parents=True, exist_ok=True)
    page = SHOTS / "whole.html"
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
    shot = SHOTS / "whole.png"
    shot.unlink(missing_ok=True)
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


def test_headless_chromium_draws_an_actors_brief(db, tmp_path):
    browser = _chromium()
    if browser is None:
        pytest.skip("chromium not installed (apt-get install -y chromium)")
    store = open_store(db)
    try:
        data = build_brief(store, "Jamaat-e-Islami")
    finally:
        store.close()
    SHOTS.mkdir(parents=True, exist_ok=True)
    page, shot = SHOTS / "jamaat-e-islami.html", SHOTS / "jamaat-e-islami.png"
    shot.unlink(missing_ok=True)
    write_brief(data, page)
    subprocess.run(
        [
            browser,
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--no-first-run",
            "--disable-background-networking",
            f"--user-data-dir={tmp_path / 'profile'}",
            f"--screenshot={shot}",
            "--window-size=1280,2000",
            page.as_uri(),
        ],
        capture_output=True,
        timeout=120,
        check=False,
    )
    width, _, distinct = _png_info(shot)
    assert width == 1280 and distinct > 100


# --- read at a glance ------------------------------------------------------------------------


def test_no_label_of_the_briefs_network_or_map_collides(whole, db):
    html = render_html(whole)
    _, map_, network = _svgs(html)
    # Inline in the page the pictures drop their namespace; put it back to parse them.
    ns = '<svg xmlns="http://www.w3.org/2000/svg"'
    assert collisions(map_.replace("<svg", ns, 1)) == []
    assert collisions(network.replace("<svg", ns, 1)) == []
    assert 'class="country-label"' in map_ and 'class="scale-bar"' in map_
    assert 'class="edge-label"' in network and 'class="legend"' in network
    store = open_store(db)
    try:
        data = build_brief(store, "Jamaat-e-Islami")
    finally:
        store.close()
    _, map_, network = _svgs(render_html(data))
    assert collisions(map_.replace("<svg", ns, 1)) == []
    assert collisions(network.replace("<svg", ns, 1)) == []


def test_designations_name_the_actor_they_go_through(whole, html):
    linked = [d for d in whole["designations"] if d["kind"] == "linked_person"]
    assert linked
    for d in whole["designations"]:
        assert not str(d["via"] or "").startswith("ent-"), d
    qadi = next(d for d in linked if d["name"] == "Yousef al-Qadi")
    assert qadi["via"] == "Hamas" and qadi["via_id"].startswith("ent-")
    assert "via Hamas" in html and "via ent-" not in html
    keys = [(d["actor"], d["kind"], d["listing_id"]) for d in whole["designations"]]
    assert len(keys) == len(set(keys))


def _mentioned(eid: str, kind, name: str, doc: str, text: str) -> Entity:
    said = Evidence(doc, 0, len(name), name, text)
    return Entity(eid, kind, name, mentions=[Mention(name, kind, said, name)])


def test_one_designation_row_per_listing_however_many_sentences(new_store):
    """Two spellings of one actor, each matched to the same listing in its own report: one row,
    both sentences; a person linked through the second spelling is linked "via" the actor's
    display name."""
    store = new_store()
    listing = Designation(
        "listed", "TEST", "P", "GREEN BRIGADE", None, 1.0, "name match", "test", "L1"
    )
    linked = Designation(
        "linked_person",
        "TEST",
        "P",
        "GREEN BRIGADE",
        None,
        0.9,
        "named as its member",
        "test",
        "L1",
        via="ent-g2",
    )
    texts = {
        "doc-1": "Green Brigade claimed the attack.",
        "doc-2": "The Brigade's spokesman Bilal Noor denied it.",
    }
    store.write(
        DocumentResult(
            Document("doc-1", texts["doc-1"], "doc-1"),
            [_mentioned("ent-g", "organization", "Green Brigade", "doc-1", texts["doc-1"])],
            [],
            screening=Screening(designations={"ent-g": [listing]}),
        )
    )
    store.write(
        DocumentResult(
            Document("doc-2", texts["doc-2"], "doc-2"),
            [
                _mentioned("ent-g2", "organization", "The Brigade", "doc-2", texts["doc-2"]),
                _mentioned("ent-b", "person", "Bilal Noor", "doc-2", texts["doc-2"]),
            ],
            [],
            screening=Screening(designations={"ent-g2": [listing], "ent-b": [linked]}),
        )
    )
    store.replace_clusters(
        [("ent-g", "ent-g", None), ("ent-g2", "ent-g", "short form"), ("ent-b", "ent-b", None)],
        [],
        [],
    )
    data = build_brief(store)
    listed = [d for d in data["designations"] if d["kind"] == "listed"]
    assert len(listed) == 1
    (row,) = listed
    assert row["name"] == "Green Brigade" and row["listing_id"] == "L1"
    assert {row["evidence"]["sentence"], *(e["sentence"] for e in row["also"])} == set(
        texts.values()
    )
    (person,) = [d for d in data["designations"] if d["kind"] == "linked_person"]
    assert person["via"] == "Green Brigade" and person["via_id"] == "ent-g2"
    page = render_html(data)
    assert "via Green Brigade" in page and "(+1 more)" in page
    text = render_markdown(data, None)
    assert "linked person via Green Brigade" in text and "(+1 more)" in text


def test_markdown_reads_as_markdown(whole):
    text = render_markdown(whole, None)
    # Names and sentences stay as written: no backslash before "-", "(", "." mid-line.
    assert "Jamaat-e-Islami" in text and "Jamaat\\-e" not in text
    assert "\\(" not in text and "\\." not in text
    html = MarkdownIt("commonmark").enable("table").render(text)
    tables = re.findall(r"<table>.*?</table>", html, flags=re.S)
    assert len(tables) == 2  # the itinerary and the designations
    rows = re.findall(r"<tr>(.*?)</tr>", tables[0], flags=re.S)[1:]
    assert len(rows) == len(whole["itinerary"])
    assert all(row.count("<td") == 8 for row in rows)
    rows = re.findall(r"<tr>(.*?)</tr>", tables[1], flags=re.S)[1:]
    assert len(rows) == len(whole["designations"]) and all(r.count("<td") == 7 for r in rows)


@pytest.mark.parametrize(
    ("text", "shown"),
    [
        ("Jamaat-e-Islami (JI) said so.", "Jamaat-e-Islami (JI) said so."),
        ("a | b", "a | b"),
        ("*not bold* and _not em_ and `no code`", "*not bold* and _not em_ and `no code`"),
        ("[click](javascript:alert(1))", "[click](javascript:alert(1))"),
        ("# not a heading", "# not a heading"),
        ("- not a list", "- not a list"),
        ("2024. Not a list", "2024. Not a list"),
        ("snake_case_name", "snake_case_name"),
        ("~struck~ and ~~struck~~ but a ~ b", "~struck~ and ~~struck~~ but a ~ b"),
        ("<b>not bold</b> &amp; kept", "<b>not bold</b> &amp; kept"),
    ],
)
def test_markdown_escapes_only_what_markdown_reads(text, shown):
    cell = md(text)
    parser = MarkdownIt("commonmark").enable(["table", "strikethrough"])
    rendered = parser.render(f"| x |\n|---|\n| {cell} |\n")
    body = re.search(r"<td>(.*?)</td>", rendered, flags=re.S)
    assert body is not None, rendered
    assert html_lib.unescape(body.group(1)) == shown
    assert "<a " not in rendered and "<b>" not in rendered and "<em>" not in rendered
    assert "<s>" not in rendered and "<del>" not in rendered
    if text.startswith(("#", "-", "2024")):  # as a paragraph of its own, too
        assert MarkdownIt("commonmark").render(cell).startswith("<p>")
