"""Checks every text passes before it becomes a Document; each failure is an IngestError.

What a stored text may hold: valid Unicode (no unpaired surrogate, which no store can encode),
no NUL characters (they carry no text, and PostgreSQL refuses them in a text column: they are
removed, not refused), at most `MAX_TEXT_CHARS` characters (what the pipeline reads in one
piece) and `max_bytes` bytes, and letters mostly in the Latin script and English by the
language identifier.
"""

from __future__ import annotations

import os
import unicodedata
from collections import Counter
from functools import lru_cache

from footprint.errors import IngestError
from footprint.settings import MAX_TEXT_CHARS

# Below this many letters a language guess is noise, so short notes are not judged.
MIN_LETTERS_FOR_LANGUAGE = 60
# Only reject when the identifier is this sure the text is in another language.
LANGUAGE_CONFIDENCE = 0.95
# A text is refused when more than this share of its letters are in scripts other than Latin
# (the identifier, given a few sentences of Chinese or Arabic, may well answer "en").
NON_LATIN_SHARE = 0.5
# How much of a file is looked at for NUL bytes, the mark of a binary file.
BINARY_SNIFF = 8192


def display_path(path: str | os.PathLike[str]) -> str:
    """The path as ingest hands it on (`Document.path`, `Rejected.source`): printable and
    storable. Bytes that are not UTF-8 (a file name from another system) are written as
    `\\xff`, and characters that are not printable (line breaks, escapes, bidirectional
    controls) as their Python escapes (`\\n`, `\\x1b`, `\\u202e`). The file itself is still
    opened by its real name."""
    try:
        raw = os.fsencode(path)
    except UnicodeEncodeError:  # a str path holding surrogates os.fsdecode never makes
        raw = os.fspath(path).encode("utf-8", "surrogatepass")  # type: ignore[union-attr]
    text = raw.decode("utf-8", "backslashreplace")
    if text.isprintable():
        return text
    return "".join(
        ch if ch.isprintable() else ch.encode("unicode_escape").decode("ascii") for ch in text
    )


def decode(source: str, raw: bytes, max_bytes: int) -> str:
    """Bytes -> text, refusing empty, oversized, binary and non-UTF-8 input."""
    if len(raw) > max_bytes:
        raise IngestError(source, f"too large ({len(raw):,} bytes; limit {max_bytes:,})")
    if b"\x00" in raw[:BINARY_SNIFF]:
        raise IngestError(source, "binary file (contains NUL bytes)")
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise IngestError(source, f"not UTF-8 (invalid byte at offset {exc.start})") from None
    return text


def storable(source: str, text: str, what: str = "text") -> str:
    """`text` without NUL characters; an IngestError if it holds an unpaired surrogate (which
    only a JSON escape such as "\\ud800" can put in a string)."""
    if "\x00" in text:
        text = text.replace("\x00", "")
    try:
        text.encode("utf-8")
    except UnicodeEncodeError as exc:
        raise IngestError(
            source,
            f"{what} holds an unpaired surrogate (\\u{ord(text[exc.start]):04x} at character "
            f"{exc.start:,}), which is not valid Unicode",
        ) from None
    return text


def check_text(source: str, text: str, max_bytes: int, max_chars: int = MAX_TEXT_CHARS) -> str:
    """Normalise line ends, drop NUL characters, and refuse invalid, empty, oversized or
    non-English text, and text with no letters at all (nothing in it to read)."""
    text = storable(source, text).replace("\r\n", "\n").replace("\r", "\n")
    if not text.strip():
        raise IngestError(source, "empty (no text)")
    if len(text) > max_chars:
        raise IngestError(
            source, f"text too long ({len(text):,} characters; the limit is {max_chars:,})"
        )
    if len(text.encode("utf-8")) > max_bytes:
        raise IngestError(source, f"text too large (limit {max_bytes:,} bytes)")
    script, count, letters = main_foreign_script(text)
    if not letters and not any(ch.isalpha() for ch in text):
        raise IngestError(source, "no words (the text holds no letters)")
    if letters and count > NON_LATIN_SHARE * letters:
        raise IngestError(
            source,
            f"not English (mostly in a non-Latin script: {count:,} of {letters:,} letters, "
            f"most of them {script})",
        )
    lang, prob = guess_language(text)
    if lang is not None and lang != "en" and prob >= LANGUAGE_CONFIDENCE:
        raise IngestError(source, f"not English (looks like '{lang}', p={prob:.2f})")
    return text


def main_foreign_script(text: str) -> tuple[str | None, int, int]:
    """(the most frequent script other than Latin, how many letters are in scripts other than
    Latin, how many letters are in a known script). Scripts are told by the Unicode character
    name ("CJK UNIFIED IDEOGRAPH-4E2D", "ARABIC LETTER ALEF"); letters of no one script
    (modifier letters, ordinal indicators) are left out of both counts."""
    foreign: Counter[str] = Counter()
    letters = 0
    for ch, n in Counter(text).items():
        if not ch.isalpha():
            continue
        script = _script(ch)
        if script is None:
            continue
        letters += n
        if script != "Latin":
            foreign[script] += n
    if not foreign:
        return None, 0, letters
    return foreign.most_common(1)[0][0], sum(foreign.values()), letters


_NEUTRAL = frozenset({"MODIFIER", "FEMININE", "MASCULINE", "COMBINING"})
_WIDTH = frozenset({"FULLWIDTH", "HALFWIDTH"})


@lru_cache(maxsize=65536)
def _script(ch: str) -> str | None:
    if ch.isascii():
        return "Latin"
    words = unicodedata.name(ch, "").split()
    if not words or words[0] in _NEUTRAL:
        return None
    if "LATIN" in words:
        return "Latin"
    if words[0] in _WIDTH and len(words) > 1:
        words = words[1:]
    first = words[0].split("-")[0]
    if first in ("CJK", "IDEOGRAPHIC"):
        return "Han"
    return first.title()


def guess_language(text: str) -> tuple[str | None, float]:
    sample = text[:20000]
    if sum(ch.isalpha() for ch in sample) < MIN_LETTERS_FOR_LANGUAGE:
        return None, 0.0
    lang, prob = _identifier().classify(sample)
    return str(lang), float(prob)


@lru_cache(maxsize=1)
def _identifier():  # type: ignore[no-untyped-def]
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    return LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)
