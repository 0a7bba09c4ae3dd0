"""Group one document's mentions into entities.

Rules, in order (each is how English reporting refers back to an actor it has named):
- persons: a bare surname ("Rahimi") or a shorter form ("Javed Qureshi" for "Javed Iqbal
  Qureshi") joins the full name it abbreviates; when two full names share the surname, the one
  named most recently before the mention wins; a surname with a form of address ("Mrs
  Rahimi", in the name or beside it) joins only a full name it cannot be mistaken in: the only
  one with that surname, not titled for the other sex, in a report that does not address both
  a man and a woman by it, with no relative told beside it; an office-holder named by office
  and surname twice before a full name with that surname appears ("President X", then "first
  lady Y X") stays apart from it;
- organisations: an acronym joins the expansion the document gives it (or whose initials it
  spells); "the Senate" and "Senate" are one name;
- everything else: the same name (ignoring case, accents and punctuation) is the same entity.
Entity ids come from the type and the canonical name, so the same actor named the same way in
another document gets the same id.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass, field
from functools import lru_cache

from footprint.model import Entity, Mention, stable_id
from footprint.nlp import lexicons
from footprint.nlp.components.acronyms import acronym_letters, initials
from footprint.resolve.names import is_acronym, key


@dataclass
class _Cluster:
    type: str
    mentions: list[Mention] = field(default_factory=list)

    def words(self) -> list[str]:
        return _past_address(self.full_words())

    def full_words(self) -> list[str]:
        return max((key(m.name).split() for m in self.mentions), key=len)

    def addressed_as(self) -> set[str]:
        """Whom the cluster's forms of address say it is ("man", "woman"): from a name that
        kept its "Mrs" ("Mrs Rahimi") and from titles split off a full name ("Mr Omar
        Rahimi")."""
        forms = _address_forms()
        words = self.full_words()
        said = {forms[w] for w in words[: len(words) - len(_past_address(words))]}
        return said | {w for m in self.mentions if (w := _whom_titles_address(m))}


def _past_address(words: list[str]) -> list[str]:
    """'mrs rahimi' -> ['rahimi']: "Mrs X" refers back to "Y X" as a bare surname does. The
    name keeps its title ("Mrs X" alone is how the report names her); only the matching of
    short forms looks past it. Religious and academic honorifics are part of how a person is
    known ("Hafiz X" is not "Z X", the son; "Dr X" is often a first name), so only the forms
    of address (Mr, Mrs, Ms, Miss) are passed over."""
    addresses = _address_forms()
    i = 0
    while i < len(words) - 1 and words[i] in addresses:
        i += 1
    return words[i:]


@lru_cache(maxsize=1)
def _address_forms() -> dict[str, str]:
    """Forms of address, as name keys -> whom they address ("mrs" -> "woman")."""
    return {
        key(t.text): t.addresses for t in lexicons.titles().values() if t.addresses is not None
    }


def _joins_by_address(
    cluster: _Cluster,
    candidates: list[_Cluster],
    both_addressed: set[str],
    whom_of: dict[int, set[str]],
) -> bool:
    """May a name written with a form of address ("Mrs X") join the full name it shortens?
    Only when there is one such name, its own titles do not say otherwise ("Mr Y X"), and the
    report does not address both a man and a woman by that surname ("Mr X" and "Mrs X" are two
    people, and neither may be guessed to be "Y X"). A wrong join makes two people one; a
    missed one only leaves a surname apart."""
    whom = whom_of[id(cluster)]
    if len(candidates) != 1 or len(whom) != 1:
        return False
    if cluster.words()[-1] in both_addressed or _told_with_kin(cluster):
        return False
    their = whom_of[id(candidates[0])]
    return not their or their == whom


def _whom_titles_address(m: Mention) -> str | None:
    """Whom the forms of address among a mention's titles address ("Mr" -> "man"), if any."""
    titles = lexicons.titles()
    for t in m.titles:
        whom = getattr(titles.get(t.lower()), "addresses", None)
        if whom:
            return str(whom)
    return None


def _told_with_kin(cluster: _Cluster) -> bool:
    """ "Mrs X said her husband was innocent": a relative of "Y X", not Y."""
    kin = lexicons.kinship()
    return any(
        word.strip(".,;:'\"’") in kin
        for m in cluster.mentions
        for word in m.evidence.sentence.lower().split()
    )


def _is_short_form(short: list[str], full: list[str]) -> bool:
    """'rahimi' < 'omar rahimi'; 'al harbi' < 'yusuf al harbi'; 'javed qureshi' <
    'javed iqbal qureshi'. Same last word, and every word of the short form in the full one."""
    if len(short) >= len(full) or not short:
        return False
    if short[-1] != full[-1]:
        return False
    if len(short) == 1:
        return True
    return short == full[-len(short) :] or (short[0] == full[0] and set(short) <= set(full))


OFFICE_MENTIONS_FIRST = 2  # an office-holder named so this often before the full name appears


def _known_by_office(short: _Cluster, full: _Cluster) -> bool:
    """Is the short form someone the report knows by office and surname, not the full name
    that shares the surname? It is when it is written with an office ("President X") at least
    twice before the full name first appears, and the full name never holds that office: a
    report introduces a person by the full name first, so a well-known office-holder named
    twice before "Y X" appears is another X (a spouse, a brother)."""
    offices = lexicons.titles()
    held = {
        t.lower()
        for m in short.mentions
        for t in m.titles
        if getattr(offices.get(t.lower()), "kind", None) == "office"
    }
    if not held:
        return False
    first_full = min(m.evidence.start for m in full.mentions)
    before = [m for m in short.mentions if m.evidence.start < first_full and m.titles]
    if len(before) < OFFICE_MENTIONS_FIRST:
        return False
    return not held & {t.lower() for m in full.mentions for t in m.titles}


def cluster_persons(mentions: list[Mention]) -> list[_Cluster]:
    by_key: dict[str, _Cluster] = {}
    keys = {id(m): key(m.name) for m in mentions}
    for m in sorted(mentions, key=lambda m: -len(keys[id(m)].split())):
        # "Mr X" and "Mrs X" with the form left outside the name are two people, not one "X"
        k = keys[id(m)]
        whom = _whom_titles_address(m) if len(k.split()) == 1 else None
        by_key.setdefault(f"{k}|{whom}" if whom else k, _Cluster("person")).mentions.append(m)
    # Attach short forms to a full name, longest short forms first.
    # Each cluster's words read once; a short form shares its full name's last word, so the
    # full names are looked up by it (a long text has thousands of names).
    words_of = {id(c): c.words() for c in by_key.values()}
    clusters = sorted(by_key.values(), key=lambda c: -len(words_of[id(c)]))
    # Surnames the report writes with a form of address for a man and for a woman.
    whom_of = {id(c): c.addressed_as() for c in clusters}
    addressed: dict[str, set[str]] = defaultdict(set)
    for c in clusters:
        if len(words_of[id(c)]) == 1:  # a surname alone ("Mrs Rahimi", or "Rahimi" after "Mr")
            addressed[words_of[id(c)][0]] |= whom_of[id(c)]
    both_addressed = {surname for surname, whom in addressed.items() if len(whom) > 1}
    final: list[_Cluster] = []
    by_last: dict[str, list[_Cluster]] = {}
    for cluster in clusters:
        words = words_of[id(cluster)]
        last = words[-1] if words else ""
        candidates = [c for c in by_last.get(last, []) if _is_short_form(words, words_of[id(c)])]
        # A surname with a form of address, in its name ("Mrs X") or beside it, is judged so.
        by_address = len(words) == 1 and bool(whom_of[id(cluster)])
        if not candidates or (
            by_address and not _joins_by_address(cluster, candidates, both_addressed, whom_of)
        ):
            final.append(cluster)
            by_last.setdefault(last, []).append(cluster)
            continue
        if len(candidates) == 1 and _known_by_office(cluster, candidates[0]):
            final.append(cluster)  # "President X" twice before "first lady Y X": two people
            by_last.setdefault(last, []).append(cluster)
            continue
        if len(candidates) == 1:
            candidates[0].mentions.extend(cluster.mentions)
            continue
        # Ambiguous surname: each mention goes to the full name named last before it.
        for m in cluster.mentions:
            best = max(
                candidates,
                key=lambda c: max(
                    (x.evidence.start for x in c.mentions if x.evidence.start <= m.evidence.start),
                    default=-1,
                ),
            )
            best.mentions.append(m)
    return final


def cluster_organizations(mentions: list[Mention], acronyms: dict[str, str]) -> list[_Cluster]:
    by_key: dict[str, _Cluster] = {}
    acronym_mentions = []
    for m in mentions:
        if is_acronym(m.name):
            acronym_mentions.append(m)
        else:
            by_key.setdefault(key(m.name), _Cluster("organization")).mentions.append(m)
    # The clusters each spelling of initials could stand for, indexed once (not every
    # cluster tried for every acronym: a long text has thousands of both).
    spelled_as: dict[str, list[str]] = defaultdict(list)

    def index(k: str) -> None:
        for letters in initials(by_key[k].mentions[0].name):
            spelled_as[letters].append(k)

    for k in by_key:
        index(k)
    for m in acronym_mentions:
        expansion = acronyms.get(m.name)
        target = by_key.get(key(expansion)) if expansion else None
        if target is None and len(acronym_letters(m.name)) >= 2:
            spelled = list(dict.fromkeys(spelled_as.get(acronym_letters(m.name), [])))
            target = by_key[spelled[0]] if len(spelled) == 1 else None
        if target is None:
            k = key(m.name)
            if k not in by_key:
                by_key[k] = _Cluster("organization")
                by_key[k].mentions.append(m)
                index(k)
                continue
            target = by_key[k]
        target.mentions.append(m)
    return list(by_key.values())


def cluster_simple(mentions: list[Mention], type_: str) -> list[_Cluster]:
    by_key: dict[str, _Cluster] = {}
    for m in mentions:
        by_key.setdefault(key(m.name), _Cluster(type_)).mentions.append(m)
    return list(by_key.values())


def _canonical(cluster: _Cluster) -> str:
    names = [m.name for m in cluster.mentions]
    if cluster.type == "organization":
        spelled_out = [n for n in names if not is_acronym(n)] or names
        longest = max(len(n.split()) for n in spelled_out)
        names = [n for n in spelled_out if len(n.split()) == longest]
    else:
        # "Mrs X" is no fuller a name than "X" beside "Y X".
        longest = max(len(_past_address(key(n).split())) for n in names)
        names = [n for n in names if len(_past_address(key(n).split())) == longest]
    # Most frequent among the fullest forms; ties go to the first written.
    counts = Counter(names)
    return max(names, key=lambda n: (counts[n], -names.index(n)))


def to_entities(clusters: list[_Cluster]) -> list[Entity]:
    entities = []
    for cluster in clusters:
        name = _canonical(cluster)
        aliases = {m.name for m in cluster.mentions}
        for m in cluster.mentions:
            if m.titles:
                aliases.add(" ".join((*m.titles, m.name)))
        aliases.discard(name)
        mentions = sorted(cluster.mentions, key=lambda m: m.evidence.start)
        entities.append(
            Entity(
                id=stable_id("ent", cluster.type, key(name)),
                type=cluster.type,  # type: ignore[arg-type]
                name=name,
                aliases=aliases,
                mentions=mentions,
            )
        )
    return sorted(entities, key=lambda e: e.mentions[0].evidence.start)


def resolve(mentions: list[Mention], acronyms: dict[str, str] | None = None) -> list[Entity]:
    by_type: dict[str, list[Mention]] = {}
    for m in mentions:
        by_type.setdefault(m.type, []).append(m)
    clusters = cluster_persons(by_type.get("person", []))
    clusters += cluster_organizations(by_type.get("organization", []), acronyms or {})
    for type_ in ("place", "other"):
        clusters += cluster_simple(by_type.get(type_, []), type_)
    return to_entities(clusters)
