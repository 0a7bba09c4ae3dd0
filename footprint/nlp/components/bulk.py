"""Faster, output-identical stand-ins for two per-token Python loops in the spaCy model.

The model's `attribute_ruler` and `lemmatizer` cost about a fifth of the model's time on the
bench corpus, nearly all of it Python work per token: the ruler's `Matcher` tests 179 token
patterns at every token, and the lemmatizer builds a `Token` for every token and looks its
lemma up one call at a time. Both only depend on a few attributes of each token, so their
answers are computed once per distinct combination of those attributes and reused:

- `BulkAttributes` ("footprint_attributes_v1") runs in place of the attribute ruler (left in
  the pipeline, disabled). Its `RuleMatcher` reads each token's LOWER, TAG, DEP and IS_SPACE in
  one `Doc.to_array` call and tests the ruler's patterns once per distinct combination; the
  matches are sorted as the ruler sorts them and their attributes written in that order into
  one array, later rules winning as they do in the ruler. Patterns it cannot express
  (operators, other attributes or predicates) leave the model's ruler as it is.
- `BulkLemmas` ("footprint_lemmas_v1", placed before the lemmatizer) fills every token's lemma
  from one array: a rule lemma depends only on the token's ORTH, POS and MORPH (spaCy's own
  cache key), so each distinct triple is lemmatised once (`rule_lemma`, spaCy's rule
  lemmatizer step for step but with its lemma index as a set) and the lemmas written back with
  `Doc.from_array`. The lemmatizer then finds every lemma set and skips them, as it skips
  lemmas the attribute ruler set. (The few forms the rules get wrong are mended after the
  lemmatizer, on every path: `lemma_repairs.py`.)
"""

from __future__ import annotations

import re
import warnings
from collections.abc import Callable, Iterator
from typing import Any

from spacy.attrs import DEP, IS_SPACE, LEMMA, LOWER, MORPH, ORTH, POS, TAG
from spacy.errors import Errors, Warnings
from spacy.language import Language
from spacy.pipeline import Lemmatizer
from spacy.tokens import Doc

# -- the attribute ruler's matches ----------------------------------------------------------------

# The token attributes the ruler's patterns may test, in the order of the feature tuple.
FEATURES = ("LOWER", "TAG", "DEP", "IS_SPACE")
FEATURE_IDS = [LOWER, TAG, DEP, IS_SPACE]
# Distinct values (and value tuples) remembered between documents; past this a memo starts
# again, so a long run's memory stays flat.
MAX_MEMO = 200_000

Test = Callable[[Any], bool]


class Unsupported(ValueError):
    """A pattern this matcher does not express: the ruler keeps spaCy's matcher."""


def _accepted(name: str, value: Any) -> frozenset[Any] | None:
    """The values a plain test accepts (equality, or IN a list of strings), or None for a test
    that must be run (NOT_IN, REGEX, several predicates)."""
    if isinstance(value, bool) != (name == "IS_SPACE"):
        raise Unsupported(f"{name}: {value!r}")
    if isinstance(value, bool | str):
        return frozenset([value])
    if isinstance(value, dict) and list(value) == ["IN"] and _strings(value["IN"]):
        return frozenset(value["IN"])
    return None


def _strings(arg: Any) -> bool:
    return isinstance(arg, list) and all(isinstance(v, str) for v in arg)


def _test(name: str, value: Any) -> Test:
    """A test of one token attribute against a pattern value, as spaCy's Matcher tests it."""
    if not isinstance(value, dict) or not value:
        raise Unsupported(f"{name}: {value!r}")
    tests = [_predicate(name, kind, arg) for kind, arg in value.items()]
    return lambda v: all(test(v) for test in tests)


def _predicate(name: str, kind: str, arg: Any) -> Test:
    if kind in ("IN", "NOT_IN") and _strings(arg):
        members = frozenset(arg)
        return (lambda v: v in members) if kind == "IN" else (lambda v: v not in members)
    if kind == "REGEX" and isinstance(arg, str):
        search = re.compile(arg).search  # the Matcher's regex predicate searches too
        return lambda v: search(v) is not None
    raise Unsupported(f"{name}: {kind} {arg!r}")


class _Feature:
    """One attribute's side of every token check: which checks a value passes."""

    def __init__(self) -> None:
        self.free: set[int] = set()  # checks that do not test this attribute
        self.index: dict[Any, set[int]] = {}  # value -> checks that accept exactly it
        self.tests: list[tuple[int, Test]] = []  # checks that run a test on it
        self.memo: dict[Any, frozenset[int]] = {}

    def add(self, check: int, name: str, value: Any) -> None:
        accepted = _accepted(name, value)
        if accepted is None:
            self.tests.append((check, _test(name, value)))
            return
        for v in accepted:
            self.index.setdefault(v, set()).add(check)

    def passing(self, value: Any) -> frozenset[int]:
        found = self.memo.get(value)
        if found is None:
            chosen = self.free | self.index.get(value, set())
            chosen.update(check for check, test in self.tests if test(value))
            found = frozenset(chosen)
            if len(self.memo) >= MAX_MEMO:
                self.memo.clear()
            self.memo[value] = found
        return found


class RuleMatcher:
    """What `AttributeRuler.match` asks of its `Matcher` (every (key, start, end) where one of
    a key's patterns matches), for fixed-length patterns over LOWER, TAG, DEP and IS_SPACE.
    Everything else is delegated to the wrapped matcher."""

    def __init__(self, matcher: Any, vocab: Any, patterns: list[tuple[int, list[Any]]]) -> None:
        self.matcher = matcher
        self.strings = vocab.strings
        self.features = [_Feature() for _ in FEATURES]
        # The patterns, indexed by the check their first token must pass.
        self.starting: dict[int, list[tuple[int, tuple[int, ...]]]] = {}
        specs: dict[str, int] = {}  # one check per distinct token pattern
        for key, key_patterns in patterns:
            for pattern in key_patterns:
                if not pattern:
                    raise Unsupported("an empty pattern")
                ids = tuple(self._check_id(spec, specs) for spec in pattern)
                self.starting.setdefault(ids[0], []).append((key, ids))
        self.size = len(matcher)
        self.memo: dict[tuple[int, ...], frozenset[int]] = {}

    def _check_id(self, spec: Any, specs: dict[str, int]) -> int:
        """The id of the check for one token pattern, compiled into each attribute's side."""
        if not isinstance(spec, dict):
            raise Unsupported(repr(spec))
        signature = repr(sorted(spec.items(), key=lambda kv: str(kv[0])))
        if signature in specs:
            return specs[signature]
        check = specs[signature] = len(specs)
        tested = {}
        for raw, value in spec.items():
            name = raw.upper() if isinstance(raw, str) else raw
            if name not in FEATURES or name in tested:  # "OP", another attribute, an extension
                raise Unsupported(f"attribute {raw!r}")
            tested[name] = value
        for name, feature in zip(FEATURES, self.features, strict=True):
            if name in tested:
                feature.add(check, name, tested[name])
            else:
                feature.free.add(check)
        return check

    def __getattr__(self, name: str) -> Any:
        return getattr(self.matcher, name)

    def __len__(self) -> int:
        return len(self.matcher)

    def __contains__(self, key: object) -> bool:
        return key in self.matcher

    def passed(self, row: tuple[int, ...]) -> frozenset[int]:
        """The checks a token with these attribute hashes passes (remembered)."""
        found = self.memo.get(row)
        if found is None:
            strings = self.strings
            lower, tag, dep, space = self.features
            found = (
                tag.passing(strings[row[1]])
                & dep.passing(strings[row[2]])
                & space.passing(bool(row[3]))
                & lower.passing(strings[row[0]])
            )
            if len(self.memo) >= MAX_MEMO:
                self.memo.clear()
            self.memo[row] = found
        return found

    def __call__(self, doclike: Any, **kwargs: Any) -> Any:
        if (
            not isinstance(doclike, Doc)
            or kwargs.get("as_spans")
            or kwargs.get("with_alignments")
            or len(self.matcher) != self.size  # patterns added since: not compiled here
        ):
            return self.matcher(doclike, **kwargs)
        return list(self.matches(doclike))

    def matches(self, doc: Doc) -> Iterator[tuple[int, int, int]]:
        rows = [tuple(r) for r in doc.to_array(FEATURE_IDS).tolist()] if len(doc) else []
        passed = [self.passed(row) for row in rows]
        n = len(passed)
        seen: set[tuple[int, int, int]] = set()
        for start, checks in enumerate(passed):
            for check in checks:
                for key, ids in self.starting.get(check, ()):
                    end = start + len(ids)
                    if end > n or not all(c in passed[start + j] for j, c in enumerate(ids)):
                        continue
                    match = (key, start, end)
                    if match not in seen:
                        seen.add(match)
                        yield match


# The attributes the stand-in writes as arrays: token attributes only (none is a lexeme's, so
# spaCy's writer, which sets lexemes too, changes nothing more).
RULER_ATTRS = frozenset({LEMMA, POS, TAG, DEP, MORPH})
MODEL_RULER = "attribute_ruler"


def rule_matcher_for(ruler: Any, vocab: Any) -> RuleMatcher:
    """A `RuleMatcher` for the ruler's patterns; raises Unsupported where it cannot stand in."""
    matcher = getattr(ruler, "matcher", None)
    attrs = getattr(ruler, "attrs", None)
    if matcher is None or attrs is None:
        raise Unsupported("not an attribute ruler")
    if any(not set(a) <= RULER_ATTRS for a in attrs):
        raise Unsupported("attributes other than LEMMA, POS, TAG, DEP and MORPH")
    strings = vocab.strings
    keyed = []
    for i in range(len(attrs)):
        key = str(i)  # the ruler adds its i-th rule under the key str(i) (`AttributeRuler.add`)
        if key not in strings:
            raise Unsupported(f"no rule key {key!r}")
        keyed.append((strings[key], matcher.get(key)[1]))
    return RuleMatcher(matcher, vocab, keyed)


class BulkAttributes:
    """The model's attribute ruler, run with a `RuleMatcher` and writing what it sets as arrays
    (`AttributeRuler.set_annotations` builds a `Span` and writes a token per match, and every
    token matches a tag rule). The rules apply in the ruler's order, later ones winning."""

    def __init__(self, ruler: Any, vocab: Any) -> None:
        self.ruler = ruler
        self.matcher = rule_matcher_for(ruler, vocab)
        self.strings = vocab.strings
        self.columns = sorted({attr for attrs in ruler.attrs for attr in attrs})

    def __call__(self, doc: Doc) -> Doc:
        ruler = self.ruler
        if len(ruler.matcher) != self.matcher.size or ruler.matcher is not self.matcher.matcher:
            return ruler(doc)  # rules changed since: the ruler's own way
        strings = self.strings
        matches = sorted(
            (int(strings[key]), key, start, end) for key, start, end in self.matcher.matches(doc)
        )
        if not matches or not self.columns:
            return doc
        table = doc.to_array(self.columns)
        where = {attr: j for j, attr in enumerate(self.columns)}
        for rule, _, start, end in matches:
            index = ruler.indices[rule]
            if not -(end - start) <= index < end - start:
                ruler.set_annotations(doc, matches)  # raises spaCy's own error for the rule
                return doc
            row = (start if index >= 0 else end) + index
            for attr, value in ruler.attrs[rule].items():
                table[row, where[attr]] = value
        doc.from_array(self.columns, table)  # type: ignore[arg-type]  # the stub says float64
        return doc


@Language.factory("footprint_attributes_v1", assigns=["token.pos", "token.morph", "token.lemma"])
def make_bulk_attributes(nlp: Language, name: str) -> BulkAttributes:
    return BulkAttributes(nlp.get_pipe(MODEL_RULER), nlp.vocab)


def stand_in_for_attribute_ruler(nlp: Language) -> bool:
    """Run "footprint_attributes_v1" in place of the model's attribute ruler, which stays in the
    pipeline, disabled; False (and nothing changed) where the ruler's rules need spaCy's own
    matcher or writer."""
    if MODEL_RULER not in nlp.pipe_names or "footprint_attributes_v1" in nlp.component_names:
        return False
    try:
        rule_matcher_for(nlp.get_pipe(MODEL_RULER), nlp.vocab)
    except Unsupported:
        return False
    nlp.add_pipe("footprint_attributes_v1", after=MODEL_RULER)
    nlp.disable_pipe(MODEL_RULER)
    return True


# -- lemmas ---------------------------------------------------------------------------------------

LEMMA_KEY = [ORTH, POS, MORPH, LEMMA]


def rule_lemma(lemmatizer: Any, token: Any, index: Callable[[str], frozenset[str]]) -> str:
    """The first of `Lemmatizer.rule_lemmatize(token)` (spaCy 3.8), step for step, but with the
    lemma index of a part of speech as a set: spaCy keeps it as a list of up to 57,000 words
    and tests each candidate form with `in`, which made a new word cost about 0.25 ms."""
    string = token.text
    univ_pos = token.pos_.lower()
    if univ_pos in ("", "eol", "space"):
        if univ_pos == "":
            warnings.warn(Warnings.W108, stacklevel=2)
        return string.lower()
    if lemmatizer.is_base_form(token):
        return string.lower()
    index_table = lemmatizer.lookups.get_table("lemma_index", {})
    exc_table = lemmatizer.lookups.get_table("lemma_exc", {})
    rules_table = lemmatizer.lookups.get_table("lemma_rules", {})
    if not any((index_table.get(univ_pos), exc_table.get(univ_pos), rules_table.get(univ_pos))):
        return string if univ_pos == "propn" else string.lower()
    words = index(univ_pos)
    exceptions = exc_table.get(univ_pos, {})
    rules = rules_table.get(univ_pos, {})
    orig = string
    string = string.lower()
    forms: list[str] = []
    oov_forms = []
    for old, new in rules:
        if string.endswith(old):
            form = string[: len(string) - len(old)] + new
            if not form:
                pass
            elif form in words or not form.isalpha():
                if form in words:
                    forms.insert(0, form)
                else:
                    forms.append(form)
            else:
                oov_forms.append(form)
    forms = list(dict.fromkeys(forms))
    for form in exceptions.get(string, []):
        if form not in forms:
            forms.insert(0, form)
    return (forms or oov_forms or [orig])[0]


class BulkLemmas:
    """Set the rule lemmas `lemmatizer` would set, reading and writing them as arrays."""

    def __init__(self, lemmatizer: Any) -> None:
        self.lemmatizer = lemmatizer
        self.memo: dict[tuple[int, int, int], int] = {}
        self.indexes: dict[str, frozenset[str]] = {}
        # Mirrored only where the lemmatizer's own rule lemmatizer is spaCy's, the one
        # `rule_lemma` copies; a subclass that changes it is asked token by token.
        self.mirrored = getattr(type(lemmatizer), "rule_lemmatize", None) is getattr(
            Lemmatizer, "rule_lemmatize", None
        )

    def index(self, univ_pos: str) -> frozenset[str]:
        found = self.indexes.get(univ_pos)
        if found is None:
            table = self.lemmatizer.lookups.get_table("lemma_index", {})
            found = self.indexes[univ_pos] = frozenset(table.get(univ_pos, {}))
        return found

    def __call__(self, doc: Doc) -> Doc:
        if not len(doc):
            return doc
        lemmatizer = self.lemmatizer
        if not lemmatizer._validated:
            lemmatizer._validate_tables(Errors.E1004)
        table = doc.to_array(LEMMA_KEY)
        overwrite = lemmatizer.overwrite
        lemmas = table[:, 3].copy()
        for i, (orth, pos, morph, lemma) in enumerate(table.tolist()):
            if lemma and not overwrite:
                continue  # set by the attribute ruler: the lemmatizer keeps it too
            lemmas[i] = self._lemma(doc, i, (orth, pos, morph))
        doc.from_array([LEMMA], lemmas)  # type: ignore[arg-type]  # the stub says float64
        return doc

    def _lemma(self, doc: Doc, i: int, key: tuple[int, int, int]) -> int:
        found = self.memo.get(key)
        if found is None:
            token = doc[i]
            if self.mirrored:
                text = rule_lemma(self.lemmatizer, token, self.index)
            else:
                text = self.lemmatizer.lemmatize(token)[0]
            found = doc.vocab.strings.add(text)
            if len(self.memo) >= MAX_MEMO:
                self.memo.clear()
            self.memo[key] = found
        return found


def bulk_lemmas_applies(nlp: Language) -> bool:
    """Only for a rule lemmatizer: its lemma is a function of ORTH, POS and MORPH alone."""
    if "lemmatizer" not in nlp.pipe_names:
        return False
    lemmatizer = nlp.get_pipe("lemmatizer")
    return getattr(lemmatizer, "mode", None) == "rule" and hasattr(lemmatizer, "rule_lemmatize")


@Language.factory("footprint_lemmas_v1", assigns=["token.lemma"])
def make_bulk_lemmas(nlp: Language, name: str) -> BulkLemmas:
    return BulkLemmas(nlp.get_pipe("lemmatizer"))
