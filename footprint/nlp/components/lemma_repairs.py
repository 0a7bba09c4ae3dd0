"""footprint_lemma_repairs_v1 — mend the few lemmas the model's rule lemmatizer gets wrong.

"raped" comes out as "rap" and "retook" as "retook", so the event lexicons, which compare
lemmas, miss them. The forms and their lemmas are data (`nlp/patterns/lemma_repairs.tsv`);
the component runs after the lemmatizer (whichever path set the lemmas: the model's own, its
attribute ruler or `footprint_lemmas_v1`), finds the forms with one array comparison and
rewrites only those tokens' lemmas, for verbs and nouns."""

from __future__ import annotations

import numpy as np
from spacy.attrs import LEMMA, LOWER, POS
from spacy.language import Language
from spacy.parts_of_speech import NOUN, VERB
from spacy.tokens import Doc
from spacy.vocab import Vocab

from footprint.nlp import lexicons

REPAIRED_POS = np.array([VERB, NOUN], dtype=np.uint64)


class LemmaRepairs:
    def __init__(self, vocab: Vocab) -> None:
        strings = vocab.strings
        self.lemma_of = {
            strings.add(form): strings.add(lemma)
            for form, lemma in lexicons.lemma_repairs().items()
        }
        self.forms = np.array(sorted(self.lemma_of), dtype=np.uint64)

    def __call__(self, doc: Doc) -> Doc:
        if not len(doc) or not len(self.forms):
            return doc
        table = doc.to_array([LOWER, POS, LEMMA])
        hits = np.flatnonzero(np.isin(table[:, 0], self.forms) & np.isin(table[:, 1], REPAIRED_POS))
        if not len(hits):
            return doc
        lemmas = table[:, 2].copy()
        for i in hits:
            lemmas[i] = self.lemma_of[int(table[i, 0])]
        doc.from_array([LEMMA], lemmas)  # type: ignore[arg-type]  # the stub says float64
        return doc


@Language.factory("footprint_lemma_repairs_v1", assigns=["token.lemma"])
def make_lemma_repairs(nlp: Language, name: str) -> LemmaRepairs:
    return LemmaRepairs(nlp.vocab)
