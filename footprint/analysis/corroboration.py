"""How well a claim is supported: independent sources and an Admiralty-style grade.

The NATO / Admiralty system grades a report on two axes:

- source reliability, A (completely reliable) ... E (unreliable), F (cannot be judged). footprint
  knows nothing about an outlet by itself, so a source is F until the user rates it
  (`footprint sources rate HOST-OR-AUTHOR B`); a claim takes the best rating among its sources.
- information credibility, 1 (confirmed by other sources) ... 5 (improbable), 6 (cannot be
  judged). footprint derives it from what it can see: how many independent documents state the
  claim (near-copies of one wire story count once), whether they state it plainly or with a
  hedge ("according to media reports", "claimed"), and whether the reports conflict:

  * 1 — two or more independent sources, at least one without a hedge, no conflict;
  * 2 — two or more independent sources, all hedged, or in conflict on a detail (a date);
  * 3 — one source, stated plainly;
  * 4 — one source, hedged;
  * 6 — no evidence to judge.

  5 (improbable) needs a source that contradicts the claim; footprint does not detect
  contradiction yet, so it never gives 5.

Each grade comes with its reasoning in words, so an analyst can disagree with it.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from urllib.parse import urlparse

RELIABILITY_WORDS = {
    "A": "completely reliable",
    "B": "usually reliable",
    "C": "fairly reliable",
    "D": "not usually reliable",
    "E": "unreliable",
    "F": "reliability cannot be judged",
}
CREDIBILITY_WORDS = {
    1: "confirmed by other sources",
    2: "probably true",
    3: "possibly true",
    4: "doubtful",
    5: "improbable",
    6: "truth cannot be judged",
}


@dataclass(frozen=True)
class Support:
    """One document's statement of a claim."""

    document: str
    source: str  # the outlet host, else the author, else the file path
    attribution: str | None  # the hedge, when the text gives one


@dataclass(frozen=True)
class Grade:
    reliability: str  # A-F
    credibility: int  # 1-6
    independent_sources: int
    reasoning: str

    @property
    def code(self) -> str:
        return f"{self.reliability}{self.credibility}"

    def to_json(self) -> dict[str, object]:
        return {
            "grade": self.code,
            "reliability": self.reliability,
            "credibility": self.credibility,
            "independent_sources": self.independent_sources,
            "reasoning": self.reasoning,
        }


def source_of(url: str | None, author: str | None, path: str) -> str:
    """The key a user rates: the outlet's host (without www.), else the author, else the path."""
    if url:
        host = urlparse(url).netloc.lower()
        if host.startswith("www."):
            host = host[4:]
        if host:
            return host
    return author or path


def grade(
    supports: Sequence[Support],
    near_duplicates: Iterable[frozenset[str]] = (),
    ratings: Mapping[str, str] | None = None,
    conflicts: Sequence[str] = (),
) -> Grade:
    """Grade a claim from the documents that state it."""
    ratings = ratings or {}
    if not supports:
        return Grade("F", 6, 0, "no evidence")
    from footprint.resolve.across_documents import source_groups

    groups = source_groups((s.document for s in supports), near_duplicates)
    n = len(groups)
    plain_docs = {s.document for s in supports if not s.attribution}
    plain = sum(1 for g in groups if g & plain_docs)
    hedges = sorted({s.attribution for s in supports if s.attribution})
    rated = sorted({ratings[s.source] for s in supports if s.source in ratings})
    reliability = rated[0] if rated else "F"
    bits = [f"{n} independent source{'s' if n != 1 else ''}"]
    copies = len({s.document for s in supports}) - n
    if copies:
        bits.append(f"{copies} near-cop{'ies' if copies != 1 else 'y'} counted once")
    corroborated = 1 if plain and not conflicts else 2
    credibility = corroborated if n >= 2 else (3 if plain else 4)
    if plain and n >= 1:
        bits.append(f"{plain} stating it plainly")
    if hedges:
        bits.append("hedged: " + "; ".join(f"“{h}”" for h in hedges[:3]))
    if conflicts:
        bits.append("conflict: " + "; ".join(conflicts))
    if rated:
        bits.append(f"best source rating {reliability} ({RELIABILITY_WORDS[reliability]})")
    else:
        bits.append("no source rated (F)")
    bits.append(f"credibility {credibility}: {CREDIBILITY_WORDS[credibility]}")
    return Grade(reliability, credibility, n, "; ".join(bits))
