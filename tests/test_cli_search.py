"""`footprint search` on the command line: the table, `--json FILE|-`, the filters as options,
hostile queries and article text, and a missing database."""

from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

from footprint.cli import app
from footprint.model import Document
from footprint.store import open_store
from footprint.store.search import MARK_OPEN
from tests.store.test_search import LINK, TEXT_A, corpus, document, filler

runner = CliRunner()

HOSTILE = "[bold red]Injected[/] :bomb: \x1b]0;pwned\x07 said the video link was cut."


@pytest.fixture
def db(db_target, analyse):
    target = db_target()
    store = open_store(target)
    try:
        for result in [*corpus(), *(filler(n) for n in range(12))]:
            store.write(result)
        store.write(document("doc-h", HOSTILE, [], title="[/]Hostile", published="2024-05-05"))
        # An analysed document, so that --actor finds an actor the way `profile` does.
        text = "Tariq Durrani, head of Tehreek-e-Nizam, joined the rally by video link."
        result = analyse(text, doc_id="doc-n")
        result.document = Document("doc-n", text, "doc-n.txt", published="2024-02-02")
        store.write(result)
    finally:
        store.close()
    return target


def search(db: str, *args: str):
    return runner.invoke(app, ["search", *args, "--db", db])


def test_json_to_stdout_lists_hits_with_offsets(db):
    result = search(db, '"video link"', "--json", "-")
    assert result.exit_code == 0, result.output
    answer = json.loads(result.stdout)
    assert answer["understood"] == '"video link"'
    hits = answer["hits"]
    assert {h["document_id"] for h in hits} == {"doc-a", "doc-b", "doc-h", "doc-n"}
    first_a = next(h for h in hits if h["document_id"] == "doc-a" and h["kind"] == "sentence")
    assert set(first_a) >= {
        "document_id",
        "title",
        "path",
        "published",
        "start",
        "end",
        "kind",
        "snippet",
        "score",
    }
    assert TEXT_A[first_a["start"] : first_a["end"]] == LINK
    assert [TEXT_A[s:e] for s, e in first_a["marks"]] == ["video link"]
    assert f"{MARK_OPEN}video link" in first_a["snippet"]
    assert [h["score"] for h in hits] == sorted((h["score"] for h in hits), reverse=True)


def test_json_to_a_file_and_the_table(db, tmp_path):
    out = tmp_path / "hits.json"
    result = search(db, "video link", "--json", str(out))
    assert result.exit_code == 0, result.output
    assert "Rally in Doha" in result.stdout and "claim sentence" in result.stdout
    assert json.loads(out.read_text("utf-8"))["hits"]


def test_filters_as_options(db):
    def docs(*args: str) -> set[str]:
        result = search(db, '"video link"', "--json", "-", *args)
        assert result.exit_code == 0, result.output
        return {h["document_id"] for h in json.loads(result.stdout)["hits"]}

    assert docs("--country", "Qatar") == {"doc-a"}
    assert docs("--country", "PK") == {"doc-b"}
    assert docs("--since", "2024-05-01") == {"doc-b", "doc-h"}
    assert docs("--until", "2024-02-02") == {"doc-n"}
    assert docs("--actor", "Tariq Durrani") == {"doc-n"}
    assert docs("--actor", "tariq durrani", "--since", "2024-03-01") == set()
    assert docs("--limit", "1") and len(docs("--limit", "1")) == 1


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--actor", "Nobody At All"], "no actor named"),
        (["--country", "Atlantis"], "Atlantis"),
        (["--since", "yesterday"], "YYYY-MM-DD"),
    ],
)
def test_bad_filters_are_one_line_errors(db, args, message):
    result = search(db, "video", *args)
    assert result.exit_code == 2
    assert message in result.output and "Traceback" not in result.output


@pytest.mark.parametrize(
    "text", ['"', "AND", "NEAR(", "video*", "'; DROP TABLE documents; --", "-video", "[/]"]
)
def test_hostile_queries_never_crash(db, text):
    # After `--`, as a query that starts with "-" must be given (else it reads as an option).
    result = runner.invoke(app, ["search", "--json", "-", "--db", db, "--", text])
    assert result.exception is None or isinstance(result.exception, SystemExit), result.output
    assert result.exit_code in (0, 2)
    if result.exit_code == 2:
        errors = [x for x in result.stderr.splitlines() if x.startswith("error")]
        assert len(errors) == 1 and "Traceback" not in result.output
    assert search(db, "video").exit_code == 0  # the store is intact


def test_article_text_prints_as_written(db):
    result = search(db, "Injected")
    assert result.exit_code == 0, result.output
    assert "[bold red]⟦Injected⟧[/]" in result.stdout and ":bomb:" in result.stdout
    assert "[/]Hostile" in result.stdout
    assert "\x1b" not in result.stdout and "\\x1b" in result.stdout


def test_matched_words_are_bracketed_when_piped(db):
    result = search(db, "video link")
    assert result.exit_code == 0, result.output
    assert "⟦video⟧ ⟦link⟧" in result.stdout


def test_nothing_found_says_so(db):
    result = search(db, "zeppelin")
    assert result.exit_code == 0
    assert 'No passage says "zeppelin".' in result.stdout


def test_missing_database_is_an_error(tmp_path):
    missing = tmp_path / "nowhere" / "fp.db"
    result = runner.invoke(app, ["search", "video", "--db", str(missing)])
    assert result.exit_code == 2
    assert f"{missing}: no such database" in result.output
    assert not missing.parent.exists()
