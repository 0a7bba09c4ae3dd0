"""Who the text says is behind a violent event, and on what basis.

Incident reports rarely name the perpetrator in the sentence that tells the attack ("Gunmen
attacked a patrol ..."); a later sentence does, in one of a few ways that mean different things
to an analyst and are kept apart:
- claimed: the group says it did it ("X claimed responsibility for the attack", "responsibility
  was claimed by X", "X said it carried out the bombing");
- attributed: someone else says it ("officials blamed X", "police attributed the attack to X",
  "X was behind the attack", "officials said X was responsible", "the attack was carried out by
  X", "the attacker was a member of X");
- suspected: a weaker attribution ("authorities suspect the involvement of X", "X was suspected
  of being involved", "sources speculated that X was involved", "officials suspect X carried
  out the raid", "the attack bore the hallmarks of X");
- unclaimed: the text says no one claimed it ("No group claimed responsibility", "no one has
  claimed the attack").
A claim that is denied ("X denied responsibility") is not a claim. Read from the dependency
parse; the words are data constants below, in their lemma forms.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from spacy.tokens import Span, Token

from footprint.extract.event_types import HARM_TYPES, STATE_FORCE_WORDS, VIOLENT_TYPES
from footprint.extract.grammar import has_modal, negated, objects_of
from footprint.nlp import lexicons

CLAIM_VERBS = {"claim", "accept", "own", "admit", "boast"}
CLAIM_OBJECTS = {"responsibility", "credit"}
CARRY_OUT_VERBS = {"carry", "conduct", "perpetrate", "execute", "stage"}  # "said it carried out"
SAY_VERBS = {"say", "state", "announce"}
ATTRIBUTE_VERBS = {"blame", "attribute", "accuse", "hold"}  # "held X responsible"
SUSPECT_VERBS = {"suspect", "speculate", "believe", "think"}
# "X was behind / responsible for / involved in the attack"
HELD_WORDS = {"behind", "responsible", "involved", "involve"}
# "the attack bore the hallmarks of X": a likeness seen, not a claim or an accusation
LIKENESS_WORDS = {"hallmark", "signature"}
LIKENESS_VERBS = {"bear", "have", "carry", "show"}
# "rejected claims that X carried out the attack", "denied that X ...": no attribution
DENIAL_VERBS = {"deny", "reject", "dismiss", "refute", "dispute", "doubt", "question"}
OPEN_QUESTION_MARKS = {"whether", "if"}  # "it is unclear whether X carried out the attack"
PRONOUNS = {"it", "they", "we"}
# "(X claimed that) its fighters had killed 20": a noun of the speaker's own side. ("they" alone
# is as often the attackers in a witness's, the police's or a rights group's account.)
OWN_PRONOUNS = {"its", "our", "their"}
# The state's own forces doing an act are reporting an operation, not claiming an attack ("the
# army said its troops killed 30 militants", "X said its air defences shot down 12 drones").
STATE_SIDE_WORDS = STATE_FORCE_WORDS | {
    *("officer", "personnel", "defence", "defense", "government", "ministry"),
}
# "the attacker was a member of X", "the gunmen were X members"
MEMBER_WORDS = {"member", "militant", "cadre", "operative", "fighter", "activist"}
# A doer's word before the group's name: "members of X", "men of X" (and doer_nouns.txt)
DOER_WORDS = MEMBER_WORDS | {"supporter", "man"}
# The lemmas a statement of responsibility is read from (`_said_at`): no other token is looked at.
CUE_LEMMAS = frozenset(
    CLAIM_VERBS
    | CLAIM_OBJECTS
    | ATTRIBUTE_VERBS
    | HELD_WORDS
    | SAY_VERBS
    | CARRY_OUT_VERBS  # "the attacks were carried out by X" (a passive with its doer named)
    | MEMBER_WORDS
    | LIKENESS_WORDS
    | {"suspect"}
)
NEGATIONS = {"no", "not", "never", "n't", "none", "nobody"}


@dataclass(frozen=True)
class Responsibility:
    status: str  # claimed | attributed | suspected | unclaimed
    actors: tuple[int, ...]  # token indexes of the actors' first tokens


def responsibility_in(sent: Span, actor_at: Callable[[int], bool]) -> list[Responsibility]:
    """What this sentence says about who is behind an event, in text order ("No group claimed
    responsibility; however, sources attributed the attack to X" says two things). `actor_at(i)`
    tells whether a person or organisation name starts at token i."""
    doc = sent.doc
    heads = lexicons.doc_words(doc).heads  # each token's forms, read once per Doc
    return [
        r
        for i in range(sent.start, sent.end)
        if heads[i][1] in CUE_LEMMAS and (r := _said_at(doc[i], actor_at)) is not None
    ]


def _said_at(tok: Token, actor_at: Callable[[int], bool]) -> Responsibility | None:
    """What the words headed by this token say about responsibility, if anything."""
    lemma = tok.lemma_.lower()
    if lemma in CLAIM_VERBS and tok.pos_ in ("VERB", "AUX"):
        return _claim(tok, actor_at)
    if lemma in CLAIM_OBJECTS and tok.dep_ == "nsubjpass":
        verb = tok.head  # "Responsibility was claimed by X"
        if verb.lemma_.lower() in CLAIM_VERBS and not negated(verb):
            agents = [t for c in verb.children if c.dep_ == "agent" for t in c.subtree]
            actors = _actors(agents, actor_at)
            return Responsibility("claimed", actors) if actors else None
    if lemma in ATTRIBUTE_VERBS and tok.pos_ == "VERB":
        return _attributed(tok, actor_at)
    if lemma == "suspect" and tok.dep_ != "amod" and not negated(tok):
        # "X was suspected (of being involved)", "sources suspect the involvement of X"
        deps = ("nsubjpass", "dobj") if tok.pos_ == "VERB" else ()
        words = [t for c in tok.children if c.dep_ in deps for t in c.subtree]
        actors = _actors(words, actor_at)
        return Responsibility("suspected", actors) if actors else None
    if lemma in HELD_WORDS and tok.dep_ != "amod":
        return _held(tok, actor_at)
    if lemma in SAY_VERBS and tok.pos_ == "VERB":
        return _said_it_did(tok, actor_at)
    if lemma in CARRY_OUT_VERBS and tok.pos_ == "VERB":
        return _done_by(tok, actor_at)
    if lemma in MEMBER_WORDS and tok.dep_ == "attr":
        return _doer_a_member(tok, actor_at)
    if lemma in LIKENESS_WORDS and tok.dep_ == "dobj":
        return _likeness(tok, actor_at)
    return None


def _likeness(word: Token, actor_at: Callable[[int], bool]) -> Responsibility | None:
    """ "The attack bore the hallmarks of X": the act looks like X's work, which suspects X."""
    verb = word.head
    if verb.lemma_.lower() not in LIKENESS_VERBS or negated(verb) or _denied_or_asked(verb):
        return None
    subjects = [c for c in verb.children if c.dep_ == "nsubj"]
    if not any(_harming_noun(s) or s.lower_ in ("it", "this") for s in subjects):
        return None  # "the policy bore the hallmarks of X" says nothing of who attacked
    groups = [g for g in objects_of(word) if _a_group_name(g)]
    actors = _actors([t for g in groups for t in _name_words(g)], actor_at)
    return Responsibility("suspected", actors) if actors else None


def _a_group_name(noun: Token) -> bool:
    """A name ("the Zenda Front", "X") or a word for a body under a name ("the X group"); not
    a kind of people described ("jihadist cells")."""
    if noun.pos_ == "PROPN":
        return True
    return noun.lemma_.lower() in lexicons.org_words() and any(
        c.dep_ == "compound" and c.pos_ == "PROPN" for c in noun.children
    )


def _doubted(tok: Token) -> bool:
    """Said under a verb of suspicion ("sources believe that ...", "officials suspected")."""
    return any(a.lemma_.lower() in SUSPECT_VERBS for a in tok.ancestors)


def _name_words(noun: Token) -> list[Token]:
    """A noun and the words of its name before it ("the Zenda Liberation Front"), not what
    describes it ("Zenda militants" are no organisation) or hangs after it ("a group opposed
    to X")."""
    return [*(c for c in noun.lefts if c.dep_ in ("compound", "det")), noun]


def _done_by(verb: Token, actor_at: Callable[[int], bool]) -> Responsibility | None:
    """ "The attacks were carried out by X", "it was perpetrated by X": attributed, or
    suspected under a verb of suspicion ("officials suspected the attacks were carried out by
    X"). What was done must be a violent event ("an investigation was conducted by the
    police" says nothing of who attacked)."""
    if verb.lemma_.lower() == "carry" and not any(c.lower_ == "out" for c in verb.children):
        return None  # "the wounded were carried by volunteers"
    if negated(verb):
        return None
    if not any(c.dep_ == "auxpass" for c in verb.children):
        return _did_it(verb, actor_at)
    done = [c for c in verb.children if c.dep_ == "nsubjpass"]
    if not any(d.lower_ in ("it", "they", "this") or _violent_noun(d) for d in done):
        return None
    agents = [g for c in verb.children if c.dep_ == "agent" for g in c.children]
    actors = _actors([t for g in agents if g.dep_ == "pobj" for t in _name_words(g)], actor_at)
    if not actors:
        return None
    return Responsibility("suspected" if _doubted(verb) else "attributed", actors)


def _did_it(verb: Token, actor_at: Callable[[int], bool]) -> Responsibility | None:
    """ "Police said X carried out the attack", "officials suspect X carried out the raid": a
    named doer of a violent event, told by someone else (the reporter or a source):
    attributed, or suspected under a verb of suspicion. In a group's own words ("X said it
    carried out the bombing") it is a claim (`_said_it_did`)."""
    done = [c for c in verb.children if c.dep_ == "dobj"]
    if not any(_harming_noun(d) for d in done) or _denied_or_asked(verb):
        return None  # "carried out a rescue operation"; "unclear whether X carried out"
    subjects = [c for c in verb.children if c.dep_ == "nsubj"]
    if any(s.lower_ in PRONOUNS for s in subjects):
        return None  # "it carried out": whose words, `_said_it_did` reads
    words = []
    doer_words = DOER_WORDS | lexicons.doer_nouns()
    for subject in subjects:
        if subject.lemma_.lower() in doer_words:
            # "members of X carried out": the group named after "of", not "Zenda rebels"
            words += [t for g in objects_of(subject) for t in _name_words(g)]
        elif _a_group_name(subject):
            words += _name_words(subject)  # not "a man who worked for Y"
    actors = _actors(words, actor_at)
    if not actors:
        return None
    return Responsibility("suspected" if _doubted(verb) else "attributed", actors)


def _denied_or_asked(verb: Token) -> bool:
    """Said only to be denied or asked: "rejected claims that X carried out the attack", "it
    is unclear whether X carried out the attack"."""
    if any(c.dep_ == "mark" and c.lower_ in OPEN_QUESTION_MARKS for c in verb.children):
        return True
    return any(a.pos_ == "VERB" and a.lemma_.lower() in DENIAL_VERBS for a in verb.ancestors)


FORMER = {"former", "ex", "ex-", "erstwhile", "onetime"}


def _doer_a_member(word: Token, actor_at: Callable[[int], bool]) -> Responsibility | None:
    """ "The attacker was a member of X", "the gunmen were X militants": the doer said to
    belong to a named group; suspected under a verb of suspicion ("sources believe ...").
    Not a former member, and only the group itself ("members of a group opposed to X" name
    no group)."""
    verb = word.head
    if verb.lemma_.lower() != "be" or negated(verb):
        return None
    if any(c.lower_ in FORMER for c in word.children):
        return None
    subjects = [c for c in verb.children if c.dep_ == "nsubj"]
    if not any(s.lemma_.lower() in lexicons.doer_nouns() for s in subjects):
        return None
    groups = objects_of(word, ("of", "for"))
    # "a member of parliament" belongs to no group that attacks
    groups = [g for g in groups if not lexicons.state_body_in([t.lower_ for t in _name_words(g)])]
    words = [t for g in groups for t in _name_words(g)]
    words += [
        t for c in word.lefts if c.dep_ == "compound" and c.pos_ == "PROPN" for t in c.subtree
    ]
    actors = _actors(words, actor_at)
    if not actors:
        return None
    return Responsibility("suspected" if _doubted(verb) else "attributed", actors)


def _held(word: Token, actor_at: Callable[[int], bool]) -> Responsibility | None:
    """ "X was behind / responsible for / involved in the attack", as said, believed or
    suspected by someone: attributed, or suspected under a verb of suspicion."""
    verb = word if word.pos_ in ("VERB", "AUX") else word.head
    if negated(verb) or negated(word):
        return None
    subjects = [t for c in verb.children if c.dep_ in ("nsubj", "nsubjpass") for t in c.subtree]
    actors = _actors(subjects, actor_at)
    if not actors:
        return None
    return Responsibility("suspected" if _doubted(verb) else "attributed", actors)


def _said_it_did(verb: Token, actor_at: Callable[[int], bool]) -> Responsibility | None:
    """ "X said its men staged the bombing", "X said its fighters had killed 20 soldiers": a
    claim in the group's own words."""
    subjects = [t for c in verb.children if c.dep_ == "nsubj" for t in c.subtree]
    actors = _actors(subjects, actor_at)
    did = [
        c
        for c in verb.children
        if c.dep_ == "ccomp" and own_act_told(c, verb, bool(actors))
    ]
    if not did or no_side_speaking(verb) or negated(verb) or any(negated(c) for c in did):
        return None
    return Responsibility("claimed", actors) if actors else None


def own_act_claimed(verb: Token) -> bool:
    """Does the speaking or claiming verb tell its speaker's side doing a harmful act ("X
    claimed that its fighters had killed 20 soldiers")? Not when the speaker is the state or a
    bystander."""
    return not no_side_speaking(verb) and any(
        c.dep_ == "ccomp" and own_act_told(c) for c in verb.children
    )


# People who tell what they saw, not a side telling its own act ("residents said their
# guards shot two intruders"). Lower case, compared on the lemma.
BYSTANDER_WORDS = frozenset(
    {"resident", "witness", "eyewitness", "villager", "neighbour", "neighbor", "onlooker"}
    | {"relative", "passerby", "bystander", "local", "survivor"}
)


def no_side_speaking(verb: Token) -> bool:
    """Is the verb's speaker the state — its force, a country, its government or ministry, or
    a speaker named by a word of it ("the military claimed its jets had bombed 40 positions",
    "Ruritania said it killed 30", "a police spokesman", "the army's spokesman") — or a
    bystander ("residents said their neighbours killed two intruders"): someone whose "its",
    "their" or "we" is no armed side's, so that what they say is a report, not a side's
    claim?"""
    for speaker in (c for c in verb.children if c.dep_ == "nsubj"):
        lemma = speaker.lemma_.lower()
        if lemma in STATE_SIDE_WORDS or lemma in BYSTANDER_WORDS or speaker.ent_type_ == "GPE":
            return True
        if any(
            c.dep_ in ("compound", "amod", "poss") and c.lemma_.lower() in STATE_SIDE_WORDS
            for c in speaker.children
        ):
            return True
    return False


# Speakers who tell what others did far more often than what their own side did
REPORTING_SPEAKERS = frozenset({"official", "source"})
# Those of a side who do its fighting, besides the people nouns ("its men", "our cadres"); not
# the nouns for whoever attacked ("their kidnappers killed the driver": the family's captors)
SIDE_FIGHTERS = frozenset(
    {"fighter", "militant", "operative", "guerrilla", "mujahid", "jihadist", "insurgent"}
    | {"rebel", "commando", "volunteer"}
)


def own_act_told(clause: Token, said: Token | None = None, named: bool = False) -> bool:
    """Is the clause the speaker's own side doing a harmful act: "(claimed that) its fighters
    had killed 20 soldiers", "(said) it staged the bombing", "(said) they conducted the raid"?
    Not the state's forces reporting an operation ("its troops killed 30 militants"), an arrest
    or a clash, a threat ("it would attack more posts"), nor "they" doing harm, who are as often
    the attackers in someone else's account ("police said they shot a guard before fleeing").

    `said`: the plain verb of saying the clause hangs on ("X said ..."), after which only the
    speaker's own people count ("its fighters", "our men", "their cadres", "we"), and a bare
    "it" or "they" only after a named speaker (`named`: "X said it killed 15"): after another
    speaker it is as often the bomb, the storm or the attackers of the sentence before ("a
    bomb exploded ... officials said it killed 20"); "its" is no plural speaker's ("officials
    said its ..."); officials and sources report others' acts ("sources said their men killed
    three robbers")."""
    carried_out = clause.lemma_.lower() in CARRY_OUT_VERBS
    info = lexicons.event_verb(clause) if clause.pos_ == "VERB" else None
    harmful = info is not None and info.event_type in HARM_TYPES
    if not (carried_out or harmful) or has_modal(clause):
        return False
    speakers = [c for c in said.children if c.dep_ == "nsubj"] if said is not None else []
    if any(s.lemma_.lower() in REPORTING_SPEAKERS for s in speakers):
        return False
    plural = any(s.tag_ == "NNS" for s in speakers)  # (not "the X Brigades", a name)
    for subject in (s for s in clause.children if s.dep_ == "nsubj"):
        word = subject.lower_
        if word == "we":
            return True
        if word == "it" or (word == "they" and carried_out):
            if said is None or (named and not (plural and word == "it")):
                return True
            continue
        owner = next((c.lower_ for c in subject.children if c.dep_ == "poss"), None)
        if owner not in OWN_PRONOUNS or subject.lemma_.lower() in STATE_SIDE_WORDS:
            continue
        if said is None or (
            not (plural and owner == "its")
            and subject.lemma_.lower() in lexicons.person_nouns() | SIDE_FIGHTERS
        ):
            return True
    return False


DOER_CONNECTORS = {"of", "and", "the", "for", "na", "al", "wal", "-", "/", "'s", "’s"}
NOT_DOERS = ("PERSON", "ORG", "GPE", "LOC", "FAC", "DATE", "TIME", "CARDINAL", "ORDINAL")


def unnamed_doers(sent: Span) -> list[Span]:
    """Names the grammar of a claim or attribution puts in the doer's place that the model
    tagged as no person or organisation: "The Caucasus Emirate claimed responsibility",
    "officials attributed the attack to Maoists". They are organisations by what the text
    says of them."""
    doc = sent.doc

    def capitalised(i: int) -> bool:
        tok = doc[i]
        return tok.text[:1].isupper() and tok.pos_ in ("PROPN", "NOUN", "ADJ")

    starts: list[int] = sorted({i for r in responsibility_in(sent, capitalised) for i in r.actors})
    spans: list[Span] = []
    for i in starts:
        if spans and spans[-1].start <= i < spans[-1].end:
            continue
        end = i + 1
        while end < sent.end and (
            capitalised(end)
            or (
                doc[end].lower_ in DOER_CONNECTORS
                and end + 1 < sent.end
                and (capitalised(end + 1) or doc[end + 1].lower_ in DOER_CONNECTORS)
            )
        ):
            end += 1
        while end > i + 1 and doc[end - 1].lower_ in DOER_CONNECTORS:
            end -= 1
        span = doc[i:end]
        if any(t.ent_type_ in NOT_DOERS for t in span):
            continue
        spans.append(span)
    return spans


def _claim(verb: Token, actor_at: Callable[[int], bool]) -> Responsibility | None:
    # "claimed responsibility", "claimed the bombing", "claimed that its fighters had killed
    # 20 soldiers"; not "claimed victory", "claimed that police had fired first"
    objects = [c for c in verb.children if c.dep_ in ("dobj", "nsubjpass")]
    claimed_act = any(o.lemma_.lower() in CLAIM_OBJECTS or _harming_noun(o) for o in objects)
    if not claimed_act and not own_act_claimed(verb):
        return None
    subjects = [c for c in verb.children if c.dep_ == "nsubj"]
    if negated(verb) or any(_negative_subject(s) for s in subjects):
        return Responsibility("unclaimed", ())
    actors = _actors([t for s in subjects for t in s.subtree], actor_at)
    if not actors and verb.dep_ in ("conj", "xcomp", "advcl"):
        # "X attacked the post and claimed responsibility": the first verb's subject.
        head = verb.head
        actors = _actors(
            [t for c in head.children if c.dep_ == "nsubj" for t in c.subtree], actor_at
        )
    return Responsibility("claimed", actors) if actors else None


def _attributed(verb: Token, actor_at: Callable[[int], bool]) -> Responsibility | None:
    if negated(verb):
        return None
    lemma = verb.lemma_.lower()
    if lemma == "attribute":  # "attributed the attack to X"
        # "to" hangs on the verb or, as the parser often has it, on "the attack"
        heads = [verb, *(c for c in verb.children if c.dep_ == "dobj")]
        words = [
            t
            for h in heads
            for c in h.children
            if c.dep_ in ("prep", "dative") and c.lower_ == "to"
            for t in c.subtree
        ]
        if not words:  # passive: "the attack was attributed to X"
            words = [t for c in verb.children if c.dep_ == "prep" for t in c.subtree]
    elif lemma == "hold":  # "held X responsible"
        if not any(t.lower_ == "responsible" for t in verb.subtree):
            return None
        words = [t for c in verb.children if c.dep_ in ("dobj", "ccomp") for t in c.subtree]
    else:  # blame / accuse X (for ...); passive: "X was blamed"
        words = [t for c in verb.children if c.dep_ in ("dobj", "nsubjpass") for t in c.subtree]
        if lemma == "blame":  # "the attack was blamed on X", "blamed on members of X"
            # (the name itself, not a name inside the cause: "blamed on the failure of X")
            for o in objects_of(verb, ("on",)):
                words += _name_words(o)
                if o.lemma_.lower() in DOER_WORDS or o.lemma_.lower() in lexicons.doer_nouns():
                    words += [t for x in objects_of(o, ("of",)) for t in _name_words(x)]
    actors = _actors(words, actor_at)
    return Responsibility("attributed", actors) if actors else None


def _noun_type(tok: Token) -> str | None:
    """The event type the noun names (event_nouns.tsv), if any."""
    return lexicons.event_nouns().get(tok.lemma_.lower())


def _violent_noun(tok: Token) -> bool:
    return _noun_type(tok) in VIOLENT_TYPES


def _harming_noun(tok: Token) -> bool:
    """An attack, bombing or kidnapping: an act a group claims or is said to have done (not
    "the battle of the giants", not "a rescue operation")."""
    return _noun_type(tok) in HARM_TYPES


def _actors(tokens: list[Token], actor_at: Callable[[int], bool]) -> tuple[int, ...]:
    return tuple(sorted({t.i for t in tokens if actor_at(t.i)}))


def _negative_subject(subject: Token) -> bool:
    """ "No group", "no one", "nobody", "none of the groups"."""
    return subject.lower_ in NEGATIONS or any(
        c.dep_ == "det" and c.lower_ == "no" for c in subject.children
    )
