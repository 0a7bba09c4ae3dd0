"""Toponym resolution scored on two public news corpora with gold coordinates.

- GeoWebNews (Gritta, Pilehvar & Collier 2019, "A Pragmatic Guide to Geoparsing Evaluation"):
  200 web news articles; every toponym is typed (Literal, Metonymic, Non_Literal_Modifier such
  as "Irish", Embedded ..., and non-geographic types without coordinates). Following the paper,
  the toponyms resolved are those annotated with coordinates, whatever their type; most also
  carry a GeoNames id.
- LGL (Lieberman, Samet & Sankaranarayanan 2010, "Local Lexicon", in Gritta et al.'s XML):
  588 articles from local US papers; every toponym carries its GeoNames entry (id, point).

Like Mordecai3's toponym-resolution tables (Halterman 2023), this scores resolution of the gold
toponym strings, not their recognition: per article, all gold toponym strings go to
`Geocoder.resolve_document` together (the document context), and each answer is compared with
its gold point.

Metrics (all over the toponyms with gold coordinates; unresolved ones count as wrong):
- acc161: answer within 161 km (100 miles) of the gold point, the field's standard "Acc@161";
- exact: the same GeoNames id where both gold and answer have one; otherwise (a gold point
  without id, or an answer from footprint's own region tables) within EXACT_KM. This is the
  spirit of Mordecai3's "exact match" (the predicted GeoNames id equals the gold one);
- mean_km / median_km: error distance over the resolved toponyms;
- resolved: how many got any answer (coverage).
Besides the overall figures: the same for gold toponyms with a GeoNames id
(`with_geonameid`), for those that are not demonyms or national adjectives by footprint's table
(`excluding_demonyms`: "Russian", "Irish" are gold toponyms in both corpora, but footprint
deliberately resolves no demonym; Mordecai3 scored only spans its NER tagged as places, which
leaves adjectives out), and per GeoWebNews toponym type (`by_type`).
"""

from __future__ import annotations

import logging
import statistics
import time
import xml.etree.ElementTree as ET
from collections import Counter, defaultdict
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from footprint.place import Geocoder, Place
from footprint.place.distance import haversine_km

log = logging.getLogger(__name__)

ACC_KM = 161.0
EXACT_KM = 10.0


@dataclass(frozen=True)
class GoldToponym:
    name: str
    lat: float
    lon: float
    geonameid: str | None
    kind: str | None  # GeoWebNews toponym type; None for LGL


@dataclass(frozen=True)
class Article:
    doc: str
    toponyms: tuple[GoldToponym, ...]


def load(path: Path, corpus: str) -> list[Article]:
    name = corpus.lower()
    if name in ("geowebnews", "gwn"):
        return load_geowebnews(path)
    if name == "lgl":
        return load_lgl(path)
    raise ValueError(f"unknown geo corpus {corpus!r} (GeoWebNews or LGL)")


def load_geowebnews(path: Path) -> list[Article]:
    articles = []
    for number, article in enumerate(ET.parse(path).getroot().iter("article")):
        toponyms = []
        for toponym in article.iter("toponym"):
            point = _point(toponym.findtext("latitude"), toponym.findtext("longitude"))
            name = (toponym.findtext("extractedName") or "").strip()
            if point is None or not name:
                continue  # non-geographic types carry no coordinates and are not scored
            toponyms.append(
                GoldToponym(
                    name,
                    point[0],
                    point[1],
                    (toponym.findtext("geonamesID") or "").strip() or None,
                    (toponym.findtext("type") or "").strip() or None,
                )
            )
        articles.append(Article(article.get("file") or str(number), tuple(toponyms)))
    return articles


def load_lgl(path: Path) -> list[Article]:
    articles = []
    for number, article in enumerate(ET.parse(path).getroot().iter("article")):
        toponyms = []
        for toponym in article.iter("toponym"):
            gaz = toponym.find("gaztag")
            name = (toponym.findtext("phrase") or "").strip()
            if gaz is None or not name:
                continue  # a toponym the annotators could not place
            point = _point(gaz.findtext("lat"), gaz.findtext("lon"))
            if point is None:
                continue
            toponyms.append(GoldToponym(name, point[0], point[1], gaz.get("geonameid"), None))
        articles.append(Article(article.get("docid") or str(number), tuple(toponyms)))
    return articles


def _point(lat: str | None, lon: str | None) -> tuple[float, float] | None:
    try:
        return float(lat or ""), float(lon or "")
    except ValueError:
        return None


# --- scoring ------------------------------------------------------------------------------


@dataclass
class _Tally:
    toponyms: int = 0
    resolved: int = 0
    within: int = 0
    exact: int = 0

    def to_json(self) -> dict[str, float | int]:
        n = self.toponyms or 1
        return {
            "toponyms": self.toponyms,
            "resolved": self.resolved,
            "acc161": round(self.within / n, 4),
            "exact": round(self.exact / n, 4),
        }


def evaluate(path: Path, corpus: str, geocoder: Geocoder | None = None) -> dict[str, Any]:
    """Score toponym resolution on one corpus file (see the module docstring for metrics)."""
    started = time.perf_counter()
    articles = load(Path(path), corpus)
    geocoder = geocoder or Geocoder()
    overall = _Tally()
    by_type: dict[str, _Tally] = defaultdict(_Tally)
    with_id = _Tally()
    names_only = _Tally()
    distances: list[float] = []
    errors: list[dict[str, Any]] = []
    for article in articles:
        answers = geocoder.resolve_document([t.name for t in article.toponyms])
        for gold in article.toponyms:
            place = answers.get(gold.name)
            km = _distance(place, gold)
            exact = km is not None and _exact(place, gold, km)
            tallies = [overall, by_type[gold.kind or "all"]]
            if gold.geonameid:
                tallies.append(with_id)
            if geocoder.gazetteer.demonym(gold.name) is None:
                tallies.append(names_only)
            for tally in tallies:
                tally.toponyms += 1
                tally.resolved += km is not None
                tally.within += km is not None and km <= ACC_KM
                tally.exact += exact
            if km is not None:
                distances.append(km)
            if km is None or km > ACC_KM:
                errors.append(
                    {
                        "doc": article.doc,
                        "name": gold.name,
                        "gold": [gold.lat, gold.lon],
                        "ours": [place.lat, place.lon] if place and km is not None else None,
                        "ours_name": place.name if place else None,
                        "km": round(km, 1) if km is not None else None,
                    }
                )
    result: dict[str, Any] = {"corpus": corpus, "articles": len(articles)}
    result.update(overall.to_json())
    result["mean_km"] = round(statistics.fmean(distances), 1) if distances else None
    result["median_km"] = round(statistics.median(distances), 1) if distances else None
    result["with_geonameid"] = with_id.to_json()
    result["excluding_demonyms"] = names_only.to_json()
    if len(by_type) > 1:
        result["by_type"] = {kind: t.to_json() for kind, t in sorted(by_type.items())}
    result["unresolved_names"] = dict(
        Counter(e["name"] for e in errors if e["km"] is None).most_common(20)
    )
    result["seconds"] = round(time.perf_counter() - started, 1)
    result["errors"] = errors
    log.info(
        "%s: acc161 %.3f exact %.3f over %d toponyms",
        corpus,
        result["acc161"],
        result["exact"],
        result["toponyms"],
    )
    return result


def _distance(place: Place | None, gold: GoldToponym) -> float | None:
    if place is None or place.lat is None or place.lon is None:
        return None
    return haversine_km(place.lat, place.lon, gold.lat, gold.lon)


def _exact(place: Place | None, gold: GoldToponym, km: float) -> bool:
    ours = place.gazetteer_id if place else ""
    if gold.geonameid and ours.startswith("geonames:"):
        return ours == f"geonames:{gold.geonameid}"
    return km <= EXACT_KM
