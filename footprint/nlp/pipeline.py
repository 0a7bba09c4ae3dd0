"""build_pipeline(settings) -> spacy.Language: the model plus footprint's own components."""

from __future__ import annotations

import logging
from functools import lru_cache
from pathlib import Path

import spacy
from spacy.language import Language

from footprint.errors import ModelError

# Importing the components registers them with spaCy.
from footprint.nlp.components import (  # noqa: F401  (registers the components)
    acronyms,
    consistency,
    datelines,
    lemma_repairs,
    names,
    paragraphs,
)
from footprint.nlp.components.bulk import bulk_lemmas_applies, stand_in_for_attribute_ruler

log = logging.getLogger(__name__)

# (the dateline mends run last, so no name repair or propagation brings an agency back)
COMPONENTS = (
    "footprint_names_v1",
    "footprint_acronyms_v1",
    "footprint_consistency_v1",
    "footprint_datelines_v1",
)


def add_components(nlp: Language) -> Language:
    """Add footprint's components: line breaks as sentence boundaries before the parser, the
    name and dateline repairs after the model's NER (idempotent); and the model's attribute
    ruler and lemmatizer made faster with the same output (`components/bulk.py`), and the few
    lemmas the model's rules get wrong mended after it (`components/lemma_repairs.py`)."""
    if "footprint_paragraphs_v1" not in nlp.pipe_names:
        nlp.add_pipe("footprint_paragraphs_v1", before="parser")
    stand_in_for_attribute_ruler(nlp)
    if "footprint_lemmas_v1" not in nlp.pipe_names and bulk_lemmas_applies(nlp):
        nlp.add_pipe("footprint_lemmas_v1", before="lemmatizer")
    if "footprint_lemma_repairs_v1" not in nlp.pipe_names and "lemmatizer" in nlp.pipe_names:
        nlp.add_pipe("footprint_lemma_repairs_v1", after="lemmatizer")
    for name in COMPONENTS:
        if name not in nlp.pipe_names:
            nlp.add_pipe(name, last=True)
    return nlp


@lru_cache(maxsize=4)
def build_pipeline(model: str) -> Language:
    """Load the configured model (a package name or a path) and add footprint's components."""
    try:
        nlp = spacy.load(Path(model) if Path(model).exists() else model)
    except OSError as exc:
        raise ModelError(
            f"cannot load spaCy model '{model}': {exc}. Install it (make install) or set "
            "FOOTPRINT_MODEL to an installed model package or a model folder."
        ) from None
    if "ner" not in nlp.pipe_names or "parser" not in nlp.pipe_names:
        raise ModelError(f"model '{model}' needs 'ner' and 'parser' components")
    log.info("loaded %s with %s", model, nlp.pipe_names)
    return add_components(nlp)
