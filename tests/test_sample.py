"""Acceptance on the reference article (skips where ../shared is absent).

The article's names may appear here — tests are the place for them — never in the engine."""

from __future__ import annotations

import pytest

from footprint.extract.hygiene import exclusions
from tests.conftest import names_by_type, relation_tuples

PEOPLE = {
    "Naji Zaheer",
    "Khaled Mashal",
    "Ismail Haniyeh",
    "Fazlur Rehman",
    "Khaled Qaddoumi",
    "Mushahid Hussain",
    "Mufti Azam",
    "Bilal Al Sallat",
    "Talha Saif",
    "Masood Azhar",
    "Anna Mahjar-Barducci",
}
ORGANISATIONS = {
    "Hamas",
    "Lashkar-e-Taiba",
    "Jaish-e-Muhammad",
    "Jamiat Ulema-e-Islam-Fazl",
    "Pakistan Markazi Muslim League",
    "Karachi Press Club",
    "Senate",
}
AFFILIATIONS = {
    ("Naji Zaheer", "represents", "Hamas"),
    ("Khaled Mashal", "leader_of", "Hamas"),
    ("Fazlur Rehman", "leader_of", "Jamiat Ulema-e-Islam-Fazl"),
    ("Ismail Haniyeh", "leader_of", "Hamas"),
    ("Pakistan Markazi Muslim League", "front_of", "Lashkar-e-Taiba"),
    ("Khaled Qaddoumi", "represents", "Hamas"),
    ("Mushahid Hussain", "member_of", "Senate"),
    ("Mufti Azam", "leader_of", "Hamas"),
    ("Bilal Al Sallat", "leader_of", "Hamas"),
    ("Talha Saif", "relative_of", "Masood Azhar"),
    ("Masood Azhar", "leader_of", "Jaish-e-Muhammad"),
    ("Anna Mahjar-Barducci", "works_for", "Middle East Media Research Institute"),
}


@pytest.fixture(scope="module")
def result(analyse, sample_text):
    return analyse(sample_text, doc_id="sample")


def test_people_and_organisations_typed_once_each(result):
    by_type = names_by_type(result)
    assert by_type["person"] >= PEOPLE
    assert by_type["organization"] >= ORGANISATIONS
    for name in PEOPLE | ORGANISATIONS:
        assert sum(e.name == name for e in result.entities) == 1, name
    # No person is also listed as a place or an organisation under another reading.
    assert not PEOPLE & (by_type.get("place", set()) | by_type["organization"])


def test_surnames_and_titles_resolve_to_full_names(result):
    zaheer = next(e for e in result.entities if e.name == "Naji Zaheer")
    assert len(zaheer.mentions) >= 10 and "Zaheer" in zaheer.aliases
    rehman = next(e for e in result.entities if e.name == "Fazlur Rehman")
    assert "Maulana Fazlur Rehman" in rehman.aliases
    memri = next(e for e in result.entities if e.name == "Middle East Media Research Institute")
    assert "MEMRI" in memri.aliases


def test_stated_affiliations_with_their_sentences(result, sample_text):
    triples = {(s, p, o) for s, p, o, _ in relation_tuples(result)}
    assert triples >= AFFILIATIONS
    for r in result.relations:
        ev = r.evidence
        assert sample_text[ev.start : ev.end] == ev.text
        assert ev.text in ev.sentence and ev.sentence in sample_text


def test_roles_qualifiers_and_past(result):
    rels = {(s, o): r for r in result.relations for s, o in [(r.subject, r.object)]}
    names = {e.id: e.name for e in result.entities}
    by_names = {(names[s], names.get(o)): r for (s, o), r in rels.items()}
    zaheer = [r for r in result.relations if names[r.subject] == "Naji Zaheer"]
    assert any(
        dict(r.qualifiers).get("place") == "Pakistan" and r.role == "special representative"
        for r in zaheer
    )
    assert dict(by_names[("Khaled Qaddoumi", "Hamas")].qualifiers)["place"] == "Tehran"
    assert dict(by_names[("Ismail Haniyeh", "Hamas")].qualifiers)["time"] == "past"
    assert by_names[("Talha Saif", "Masood Azhar")].role == "brother"
    assert "façade" in by_names[("Pakistan Markazi Muslim League", "Lashkar-e-Taiba")].role


def test_navigation_and_pull_quotes_yield_nothing(result, sample_text):
    tail = sample_text.index("See more from this Author")
    for e in result.entities:
        for m in e.mentions:
            assert m.evidence.start < tail, (e.name, m.evidence.text)
    reasons = {why for _, _, why in result.excluded}
    assert "pull quote repeating a paragraph" in reasons
    # The bracketed pull quote about the special representative gives no second claim.
    quote_start = sample_text.index("[Naji] Zaheer")
    assert all(not (r.evidence.start <= quote_start <= r.evidence.end) for r in result.relations)
    assert len(exclusions(sample_text)) >= 9


def test_author_from_author_line(result):
    assert result.document.author == "Anna Mahjar-Barducci"
