"""What kind of event a sentence tells: the event types, which of several event words in one
sentence is the story (ranks, settings), and the grammar that makes a word an event only in
some uses (a doer for "killed", an object for "opened fire", a crowd for a riot).
Used by the event reader (events.py); the words themselves are data in nlp/patterns.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache

from spacy.tokens import Span, Token

from footprint.nlp import lexicons

ACCIDENT = "accident"  # a vehicle's mishap or a stampede: nobody's act (mishap_of_a_vehicle)
ARREST = "arrest"
VIOLENT_TYPES = {"attack", "bombing", "kidnapping", "clash", "security_operation", ARREST}
# Type of an event read from a verb or from context alone, upgraded when a noun names it.
WEAK_TYPES = {"gathering", "appearance", "statement"}
# When one sentence names several events, which one it reports. A gathering beats a violent
# event named beside it ("a rally to mark the anniversary of the massacre"), unless the violent
# one is the act the sentence tells and the gathering only its setting (`without_settings`); a
# specific violent word, or the security operation an act happened in ("killed four militants
# during an operation"), beats the generic "attack"; an arrest is often what followed.
TYPE_RANK = {
    **dict.fromkeys(WEAK_TYPES, 0),
    ARREST: 1,
    "security_operation": 3,
    "attack": 2,
    "clash": 3,
    "bombing": 3,
    "kidnapping": 3,
    # An accident yields to violence told beside it ("militants opened fire on the bus, which
    # overturned") and to any named event that is not only its setting; with an arrest (also
    # 1), the one named first is the story.
    ACCIDENT: 1,
}
OTHER_TYPE_RANK = 4
# Where a verb's event-telling object may hang ("opened fire", "laid siege to"); the verbs and
# objects are data: nlp/patterns/event_verb_objects.tsv.
OBJECTS = ("dobj", "oprd", "acomp", "advmod", "prt", "prep", "pobj")
SETTING_PREPOSITIONS = {"at", "during", "in", "on", "near", "outside", "inside"}


MILITARY_STRIKE_WORDS = {"air", "drone", "missile", "rocket", "military", "artillery", "naval"}
KILLING_VERBS = {"kill", "die", "wound", "injure", "destroy", "hit"}
HURTING_VERBS = KILLING_VERBS | {"hurt", "suffer", "sustain", "maim", "succumb"}


def is_military_strike(head: Token) -> bool:
    """ "An Israeli strike", "killed in a strike": a strike from the air, not a walkout."""
    for child in head.children:
        if child.dep_ in ("amod", "compound") and (
            child.ent_type_ == "NORP" or child.lemma_.lower() in MILITARY_STRIKE_WORDS
        ):
            return True
    verb = next((a for a in head.ancestors if a.pos_ == "VERB"), None)
    return verb is not None and verb.lemma_.lower() in KILLING_VERBS


# Verbs of a strike from afar: what a missile, drone or warplane does to what it hits.
STRIKING_VERBS = frozenset({"strike", "hit", "pound", "pummel", "target"})
# Modifiers that make a craft a war machine: "coalition aircraft", "fighter jets", "the air
# force", "government helicopters" (a people's name does too: "Ruritanian jets"; an
# organisation's does not: "a Zenda Airways plane hit a truck on the runway").
WAR_CRAFT_SIGNS = MILITARY_STRIKE_WORDS | {
    "fighter",
    "coalition",
    "army",
    "government",
    "enemy",
    "combat",
    "war",
    "attack",
}
# Modifiers of a munition's word that tell something else: "a firework rocket", "a camera
# drone", "a space rocket".
CIVIL_MODIFIERS = frozenset({"firework", "toy", "hobby", "delivery", "camera", "model", "space"})


def struck_from_afar(verb: Token) -> bool:
    """An air, drone or artillery strike the verb tells: a munition or war machine struck,
    hit or pounded a place, a building or people in it ("a missile struck a residential
    block", "coalition aircraft struck a depot", "the village was hit by drones";
    strikes_from_afar.tsv). Lightning or a truck striking something is no strike, nor is a
    plane hitting a power line, a missile hitting its target in a test or the sea, or a
    force striking a deal."""
    if verb.lemma_.lower() not in STRIKING_VERBS:
        return False
    agents = [c for c in verb.children if c.dep_ == "agent"]
    strikers = [g for c in agents for g in c.children if g.dep_ == "pobj"]
    struck = [c for c in verb.children if c.dep_ in ("dobj", "nsubjpass")]
    if any(c.dep_ == "dobj" for c in struck):
        strikers += [c for c in subject_bearer(verb, ("nsubj",)).children if c.dep_ == "nsubj"]
    return any(a_weapon_from_afar(counted(t)) for t in strikers) and any(
        _struck_in_war(counted(t)) for t in struck
    )


def _struck_in_war(noun: Token) -> bool:
    """A town or country named ("drones hit Strelsau"; not a landmark: "the drone hit the
    Eiffel Tower during a light show"), or a word for what strikes of war hit ("positions",
    "a fuel depot")."""
    return noun.ent_type_ == "GPE" or (
        noun.lemma_.lower() in lexicons.strikes_from_afar().get("target", frozenset())
    )


def a_weapon_from_afar(noun: Token) -> bool:
    """Is the noun a munition or war machine, or a craft written as one of war ("fighter
    jets", "Ruritanian aircraft"; strikes_from_afar.tsv)?"""
    if noun.pos_ != "NOUN" or noun.ent_type_ in ("ORG", "PRODUCT", "WORK_OF_ART"):
        return False  # "Shell hit record profits", a team called the Rockets
    modifiers = [c for c in noun.children if c.dep_ in ("amod", "compound", "nmod")]
    if any(c.lemma_.lower() in CIVIL_MODIFIERS for c in modifiers):
        return False
    kinds, lemma = lexicons.strikes_from_afar(), noun.lemma_.lower()
    if lemma in kinds.get("munition", ()):
        return True
    if lemma == "force":  # "the air force struck"; not "government forces struck a camp"
        return any(c.lower_ in ("air", "naval") for c in modifiers)
    return lemma in kinds.get("craft", ()) and any(
        c.ent_type_ == "NORP" or c.lemma_.lower() in WAR_CRAFT_SIGNS for c in modifiers
    )


# Verbs that are violence only when done to someone by someone: "was beaten by policemen",
# "beat him"; not "beat her rival in the election" told in the active with a name.
BEATING_VERBS = {"beat", "thrash", "torture"}


# Verbs of dying that tell an attack only with someone doing it: "gunmen killed", "killed by
# militants"; an accident or a disaster kills too.
DOER_NEEDED = {"kill", "wound", "injure"}


def has_doer(verb: Token) -> bool:
    """Did someone do it? An agent, or an active verb's subject that is no number ("three
    were killed and 12 injured": the parser's subject "12" was hurt) and no accident ("the
    crash killed 12 people")."""
    if any(
        c.dep_ == "prep"
        and c.lower_ in ("in", "during")
        and any(_an_accident(g) for g in c.children)
        for c in verb.children
    ):
        return False  # "killed in a crash (by the offices)": the accident did it
    agents = [g for c in verb.children if c.dep_ == "agent" for g in c.children if g.dep_ == "pobj"]
    if agents:
        # "killed by gunmen", "by a bomb"; not "by an avalanche", "by a falling tree"
        return any(_someone_or_a_weapon(a) for a in agents)
    passive = any(c.dep_ == "auxpass" for c in verb.children) or verb.dep_ == "acl"
    if passive:
        return _a_misplaced_agent(verb)
    if verb.tag_ == "VBG" and verb.dep_ == "advcl" and not _has_subject(verb):
        # "soldiers entered a market, killing two herders": the clause's doers did it when
        # they are armed men or the state's forces and the killed are people ("a bus plunged
        # into a gorge, killing 12", "the driver swerved off the road, killing 12", "the
        # Senate voted the measure down, killing the bill" tell no attack)
        return _people_harmed(verb) and any(
            c.dep_ == "nsubj" and _a_side_by_nature(c)
            for c in subject_bearer(verb.head, ("nsubj",)).children
        )
    # ("floods have killed 20 people": a hazard is no doer, as a subject or an agent)
    return any(
        c.dep_ == "nsubj"
        and c.pos_ != "NUM"
        and not _an_accident(c)
        and c.lemma_.lower() not in lexicons.hazard_words()
        for c in verb.children
    )


def _has_subject(verb: Token) -> bool:
    return any(c.dep_ in ("nsubj", "nsubjpass", "csubj") for c in verb.children)


def _people_harmed(verb: Token) -> bool:
    """Are the verb's objects people: a count ("killing two") or a word for people?"""
    objects = [c for c in verb.children if c.dep_ == "dobj"]
    return bool(objects) and all(
        o.pos_ == "NUM" or o.like_num or _a_person(o) or _a_side_by_nature(o) for o in objects
    )


def _a_misplaced_agent(verb: Token) -> bool:
    """ "wounded in and near X by the army": a "by" phrase the parser hung on the
    place's name, naming who or what did it. Only on a name, which hides no verb: "injured at
    a school run by the UN" is no doer's act."""
    for tok in verb.subtree:
        if tok.dep_ != "prep" or tok.lower_ != "by" or tok.head.i == verb.i:
            continue
        if tok.head.ent_type_ not in ("GPE", "LOC", "FAC") and tok.head.pos_ != "PROPN":
            continue
        if any(g.dep_ == "pobj" and _someone_or_a_weapon(g) for g in tok.children):
            return True
    return False


# Craft that kill by someone's hand when they kill: "killed by a drone", "by jets".
AIR_WEAPONS = frozenset(
    {"drone", "jet", "warplane", "aircraft", "plane", "helicopter", "gunship", "fighter"}
)


def _someone_or_a_weapon(tok: Token) -> bool:
    """Could the agent have done it: anyone or anything but a hazard, an accident or a vehicle
    ("killed by gunmen", "by locals", "by a bomb"; not "by an avalanche", "by a falling tree",
    "in a crash", "by a truck")?"""
    lemma = tok.lemma_.lower()
    vehicle = lemma in lexicons.vehicle_nouns() and lemma not in AIR_WEAPONS
    return not (lemma in lexicons.hazard_words() or vehicle or _an_accident(tok))


def _an_accident(tok: Token) -> bool:
    """ "The crash", "a road accident": a word for an accident, as a verb's subject."""
    return lexicons.event_nouns().get(tok.lemma_.lower()) == ACCIDENT and accident_noun(tok)


def _a_person(tok: Token) -> bool:
    return (
        (tok.pos_ == "PRON" and tok.lower_ not in ("it", "this", "that"))
        or (tok.pos_ == "NOUN" and tok.lemma_.lower() in lexicons.person_nouns())
        or tok.ent_type_ == "PERSON"
    )


def done_to_someone(verb: Token) -> bool:
    """ "beat the protesters", "was beaten by police", "a man was hospitalised after being
    beaten": a person on the receiving end (a team "beaten in the final" is no person)."""
    passive = any(c.dep_ == "auxpass" for c in verb.children)
    if passive and any(c.dep_ == "agent" for c in verb.children):
        return True
    if any(c.dep_ == "dobj" and _a_person(c) for c in verb.children):
        return True
    if not passive:
        return False
    # The one beaten: the passive's subject, or that of the clause "after being beaten" hangs on.
    subjects = [c for c in verb.children if c.dep_ == "nsubjpass"]
    if not subjects and verb.dep_ in ("pcomp", "advcl"):
        clause = verb.head.head if verb.head.pos_ == "ADP" else verb.head
        subjects = [c for c in clause.children if c.dep_ in ("nsubj", "nsubjpass")]
    return any(_a_person(s) for s in subjects)


HOSTAGE_WORDS = frozenset({"hostage", "hostages"})


def someone_held(verb: Token) -> bool:
    """ "took hostages", "took 30 passengers hostage", "held him hostage", "the guards were held
    hostage": people held, where "took the budget hostage" or "the talks were held hostage by
    politics" is a figure of speech."""
    held = [c for c in verb.children if c.dep_ in ("dobj", "nsubjpass", "oprd")]
    held += [g for c in held for g in c.children if g.dep_ == "compound"]
    for tok in held:
        if tok.lemma_.lower() == "hostage":
            if tok.tag_ == "NNS":
                return True  # "took hostages", "took 12 hostages"
            continue
        if _a_person(tok):
            return True  # "him", "the engineers", "30 worshippers"
    return False


# Verbs that with this particle are another verb: "shelled out $3 billion" is no shelling.
OTHER_PHRASAL_VERBS = frozenset({("shell", "out")})


def another_phrasal_verb(verb: Token) -> bool:
    lemma = verb.lemma_.lower()
    return any(c.dep_ == "prt" and (lemma, c.lower_) in OTHER_PHRASAL_VERBS for c in verb.children)


# What a vehicle runs on: "jumped the rails", "came off the tracks", "veered off the road".
RAIL_WORDS = frozenset({"rail", "track", "road"})


def _vehicle(tok: Token) -> bool:
    """ "a passenger bus", "the vehicle", "a ferry": a vehicle's (or a road's) noun."""
    return tok.pos_ in ("NOUN", "PROPN") and tok.lemma_.lower() in lexicons.vehicle_nouns()


def subject_bearer(verb: Token, deps: tuple[str, ...]) -> Token:
    """The verb whose children hold `verb`'s subject: itself, or for a verb joined by "and"
    without a subject of its own, the first verb of the chain ("A burnt X and torched Y")."""
    while verb.dep_ == "conj" and not any(c.dep_ in deps for c in verb.children):
        verb = verb.head
    return verb


# Verbs whose protest reading is the protesters' own act: done by the state's forces (below),
# a road blocked or barricaded is closed, not protested on. ("Police dispersed the crowd" is
# a protest's, told by its other side.)
CLOSING_VERBS = frozenset({"block", "barricade"})
STATE_FORCE_WORDS = frozenset(
    {
        "police",
        "policeman",
        "troop",
        "soldier",
        "army",
        "military",
        "force",
        "gendarme",
        "gendarmerie",
        "paramilitary",
        "authority",
    }
)


def done_by_state_forces(verb: Token) -> bool:
    """ "Police blocked the road", "security forces barricaded the bridge": a closing verb whose
    subject is a word for the state's forces."""
    if verb.lemma_.lower() not in CLOSING_VERBS:
        return False
    bearer = subject_bearer(verb, ("nsubj",))
    return any(c.dep_ == "nsubj" and c.lemma_.lower() in STATE_FORCE_WORDS for c in bearer.children)


# Verbs that are a clash only between sides of people (`sides_fought`).
FIGHTING_VERBS = frozenset({"fight", "battle"})
OTHER_SIDE_PREPOSITIONS = ("with", "against")
# What armed sides fight for: "battled for control of a town" (not "for her life", "for a bill")
FOUGHT_FOR = frozenset({"control"})
RELATIVE_WORDS = frozenset({"who", "that", "which"})
HARM_WORDS = frozenset({"dead", "injured", "wounded", "hurt"})


def sides_fought(verb: Token) -> bool:
    """ "Rival gangs fought in X", "troops battled militants", "militants, who fought troops
    near X, withdrew", "supporters of the candidates fought with machetes", "neighbours
    fought over a parking space, leaving one man injured": sides fighting. Sides by nature
    (gangs, militias, armed forces, gunmen) fight whenever they fight; other people, "they"
    and named bodies only against such a side or where the sentence tells of harm or weapons
    ("lawmakers battled over the budget", "they fought back from two goals down" are no
    clash). Never a cause, an ill
    or a purpose fought ("fought corruption", "battled cancer", "fighting for her life",
    "fought against the new law", "battled to contain the blaze", "fought to save his life")."""
    for child in verb.children:
        if child.dep_ in ("xcomp", "advcl") and any(
            c.dep_ == "aux" and c.lower_ == "to" for c in child.children
        ):
            return False  # a purpose: "battled to contain the blaze"
        if (
            child.dep_ == "prep"
            and child.lower_ == "for"
            and not any(g.lemma_.lower() in FOUGHT_FOR for g in child.children)
        ):
            return False  # "fighting for her life"
    if any(
        c.dep_ == "dobj" and not (_a_side(c) or c.lower_ in ("other", "another"))
        for c in verb.children
    ):
        return False  # "fought corruption", "battled the flames"
    against = [
        g
        for c in verb.children
        if c.dep_ == "prep" and c.lower_ == "against"
        for g in c.children
        if g.dep_ == "pobj"
    ]
    if against and not any(_a_side(o) for o in against):
        return False  # "fought against the new law"
    fighters = [counted(s) for s in _fighters(verb)]
    if any(_a_side_by_nature(s) for s in fighters):
        return True
    people = any(_sides_word(s) or s.ent_type_ in ("ORG", "NORP") for s in fighters)
    others = [c for c in verb.children if c.dep_ == "dobj"] + [
        g
        for c in verb.children
        if c.dep_ == "prep" and c.lower_ in OTHER_SIDE_PREPOSITIONS
        for g in c.children
        if g.dep_ == "pobj"
    ]
    # "villagers fought off the attackers": an armed side fought is a fight
    return people and (any(_a_side_by_nature(o) for o in others) or _harm_or_weapons(verb))


def _fighters(verb: Token) -> list[Token]:
    """Who fights: the verb's subject, or for a verb without one the noun or clause it hangs
    on ("militants, who fought troops", "militants fighting troops", "soldiers were killed
    while fighting militants")."""
    bearer = subject_bearer(verb, ("nsubj",))
    subjects = [c for c in bearer.children if c.dep_ == "nsubj"]
    if subjects and not all(s.lower_ in RELATIVE_WORDS for s in subjects):
        return subjects
    if bearer.dep_ in ("relcl", "acl") and bearer.head.pos_ in ("NOUN", "PROPN"):
        return [bearer.head]
    if bearer.dep_ == "advcl":
        return [c for c in bearer.head.children if c.dep_ in ("nsubj", "nsubjpass")]
    return []


def _a_side_by_nature(tok: Token) -> bool:
    """A word for an armed side: gangs, militias, gunmen, troops, police."""
    lemma = tok.lemma_.lower()
    return tok.pos_ == "NOUN" and (
        lemma in lexicons.fighting_sides()
        or lemma in lexicons.doer_nouns()
        or (lemma in STATE_FORCE_WORDS and lemma != "authority")
    )


def _sides_word(tok: Token) -> bool:
    """A plural common noun for people ("villagers", "backers of X"), or "they"."""
    if tok.lower_ == "they":
        return True
    plural = tok.tag_ == "NNS" or any(c.dep_ == "conj" for c in tok.children)
    return tok.pos_ == "NOUN" and plural and people_noun(tok)


AGENT_SUFFIXES = ("er", "or", "ist", "ian")


def people_noun(noun: Token) -> bool:
    """A noun for people: the lexicon's, or one for who does something ("shopkeepers",
    "vendors", "activists"), not "countries" or "governments"."""
    lemma = noun.lemma_.lower()
    return lemma in lexicons.person_nouns() or (
        lemma.endswith(AGENT_SUFFIXES) and not noun.ent_type_
    )


def _a_side(tok: Token) -> bool:
    """Someone who can be fought: people, a body of them, a named group."""
    return (
        _a_person(tok)
        or _sides_word(tok)
        or _a_side_by_nature(tok)
        or tok.ent_type_ in ("ORG", "NORP")
    )


def _harm_or_weapons(verb: Token) -> bool:
    """Does the fight's clause, or one it hangs in, tell of people hurt or killed, or of
    weapons ("leaving one man injured", "with machetes", "two were killed when gangs fought")?"""
    weapons = lexicons.weapon_nouns()
    return any(
        t.lemma_.lower() in HURTING_VERBS or t.lower_ in HARM_WORDS or t.lemma_.lower() in weapons
        for t in [*verb.ancestors, *_own_clause(verb)]
    )


def _own_clause(verb: Token) -> list[Token]:
    """The verb's words without the clauses of its nouns ("a bill to punish those who
    wounded officers" tells of no harm in the fight)."""
    out, stack = [], [verb]
    while stack:
        tok = stack.pop()
        out.append(tok)
        stack += [c for c in tok.children if c.dep_ not in ("relcl", "acl")]
    return out


# What people on strike do that tells the strike: "striking dockworkers blocked the
# harbour", "striking nurses demanded back pay" (not "striking members voted to accept").
STRIKERS_ACTS = frozenset(
    {"block", "barricade", "picket", "occupy", "shut", "halt", "paralyse", "paralyze"}
    | {"besiege", "blockade", "demand", "chant", "burn", "stone", "storm", "clash"}
)


def strikers_named(sent: Span) -> Span | None:
    """ "Striking dockworkers blocked access to the harbour": a strike told only by the word
    for the people on it, as the subject of an act of the strike (not "the dismissal of
    striking miners", "the striking miners of 1984 are remembered", "striking members voted
    to accept the offer"). The people's word is returned, for a sentence that names no event
    otherwise."""
    for tok in lexicons.tokens_among(sent, ("striking",)):  # (a Token only at the word)
        if (
            tok.dep_ == "amod"
            and tok.head.tag_ == "NNS"
            and tok.head.dep_ == "nsubj"
            and tok.head.head.lemma_.lower() in STRIKERS_ACTS
            and people_noun(tok.head)
        ):
            return sent.doc[tok.head.i : tok.head.i + 1]
    return None


def people_struck(verb: Token) -> bool:
    """ "Workers struck for higher pay", "nurses kept striking", "teachers are striking":
    people (a plural noun for them) stopping work, with nothing struck ("lightning struck",
    "the army struck militant positions", "a bus struck a pedestrian" are another verb)."""
    if verb.lemma_.lower() != "strike" or any(
        c.dep_ in ("dobj", "prt") or c.lower_ in ("back", "at") for c in verb.children
    ):
        return False  # (nor "struck back", "struck at the government")
    bearer = subject_bearer(verb, ("nsubj",))
    if bearer.dep_ == "xcomp" and not any(c.dep_ == "nsubj" for c in bearer.children):
        bearer = bearer.head  # "kept striking", "began to strike"
    subjects = [counted(c) for c in bearer.children if c.dep_ == "nsubj"]
    return any(s.tag_ == "NNS" and s.lemma_.lower() in lexicons.person_nouns() for s in subjects)


# Verbs that tell an attack when doers of violence do them to things: "assailants destroyed a
# telecommunications mast" (not "the storm destroyed crops", "the council demolished a block").
WRECKING_VERBS = frozenset({"destroy", "demolish", "damage"})


def wrecked_by_doers(verb: Token) -> bool:
    """Is the verb's doer a word for unnamed doers of violence (doer_nouns.txt): its subject
    ("militants destroyed a school") or its passive agent ("was destroyed by rebels")?"""
    if any(o.dep_ == "dobj" and any(c.dep_ == "poss" for c in o.children) for o in verb.children):
        return False  # "rebels destroyed their weapons": their own, no attack
    doers = lexicons.doer_nouns()
    subjects = [c for c in subject_bearer(verb, ("nsubj",)).children if c.dep_ == "nsubj"]
    agents = [g for c in verb.children if c.dep_ == "agent" for g in c.children if g.dep_ == "pobj"]
    return any(counted(t).lemma_.lower() in doers for t in subjects + agents)


# A body found tells a killing when the sentence tells how it died: "the body of a man with
# bullet wounds was found", "police recovered two bodies bearing stab wounds".
BODY_WORDS = frozenset({"body", "corpse", "remains"})
FINDING_VERBS = frozenset({"find", "discover", "recover"})
VIOLENT_DEATH_WORDS = frozenset(
    {
        "gunshot",
        "bullet",
        "stab",
        "machete",
        "behead",
        "decapitate",
        "torture",
        "mutilate",
        "strangle",
        "slit",
        "execute",
        "bind",
        "tie",
    }
)


def a_body_found_killed(verb: Token) -> bool:
    """ "The body of a man with bullet wounds was found near X", "police found three bodies,
    their hands tied", "was found dead with stab wounds": a killing. Not a body found with no
    sign of how it died (a drowning, a death in the cold)."""
    if verb.lemma_.lower() not in FINDING_VERBS:
        return False
    found = [c for c in verb.children if c.dep_ in ("dobj", "nsubjpass")]
    # "the activist was found dead with signs of torture": someone found dead is a body
    dead = any(c.lower_ == "dead" and c.dep_ in ("oprd", "acomp", "xcomp") for c in verb.children)
    body = any(f.lemma_.lower() in BODY_WORDS for f in found)
    if not dead and not body:
        return False
    told = list(verb.subtree)  # the finding's clause, not another sentence's or clause above it
    if not body:
        # only how the person was found tells how they died, not what the text says of them
        # ("the actor, known for the film X, was found dead"; "who tied the knot last year")
        about = {
            t.i
            for c in verb.children
            if c.dep_ in ("nsubj", "nsubjpass", "ccomp", "conj")
            or (c.dep_ == "advcl" and any(m.dep_ == "mark" for m in c.children))
            for t in c.subtree
        }
        told = [t for t in told if t.i not in about]
    if any(t.lower_ == "self" or t.lower_.startswith("self-") for t in told):
        return False  # "a self-inflicted gunshot wound"
    return any(_a_violent_death_word(t) for t in told)


# "a bullet-riddled body": the one compound of a violent death word that tells how one died
RIDDLED_WORDS = frozenset({"riddled", "ridden"})


def _a_violent_death_word(tok: Token) -> bool:
    """ "bullet wounds", "signs of torture", "hands tied", "a bullet-riddled body"; not a
    title ("Bullet Train"), another compound modifier ("bullet-proof", "a bullet-riddled
    wall"), nor "tie" or "bind" that is no verb ("the cup tie")."""
    lemma = tok.lemma_.lower()
    if lemma not in VIOLENT_DEATH_WORDS or tok.pos_ == "PROPN" or tok.ent_type_:
        return False
    after = tok.nbor(1) if tok.i + 1 < len(tok.doc) else None
    if after is not None and after.text == "-" and not tok.whitespace_:
        joined = tok.nbor(2) if tok.i + 2 < len(tok.doc) else None
        return (
            joined is not None
            and joined.lower_ in RIDDLED_WORDS
            and joined.head.lemma_.lower() in BODY_WORDS
        )
    return tok.pos_ == "VERB" if lemma in ("tie", "bind") else True


def mishap_of_a_vehicle(verb: Token) -> bool:
    """Does the mishap verb ("derailed", "capsized", "turned over", "came off the tracks") tell
    an accident: it happened to a vehicle, and no one did it? "A bus overturned", "the ferry
    capsized", "it came off the tracks", "five died on a bus that overturned" are; "the court
    overturned the ruling", "protesters overturned a van", "the talks derailed", "the trucks
    were turned over to customs officials" are not."""
    if any(c.dep_ == "agent" for c in verb.children):
        return False  # "the bus was overturned by a mob": someone did it
    if verb.lemma_.lower() == "turn" and any(
        c.dep_ == "prep" and c.lower_ == "to" for c in verb.children
    ):
        return False  # "turned over to the police": handed over
    subjects = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
    if verb.dep_ == "relcl" and all(s.lower_ in ("that", "which") for s in subjects):
        subjects = [verb.head]  # "a bus that overturned"
    if not subjects and verb.dep_ == "acl":
        subjects = [verb.head]  # "five dead after a bus overturned": the bus overturned
    if not subjects and _vehicle_before(verb):
        return True  # "after a coach, said to be speeding, crashed"
    if not subjects:  # "derailed and overturned": the subject is the first verb's
        base = subject_bearer(verb, ("nsubj", "nsubjpass"))
        subjects = [c for c in base.children if c.dep_ in ("nsubj", "nsubjpass")]
    if any(_vehicle(s) for s in subjects):
        return True
    # "it came off the tracks": what it came off says what "it" is
    rails = [o for o in verb_objects(verb) if o.lemma_.lower() in RAIL_WORDS]
    return bool(rails) and any(s.pos_ == "PRON" for s in subjects)


SUBJECT_REACH = 10  # tokens back to the nearest noun, for a verb the parser left subjectless


def _vehicle_before(verb: Token) -> bool:
    """Is the nearest noun before a subjectless verb, in its sentence, a vehicle? The small
    parser loses a subject across an aside ("a coach, said to be speeding in the rain,
    crashed"): an aside between commas just before the verb is passed over."""
    start = max(verb.sent.start, verb.i - SUBJECT_REACH)
    before = list(reversed(verb.doc[start : verb.i]))
    if before and before[0].text == ",":
        opening = next((k for k, t in enumerate(before[1:], 1) if t.text == ","), None)
        if opening is not None:
            before = before[opening + 1 :]
    for tok in before:
        if tok.pos_ in ("NOUN", "PROPN", "PRON"):
            return _vehicle(tok)
    return False


PLACE_ENTITIES = ("GPE", "LOC", "FAC")
SIDES = ("between", "with")


def accident_noun(head: Token) -> bool:
    """Is "crash", "accident", "collision" or "stampede" here an accident? Another noun before
    it must be a vehicle's, a road's or a place's name ("a bus crash", "the Zenda crash"; not "a
    market crash", "the Zonda Index crash"); no one's ("the currency's crash") and no "no" ("it
    was no accident"); sides that are people make it a clash ("a collision between police and
    farmers"); and the sentence must name a vehicle or someone killed or hurt ("a stampede of
    investors" is no accident). "By accident" is no event."""
    if head.dep_ == "pobj" and head.head.lower_ == "by":
        return False
    for c in head.children:
        if c.dep_ == "compound" and c.i < head.i:
            if not (_vehicle(c) or c.ent_type_ in PLACE_ENTITIES):
                return False
        elif c.dep_ == "poss" or (c.dep_ == "det" and c.lower_ == "no"):
            return False
        elif c.dep_ == "prep" and c.lower_ in SIDES:
            sides = [g for g in c.children if g.dep_ == "pobj"]
            sides += [x for g in sides for x in g.conjuncts]
            if sides and not any(_vehicle(g) for g in sides):
                return False
    return any(_vehicle(t) or _hurt_word(t) for t in head.sent)


def _hurt_word(tok: Token) -> bool:
    """A word that says people were killed or hurt ("killed", "died", "injuries", "dead")."""
    return tok.lower_ in ("dead", "injured", "wounded") or tok.lemma_.lower() in _hurt_lemmas()


@lru_cache(maxsize=1)
def _hurt_lemmas() -> frozenset[str]:
    words = lexicons.casualty_words()
    return frozenset().union(
        *(words[kind] for kind in ("kill_verb", "injure_verb", "kill_noun", "injure_noun"))
    )


def verb_objects(verb: Token) -> list[Token]:
    """The verb's object words, through one preposition ("laid siege to", "hit the streets")."""
    out = []
    for c in verb.children:
        if c.dep_ in OBJECTS:
            out.append(c)
            out += [g for g in c.children if g.dep_ in ("pobj", "compound")]
    return out


FIRING_VERBS = {"fire", "shoot", "lob", "use"}


def crowd_control(verb: Token) -> bool:
    """Is what the verb fired something for crowds ("fired tear gas shells", "rubber
    bullets"; crowd_control.txt)?"""
    if verb.lemma_.lower() not in FIRING_VERBS:
        return False
    fired = [o for o in verb.children if o.dep_ in ("dobj", "nsubjpass")]
    # the thing and the words that make its name ("tear gas shells"), not what it was aimed at
    # or whose it was ("fired at the owner of a rubber plantation")
    for _ in range(2):
        fired += [c for o in fired for c in o.children if c.dep_ in ("compound", "amod")]
    return any(t.lemma_.lower() in lexicons.crowd_control() for t in fired)


COUNTED = {"twin", "several", "multiple", "serial", "simultaneous", "coordinated", "separate"}


def simple_past(verb: Token) -> bool:
    """ "blocked", "were held", "was injured": a simple past, active or passive."""
    if verb.tag_ == "VBD":
        return True
    return verb.tag_ == "VBN" and any(
        c.dep_ in ("auxpass", "aux") and c.lower_ in ("was", "were") for c in verb.children
    )


CROWD_VIOLENCE = {"attack", "bombing", "clash"}


def crowd_type(
    story: Sequence[tuple[Span | None, str]], trigger: Span | None, type_: str, sent: Span
) -> str:
    """Violence by a crowd is a riot ("protesters torched a bus", whichever of the two words
    the sentence's event was read from); a gathering or march with a protest's purpose is a
    protest ("villagers gathered to demand ...")."""
    if trigger is None:
        return type_
    for span, kind in story:
        if span is not None and kind in CROWD_VIOLENCE and by_a_crowd(span[-1], kind):
            return "riot"
    head = trigger[-1]
    if type_ in ("gathering", "march") and any(
        t.lemma_.lower() in lexicons.protest_cues() and t.i != head.i for t in sent
    ):
        return "protest"
    return type_


# Verbs whose subject did the raid their object or phrase names: "militants carried out a raid",
# "rebels launched a raid", besides the event verbs whose subject is a perpetrator ("rebels
# killed 12 villagers in a raid").
RAIDING_VERBS = frozenset({"raid", "carry", "conduct", "launch", "mount", "stage"})


def raid_type(trigger: Span | None, type_: str) -> str:
    """A raid by gunmen, militants or rebels is an attack ("rebels killed 12 villagers in a
    raid", "gunmen raided a worksite"); by the police or troops, or by nobody the sentence
    names as its doer ("militants died in a raid", "militants survived a police raid", "a raid
    by soldiers"), it stays a security operation."""
    if trigger is None or type_ != "security_operation":
        return type_
    head = trigger[-1]
    if head.lemma_.lower() != "raid":
        return type_
    if head.pos_ != "VERB" and any(
        (c.dep_ == "prep" and c.lower_ == "by")
        or (c.dep_ in ("compound", "amod") and c.lemma_.lower() in STATE_FORCE_WORDS)
        for c in head.children
    ):
        return type_  # "a raid by soldiers", "a police raid"
    verb = next((t for t in (head, *head.ancestors) if t.pos_ == "VERB"), None)
    if verb is None:
        return type_
    info = lexicons.event_verb(verb)
    if verb.lemma_.lower() not in RAIDING_VERBS and (
        info is None or info.subject_role != "perpetrator"
    ):
        return type_  # "militants fled during a raid"
    bearer = subject_bearer(verb, ("nsubj",))
    doers = [c for c in bearer.children if c.dep_ == "nsubj"]
    if any(d.lemma_.lower() in lexicons.doer_nouns() for d in doers):
        return "attack"
    return type_


def by_a_crowd(head: Token, kind: str = "") -> bool:
    """Is the violent act's doer a crowd noun: the verb's subject or a passive's agent, or,
    for a clash, the sides it was "between" ("a clash between the activists of X and Y") or
    the side it was "with" ("police clashed with supporters of X")?"""
    # "protesters burnt effigies and torched a van": the first verb's subject
    verb = subject_bearer(head if head.pos_ == "VERB" else head.head, ("nsubj", "agent"))
    doers = [c for c in verb.children if c.dep_ == "nsubj"] + [
        g for c in verb.children if c.dep_ == "agent" for g in c.children if g.dep_ == "pobj"
    ]
    sides = ("between", "with") if kind == "clash" else ("between",)
    between = [c for c in head.children if c.dep_ == "prep" and c.lower_ in sides]
    doers += [g for b in between for g in b.children if g.dep_ == "pobj"]
    doers += [c for d in doers for c in d.conjuncts]
    return any(counted(d).lemma_.lower() in lexicons.crowd_nouns() for d in doers)


QUANTITY_NOUNS = {"hundred", "thousand", "dozen", "group", "score"}  # lemmas


def counted(tok: Token) -> Token:
    """The noun a count stands for: "Hundreds of protesters", "a group of students" are the
    protesters and the students; any other word is itself."""
    if tok.pos_ != "NUM" and tok.lemma_.lower() not in QUANTITY_NOUNS:
        return tok
    return next(
        (
            g
            for c in tok.children
            if c.dep_ == "prep" and c.lower_ == "of"
            for g in c.children
            if g.dep_ == "pobj"
        ),
        tok,
    )


def rank(type_: str) -> int:
    return TYPE_RANK.get(type_, OTHER_TYPE_RANK)


# What happens to people, with a gathering only its setting: violence and accidents.
ACTS = VIOLENT_TYPES | {ACCIDENT}


def without_settings(
    story: Sequence[tuple[Span | None, str]],
) -> list[tuple[Span | None, str]]:
    """Drop gatherings that are only where or when a violent act happened: in "a bomber blew
    himself up at a funeral", "gunmen opened fire during a wedding ceremony" or "on day 8 of
    the strike, four bombs were hurled" the event is the attack. The act is a violent verb, or
    a violent noun that is the subject or object of the sentence's verb. An accident is such
    an act too: "ten people died in a stampede at a rally" tells the stampede."""
    violent_verbs = [
        s[-1] if s[-1].pos_ == "VERB" else s[-1].head
        for s, t in story
        if s is not None
        and t in ACTS
        and (
            s[-1].pos_ == "VERB"
            or (s[-1].dep_ in ("nsubj", "nsubjpass", "dobj") and s[-1].head.pos_ == "VERB")
        )
    ]
    # "was injured in a petrol bomb attack", "were hurt during a clash": the act that hurt.
    violent_verbs += [
        s[-1].head.head for s, t in story if s is not None and t in ACTS and hurt_in(s[-1])
    ]
    if not violent_verbs:
        return list(story)
    kept = []
    for span, type_ in story:
        if (
            span is not None
            and type_ not in ACTS
            and (is_setting(span[-1], violent_verbs) or in_a_side_clause(span[-1], violent_verbs))
        ):
            continue
        kept.append((span, type_))
    return kept or list(story)


# Acts that harm people. A crowd they are done to is their victim, not a protest
# (`without_crowds_harmed`); told beside an occasion people held, they are an event of their
# own (events._apart).
HARM_TYPES = {"attack", "bombing", "kidnapping"}
CROWD_PROTEST = "protest"  # the event a crowd's noun alone ("protesters") is read as


def told_as_done(trigger: Span) -> bool:
    """Is the event word told as something that happened, not only as a topic ("condemned
    the killing", "discussed the abduction", "angry over the attack")? A verb is; a noun is as
    the subject of a verb ("a bomb exploded", "bombs were hurled"), as the object of a doing
    verb or of a deed's verb ("carried out an attack", "staged a protest", "hurled bombs"), or
    as what people were hurt in ("killed in an attack")."""
    head = trigger[-1]
    if head.pos_ == "VERB":
        return True
    governor = head.head
    if head.dep_ in ("nsubj", "nsubjpass"):
        return governor.pos_ == "VERB"
    if head.dep_ == "dobj":
        # "carried out an attack", or a deed's own verb: "hurled four bombs", "detonated a bomb"
        lemma = governor.lemma_.lower()
        deed = lexicons.event_verbs().get(lemma)
        return lemma in lexicons.doing_verbs() or (
            deed is not None and deed.subject_role == "perpetrator"
        )
    return hurt_in(head)


def hurt_in(noun: Token) -> bool:
    """Is the noun what people were hurt in: "killed in an attack", "injured during a clash"?"""
    prep = noun.head
    return (
        noun.dep_ == "pobj"
        and prep.lower_ in ("in", "during")
        and prep.head.lemma_.lower() in HURTING_VERBS
    )


def without_crowds_harmed(
    story: Sequence[tuple[Span | None, str]],
) -> list[tuple[Span | None, str]]:
    """Drop the protest that only a crowd's noun names when the sentence tells an act done to
    that crowd by others: in "three demonstrators were killed when soldiers shot at the
    demonstrators" or "an attack on marchers" the story is the shooting, the crowd its victims. Done
    by the crowd ("protesters torched a bus"), the act stays a riot (`crowd_type`); crowd
    control ("fired tear gas at protesters") is no act here, and a crowd that acts on an
    act told as a topic or done to others ("protesters gathered to condemn the killing of a
    student") keeps its protest."""
    acts = [(s, t) for s, t in story if s is not None and t in HARM_TYPES and told_as_done(s)]
    if not acts or any(by_a_crowd(s[-1], t) for s, t in acts):
        return list(story)
    crowds = lexicons.crowd_nouns()
    return [
        (s, t)
        for s, t in story
        if not (
            s is not None
            and t == CROWD_PROTEST
            and s[-1].lemma_.lower() in crowds
            and _harmed(s[-1], acts)
        )
    ]


def _harmed(crowd: Token, acts: list[tuple[Span, str]]) -> bool:
    """Is the crowd what the acts were done to (inside the act's clause or phrase: "opened
    fire at protesters", "an attack on demonstrators"), or the subject of its hurt ("two
    protesters died")?"""
    if crowd.dep_ in ("nsubj", "nsubjpass") and crowd.head.lemma_.lower() in HURTING_VERBS:
        return True
    for span, _ in acts:
        act = span[-1]
        if act.pos_ == "VERB" and crowd.head.i == act.i and crowd.dep_ == "nsubj":
            continue  # the doer (a crowd's act was ruled out above)
        if act.left_edge.i <= crowd.i <= act.right_edge.i:  # (a parse's subtrees are spans)
            return True
    return False


SIDE_CLAUSES = ("acl", "relcl", "advcl")


def in_a_side_clause(head: Token, verbs: list[Token]) -> bool:
    """A gathering told in a clause beside the violent act: "killed in an arson attack as the
    blockade continued", "an alliance protesting against a ban on meetings"."""
    for node in [head, *head.ancestors]:
        if node.dep_ in SIDE_CLAUSES:
            return not any(verb in node.subtree for verb in verbs)
    return False


def is_setting(head: Token, verbs: list[Token]) -> bool:
    """A gathering named in a prepositional phrase of the violent act: at, during, in ... any
    preposition when the act is the sentence's main verb."""
    if head.dep_ != "pobj":
        return False
    prep = head.head
    return any(
        (prep.head == verb or prep.head in verb.subtree)
        and (prep.lower_ in SETTING_PREPOSITIONS or verb.dep_ == "ROOT")
        for verb in verbs
    )
