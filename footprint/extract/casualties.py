"""Killed and injured figures read from the dependency parse of a news sentence.

A figure needs a casualty word (kill, die, dead, death, wound, "sustained injuries", "lost their
lives", "beaten to death", ...) and the victims that word governs. Victims sit in a few places:
the passive subject ("Four officers were killed"), the object of an active verb ("killing two"),
the subject of "die" or of a bare participle ("30 others wounded"), the noun an adjective is said
of ("left five dead"), "of" after a noun ("the deaths of three soldiers"). Reading numbers only
there keeps ages ("a 25-year-old man"), weights ("a 5 kg bomb"), dates and the attackers ("two
gunmen killed ...") out of the count.

A victim phrase counts as its number ("14", "1,200", "twenty-five", "a dozen"); "at least N" and
"more than N" give N, since reports give lower bounds; one person ("a police officer", "the
driver", a name, "him", "another") is 1; "both" is 2; joined phrases add up ("two officers and two
gunmen"), as do people named apart ("in addition to the bomber", "along with one attacker");
"including ..." names a subset and is not added; "no one", "no casualties", a negated verb ("was
not injured") and "unharmed" give 0; so do what failed or was stopped ("failed to kill", "failed
to explode", "before it could cause injuries") and a bomb defused. Captives released, freed or
rescued were not killed (killed 0; their injuries are not said). Bare plurals ("civilians",
"dozens", "an unknown number") say there were victims but not how many: that field is None.

Nobody hurt means nobody killed, so a zero for injuries is a zero for deaths too; and a report
that counts the injured and tells of no death reports none (`no_deaths_told`), while deaths
told without a count ("several were killed", "some of them fatally", "later succumbed", "the
death toll may rise") keep the figure unknown. Within one sentence separate mentions are added
("three were killed and no one else was hurt": killed 3); across sentences, only those marked
as naming others ("also", "additionally") are (`combine`); a body found is the same death told
again, so it counts only when the sentence names no other. People counted as attacked, taken or
hurt count again when named again ("the civilians" after "shot two civilians": `count_people`).
The parser is the small English model: a few rules (`_left_of`, conjuncts on an apposition) mend
attachments it gets wrong often enough to matter.
"""

from __future__ import annotations

from collections.abc import Mapping
from contextvars import ContextVar
from dataclasses import dataclass
from functools import lru_cache
from types import MappingProxyType

from spacy.tokens import Span, Token

from footprint.extract.grammar import clause_verb, has_modal, is_modal, negated
from footprint.extract.responsibility import (
    CLAIM_VERBS,
    SAY_VERBS,
    no_side_speaking,
    own_act_told,
)
from footprint.nlp import lexicons

# Word classes (kill verbs, collective nouns, ...) are data: nlp/patterns/casualty_words.tsv.
# What stays here is grammar.
_ONES = "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen"
_TEENS = "fifteen sixteen seventeen eighteen nineteen twenty"
_TENS = "thirty forty fifty sixty seventy eighty ninety"
NUMBER_WORDS = {w: i for i, w in enumerate(f"{_ONES} {_TEENS}".split())}
NUMBER_WORDS |= {w: 30 + 10 * i for i, w in enumerate(_TENS.split())}
NUMBER_WORDS |= {"hundred": 100, "thousand": 1000, "dozen": 12, "both": 2, "single": 1}
ONE_PRONOUNS = frozenset({"he", "she", "him", "her", "his", "himself", "herself"})
NOBODY = frozenset({"nobody", "none", "no-one", "noone"})

PLACES_AND_ORGS = frozenset({"GPE", "LOC", "FAC", "ORG"})  # never a conjoined victim
KILLED, INJURED, BODIES = "killed", "injured", "bodies"
Mention = tuple[str, int | None, list[Token]]  # field, count, the words it was read from


@dataclass(frozen=True)
class CasualtyCount:
    killed: int | None  # None: the sentence does not say
    injured: int | None
    start: int  # char offsets in the Doc of the words the figure was read from
    end: int
    adds: bool = False  # names further victims ("also", "In addition, ..."): see combine
    # Whether it tells of deaths, counted or not ("several were killed", "some of them
    # fatally", "the death toll may rise"): see `no_deaths_told`.
    dead: bool = False


def _w(kind: str) -> frozenset[str]:
    """A word class from nlp/patterns/casualty_words.tsv."""
    return lexicons.casualty_words()[kind]


def _has(tok: Token, deps: tuple[str, ...]) -> list[Token]:
    return [c for c in tok.children if c.dep_ in deps and c.lemma_.lower() not in _w("not_victim")]


def _number(tok: Token) -> int | None:
    """The value of a numeral token with its compound parts ("two hundred", "twenty-five")."""
    text = tok.lower_.replace(",", "")
    value = int(text) if text.isdigit() else NUMBER_WORDS.get(text)
    if value is None:
        return None
    for child in tok.children:
        if child.dep_ in ("compound", "nummod") and (part := _number(child)) is not None:
            value = value * part if value in (100, 1000) else value + part
    return value


def _numerals(tok: Token) -> list[Token]:
    """The number words counting a noun; the tagger takes some spelled-out ones for adjectives
    ("Sixty fighters and civilians")."""
    return [
        c
        for c in tok.children
        if c.dep_ == "nummod" or (c.dep_ == "amod" and c.lower_ in NUMBER_WORDS)
    ]


def _count(tok: Token) -> int | None:
    """How many people the victim phrase headed by `tok` names; None when it does not say."""
    total = _count_one(tok)
    if total is None and (appos := _has(tok, ("appos",))):  # "Banosong, a municipal councilor"
        total = _count_one(appos[0])
    numbered = total is not None and bool(_numerals(tok))
    # A conjunct after the head's own "in ..." phrase is mostly a place the parser joined on
    # ("an officer in Herat city, Herat province"): the people are named before the place.
    prep_at = min(
        (c.i for c in tok.children if c.dep_ == "prep" and c.lower_ != "including"),
        default=len(tok.doc),
    )
    # "The chairman, Muhammad Rahimi, and his son": the parser hangs "and his son" on the name;
    # without the comma it is the apposition going on ("Musa, the secretary and the pastor").
    conjs = [c for c in tok.children if c.dep_ == "conj"] + [
        c
        for a in _has(tok, ("appos",))
        for c in a.children
        if c.dep_ == "conj" and c.left_edge.i > 1 and tok.doc[c.left_edge.i - 2].text == ","
    ]
    for conj in (c for c in conjs if c.i < prep_at and c.ent_type_ not in PLACES_AND_ORGS):
        # "five soldiers and police officers": the number covers a bare plural after it, and
        # "two employees, Salik and Akbari" names the two.
        bare = conj.tag_ in ("NNS", "NNPS") and not _has(conj, ("nummod", "det", "poss"))
        part = 0 if numbered and (bare or conj.pos_ == "PROPN") else _count(conj)
        total = None if total is None or part is None else total + part
    return total


def _count_one(tok: Token) -> int | None:
    lower = tok.lower_
    dets = {c.lower_ for c in tok.children if c.dep_ in ("det", "predet", "neg")}
    if lower in NOBODY or "no" in dets:
        return 0
    value = _number(tok)
    if value is not None:  # the number is the phrase itself: "killing two", "Five of the ..."
        return None if tok.dep_ == "compound" else value
    for child in _numerals(tok):
        return None if child.lower_ in _w("vague") else _number(child)
    first = tok.left_edge  # "Four United States (US) soldiers": the number went to the name
    if (
        first.dep_ == "nummod"
        and first.head.pos_ == "PROPN"
        and first.head.i < tok.i
        and (first.nbor(1).pos_ == "PROPN")
    ):
        return _number(first)
    if "both" in dets:  # "both people", "both guards"
        return 2
    if lower in _w("vague") or {lower, tok.lemma_.lower()} & _w("collective"):
        return None
    if lower == "another":
        return 1
    if tok.pos_ == "PRON":
        return 1 if lower in ONE_PRONOUNS else None
    if tok.tag_ in ("NN", "NNP") or (tok.pos_ == "ADJ" and dets):  # "the 25-year-old"
        return 1
    told = _TOLD.get()
    if _named_again(tok, told):  # "the civilians", counted in an earlier sentence
        figure = told[tok.lemma_.lower()]
        return None if figure == AMBIGUOUS else figure
    return None


def _named_again(tok: Token, told: Mapping[str, int]) -> bool:
    """Is the word "the" + a plural noun an earlier sentence counted ("the civilians")?"""
    return (
        tok.tag_ == "NNS"
        and tok.lemma_.lower() in told
        and any(c.dep_ == "det" and c.lower_ == "the" for c in tok.children)
    )


# People the event's earlier sentences counted, by noun ("shot two civilians": civilian -> 2),
# for "the civilians" further on; set for the length of one `casualties_in` call.
_TOLD: ContextVar[Mapping[str, int]] = ContextVar("told", default=MappingProxyType({}))
# Token indexes of the words that tell the sentence's own act (its event triggers), if known.
_ACTS: ContextVar[frozenset[int]] = ContextVar("acts", default=frozenset())


AMBIGUOUS = -1  # a noun counted twice with two figures: "the soldiers" then says neither


@lru_cache(maxsize=1)
def _victims_verbs() -> frozenset[str]:
    """Verbs whose object was attacked, taken or hurt: the event verbs and the casualty verbs."""
    events = {v for v, info in lexicons.event_verbs().items() if info.event_type}
    return frozenset(events | _w("kill_verb") | _w("injure_verb"))


def count_people(sent: Span, told: dict[str, int]) -> None:
    """Add to `told` the people the sentence counts as attacked, taken or hurt, by noun
    ("abducted 10 police officers": officer -> 10), for a later "the officers" to refer back to.
    Only the object of a violent or casualty verb: "a bus carrying 45 workers" are not all
    victims. A noun counted again with another figure refers back to neither."""
    verbs = _victims_verbs()
    for tok in lexicons.tokens_among(sent, lexicons.person_nouns()):
        if tok.pos_ != "NOUN" or tok.tag_ != "NNS" or not _numerals(tok):
            continue
        if tok.dep_ not in ("dobj", "nsubjpass") or tok.head.lemma_.lower() not in verbs:
            continue
        lemma = tok.lemma_.lower()
        if lemma in lexicons.person_nouns() and (n := _count_one(tok)) is not None:
            told[lemma] = n if told.get(lemma, n) == n else AMBIGUOUS


def _did_not_happen(tok: Token) -> bool:
    """Said not to have happened, which is a zero: "failed to kill", "failed to detonate",
    "failed to cause any injuries", "before it could cause injuries"."""
    verb = tok
    if tok.pos_ == "NOUN":  # only the object of a causing verb: "failed to report deaths" is not 0
        base = _conj_base(tok)
        if base.dep_ != "dobj" or base.head.lemma_ not in _w("cause_verb"):
            return False
        verb = base.head
    return (verb.dep_ == "xcomp" and verb.head.lemma_ in _w("fail_verb")) or (
        any(c.dep_ == "mark" and c.lower_ == "before" for c in verb.children)
        and has_modal(verb)
    )


def _conj_base(tok: Token) -> Token:
    """The first of joined words ("no damage or casualties" -> "damage")."""
    while tok.dep_ == "conj" and tok.head.i != tok.i:
        tok = tok.head
    return tok


def _irrealis(tok: Token) -> bool:
    """Not a death (yet): "would kill", "attempted murder", "tried to kill"."""
    return (tok.dep_ == "xcomp" and tok.head.lemma_ in _w("irrealis")) or any(
        (c.dep_ in ("aux", "auxpass") and is_modal(c))
        or (c.dep_ == "amod" and c.lemma_ in ("attempt", "attempted"))
        for c in tok.children
    )


def _a_side_s_claim(tok: Token) -> bool:
    """ "X claimed that its fighters had killed 20 soldiers and wounded 30", "...,
    killing 200", "X said its fighters killed 15 soldiers": the figures a side claims or says
    for its own act are its claim, not the report's count (responsibility.py reads the claim
    as naming X the doer; the sentence still tells of deaths, `_tells_of_death`). Not what the
    state or a bystander says (`no_side_speaking`). After a plain "said", only when what was
    said is the speaker's own people's doing (`own_act_told`): "officials said it killed
    20" is most often the blast of the sentence before. A bare "it" after a named speaker
    names the claimant (responsibility.py) but its figure stays a count here: "the Red Cross
    said it killed 50" after a quake, "X said it killed 12" of a state body named as one."""
    if tok.pos_ != "VERB":
        return False  # (only a verb of killing or hurting can tell a claimed toll)
    lemma = tok.lemma_.lower()
    if not (
        lemma in _w("kill_verb") or lemma in _w("injure_verb") or tok.lower_ in _w("kill_form")
    ):
        return False
    clause = tok
    while clause.dep_ in ("conj", "advcl", "xcomp") and clause.head.i != clause.i:
        clause = clause.head  # "had killed 20 soldiers and [wounded] 30", "[killing] 200"
    speaking, said = clause.head.lemma_.lower(), clause.head
    if clause.dep_ != "ccomp" or no_side_speaking(said):
        return False
    if speaking in CLAIM_VERBS:
        return own_act_told(clause)
    return speaking in SAY_VERBS and not negated(said) and own_act_told(clause, said)


def _another_event(tok: Token) -> bool:
    """A death told as the cause or context of this event, not its toll: "in response to the
    killing of a soldier", "inspired by the murder of", "a week after the bombing that killed",
    a clause of what came before ("after a detainee died in custody": `_earlier_clause`).
    A gerund clause is the same attackers going on ("stormed the camp before killing two"),
    unless a lapse of time is put between ("two days after killing three soldiers")."""
    clause = clause_verb(tok)
    if clause is not None and _earlier_clause(clause):
        return True
    child = tok
    for ancestor in tok.ancestors:
        if ancestor.lemma_.lower() in _w("motive"):
            return True
        if ancestor.pos_ in ("ADP", "SCONJ") and ancestor.lower_ in lexicons.background_cues():
            gerund = child.dep_ == "pcomp" and child.pos_ in ("VERB", "AUX")
            return not gerund or bool(_has(ancestor, ("npadvmod",)))
        if ancestor.pos_ in ("VERB", "AUX") and ancestor.dep_ not in ("pcomp", "acl", "relcl"):
            return False
        child = ancestor
    return False


# Words that open a clause telling what came before the sentence's act.
EARLIER_MARKS = frozenset({"after", "since"})


def _earlier_clause(verb: Token) -> bool:
    """A clause of its own, with its own subject, telling what came before the sentence's act:
    "a crowd set a police post ablaze after a detainee died in custody". Not the clause the
    act itself was read from ("schools closed after gunmen killed two teachers": the killing
    is the story), nor one told by the same doers without a subject ("fled after killing two
    guards"), nor "before" (what came next, often the same incident). Only where the sentence's
    act is known (`casualties_in`'s `acts`): without it, nothing is ruled out."""
    acts = _ACTS.get()
    return (
        bool(acts)
        and verb.dep_ == "advcl"
        and any(c.dep_ == "mark" and c.lower_ in EARLIER_MARKS for c in verb.children)
        and any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children)
        and not any(t.i in acts for t in verb.subtree)
    )


def _verb_victims(verb: Token) -> list[Token]:
    """The people a casualty verb (or participle) happened to."""
    # A bare participle is passive ("30 others wounded") unless it has an object: the tagger
    # also gives VBN to some past tenses ("the blast injured nobody").
    own_aux = _has(verb, ("auxpass",))
    passive = bool(own_aux) or (
        verb.tag_ == "VBN"
        and not _has(verb, ("dobj",))
        and not any(c.lemma_ == "have" for c in _has(verb, ("aux",)))
    )
    subj_deps = ("nsubj", "nsubjpass") if passive or verb.lemma_ == "die" else ("nsubjpass",)
    found = _has(verb, subj_deps) or ([] if passive else _has(verb, ("dobj",)))
    if not found and own_aux:  # "... and at least 30 more were wounded", subject misattached
        found = _left_of(own_aux[0])
    if not found and verb.dep_ == "conj" and passive:
        # "two were killed and several hurt": the conjunct's own count, however vague
        found = [c for c in verb.lefts if c.dep_ in ("amod", "nummod", "npadvmod")]
    if not found and verb.dep_ == "conj" and not own_aux:  # "shot and killed a member"
        # Never the subject of an active head: "the attack left five dead and ten injured".
        head_passive = bool(_has(verb.head, ("auxpass",)))
        found = _has(verb.head, ("nsubjpass",) if head_passive else ("dobj",))
    if not found and verb.dep_ in ("acl", "amod") and passive:  # "three people killed in ..."
        found = [verb.head]
    if not found and passive:  # "the gunman fired ... before being shot and killed": his clause's
        found = _clause_subject(verb)
    if not found:  # "left five dead and ten injured"
        found = [c for c in verb.children if c.dep_ in ("npadvmod", "nummod") and c.like_num]
    if found and found[0].lower_ in ("who", "that", "which") and verb.dep_ == "relcl":
        found = [verb.head]
    return found


def _clause_subject(verb: Token) -> list[Token]:
    """The subject a subjectless gerund after "before"/"after" shares with the clause it hangs
    from: "the gunman wounded a guard before being shot dead" -> the gunman."""
    top = _conj_base(verb)
    if not (top.dep_ == "pcomp" and top.head.pos_ == "ADP" and top.head.head.pos_ == "VERB"):
        return []
    head = top.head.head
    subj = ("nsubj", "nsubjpass")  # "the guard was beaten before being rescued"
    while not _has(head, subj) and head.dep_ == "conj":  # "attacked and injured ... before"
        head = head.head
    return _has(head, subj)


def _left_of(aux: Token) -> list[Token]:
    """The counted phrase just before a passive auxiliary the parser left without a subject."""
    before = [t for t in aux.doc[aux.sent.start : aux.i] if not t.is_punct]
    if not before:
        return []
    tok = before[-1]
    # Climb out of "including the elder" to the phrase it hangs from ("six more, including ...").
    while tok.dep_ in ("pobj", "prep", "det", "amod", "compound", "nummod") and tok.head.i < aux.i:
        tok = tok.head
    counted = tok.pos_ in ("NOUN", "NUM", "ADJ", "PROPN") and _count(tok) is not None
    return [tok] if counted else []


def _besides(tok: Token) -> list[Token]:
    """People named apart: "in addition to the bomber", "besides", "along with one attacker"."""
    out = []
    # The parser sometimes hangs ", besides the attacker," on the comma.
    for prep in [p for t in [tok, *_has(tok, ("punct",))] for p in _has(t, ("prep",))]:
        before = tok.doc[prep.i - 1].lower_ if prep.i else ""
        for pobj in _has(prep, ("pobj",)):
            if prep.lower_ == "besides" or (
                prep.lower_ == "with" and before in ("along", "together")
            ):
                out.append(pobj)
            elif prep.lower_ == "in" and pobj.lower_ == "addition":
                out += [
                    o for p in _has(pobj, ("prep",)) if p.lower_ == "to" for o in _has(p, ("pobj",))
                ]
    return out


def _noun_mention(tok: Token, lemma: str) -> tuple[str | None, list[Token], bool]:
    """(field, victims, says zero) for a casualty noun."""
    of = [o for p in _has(tok, ("prep",)) if p.lower_ == "of" for o in _has(p, ("pobj",))]
    base = _conj_base(tok)  # "no damage or injuries": the "no" is on the first word
    no = any(c.lower_ == "no" for c in base.children) or (
        base.dep_ == "pobj"  # "no reports of casualties"
        and base.head.lower_ == "of"
        and any(c.lower_ == "no" for c in base.head.head.children)
    )
    if lemma in ("casualty", "fatality") and (no or _has(base.head, ("neg",))):
        return (KILLED if lemma == "fatality" else INJURED), [], True
    if lemma in _w("injure_noun") and tok.dep_ == "dobj" and tok.head.lemma_ in _w("suffer_verb"):
        return INJURED, _has(tok.head, ("nsubj", "nsubjpass")), False
    if lemma == "life" and tok.dep_ == "dobj" and tok.head.lemma_ == "lose":
        return KILLED, _has(tok.head, ("nsubj",)), False
    claimed = lemma == "life" and tok.head.lemma_ in ("claim", "take")  # "claimed the lives of"
    if lemma in _w("kill_noun") | _w("injure_noun") or claimed:
        # "the deaths of three soldiers", "14 deaths"; "the death of democracy" has no count
        victims = of or ([tok] if _has(tok, ("nummod",)) else [])
        zero = no or any(a.lower_ == "without" for a in tok.ancestors)  # "without causing injury"
        return (INJURED if lemma in _w("injure_noun") else KILLED), victims, zero
    if lemma == "body" and tok.head.lemma_ in _w("found_verb"):
        owners = [o for o in _has(tok, ("poss",)) if _count(o) is not None]
        return BODIES, of or owners or [tok], False  # "the officers' bodies", "his body"
    if lemma == "toll" and any(c.lemma_ == "death" for c in tok.children):  # "rose to 7"
        found = [t for t in tok.head.subtree if t.like_num and t.dep_ in ("pobj", "attr")]
        return KILLED, found, False
    return None, [], False


@lru_cache(maxsize=1)
def _figure_words() -> frozenset[str]:
    """Every word `_mentions` reads a figure from, as its lemma or as written."""
    kinds = ["unharmed", "defuse_verb", "blast_verb", "freed_verb", "kill_verb", "kill_form"]
    kinds += ["injure_verb", "injure_noun", "kill_noun"]
    found = {"shoot", "gun", "death", "dead", "injured", "wounded", "casualty", "fatality"}
    found |= {"life", "body", "toll"}  # (the nouns `_noun_mention` reads by name)
    return frozenset(found.union(*(_w(kind) for kind in kinds)))


def _mentions(sent: Span) -> list[Mention]:
    out: list[Mention] = []
    for tok in lexicons.tokens_among(sent, _figure_words()):
        lemma, lower = tok.lemma_.lower(), tok.lower_
        field, victims, zero = None, [], False
        not_done = _did_not_happen(tok)
        if not not_done and (_irrealis(tok) or _a_side_s_claim(tok)):
            continue
        if lower in _w("unharmed"):
            out += [(KILLED, 0, [tok]), (INJURED, 0, [tok])]
            continue
        is_verb = tok.pos_ in ("VERB", "AUX")
        if is_verb and (
            (lemma in _w("defuse_verb") and not not_done and tok.tag_ != "VBG")
            or (lemma in _w("blast_verb") and not_done)
        ):  # a bomb defused or that failed to go off hurt nobody ("being defused" may not end so)
            field, zero = INJURED, True
        elif is_verb and lemma in _w("freed_verb") and not not_done:
            # Captives released, freed or rescued lived: none of them was killed.
            field, zero = KILLED, True
            victims = [v for v in _verb_victims(tok) if v.lemma_.lower() not in _w("not_captive")]
            if not victims:
                continue
        elif is_verb and (
            lemma in _w("kill_verb")
            or lower in _w("kill_form")
            or lemma in _w("injure_verb")
            # "shot dead" / "shot him dead" / "gunned down": plain "shot" may only be wounded.
            or (lemma == "shoot" and any(t.lower_ == "dead" for t in tok.subtree))
            or (lemma == "gun" and any(c.lower_ == "down" for c in tok.children))
        ):
            field = INJURED if lemma in _w("injure_verb") else KILLED
            victims, zero = _verb_victims(tok), bool(_has(tok, ("neg",))) or not_done
        elif (
            lemma == "death"
            and tok.head.lower_ == "to"
            and tok.head.head.pos_ == "VERB"
            and tok.head.head.lemma_ not in ("sentence", "condemn")
        ):  # a sentence, not a death
            verb = tok.head.head  # "beaten to death", "burned to death"
            field, victims = KILLED, _verb_victims(verb) or _has(verb, ("nsubj",))
        elif lower in ("dead", "injured", "wounded") and tok.pos_ == "ADJ" and tok.dep_ != "amod":
            if tok.head.lemma_ == "shoot":  # read with the verb
                continue
            field, victims = (KILLED if lower == "dead" else INJURED), _has(tok, ("nummod",))
            if not victims and tok.dep_ in ("oprd", "acomp"):  # "left ten people dead"
                victims = next(
                    (v for d in ("dobj", "nsubjpass", "nsubj") if (v := _has(tok.head, (d,)))), []
                )
        elif tok.pos_ == "NOUN" and tok.dep_ != "compound":
            field, victims, zero = _noun_mention(tok, lemma)
            zero = zero or (field is not None and not_done)
        if field is None or not (zero or victims) or _another_event(tok):
            continue  # (the motive check climbs the parse: only for casualty words)
        count: int | None = 0
        if not zero:
            count = _count(victims[0])
            around = [tok, *_has(tok, ("auxpass", "aux"))]
            if any(c.lower_ == "both" for t in around for c in t.children):
                count = 2  # "the assailants were both injured"
            for other in _besides(tok) + _besides(victims[0]):
                more = _count(other)
                count = None if count is None or more is None else count + more
        words = [tok] + [t for v in victims for t in v.subtree]
        out.append((field, count, words))
        if field == INJURED and count == 0:  # nobody hurt: nobody killed either
            out.append((KILLED, 0, words))
    return out


def _read_mentions(sent: Span) -> list[Mention]:
    try:
        return _mentions(sent)
    except (IndexError, ValueError, KeyError):  # an odd parse is no reason to stop a document
        return []


def victim_heads(sent: Span) -> list[Token]:
    """The head word of each phrase the sentence says was killed or hurt ("At least six
    passengers were killed": passengers), in the order written; none where it says nobody was.
    (Read again from the parse: only accidents ask, and few sentences tell one.)"""
    heads: list[Token] = []
    mentions = _read_mentions(sent)
    for _, count, words in mentions:
        # words: the casualty word, then each victim phrase's subtree; the head is the one
        # word of the first phrase whose head lies outside it
        phrase = words[1:]
        if count == 0 or not phrase:
            continue
        inside = {t.i for t in phrase}
        head = next((t for t in phrase if t.head.i not in inside or t.head.i == t.i), None)
        if head is not None and head.i not in {h.i for h in heads}:
            heads.append(head)
    return sorted(heads, key=lambda t: t.i)


def casualties_in(
    sent: Span, told: Mapping[str, int] | None = None, acts: frozenset[int] = frozenset()
) -> CasualtyCount | None:
    """The killed and injured figures a sentence gives; None when it gives neither. `told`:
    the people earlier sentences of the event counted (`count_people`), so "the civilians
    were killed" after "gunmen shot two civilians" counts two. `acts`: the token indexes of
    the words the sentence's own event was read from."""
    token, acts_token = _TOLD.set(told or {}), _ACTS.set(acts)
    try:
        mentions = _read_mentions(sent)
    finally:
        _TOLD.reset(token)
        _ACTS.reset(acts_token)
    if any(f == KILLED and c for f, c, _ in mentions):  # "was killed and his body was found"
        mentions = [m for m in mentions if m[0] != BODIES]
    totals: dict[str, int | None] = {}
    for field, count, _ in mentions:
        field = KILLED if field == BODIES else field
        held = totals.get(field, 0)
        totals[field] = None if held is None or count is None else held + count
    dead = any(f in (KILLED, BODIES) and c != 0 for f, c, _ in mentions) or _tells_of_death(sent)
    if totals.get(KILLED) is None and totals.get(INJURED) is None and not dead:
        return None
    if not mentions:  # only a word of death ("the toll is expected to rise"): no figures
        return CasualtyCount(None, None, sent.start_char, sent.end_char, dead=True)
    words = [t for _, _, ws in mentions for t in ws]
    return CasualtyCount(
        killed=totals.get(KILLED),
        injured=totals.get(INJURED),
        start=min(t.idx for t in words),
        end=max(t.idx + len(t.text) for t in words),
        # people named again are not further victims ("the civilians were also killed")
        adds=_adds(sent, [ws[0] for _, _, ws in mentions]) and not _refers_back(mentions, told),
        dead=dead,
    )


def _refers_back(mentions: list[Mention], told: Mapping[str, int] | None) -> bool:
    """Does a victim phrase name people counted before ("the civilians")?"""
    if not told:
        return False
    return any(_named_again(t, told) for _, _, words in mentions for t in words[1:])


@lru_cache(maxsize=1)
def _death_words() -> frozenset[str]:
    """Every word `_tells_of_death` reads, as its lemma or as written."""
    return frozenset(_w("death_word") | _w("kill_verb") | {"toll"})


def _tells_of_death(sent: Span) -> bool:
    """Does the sentence tell of a death in words that give no count: "some of them fatally",
    "later succumbed", "perished", "were martyred" (death_word), "the toll may rise", or a
    toll a side claims ("X claimed its fighters had killed 20": no count of the report's)?
    Not what is threatened or tried ("vowed to ..."), nor a death given as the motive."""
    words, kills = _w("death_word"), _w("kill_verb")
    for tok in lexicons.tokens_among(sent, _death_words()):
        lemma = tok.lemma_.lower()
        # "the toll rose", not "a toll plaza"
        toll = lemma == "toll" and tok.pos_ == "NOUN" and tok.dep_ != "compound"
        if (toll or lemma in words or tok.lower_ in words) and not (
            _irrealis(tok) or _another_event(tok)
        ):
            return True
        if lemma in kills and _a_side_s_claim(tok):
            return True  # a claimed toll is no count, yet no sign that nobody died
    return False


def no_deaths_told(counts: list[CasualtyCount]) -> bool:
    """Do an event's sentences count the injured and tell of no death at all? Then the report
    tells of none: killed is 0, not unknown. (People hurt but not counted say too little:
    deaths are told in too many ways — "found lifeless", "did not survive" — to rule them
    out from a word list.)"""
    return not any(c.dead for c in counts) and any(c.injured is not None for c in counts)


def _adds(sent: Span, said: list[Token]) -> bool:
    """Whether the sentence names victims besides those told before: it opens with
    "Additionally," / "Also," / "In addition," or a casualty word has "also"
    ("Ten gunmen were also killed")."""
    words = [t for t in sent if not t.is_punct]
    if len(words) > 2 and words[0].lower_ == "in" and words[1].lower_ == "addition":
        return words[1].nbor(1).is_punct  # not "In addition to the bomber, ..." (one count)
    if words and words[0].lower_ in _w("additive"):
        return True
    return any(c.dep_ == "advmod" and c.lower_ in _w("additive") for t in said for c in t.children)


def combine(counts: list[CasualtyCount]) -> tuple[int | None, int | None]:
    """Totals across the sentences of one event, in order: for each field, the largest figure
    given, plus those of sentences that say they name others ("also", "additionally").

    The maximum, not the sum: later sentences mostly restate or update the same toll ("the
    death toll rose to 7", "one of the dead was a police officer"), and adding those would count
    people twice. Only a sentence that marks its victims as further ones ("Two soldiers were
    killed. Additionally, six civilians were killed.": 8) is added; separate groups told without
    such a word are still undercounted."""
    return _total(counts, "killed"), _total(counts, "injured")


def _total(counts: list[CasualtyCount], field: str) -> int | None:
    total: int | None = None
    for count in counts:
        figure: int | None = getattr(count, field)
        if figure is None:
            continue
        if total is not None:  # a restated toll keeps the larger figure; further victims add up
            figure = total + figure if count.adds else max(total, figure)
        total = figure
    return total
