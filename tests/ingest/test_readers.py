import json
from pathlib import Path

from footprint.ingest import load
from footprint.model import Document, Rejected

ENGLISH = (
    "The provincial council met on Tuesday to discuss the budget for schools and roads. "
    "Members argued for hours before agreeing to a compromise on teacher salaries.\n"
)


def _one(path: Path, **kw):
    items = list(load([path], **kw))
    assert len(items) == 1, items
    return items[0]


def test_text_file_becomes_document_with_title(tmp_path):
    p = tmp_path / "a.txt"
    p.write_text("Council agrees budget\n\n" + ENGLISH, "utf-8")
    doc = _one(p, published="2024-05-01")
    assert isinstance(doc, Document)
    assert doc.title == "Council agrees budget"
    assert doc.published == "2024-05-01"
    assert doc.text.startswith("Council agrees budget")


def test_same_text_same_id_wherever_read(tmp_path):
    (tmp_path / "a.txt").write_text(ENGLISH, "utf-8")
    (tmp_path / "b.txt").write_text(ENGLISH, "utf-8")
    a, b = list(load([tmp_path]))
    assert a.id == b.id


def test_html_main_text_extracted_without_navigation(tmp_path):
    p = tmp_path / "page.html"
    p.write_text(
        "<html><head><title>Budget</title></head><body><nav><a href='/'>Home</a> <a>Sports</a></nav>"
        f"<article><h1>Council agrees budget</h1><p>{ENGLISH}</p><p>{ENGLISH}</p></article>"
        "<footer>Copyright 2024 Example Media</footer></body></html>",
        "utf-8",
    )
    doc = _one(p)
    assert isinstance(doc, Document)
    assert "provincial council" in doc.text
    assert "Sports" not in doc.text and "Copyright" not in doc.text


def test_jsonl_records_and_bad_lines(tmp_path):
    p = tmp_path / "notes.jsonl"
    good = {
        "id": "n1",
        "text": ENGLISH,
        "title": "T",
        "author": "A",
        "published": "2024-01-02",
        "url": "u",
    }
    p.write_text(json.dumps(good) + "\n" + "{not json\n" + json.dumps({"id": "n2"}) + "\n", "utf-8")
    items = list(load([p]))
    assert isinstance(items[0], Document)
    assert (items[0].id, items[0].title, items[0].author, items[0].published, items[0].url) == (
        "n1",
        "T",
        "A",
        "2024-01-02",
        "u",
    )
    assert isinstance(items[1], Rejected) and items[1].source.endswith(":2")
    assert "invalid JSON" in items[1].reason
    assert isinstance(items[2], Rejected) and "text" in items[2].reason


def test_bad_inputs_are_rejected_with_reasons(tmp_path):
    cases = {
        "empty.txt": b"   \n",
        "binary.txt": b"\x00\x01\x02binary",
        "latin1.txt": "caf\xe9 au lait in the council".encode("latin-1"),
        "german.txt": (
            "Der Stadtrat hat am Dienstag lange über den Haushalt für Schulen und Straßen "
            "beraten und am Ende einem Kompromiss bei den Gehältern der Lehrer zugestimmt."
        ).encode(),
        "notes.pdf": b"%PDF-1.4",
    }
    for name, raw in cases.items():
        (tmp_path / name).write_bytes(raw)
    reasons = {Path(r.source).name: r.reason for r in load(sorted(tmp_path.iterdir()))}
    assert "empty" in reasons["empty.txt"]
    assert "binary" in reasons["binary.txt"]
    assert "UTF-8" in reasons["latin1.txt"]
    assert "not English" in reasons["german.txt"]
    assert "unsupported" in reasons["notes.pdf"]


def test_huge_input_rejected(tmp_path):
    p = tmp_path / "big.txt"
    p.write_text(ENGLISH * 50, "utf-8")
    item = _one(p, max_bytes=1000)
    assert isinstance(item, Rejected) and "too large" in item.reason


def test_missing_path_and_empty_folder(tmp_path):
    (tmp_path / "empty").mkdir()
    items = list(load([tmp_path / "nope.txt", tmp_path / "empty"]))
    assert [type(i) for i in items] == [Rejected, Rejected]
    assert "no such file" in items[0].reason
    assert "holds no" in items[1].reason


def test_short_note_is_not_judged_for_language(tmp_path):
    p = tmp_path / "short.txt"
    p.write_text("Hamas official visits Doha.", "utf-8")
    assert isinstance(_one(p), Document)
