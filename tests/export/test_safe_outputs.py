"""Exports that are safe to open: no spreadsheet formula in a CSV cell, no `javascript:` or
`data:` link in STIX or FtM, and an export that neither makes folders nor deletes a user's
files."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pytest
from followthemoney import model

from footprint.errors import FootprintError
from footprint.export.atomic import atomic_files
from footprint.export.csv_tables import FORMULA_STARTS, TABLE_FILES, _cell, inert
from footprint.export.links import web_link
from tests.export.conftest import run_export
from tests.hostile import (
    DATA_URL,
    FORMULA_SENTENCE,
    FORMULA_TITLE,
    JAVASCRIPT_URL,
    WEB_URL,
    build_hostile_store,
)


@pytest.fixture(scope="module")
def hostile_db(tmp_path_factory, shared_db_target) -> str:
    folder = tmp_path_factory.mktemp("hostile-export")
    return build_hostile_store(folder, shared_db_target(folder / "fp.db"))


@pytest.fixture(scope="module")
def tables(hostile_db, tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("hostile-tables") / "tables"
    result = run_export(hostile_db, "--format", "csv", "-o", str(folder))
    assert result.exit_code == 0, result.output
    return folder


def _rows(folder: Path, name: str) -> list[dict[str, str]]:
    with (folder / f"{name}.csv").open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


# --- CSV: formula injection -----------------------------------------------------------------


def test_no_csv_cell_starts_a_formula(tables):
    for name in TABLE_FILES:
        with (tables / name).open(encoding="utf-8", newline="") as handle:
            for row in csv.reader(handle):
                for cell in row:
                    if cell.startswith(FORMULA_STARTS):  # only a number of footprint's own
                        float(cell)


def test_formulas_from_articles_are_kept_as_text(tables):
    titles = {r["id"]: r["title"] for r in _rows(tables, "documents")}
    assert titles["doc-hostile"].startswith("'" + FORMULA_TITLE)
    assert titles["doc-data-url"].startswith("'+SUM(1,2)")
    assert titles["doc-web"].startswith("'@Durrani")
    sentences = [r["sentence"] for r in _rows(tables, "evidence")]
    assert any(s.startswith("'" + FORMULA_SENTENCE) for s in sentences)
    assert not any(s.startswith(FORMULA_SENTENCE) for s in sentences)


def test_numbers_stay_numbers(tables):
    caracas = next(r for r in _rows(tables, "events") if r["place"] == "Caracas")
    assert float(caracas["lon"]) < 0 and float(caracas["lat"]) > 0  # -66.9, written as is
    raw = (tables / "events.csv").read_text("utf-8")
    assert f",{caracas['lon']}," in raw  # unquoted: a spreadsheet reads a number
    assert _cell(-66.87919) == -66.87919 and _cell(3) == 3
    for text in ("-5", "=1+1", "+1", "@SUM(A1)", "\tx", "\rx", "＝1+1"):
        assert inert(text) == "'" + text
        assert _cell(text) == "'" + text
    assert _cell(["-a", "b"]) == "'-a; b"
    assert inert("Hamas") == "Hamas"


# --- STIX and FtM: links ----------------------------------------------------------------------


def test_web_link_takes_only_http_addresses():
    assert web_link(WEB_URL) == WEB_URL
    assert web_link("HTTP://Example.org/x") == "HTTP://Example.org/x"
    for bad in (
        JAVASCRIPT_URL,
        " JavaScript:alert(1)",
        DATA_URL,
        "vbscript:msgbox(1)",
        "file:///etc/passwd",
        "https:no-host",
        "http://exa mple.org/",
        "http://[::1",
        None,
        "",
    ):
        assert web_link(bad) is None, bad


def test_stix_links_only_http_urls(hostile_db, tmp_path):
    target = tmp_path / "out.stix.json"
    assert run_export(hostile_db, "--format", "stix", "-o", str(target)).exit_code == 0
    refs = [
        ref
        for obj in json.loads(target.read_text("utf-8"))["objects"]
        for ref in obj.get("external_references", [])
    ]
    urls = {ref["url"] for ref in refs if "url" in ref}
    assert urls == {WEB_URL}
    notes = " ".join(ref.get("description", "") for ref in refs)
    assert JAVASCRIPT_URL in notes and "not given as a link" in notes
    assert "data:text/html" in notes


def test_ftm_source_urls_are_only_http(hostile_db, tmp_path):
    target = tmp_path / "out.ftm.json"
    assert run_export(hostile_db, "--format", "ftm", "-o", str(target)).exit_code == 0
    entities = [json.loads(row) for row in target.read_text("utf-8").splitlines()]
    urls = {u for e in entities for u in e["properties"].get("sourceUrl", [])}
    assert urls == {WEB_URL}
    articles = {e["id"]: e for e in entities if e["schema"] == "Article"}
    assert JAVASCRIPT_URL in articles["doc-hostile"]["properties"]["notes"][0]
    assert "data:text/html" in articles["doc-data-url"]["properties"]["notes"][0]
    assert "notes" not in articles["doc-web"]["properties"]
    for e in entities:
        model.get_proxy(e)  # still valid FtM


# --- where an export writes -------------------------------------------------------------------


@pytest.mark.parametrize("fmt", ["ftm", "stix", "geojson", "graphml", "csv"])
def test_a_missing_folder_is_refused_not_made(hostile_db, tmp_path, fmt):
    target = tmp_path / "no" / "such" / "dir" / "x"
    result = run_export(hostile_db, "--format", fmt, "-o", str(target))
    assert result.exit_code == 2
    assert "does not exist" in result.output
    assert len(result.output.strip().splitlines()) == 1
    assert not (tmp_path / "no").exists()


def test_csv_into_a_folder_with_other_files_needs_force_and_keeps_them(hostile_db, tmp_path):
    folder = tmp_path / "mine"
    folder.mkdir()
    (folder / "keep.txt").write_text("my notes")
    result = run_export(hostile_db, "--format", "csv", "-o", str(folder))
    assert result.exit_code == 2
    assert "keep.txt" in result.output and "--force" in result.output
    assert sorted(p.name for p in folder.iterdir()) == ["keep.txt"]

    result = run_export(hostile_db, "--format", "csv", "-o", str(folder), "--force")
    assert result.exit_code == 0, result.output
    assert (folder / "keep.txt").read_text() == "my notes"
    assert sorted(p.name for p in folder.iterdir()) == sorted(["keep.txt", *TABLE_FILES])
    assert len(_rows(folder, "documents")) == 3


def test_csv_replaces_a_folder_of_its_own_tables(hostile_db, tmp_path):
    folder = tmp_path / "tables"
    for _ in range(2):
        result = run_export(hostile_db, "--format", "csv", "-o", str(folder))
        assert result.exit_code == 0, result.output
    assert sorted(p.name for p in folder.iterdir()) == sorted(TABLE_FILES)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["tables"]  # no temporary folders


def test_a_failed_write_beside_other_files_changes_nothing(tmp_path):
    folder = tmp_path / "mine"
    folder.mkdir()
    (folder / "keep.txt").write_text("mine")
    (folder / "entities.csv").write_text("old")
    with pytest.raises(RuntimeError), atomic_files(folder) as tmp:
        (tmp / "entities.csv").write_text("half")
        raise RuntimeError("interrupted")
    assert (folder / "entities.csv").read_text() == "old"
    (folder / "events.csv").mkdir()  # a name footprint writes, taken by a folder
    with pytest.raises(FootprintError), atomic_files(folder) as tmp:
        (tmp / "entities.csv").write_text("new")
        (tmp / "events.csv").write_text("new")
    assert (folder / "entities.csv").read_text() == "old"  # nothing replaced
    assert sorted(p.name for p in folder.iterdir()) == ["entities.csv", "events.csv", "keep.txt"]


def test_a_co_appearance_pair_is_one_row_saying_what_each_is():
    from rich.console import Console

    from footprint.export.terminal import _co_appearances

    dossier = {
        "events": [{"id": "e1", "label": "rally in Town", "date": None}],
        "co_appearances": [
            {"actor_name": "A", "with_name": "B", "kind": "listed", "event": "e1"},
            {"actor_name": "B", "with_name": "A", "kind": "alias", "event": "e1"},
            {"actor_name": "C", "with_name": "B", "kind": "listed", "event": "e1"},
        ],
    }
    console = Console(width=200, record=True)
    console.print(_co_appearances(dossier))
    rows = [ln for ln in console.export_text().splitlines() if "rally in Town" in ln]
    assert len(rows) == 2 and "A:" in rows[0]


def test_piped_output_does_not_depend_on_the_terminal_width(tmp_path):
    import subprocess
    import sys

    script = "from footprint.cli.common import out; print(out.width)"
    widths = {
        subprocess.run(
            [sys.executable, "-c", script],
            capture_output=True,
            text=True,
            env={**__import__("os").environ, "COLUMNS": columns},
            check=True,
        ).stdout.strip()
        for columns in ("40", "300")
    }
    assert widths == {"160"}
