"""The command line given hostile text: arguments, paths and articles holding Rich markup
(`[/]`), emoji codes and terminal escapes are printed as written, never read as markup, and no
command crashes on them."""

from __future__ import annotations

import io

import pytest
from rich.console import Console
from rich.table import Table
from typer.testing import CliRunner

from footprint.cli import app
from footprint.export.terminal_text import add_row, clean, line, plain
from footprint.store import open_store
from tests.hostile import ARTICLES, build_hostile_store

runner = CliRunner()


@pytest.fixture(scope="module")
def hostile_db(tmp_path_factory, shared_db_target) -> str:
    folder = tmp_path_factory.mktemp("hostile-cli")
    return build_hostile_store(folder, shared_db_target(folder / "fp.db"))


def _crashed(result) -> bool:
    """An exception other than the exit a command means to make."""
    return result.exception is not None and not isinstance(result.exception, SystemExit)


@pytest.mark.parametrize(
    "args",
    [
        ["ingest", "[/]nonexistent", "--db", "DB"],
        ["analyze", "[/]nonexistent", "--db", "DB"],
        ["profile", "[/]Nobody", "--db", "DB"],
        ["path", "[/]Nobody", "[/]Somebody", "--db", "DB"],
        ["timeline", "[/]Nobody", "--db", "DB"],
        ["network", "--around", "[/]Nobody", "--db", "DB"],
        ["merge", "[/]Nobody", "[/]Somebody", "--db", "DB"],
        ["split", "[/]Nobody", "--db", "DB"],
        ["export", "[/]Nobody", "-f", "ftm", "-o", "OUT/x.json", "--db", "DB"],
        ["brief", "[/]Nobody", "-o", "OUT/b.html", "--db", "DB"],
        ["sources", "rate", "[/]outlet", "A", "--db", "DB"],
        ["screen", "[/]Nobody"],
        ["lists", "import", "[red]missing.csv"],  # a name: "/" would make it a path
    ],
    ids=lambda args: " ".join(args[:2]),
)
def test_markup_in_an_argument_is_printed_as_written(args, tmp_path, db_target):
    db = db_target(tmp_path / "fp.db")
    open_store(db).close()
    args = [db if a == "DB" else a.replace("OUT", str(tmp_path)) for a in args]
    result = runner.invoke(app, args)
    assert not _crashed(result), repr(result.exception)
    shown = "[red]missing.csv" if args[0] == "lists" else "[/]"
    assert shown in result.output, result.output


def test_article_text_is_printed_as_written(hostile_db):
    for args in (["profile", "Yasir Haddad"], ["timeline"], ["network"]):
        result = runner.invoke(app, [*args, "--db", hostile_db])
        assert result.exit_code == 0, (args, result.output, result.exception)
        assert "\x1b" not in result.output
    profile = runner.invoke(app, ["profile", "Yasir Haddad", "--db", hostile_db]).output
    assert "=cmd|' /C calc'!A0" in profile and "[/]" in profile  # the sentence, as written


def test_the_dossier_shows_hostile_titles_as_written(tmp_path, db_target):
    source = tmp_path / "one.txt"
    source.write_text("[/][link=x]T\n\n" + ARTICLES[0]["text"])  # short: the table is narrow
    result = runner.invoke(app, ["analyze", str(source), "--db", db_target(tmp_path / "a.db")])
    assert result.exit_code == 0, (result.output, result.exception)
    assert "[/][link=x]T" in result.output


def test_an_error_naming_a_hostile_path_stays_one_line(tmp_path, db_target):
    bad = tmp_path / "bad\nname [/].txt"
    result = runner.invoke(app, ["ingest", str(bad), "--db", db_target(tmp_path / "fp.db")])
    assert not _crashed(result), repr(result.exception)
    (error,) = [row for row in result.output.splitlines() if row.startswith("error")]
    assert "bad\\nname [/].txt" in error


def test_clean_shows_terminal_escapes_and_reordering_as_escapes():
    assert clean("a\x1b]0;pwned\x07b") == "a\\x1b]0;pwned\\x07b"
    assert clean("\u202eevil") == "\\u202eevil"  # right-to-left override
    assert clean("two\nlines\tkept") == "two\nlines\tkept"
    assert clean("two\nlines", one_line=True) == "two\\nlines"
    assert clean("Arabic بيان stays") == "Arabic بيان stays"


def test_plain_text_is_never_markup_or_emoji():
    screen = Console(file=io.StringIO(), force_terminal=True, width=200)
    table = Table(title=plain("[/] title"))
    table.add_column("a")
    table.add_column("b")
    add_row(table, "[/] cell :bomb:", "[red]not red[/red]\x1b[2J")
    screen.print(table)
    screen.print(line(("error", "red"), " ", "[/]x\ny"))
    shown = screen.file.getvalue()  # type: ignore[attr-defined]
    assert "[/] title" in shown and "[/] cell :bomb:" in shown
    assert "[red]not red[/red]\\x1b[2J" in shown and "\x1b[2J" not in shown
    assert "[/]x\\ny" in shown


@pytest.mark.parametrize("source", ["", "   "])
def test_sources_rate_refuses_a_blank_source(source, tmp_path, db_target):
    db = db_target(tmp_path / "fp.db")
    open_store(db).close()
    result = runner.invoke(app, ["sources", "rate", source, "A", "--db", db])
    assert result.exit_code == 2
    assert "no source given" in result.output
    assert len(result.output.strip().splitlines()) == 1
    store = open_store(db)
    try:
        assert store.source_ratings() == {}
    finally:
        store.close()
