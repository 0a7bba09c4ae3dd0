"""The PLOVER/CAMEO table in code agrees with the one in docs/events.md, row for row, and
covers every type the lexicons can give an event."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from footprint.extract.ontology import NO_CODES, ONTOLOGY, EventCodes, codes_of
from footprint.nlp import lexicons

DOC = Path(__file__).resolve().parents[2] / "docs" / "events.md"
ROW = re.compile(
    r"^\| `(?P<type>[a-z_]+)` \|(?P<what>[^|]*)\|(?P<plover>[^|]*)\|(?P<cameo>[^|]*)\|$"
)
PLOVER = re.compile(r"^(?P<type>[A-Z]+)(?: \((?P<mode>[a-z_]+)\))?$")
CAMEO = re.compile(r"^(?P<code>\d{2,3})(?: (?P<label>[^(]*?))?(?: \(.*\))?$")


def first_choice(cell: str) -> str:
    """The first of several candidates the page gives ("040 Consult / 043 Host a visit")."""
    return cell.split(" / ")[0].strip()


def parse_plover(cell: str) -> tuple[str | None, str | None]:
    first = first_choice(cell)
    if first.startswith("—"):  # "— (no PLOVER equivalent)"
        return None, None
    m = PLOVER.match(first)
    assert m, f"unreadable PLOVER cell {cell!r}"
    return m["type"], m["mode"]


def parse_cameo(cell: str) -> tuple[str | None, str | None]:
    if first_choice(cell).startswith("—"):  # "— (no CAMEO equivalent)"
        return None, None
    m = CAMEO.match(first_choice(cell))
    assert m, f"unreadable CAMEO cell {cell!r}"
    return m["code"], m["label"] or None


def documented() -> dict[str, EventCodes]:
    table: dict[str, EventCodes] = {}
    for line in DOC.read_text("utf-8").splitlines():
        m = ROW.match(line.strip())
        if not m:
            continue
        assert m["type"] not in table, f"{m['type']} twice in {DOC.name}"
        plover, mode = parse_plover(m["plover"].strip())
        code, label = parse_cameo(m["cameo"].strip())
        table[m["type"]] = EventCodes(plover, mode, code, label)
    return table


def test_the_page_parses_into_every_row():
    table = documented()
    assert len(table) == 27  # the rows of the table in docs/events.md
    assert table["riot"] == EventCodes("PROTEST", "riot", "145", "Protest violently, riot")
    assert table["conference"] == EventCodes("CONSULT", None, "04", "Consult")
    assert table["ceremony"].plover_type is None
    assert table["accident"] == NO_CODES  # nobody's act: neither vocabulary codes it


def test_code_and_page_agree_row_for_row():
    table = documented()
    assert list(ONTOLOGY) == list(table)  # same types, in the page's order
    for event_type, codes in table.items():
        assert ONTOLOGY[event_type] == codes, event_type


def test_every_type_the_lexicons_give_has_codes():
    given = set(lexicons.event_nouns().values())
    given |= {v.event_type for v in lexicons.event_verbs().values() if v.event_type}
    given |= {t for pairs in lexicons.event_verb_objects().values() for _, t in pairs}
    assert given and given <= set(ONTOLOGY), given - set(ONTOLOGY)


@pytest.mark.parametrize("unknown", ["picnic", "", None])
def test_an_unknown_type_gets_empty_codes(unknown):
    assert codes_of(unknown) == NO_CODES
    assert NO_CODES.plover is None and NO_CODES.cameo is None


def test_codes_read_as_text():
    assert codes_of("riot").plover == "PROTEST (riot)"
    assert codes_of("riot").cameo == "145 Protest violently, riot"
    assert codes_of("protest").plover == "PROTEST"
    assert codes_of("speech").plover is None and codes_of("speech").cameo == "010 Make statement"
