"""The project's own example corpus: facts its texts state, read back by language."""

import pytest

from footprint.extract.from_doc import extract
from footprint.ingest import load
from footprint.model import Document
from tests.conftest import CORPUS, relation_tuples


@pytest.fixture(scope="module")
def results(nlp):
    docs = [d for d in load([CORPUS]) if isinstance(d, Document)]
    return {d.path.split("/")[-1]: extract(nlp(d.text), d) for d in docs}


def _triples(result):
    return {(s, p, o) for s, p, o, _ in relation_tuples(result)}


def test_fronts_with_bracketed_acronyms(results):
    triples = _triples(results["muzaffarabad-kashmir-day.txt"])
    assert ("Jamaat-ud-Dawa", "front_of", "Lashkar-e-Taiba") in triples
    assert ("Falah-e-Insaniat Foundation", "front_of", "Jamaat-ud-Dawa") in triples
    assert ("Milli Muslim League", "front_of", "Lashkar-e-Taiba") in triples


def test_kinship_and_roles(results):
    triples = _triples(results["muzaffarabad-kashmir-day.txt"])
    assert ("Usman Aftab", "relative_of", "Sardar Aftab Khan") in triples
    assert ("Sardar Aftab Khan", "leader_of", "Kashmir Rabita Forum") in triples
    assert ("Jane Doe", "works_for", "Example Institute for Policy Studies") in triples


def test_spokesman_named_with_honorific_and_surname(results):
    result = results["islamabad-press-conference.txt"]
    mehmood = next(e for e in result.entities if e.name == "Tahir Mehmood")
    assert mehmood.type == "person" and "Mehmood" in mehmood.aliases
    assert ("Tahir Mehmood", "represents", "Tehreek-e-Labbaik Pakistan") in _triples(result)
    past = [r for r in result.relations if dict(r.qualifiers).get("time") == "past"]
    assert past, "then-TLP chief is a past role"


def test_person_mislabelled_by_model_is_fixed_by_grammar(results):
    result = results["lahore-gaza-rally.txt"]
    qureshi = next(e for e in result.entities if e.name == "Javed Iqbal Qureshi")
    assert qureshi.type == "person" and "Qureshi" in qureshi.aliases
    qadi = next(e for e in result.entities if e.name == "Yousef al-Qadi")
    assert len(qadi.mentions) >= 4


def test_html_and_jsonl_carry_metadata(results):
    wire = results["wire-story.html"]
    assert wire.document.title and wire.document.published
    notes = [r for name, r in results.items() if name.startswith("news-notes.jsonl")]
    assert len(notes) == 4 and all(r.document.author for r in notes)
