"""Long texts through the pipeline in bounded memory.

The model's parser and NER hold working arrays for every token of the text they read at once, so
their memory grows with the text: a 1 MB report needs gigabytes read whole. A text longer than
`LONG_TEXT_CHARS` is therefore read by the model in pieces of about `PIECE_CHARS` characters,
cut where a paragraph (else a line, else a sentence) ends, and the pieces joined back into one
Doc whose text is the original, character for character. footprint's document-level components
(name repair, acronym links, consistency voting: everything after the model's last component)
then run once over the joined Doc, so an acronym defined in the first piece still names the
organisation in the last. Work and memory grow with the text's length, not faster.
"""

from __future__ import annotations

from collections.abc import Iterator

import numpy
from spacy.language import Language
from spacy.tokens import Doc

LONG_TEXT_CHARS = 100_000
PIECE_CHARS = 40_000
_BREAKS = ("\n\n", "\n", ". ")  # where a piece may end, best first


def pieces(text: str, size: int = PIECE_CHARS) -> Iterator[str]:
    """The text cut into consecutive pieces of at most about `size` characters; joined, they
    are the text."""
    start = 0
    while len(text) - start > size:
        end = start + size
        cut = -1
        for mark in _BREAKS:
            found = text.rfind(mark, start + size // 2, end)
            if found >= 0:
                cut = found + len(mark)
                break
        if cut < 0:  # one paragraph-less run of text: cut at the last space, or hard
            space = text.rfind(" ", start + size // 2, end)
            cut = space + 1 if space >= 0 else end
        yield text[start:cut]
        start = cut
    if start < len(text):
        yield text[start:]


def document_level(nlp: Language) -> list[str]:
    """footprint's components that read the whole document: those after the model's NER."""
    names = nlp.pipe_names
    return names[names.index("ner") + 1 :] if "ner" in names else []


def annotate_long(nlp: Language, text: str, size: int = PIECE_CHARS) -> Doc:
    """One Doc for a long text, read by the model piece by piece (see the module's note)."""
    tail = document_level(nlp)

    def read() -> Iterator[Doc]:
        for doc in nlp.pipe(pieces(text, size), batch_size=1, disable=tail):
            doc.tensor = numpy.zeros((0,), dtype="float32")  # not read after the model
            yield doc

    joined = list(read())  # (spaCy's stub lacks `exclude`, which the function takes)
    doc = Doc.from_docs(joined, ensure_whitespace=False, exclude=["tensor", "user_data"])  # type: ignore[call-arg]
    for name in tail:
        doc = nlp.get_pipe(name)(doc)
    return doc
