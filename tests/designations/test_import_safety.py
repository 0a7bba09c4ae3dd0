"""`footprint lists import` refuses what it cannot trust: a malformed watchlist is rejected
with the lines at fault (and an earlier import of the same list is kept), and of a
FollowTheMoney file only the entities it marks as listed become listings."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from footprint.cli import app
from footprint.designations.sources import MAX_NAME, read_ftm_entities, read_watchlist
from footprint.designations.userlists import current_listings, import_list

runner = CliRunner()


def _write(folder: Path, name: str, text: str) -> Path:
    path = folder / name
    path.write_text(text, "utf-8")
    return path


def _import(path: Path, lists: Path):
    return runner.invoke(
        app, ["lists", "import", str(path)], env={"FOOTPRINT_LISTS_DIR": str(lists)}
    )


def _user_names(lists: Path) -> set[str]:
    return {x.name for x in current_listings(lists) if x.id.startswith(("user:", "ftm:"))}


# --- watchlists (CSV, YAML) -------------------------------------------------------------------


def test_an_unclosed_quote_is_refused_with_its_line(tmp_path):
    path = _write(
        tmp_path, "mine.csv", 'name,aliases\nAcme Front,AF\n"Bad Front,BF\nOther,O\nLast,L\n'
    )
    with pytest.raises(ValueError, match="line 3: not well-formed CSV.*nothing imported"):
        read_watchlist(path)
    result = _import(path, tmp_path / "lists")
    assert result.exit_code == 1
    assert result.output.startswith("error mine.csv: line 3")
    assert not (tmp_path / "lists" / "extra").exists()


@pytest.mark.parametrize(
    "body, reason",
    [
        ('"Two\nLines",X\n', "line 2: the name spans several lines"),
        ("N" * (MAX_NAME + 1) + ",X\n", f"line 2: the name is {MAX_NAME + 1} characters long"),
        ("Acme,A,organisation,,note,extra\n", "line 2: 6 cells, the header has 5"),
        ('Acme,"A;B\nC",organisation\n', "line 2: alias 'B\\\\nC' spans several lines"),
        ("Acme\x1b[2J,A\n", "line 2: the name holds a control character"),
        (",A\n", "line 2: no name"),
        ("Acme,A,org,yesterday\n", "line 2: listed_on 'yesterday' is not a YYYY-MM-DD date"),
    ],
)
def test_a_bad_row_is_refused_with_its_line(tmp_path, body, reason):
    path = _write(tmp_path, "w.csv", "name,aliases,type,listed_on,note\n" + body)
    with pytest.raises(ValueError, match=reason):
        read_watchlist(path)


def test_every_bad_row_is_named_and_lines_count_from_the_file(tmp_path):
    text = 'name,note\nGood One,x\n"Multi\nline",y\n\nGood Two,"a\nlong note"\n,z\n'
    with pytest.raises(ValueError) as caught:
        read_watchlist(_write(tmp_path, "w.csv", text))
    message = str(caught.value)
    assert "2 bad row(s), nothing imported" in message
    assert "line 3: the name spans several lines" in message
    assert "line 8: no name" in message  # after a blank line and a two-line note


def test_a_bad_import_keeps_the_list_imported_before(tmp_path):
    lists = tmp_path / "lists"
    good = _write(tmp_path, "mine.csv", "name,aliases\nAcme Front,AF\nBeta Group,BG\n")
    assert _import(good, lists).exit_code == 0
    _write(tmp_path, "mine.csv", 'name,aliases\nAcme Front,AF\n"Beta Group,BG\n')
    result = _import(good, lists)
    assert result.exit_code == 1 and "line 3" in result.output
    assert _user_names(lists) == {"Acme Front", "Beta Group"}


def test_yaml_entries_are_checked_too(tmp_path):
    path = _write(tmp_path, "w.yaml", "- name: Good\n- name: [a, b]\n- name: 'x\n\n  y'\n")
    with pytest.raises(ValueError) as caught:
        read_watchlist(path)
    assert "entry 2: the name is not text" in str(caught.value)
    assert "entry 3: the name spans several lines" in str(caught.value)


def test_a_well_formed_watchlist_still_imports(tmp_path):
    text = 'name,aliases,type,listed_on,note\nAcme Front,"AF; Acme",org,2020-01-02,"two\nlines"\n'
    (row,) = read_watchlist(_write(tmp_path, "w.csv", text))
    assert row.name == "Acme Front" and [a.name for a in row.aliases] == ["AF", "Acme"]
    assert row.remarks == "two\nlines" and row.id == "user:w.csv:1"


# --- FollowTheMoney ----------------------------------------------------------------------------


def _entity(eid: str, schema: str, name: str, topics: list[str] | None = None) -> dict:
    props: dict = {"name": [name]}
    if topics is not None:
        props["topics"] = topics
    return {"id": eid, "schema": schema, "properties": props}


FTM = [
    _entity("p-sanctioned", "Person", "Listed Person", ["sanction"]),
    _entity("p-terror", "Person", "Terror Person", ["crime.terror", "role.pep"]),
    _entity("o-linked", "Organization", "Linked Front", ["sanction.linked"]),
    _entity("o-by-sanction", "Organization", "Sanctioned By Record"),
    {"id": "s1", "schema": "Sanction", "properties": {"entity": ["o-by-sanction"]}},
    _entity("p-pep", "Person", "Just A Politician", ["role.pep"]),
    _entity("p-plain", "Person", "Someone In An Article"),
    _entity("o-plain", "Organization", "A Newspaper", []),
]


def test_only_entities_marked_as_listed_become_listings(tmp_path):
    path = _write(tmp_path, "mixed.ftm.json", "\n".join(json.dumps(e) for e in FTM))
    read = read_ftm_entities(path)
    assert {x.name for x in read.listings} == {
        "Listed Person",
        "Terror Person",
        "Linked Front",
        "Sanctioned By Record",
    }
    assert read.unlisted == 3
    result = _import(path, tmp_path / "lists")
    assert result.exit_code == 0, result.output
    assert "4 entries" in result.output
    assert "3 people and organisations in it were left out" in result.output
    assert "Someone In An Article" not in _user_names(tmp_path / "lists")


def test_a_collection_with_no_listed_entity_is_refused(tmp_path):
    """An Aleph collection or footprint's own export of undesignated actors: people from
    articles, not listings."""
    entities = [e for e in FTM if e["id"] in ("p-pep", "p-plain", "o-plain")]
    path = _write(tmp_path, "collection.json", json.dumps(entities))
    with pytest.raises(ValueError, match="none of its 3 people and organisations is marked"):
        import_list(path, tmp_path / "lists")
    result = _import(path, tmp_path / "lists")
    assert result.exit_code == 1 and "nothing imported" in result.output
    assert _user_names(tmp_path / "lists") == set()
