"""Fuzzing the ingest: no input raises, and every input is accounted for.

The properties run `ingest.load` on what hypothesis makes (any bytes, any file name, any JSON
record); the last test runs 60 inputs from `scripts/fuzz_inputs.py` through the whole corpus
ingest into a store (`make fuzz` runs 10,000 the same way)."""

import importlib.util
import json
import os
import sys
import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from footprint.ingest import SUFFIXES, display_path, load
from footprint.model import Document, Rejected
from footprint.settings import MAX_TEXT_CHARS
from tests.conftest import ROOT

SCRIPT = ROOT / "scripts" / "fuzz_inputs.py"


def _load_script():
    spec = importlib.util.spec_from_file_location("footprint_fuzz_inputs", SCRIPT)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up by name
    spec.loader.exec_module(module)
    return module


fuzz = _load_script()

ENGLISH = (
    "The provincial council met on Tuesday to discuss the budget for schools and roads. "
    "Members argued for hours before agreeing to a compromise on teacher salaries."
)


def _storable(item):
    if isinstance(item, Document):
        for value in (item.id, item.text, item.path, item.title, item.author, item.url):
            if value is not None:
                value.encode("utf-8")
                assert "\x00" not in value
        assert item.path.isprintable() and 0 < len(item.text) <= MAX_TEXT_CHARS
    else:
        item.source.encode("utf-8")
        item.reason.encode("utf-8")
        assert item.source.isprintable()


def _record_lines(raw: bytes) -> list[int]:
    """The numbers of the lines of a JSONL file that are records (not blank)."""
    lines = raw.split(b"\n")
    if lines[0].startswith(b"\xef\xbb\xbf"):
        lines[0] = lines[0][3:]
    return [n for n, line in enumerate(lines, 1) if line.strip(b" \t\r")]


def _accounted(path: Path, raw: bytes, items) -> None:
    """One item for a file; for a JSONL file, one per record line or one for the file."""
    source = display_path(path)
    for item in items:
        _storable(item)
    names = [i.path if isinstance(i, Document) else i.source for i in items]
    if path.suffix != ".jsonl":
        assert names == [source]
        return
    if names == [source]:
        assert isinstance(items[0], Rejected)
        return
    assert names == [f"{source}:{n}" for n in _record_lines(raw)]


_FUZZ = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@_FUZZ
@given(raw=st.binary(max_size=3000), suffix=st.sampled_from(SUFFIXES))
def test_any_bytes_in_any_supported_file(raw, suffix):
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / f"input{suffix}"
        path.write_bytes(raw)
        _accounted(path, raw, list(load([path])))


_TEXT = st.text(st.characters(exclude_categories=()), max_size=300)
_HOSTILE_TEXT = st.one_of(
    _TEXT,
    st.builds(lambda a, b: a + ENGLISH + b, _TEXT, _TEXT),
    st.sampled_from(["[/]", "<script>alert(1)</script>", "\x00", "\u2028", "\ud800", ""]),
)
_JSON = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | _HOSTILE_TEXT,
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(_HOSTILE_TEXT, inner, max_size=3),
    max_leaves=8,
)
_RECORD = st.fixed_dictionaries(
    {},
    optional={
        "id": _JSON,
        "text": _HOSTILE_TEXT,
        "title": _JSON,
        "author": _JSON,
        "published": _JSON,
        "url": _JSON,
    },
)


def _line(value, ascii_only: bool) -> bytes:
    text = json.dumps(value, ensure_ascii=ascii_only)
    return text.encode("utf-8", "surrogatepass")  # a lone surrogate: bytes that are not UTF-8


@_FUZZ
@given(
    records=st.lists(
        st.one_of(
            st.tuples(_RECORD | _JSON, st.booleans()).map(lambda p: _line(*p)),
            st.binary(max_size=100).filter(lambda b: b"\n" not in b and b"\x00" not in b),
            st.sampled_from([b"", b"  ", b"\r", b"[" * 5000, b'{"n": ' + b"9" * 5000 + b"}"]),
        ),
        max_size=8,
    ),
    ending=st.sampled_from([b"\n", b"\r\n"]),
)
def test_any_jsonl_records(records, ending):
    raw = ending.join(records)
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "records.jsonl"
        path.write_bytes(raw)
        _accounted(path, raw, list(load([path])))


_NAME = st.binary(min_size=1, max_size=60).filter(
    lambda b: b"/" not in b and b"\x00" not in b and b not in (b".", b"..")
)


@_FUZZ
@given(name=_NAME, suffix=st.sampled_from([*SUFFIXES, ".pdf", ""]))
@example(name=b"\x01.txt", suffix="")  # a name that brings its own suffix
def test_any_file_name(name, suffix):
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(os.fsdecode(os.fsencode(tmp) + b"/" + name + suffix.encode()))
        # the name may end in a suffix of its own ("x.txt" with no suffix added): the file's
        # kind is what the loader reads from the whole name
        suffix = path.suffix.lower()
        raw = (ENGLISH + "\n").encode()
        if suffix == ".jsonl":
            raw = json.dumps({"text": ENGLISH}).encode() + b"\n"
        elif suffix in (".html", ".htm"):
            raw = f"<html><body><article><p>{ENGLISH}</p><p>{ENGLISH}</p></article></body></html>"
            raw = raw.encode()
        path.write_bytes(raw)
        items = list(load([Path(tmp)]))
        if suffix not in SUFFIXES:
            assert [i.source for i in items] == [display_path(path), display_path(tmp)]
            return
        _accounted(path, raw, items)
        assert all(isinstance(i, Document) for i in items)


@pytest.mark.store
def test_generated_hostile_inputs_through_the_corpus_ingest(tmp_path, db_target):
    generated = fuzz.generate(tmp_path / "inputs", 60, seed=20241105)
    report, store = fuzz.ingest(generated, db_target(tmp_path / "fuzz.db"))
    try:
        out = fuzz.account(generated, report, store)
    finally:
        store.close()
    assert out.problems == []
    assert out.good > 10 and out.rejected > 10 and out.stored > 10
    # Every kind of input the generator makes was among the 60.
    kinds = {i.kind for i in generated.inputs}
    assert {"good txt", "jsonl", "bytes", "foreign"} <= kinds
