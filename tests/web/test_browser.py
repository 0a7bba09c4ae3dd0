"""The pages in a real headless Chromium (Debian's, driven by Playwright's Python package) against
a real server on loopback: search an actor, open its page, pivot and expand in the network, open
an event, open the document at the highlighted sentence; a document full of script payloads
fires none. The browser must log no console error and ask no other origin for anything.
Screenshots of each page go to build/web-screenshots/.

Skips, saying why, where Chromium or Playwright is not installed (`.ci/run` installs Chromium).
"""

from __future__ import annotations

import dataclasses
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from footprint.resolve.corpus import resolve_store
from footprint.store import open_store
from tests.conftest import ROOT
from tests.web.conftest import TOKEN, build_store, live_server
from tests.web.corpus import XSS_NAMES, XSS_REPORT

SHOTS = ROOT / "build" / "web-screenshots"
FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
HOSTILE_TEXT = (
    "On May 5, 2024, the Mountain Reform Alliance held a rally in Quetta. Sami Ullah Khan, "
    "chairman of the Mountain Reform Alliance, spoke at the rally."
)


def chromium() -> str | None:
    for name in ("/usr/bin/chromium", "chromium", "chromium-browser"):
        found = shutil.which(name)
        if found:
            return found
    return None


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    path = chromium()
    if path is None:
        pytest.skip("chromium not installed (apt-get install -y chromium)")
    sync_api = pytest.importorskip("playwright.sync_api", reason="playwright not installed")
    with sync_api.sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=path, args=FLAGS)
        yield launched
        launched.close()


@dataclasses.dataclass
class Watched:
    """A page and what it did: console errors, script errors, dialogs, every request made."""

    page: Any
    origin: str
    errors: list[str] = dataclasses.field(default_factory=list)
    requests: list[str] = dataclasses.field(default_factory=list)

    def shot(self, name: str) -> Path:
        SHOTS.mkdir(parents=True, exist_ok=True)
        path = SHOTS / f"{name}.png"
        self.page.screenshot(path=str(path), full_page=True)
        assert path.stat().st_size > 10_000
        return path

    def check_clean(self) -> None:
        assert self.errors == []
        foreign = [u for u in self.requests if not u.startswith(self.origin + "/")]
        assert foreign == [], f"requests to other origins: {foreign}"


def watch(browser: Any, origin: str) -> Watched:
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    watched = Watched(page, origin)
    page.on(
        "console",
        lambda m: watched.errors.append(f"console: {m.text}") if m.type == "error" else None,
    )
    page.on("pageerror", lambda e: watched.errors.append(f"script error: {e}"))
    page.on("dialog", lambda d: (watched.errors.append(f"dialog: {d.message}"), d.dismiss()))
    page.on("request", lambda r: watched.requests.append(r.url))
    page.on("requestfailed", lambda r: watched.errors.append(f"request failed: {r.url}"))
    return watched


def test_search_actor_network_event_document(browser, reader):
    w = watch(browser, reader.url)
    page = w.page
    page.goto(reader.url + "/")
    page.fill("#q", "rahman")
    page.click("#search-button")
    page.wait_for_selector("#actor-results")
    w.shot("search")
    person_row = page.locator("#actor-results tr", has_text="person").filter(has_text="Nadia")
    person_row.locator("a.actor-link").click()
    page.wait_for_selector("#network[data-ready=true]")
    assert page.inner_text("#actor-name").startswith("Nadia Rahman")
    assert page.locator("#itinerary tbody tr").count() == 3
    assert page.locator("#itinerary blockquote.evidence a.source").count() >= 3
    assert page.locator("#timeline svg").count() == 1
    assert page.locator("#map svg circle.place").count() == 3
    w.shot("actor")

    # Click a neighbour in the network: its ties and their evidence; expand it; pivot to another.
    nodes_before = page.locator("#network g.node").count()
    assert page.locator("#network g.node", has_text="Crimson Hand Brigade").count() == 0
    page.locator("#network g.node", has_text="Coastal Justice Front").click()
    assert page.inner_text("#panel-name") == "Coastal Justice Front"
    assert page.locator("#panel-evidence blockquote.evidence a.source").count() >= 1
    page.click("#panel-expand")
    page.wait_for_selector("#network[data-expanded='2']")
    assert page.locator("#network g.node").count() > nodes_before  # its own neighbours came in
    assert page.locator("#network g.node", has_text="Crimson Hand Brigade").count() == 1
    w.shot("actor-network-expanded")
    page.locator("#network g.node", has_text="Tariq Baloch").click()
    assert page.inner_text("#panel-name") == "Tariq Baloch"
    page.click("#panel-open")
    page.wait_for_selector("#network[data-ready=true]")
    assert page.inner_text("#actor-name").startswith("Tariq Baloch")

    # The event page: participants with roles and modes, date precision, support, sources.
    page.locator("#itinerary a.event-link", has_text="rally in Karachi").click()
    page.wait_for_selector("#participants")
    assert page.inner_text("#event-label") == "rally in Karachi"
    assert "(day" in page.inner_text("#event-date")
    assert "F1" in page.inner_text("#event-support")
    row = page.locator("#participants tr", has_text="Nadia Rahman")
    assert "speaker" in row.inner_text() and "remote" in row.inner_text()
    assert page.locator("#reports a.document-link").count() == 2
    w.shot("event")

    # The document at the highlighted sentence that says she spoke by video link.
    link = row.locator("blockquote.evidence a.source").first
    link.click()
    page.wait_for_url("**/documents/karachi-rally#c-*")
    target = page.evaluate(
        "() => { const t = document.querySelector(':target');"
        " return t && {tag: t.tagName, cls: t.className, text: t.textContent}; }"
    )
    assert target is not None, "the link's anchor is not in the reader"
    assert target["tag"] == "MARK" and "claim" in target["cls"]
    assert "addressed the rally via video link" in target["text"]
    assert page.locator("mark.claim").count() >= 3
    assert page.locator("ol.claims li").count() == page.locator("mark.claim").count()
    w.shot("document")
    w.check_clean()


def test_api_docs_page_draws_the_schema(browser, reader):
    w = watch(browser, reader.url)
    w.page.goto(reader.url + "/api/docs")
    w.page.wait_for_selector("#api-docs[data-ready=true]")
    assert w.page.locator("section.endpoint").count() >= 17
    assert "/api/match" in w.page.inner_text("#api-docs")
    w.shot("api-docs")
    w.check_clean()


@pytest.fixture(scope="module")
def hostile(tmp_path_factory, shared_db_target) -> Iterator[str]:
    """A server over a store holding the hostile report (ingested over HTTP) and a document
    whose actors and event carry script in their names (written through the store's writer)."""
    import footprint

    folder = tmp_path_factory.mktemp("web-hostile")
    settings = build_store(folder, shared_db_target(folder / "h.db"))
    result = footprint.analyze_text(
        HOSTILE_TEXT, published="2024-05-06", document_id="hostile-names",
        title=XSS_NAMES["event"], settings=settings,
    )
    renamed = {
        e.id: dataclasses.replace(e, name=XSS_NAMES[e.type]) if e.type in XSS_NAMES else e
        for e in result.entities
    }
    assert {e.name for e in renamed.values()} >= {XSS_NAMES["person"], XSS_NAMES["organization"]}
    events = [dataclasses.replace(e, label=XSS_NAMES["event"]) for e in result.events]
    hostile_result = dataclasses.replace(result, entities=list(renamed.values()), events=events)
    store = open_store(settings.db)
    try:
        store.write(hostile_result)
        resolve_store(store)
    finally:
        store.close()
    with live_server(settings, TOKEN) as url:
        from httpx import Client

        with Client(base_url=url, headers={"Authorization": f"Bearer {TOKEN}"}) as client:
            r = client.post("/api/documents", json=XSS_REPORT, timeout=120)
            assert r.status_code == 201, r.text
        yield url


def test_script_in_articles_and_names_never_runs(browser, hostile):
    w = watch(browser, hostile)
    page = w.page
    pages = {
        "hostile-search": "/?q=Khan",
        "hostile-document": "/documents/hostile-report",
        "hostile-names-document": "/documents/hostile-names",
        "hostile-documents": "/documents",
        "hostile-events": "/events",
    }
    for name, path in pages.items():
        page.goto(hostile + path)
        page.wait_for_load_state("load")
        w.shot(name)
        assert page.evaluate("() => window.pwned") is None, path
    # The report's address is a javascript: URL: shown as text, never a link.
    page.goto(hostile + "/documents/hostile-report")
    assert page.locator("a[href^='javascript']").count() == 0
    assert "javascript:window.pwned=4" in page.inner_text("body")
    assert page.inner_text("#document-title") == XSS_REPORT["title"]
    assert "<script>window.pwned=5</script>" in page.inner_text("#doc-text")

    # The actor and event whose names are markup: shown as text on their own pages.
    page.goto(hostile + "/?q=Khan")
    page.locator("#actor-results a.actor-link", has_text="svg onload").click()
    page.wait_for_selector("#network[data-ready=true]")
    assert page.inner_text("#actor-name").startswith(XSS_NAMES["person"])
    page.locator("#network g.node").first.click()  # names drawn by the script, as text
    w.shot("hostile-actor")
    page.locator("#itinerary a.event-link").first.click()
    page.wait_for_selector("#participants")
    assert page.inner_text("#event-label") == XSS_NAMES["event"]
    assert page.locator("#participants a.actor-link", has_text="onerror").count() == 1
    w.shot("hostile-event")
    assert page.evaluate("() => window.pwned") is None
    assert page.locator("svg[onload], img[onerror], script:not([src])").count() == 0
    w.check_clean()
