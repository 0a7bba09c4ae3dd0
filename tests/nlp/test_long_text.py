"""Long texts: read by the model in pieces and joined back, in work and memory that grow with
the length (issue 16). The texts are written for the tests."""

import cProfile
import pstats

from footprint.extract import hygiene
from footprint.extract.from_doc import extract
from footprint.model import Document
from footprint.nlp.long_text import annotate_long, pieces

PARAGRAPHS = [
    "The Harbour Workers Federation (HWF) held a rally in Karachi on 3 May 2024.",
    "Speakers at the rally demanded higher wages for dock labourers and safer cranes.",
    "Police officials said the march passed peacefully along the port road.",
    "A spokesman for the federation told reporters that another sit-in would follow.",
    "Traders in the old city closed their shops for the afternoon in support.",
]


def _report(paragraphs: int) -> str:
    return "\n\n".join(PARAGRAPHS[i % len(PARAGRAPHS)] for i in range(paragraphs)) + "\n"


def test_pieces_join_back_to_the_text_and_end_at_paragraphs():
    text = _report(60)
    cut = list(pieces(text, size=500))
    assert "".join(cut) == text
    assert len(cut) > 5 and all(len(p) <= 500 for p in cut)
    assert all(p.endswith("\n\n") for p in cut[:-1])


def test_a_text_without_breaks_is_still_cut_into_bounded_pieces():
    text = "word " * 3000
    cut = list(pieces(text, size=1000))
    assert "".join(cut) == text and all(len(p) <= 1000 for p in cut)


def test_a_long_text_read_in_pieces_keeps_its_text_sentences_and_document_level_links(nlp):
    # The acronym is defined in the first piece and used alone in the last one: the
    # document-level components run over the joined Doc, so the link holds across pieces.
    text = _report(40) + "\n\nThe HWF later met port officials in Karachi.\n"
    doc = annotate_long(nlp, text, size=600)
    assert doc.text == text
    whole = nlp(text)
    assert [s.text for s in doc.sents] == [s.text for s in whole.sents]
    assert doc._.acronyms == whole._.acronyms and "HWF" in (doc._.acronyms or {})
    result = extract(doc, Document(id="long", text=text, path="long.txt"))
    names = {e.name for e in result.entities if e.type == "organization"}
    assert "Harbour Workers Federation" in names


def _calls(nlp, text: str) -> int:
    profile = cProfile.Profile()
    profile.enable()
    extract(annotate_long(nlp, text, size=2000), Document(id="d", text=text, path="d.txt"))
    profile.disable()
    return pstats.Stats(profile).total_calls  # type: ignore[attr-defined]


def test_doubling_a_document_roughly_doubles_the_work(nlp):
    # Counted in Python calls (the same on any machine), not in seconds.
    once, twice = _calls(nlp, _report(120)), _calls(nlp, _report(240))
    assert 1.5 < twice / once < 2.5, (once, twice)


def test_a_long_paragraph_is_never_compared_fuzzily_with_its_neighbours(monkeypatch):
    # Pull quotes are short: comparing a long paragraph with each neighbour would cost its
    # length times theirs, which made a 1 MB text take minutes.
    compared = []
    real = hygiene.fuzz.partial_ratio

    def counting(a, b, *args, **kwargs):
        compared.append(len(a))
        return real(a, b, *args, **kwargs)

    monkeypatch.setattr(hygiene.fuzz, "partial_ratio", counting)
    long_paragraph = " ".join(f"Sentence {i} of a long paragraph about the port." for i in range(80))
    text = "\n\n".join([long_paragraph, long_paragraph.replace("port", "harbour"), "A short one."])
    hygiene.exclusions(text)
    assert all(n <= hygiene.PULL_QUOTE_MAX_CHARS for n in compared)


def test_the_processor_reads_a_long_document_in_pieces_in_input_order(nlp, monkeypatch):
    from footprint.designations.matching import Screener
    from footprint.nlp import long_text
    from footprint.pipeline.processor import Processor
    from footprint.place import Geocoder

    read_in_pieces = []
    real = long_text.annotate_long

    def spy(nlp_, text, *args, **kwargs):
        read_in_pieces.append(len(text))
        return real(nlp_, text, size=700)

    monkeypatch.setattr(long_text, "LONG_TEXT_CHARS", 1000)
    monkeypatch.setattr(long_text, "annotate_long", spy)
    processor = Processor(nlp, Geocoder(), Screener([]))
    short, long = "The HWF met officials in Karachi.", _report(30)
    docs = [Document(id=i, text=t, path=i) for i, t in (("a", short), ("b", long), ("c", short))]
    results = list(processor.process(docs))
    assert [r.document.id for r in results] == ["a", "b", "c"]
    assert read_in_pieces == [len(long)]
    rally = [e for e in results[1].events if e.type == "rally"]
    assert rally and rally[0].place.name == "Karachi"
