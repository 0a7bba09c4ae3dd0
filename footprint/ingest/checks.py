"""Checks every text passes before it becomes a Document; each failure is an IngestError."""

from __future__ import annotations

from functools import lru_cache

from footprint.errors import IngestError

# Below this many letters a language guess is noise, so short notes are not judged.
MIN_LETTERS_FOR_LANGUAGE = 60
# Only reject when the identifier is this sure the text is in another language.
LANGUAGE_CONFIDENCE = 0.95


def decode(source: str, raw: bytes, max_bytes: int) -> str:
    """Bytes -> text, refusing empty, oversized, binary and non-UTF-8 input."""
    if len(raw) > max_bytes:
        raise IngestError(source, f"too large ({len(raw):,} bytes; limit {max_bytes:,})")
    if b"\x00" in raw[:8192]:
        raise IngestError(source, "binary file (contains NUL bytes)")
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise IngestError(source, f"not UTF-8 (invalid byte at offset {exc.start})") from None
    return text


def check_text(source: str, text: str, max_bytes: int) -> str:
    """Normalise line ends and refuse empty, oversized or non-English text."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if not text.strip():
        raise IngestError(source, "empty (no text)")
    if len(text.encode("utf-8")) > max_bytes:
        raise IngestError(source, f"text too large (limit {max_bytes:,} bytes)")
    lang, prob = guess_language(text)
    if lang is not None and lang != "en" and prob >= LANGUAGE_CONFIDENCE:
        raise IngestError(source, f"not English (looks like '{lang}', p={prob:.2f})")
    return text


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
