"""Hostile inputs: each becomes a document or exactly one rejection naming it, nothing raises,
hangs or is stored in a form a store cannot hold."""

import json
import os
import socket
import threading
from pathlib import Path

import pytest

from footprint.ingest import display_path, load
from footprint.ingest.checks import check_text
from footprint.model import Document, Rejected
from footprint.settings import MAX_TEXT_CHARS

ENGLISH = (
    "The provincial council met on Tuesday to discuss the budget for schools and roads. "
    "Members argued for hours before agreeing to a compromise on teacher salaries.\n"
)


def _path(folder: Path, name: bytes) -> Path:
    """A path whose name is these bytes (as os.fsdecode gives it: surrogate escapes)."""
    return Path(os.fsdecode(os.fsencode(folder) + b"/" + name))


def _by_source(items):
    return {i.source if isinstance(i, Rejected) else i.path: i for i in items}


# -- 1: names that are not UTF-8 or not printable --------------------------------------------------


def test_a_name_that_is_not_utf8_is_read_and_named_printably(tmp_path):
    good = _path(tmp_path, b"bad\xff.txt")
    good.write_text(ENGLISH, "utf-8")
    empty = _path(tmp_path, b"empty\xfe.txt")
    empty.write_bytes(b"")
    doc, rejected = load([good, empty])
    assert isinstance(doc, Document) and doc.text == ENGLISH
    assert doc.path == f"{tmp_path}/bad\\xff.txt"
    assert isinstance(rejected, Rejected) and rejected.source == f"{tmp_path}/empty\\xfe.txt"
    for name in (doc.path, rejected.source):
        name.encode("utf-8")  # storable
        assert name.isprintable()


def test_a_jsonl_record_in_a_badly_named_file_is_named_by_file_and_line(tmp_path):
    path = _path(tmp_path, b"notes\xff.jsonl")
    path.write_text(json.dumps({"id": "n1", "text": ENGLISH}) + "\n", "utf-8")
    (doc,) = load([path])
    assert doc.path == f"{tmp_path}/notes\\xff.jsonl:1"


@pytest.mark.parametrize(
    ("name", "shown"),
    [
        ("new\nline.txt", "new\\nline.txt"),
        ("esc\x1b[31m.txt", "esc\\x1b[31m.txt"),
        ("rtl\u202etxt.exe", "rtl\\u202etxt.exe"),
        ("[/] <script>.txt", "[/] <script>.txt"),  # printable: handed on as it is
        ("caf\u00e9 \U0001f4a5.txt", "caf\u00e9 \U0001f4a5.txt"),
    ],
)
def test_names_are_made_printable(name, shown):
    assert display_path(name) == shown


def test_names_of_every_byte_are_printable_and_storable():
    for byte in range(1, 256):
        if byte == ord("/"):
            continue
        shown = display_path(os.fsdecode(bytes([byte, ord("x")])))
        assert shown.isprintable() and shown.encode("utf-8")


def test_a_rejection_under_a_bad_name_is_stored(tmp_path, new_store):
    path = _path(tmp_path, b"bad\xff.txt")
    path.write_bytes(b"")
    (rejected,) = load([path])
    store = new_store()
    store.record_rejection(rejected)
    assert [r.source for r in store.rejections()] == [rejected.source]


# -- 2: longer than the pipeline reads -------------------------------------------------------------


def test_a_text_over_the_character_limit_is_one_clear_rejection(tmp_path):
    path = tmp_path / "long.txt"
    text = "word " * (MAX_TEXT_CHARS // 5) + "more"  # 1,000,004 characters, about 1 MB
    path.write_text(text, "utf-8")
    (item,) = load([path])
    assert isinstance(item, Rejected) and item.source == str(path)
    assert item.reason == (
        f"text too long ({len(text):,} characters; the limit is {MAX_TEXT_CHARS:,})"
    )


def test_the_character_limit_is_what_the_pipeline_reads(nlp):
    assert nlp.max_length >= MAX_TEXT_CHARS


def test_a_jsonl_record_over_the_character_limit_is_rejected_alone(tmp_path):
    path = tmp_path / "notes.jsonl"
    long = "word " * (MAX_TEXT_CHARS // 5 + 1)
    path.write_text(
        json.dumps({"text": long}) + "\n" + json.dumps({"text": ENGLISH}) + "\n", "utf-8"
    )
    first, second = load([path])
    assert isinstance(first, Rejected) and first.source.endswith(":1")
    assert "text too long" in first.reason
    assert isinstance(second, Document)


# -- 3 and 4: JSONL lines ------------------------------------------------------------------------


def test_each_bad_jsonl_line_is_one_rejection_and_the_rest_go_on(tmp_path):
    path = tmp_path / "notes.jsonl"
    lines = [
        json.dumps({"id": "ok-1", "text": ENGLISH}).encode(),
        b'{"id": "big", "n": ' + b"1" * 5000 + b', "text": "x"}',
        b"[" * 100_000 + b"]" * 100_000,
        b'{"id": "s", "text": "a lone \\ud800 surrogate"}',
        b'{"id": "t", "title": "\\udfff", "text": "' + ENGLISH.strip().encode() + b'"}',
        b'{"id": "u", "text": "an invalid byte \xff here"}',
        json.dumps({"id": "ok-2", "text": ENGLISH.replace("council", "assembly")}).encode(),
    ]
    path.write_bytes(b"\n".join(lines) + b"\n")
    items = list(load([path]))
    assert [type(i) for i in items] == [Document, *[Rejected] * 5, Document]
    assert [i.source for i in items[1:-1]] == [f"{path}:{n}" for n in range(2, 7)]
    reasons = [i.reason for i in items[1:-1]]
    assert "invalid JSON" in reasons[0] and "digits" in reasons[0]
    assert reasons[1] == "invalid JSON (nested too deeply)"
    assert "unpaired surrogate" in reasons[2] and "\\ud800" in reasons[2]
    assert "'title' holds an unpaired surrogate" in reasons[3]
    assert "not UTF-8" in reasons[4] and "line" in reasons[4]
    assert [items[0].id, items[-1].id] == ["ok-1", "ok-2"]


def test_jsonl_is_split_at_newlines_only(tmp_path):
    path = tmp_path / "notes.jsonl"
    text = "First line\u2028second\u2029third\u0085fourth\x0bfifth\x1cend. " + ENGLISH
    path.write_text(json.dumps({"id": "a", "text": text}, ensure_ascii=False) + "\n", "utf-8")
    (doc,) = load([path])
    assert isinstance(doc, Document) and doc.text == text and doc.path.endswith(":1")


def test_jsonl_crlf_bom_and_blank_lines(tmp_path):
    path = tmp_path / "notes.jsonl"
    record = json.dumps({"id": "a", "text": ENGLISH}).encode()
    path.write_bytes(
        b"\xef\xbb\xbf" + record + b"\r\n\r\n  \t\r\n" + record.replace(b'"a"', b'"b"')
    )
    items = list(load([path]))
    assert [i.id for i in items] == ["a", "b"]
    assert [i.path.rsplit(":", 1)[1] for i in items] == ["1", "4"]


def test_a_jsonl_line_over_the_size_limit_is_skipped_without_reading_it_whole(tmp_path):
    path = tmp_path / "notes.jsonl"
    huge = json.dumps({"text": "x " * 200_000}).encode()
    path.write_bytes(huge + b"\n" + json.dumps({"text": ENGLISH}).encode() + b"\n")
    first, second = load([path], max_bytes=10_000)
    assert isinstance(first, Rejected) and first.source == f"{path}:1"
    assert "line too long" in first.reason
    assert isinstance(second, Document) and second.path == f"{path}:2"


def test_an_empty_or_binary_jsonl_file_is_one_rejection(tmp_path):
    (tmp_path / "blank.jsonl").write_bytes(b"\n  \n\r\n")
    (tmp_path / "binary.jsonl").write_bytes(b"\x00\x01\n\x02\n\x03\n")
    reasons = {Path(i.source).name: i.reason for i in load(sorted(tmp_path.iterdir()))}
    assert reasons == {
        "binary.jsonl": "binary file (contains NUL bytes)",
        "blank.jsonl": "empty (no text)",
    }


def test_a_jsonl_id_that_is_a_list_is_refused(tmp_path):
    path = tmp_path / "notes.jsonl"
    path.write_text(json.dumps({"id": ["a"], "text": ENGLISH}) + "\n", "utf-8")
    (item,) = load([path])
    assert isinstance(item, Rejected) and "'id'" in item.reason


# -- 5: one id, two texts --------------------------------------------------------------------------


def test_a_second_text_under_a_taken_id_gets_its_own_id(tmp_path):
    other = ENGLISH.replace("council", "assembly")
    (tmp_path / "a.jsonl").write_text(
        json.dumps({"id": "n1", "text": ENGLISH})
        + "\n"
        + json.dumps({"id": "n1", "text": other})
        + "\n"
        + json.dumps({"id": "n1", "text": ENGLISH})
        + "\n",  # the same text: a duplicate
        "utf-8",
    )
    (tmp_path / "b.jsonl").write_text(
        json.dumps({"id": "n1", "text": other + " More."}) + "\n", "utf-8"
    )
    first = [d.id for d in load([tmp_path])]
    assert first[0] == "n1" and first[2] == "n1"
    assert first[1].startswith("n1~") and first[3].startswith("n1~")
    assert len({first[0], first[1], first[3]}) == 3
    assert [d.id for d in load([tmp_path])] == first  # the same inputs, the same ids


@pytest.mark.store
def test_two_records_with_one_id_are_both_stored_and_a_rerun_changes_nothing(tmp_path, new_store):
    from footprint.pipeline.corpus import ingest_corpus
    from footprint.settings import Settings

    other = "Police in Lahore said about 300 people gathered outside the press club on Friday.\n"
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.jsonl").write_text(json.dumps({"id": "n1", "text": ENGLISH}) + "\n", "utf-8")
    (folder / "b.jsonl").write_text(json.dumps({"id": "n1", "text": other}) + "\n", "utf-8")
    store = new_store()
    settings = Settings.from_env({}).with_db(tmp_path / "fp.db")
    report = ingest_corpus([folder], settings, store, resolve=False)
    assert len(report.stored) == 2 and not report.rejected
    before = store.dump()
    assert {d.text for d in store.documents()} == {ENGLISH, other}
    again = ingest_corpus([folder], settings, store, resolve=False)
    assert again.stored == [] and again.already_stored == 2
    assert store.dump() == before


# -- 6: what is not a regular file, and what a folder holds -----------------------------------------


def _load_within(paths, seconds=60):
    """load(paths), failing (not hanging) if it blocks."""
    out: list = []
    worker = threading.Thread(target=lambda: out.extend(load(paths)), daemon=True)
    worker.start()
    worker.join(seconds)
    assert not worker.is_alive(), "load() blocked"
    return out


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs here")
def test_a_fifo_is_refused_without_being_opened(tmp_path):
    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)
    (item,) = _load_within([fifo])
    assert item == Rejected(str(fifo), "not a regular file (a FIFO; not read)")
    folder = tmp_path / "in"
    folder.mkdir()
    os.mkfifo(folder / "pipe.jsonl")
    (folder / "ok.txt").write_text(ENGLISH, "utf-8")
    items = _load_within([folder])
    assert [type(i) for i in items] == [Document, Rejected]
    assert items[1].source == str(folder / "pipe.jsonl") and "FIFO" in items[1].reason


def test_a_device_is_refused():
    if not Path("/dev/null").exists():
        pytest.skip("no /dev/null")
    (item,) = _load_within([Path("/dev/null")])
    assert item == Rejected("/dev/null", "not a regular file (a character device; not read)")


def test_every_entry_of_a_folder_is_read_or_named_once(tmp_path):
    folder = tmp_path / "in"
    (folder / "sub").mkdir(parents=True)
    (folder / "sub" / "deep.txt").write_text(ENGLISH, "utf-8")
    (folder / "a.txt").write_text(ENGLISH.replace("council", "board"), "utf-8")
    (folder / "notes.pdf").write_bytes(b"%PDF-1.4")
    (folder / "README").write_bytes(b"read me")
    (folder / "broken.txt").symlink_to(tmp_path / "missing.txt")
    (folder / "loop.txt").symlink_to(folder / "loop.txt")
    (folder / "linked").symlink_to(folder / "sub", target_is_directory=True)
    (folder / "link.txt").symlink_to(folder / "a.txt")  # a link to a file is read
    sock = folder / "s.txt"
    server = socket.socket(socket.AF_UNIX)
    server.bind(str(sock))
    server.close()
    items = _load_within([folder])
    names = [Path(i.path if isinstance(i, Document) else i.source).name for i in items]
    assert len(names) == len(set(names)) == 9
    reasons = {Path(i.source).name: i.reason for i in items if isinstance(i, Rejected)}
    assert reasons == {
        "README": "unsupported file type (none) (use .txt, .html, .htm, .jsonl)",
        "notes.pdf": "unsupported file type '.pdf' (use .txt, .html, .htm, .jsonl)",
        "broken.txt": "broken symbolic link",
        "loop.txt": "symbolic link loop",
        "linked": "symbolic link to a folder (not followed)",
        "s.txt": "not a regular file (a socket; not read)",
    }
    assert {n for n in names if n not in reasons} == {"a.txt", "link.txt", "deep.txt"}


def test_a_folder_of_nothing_readable_says_so_once_more(tmp_path):
    (tmp_path / "notes.pdf").write_bytes(b"%PDF-1.4")
    items = list(load([tmp_path]))
    assert [Path(i.source).name for i in items] == ["notes.pdf", tmp_path.name]
    assert "holds no" in items[1].reason


def test_a_broken_link_given_as_an_argument(tmp_path):
    (tmp_path / "broken.txt").symlink_to(tmp_path / "missing.txt")
    (item,) = load([tmp_path / "broken.txt"])
    assert item.reason == "broken symbolic link"


# -- 7: NUL characters -----------------------------------------------------------------------------


def test_nul_characters_are_removed(tmp_path):
    late = tmp_path / "late.txt"
    late.write_bytes(ENGLISH.encode() + b" " * 9000 + b"tail\x00 end\n")
    notes = tmp_path / "notes.jsonl"
    notes.write_text(
        json.dumps({"id": "a\u0000b", "title": "T\u0000", "text": "\u0000" + ENGLISH}) + "\n",
        "utf-8",
    )
    doc, record = load([late, notes])
    assert "\x00" not in doc.text and doc.text.endswith("tail end\n")
    assert (record.id, record.title, record.text) == ("ab", "T", ENGLISH)


def test_a_nul_byte_early_in_a_file_marks_it_binary(tmp_path):
    path = tmp_path / "early.txt"
    path.write_bytes(b"\x00" + ENGLISH.encode())
    (item,) = load([path])
    assert isinstance(item, Rejected) and "binary" in item.reason


# -- 8: scripts other than Latin -------------------------------------------------------------------

CHINESE = (
    "中国政府周二宣布了新的经济政策。官员表示，这些措施将帮助小企业。许多专家对此表示欢迎。"
    "市场反应积极。预计明年经济将增长。"
)
ARABIC = (
    "أعلنت الحكومة يوم الثلاثاء عن سياسة اقتصادية جديدة. وقال المسؤولون إن هذه الإجراءات "
    "ستساعد الشركات الصغيرة. ورحب العديد من الخبراء بذلك. وكان رد فعل السوق إيجابيا. "
    "ومن المتوقع أن ينمو الاقتصاد العام المقبل."
)


@pytest.mark.parametrize(
    ("text", "script"),
    [(CHINESE, "Han"), (ARABIC, "Arabic"), ("Москва приняла новый закон о бюджете.", "Cyrillic")],
)
def test_text_mostly_in_another_script_is_refused(text, script):
    with pytest.raises(
        Exception, match=f"not English \\(mostly in a non-Latin script: .* {script}\\)"
    ):
        check_text("x.txt", text, 10**6)


def test_english_quoting_names_in_other_scripts_passes():
    text = ENGLISH + "The banner read حماس and 中国 in large letters, witnesses said.\n"
    assert check_text("x.txt", text, 10**6) == text


def test_text_without_letters_is_refused(tmp_path):
    path = tmp_path / "brackets.txt"
    path.write_bytes(b"[" * 100_000)
    (item,) = load([path])
    assert isinstance(item, Rejected) and "no letters" in item.reason


def _documents_with_one_too_long(n=5):
    texts = [ENGLISH.replace("Tuesday", day) for day in ("Monday", "Tuesday", "Friday", "Sunday")]
    docs = [
        Document(id=f"d{i}", text=texts[i % 4] + f"Item {i}.\n", path=f"d{i}.txt") for i in range(n)
    ]
    long = Document(id="long", text="word " * (MAX_TEXT_CHARS // 5 + 1), path="long.txt")
    return [*docs[:2], long, *docs[2:]]


def _pipeline_limit_reason(document):
    return f"text too long ({len(document.text):,} characters; the limit is 1,000,000)"


def test_the_processor_refuses_a_text_over_the_pipeline_limit_alone(tmp_path):
    from footprint.pipeline.processor import Processor
    from footprint.settings import Settings

    processor = Processor.from_settings(Settings.from_env({}).with_db(tmp_path / "fp.db"))
    documents = _documents_with_one_too_long()
    results = list(processor.process(documents))
    assert len(results) == len(documents)
    assert results[2] == Rejected("long.txt", _pipeline_limit_reason(documents[2]))
    assert [r.document.id for r in results if not isinstance(r, Rejected)] == [
        d.id for d in documents if d.id != "long"
    ]


@pytest.mark.store
def test_with_two_workers_a_text_over_the_limit_fails_alone_not_its_batch(tmp_path, new_store):
    from footprint.pipeline.engines import choose_engine
    from footprint.pipeline.run import Resolution, run
    from footprint.settings import Settings

    settings = Settings.from_env({}).with_db(tmp_path / "fp.db")
    documents = _documents_with_one_too_long(15)  # one batch of 16 documents
    report = run(
        documents,
        choose_engine("processes", settings, workers=2),
        new_store(),
        resolution=Resolution.NEVER,
    )
    assert report.rejected == [Rejected("long.txt", _pipeline_limit_reason(documents[2]))]
    assert len(report.stored) == 15
