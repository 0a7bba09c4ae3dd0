"""Runs the evaluation suites over one loaded pipeline and compares results with the floors."""

from __future__ import annotations

import json
import logging
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from footprint.evaluation.scoring import Score
from footprint.settings import Settings

log = logging.getLogger(__name__)

# The gate forgives this much below a floor: scores move a little with library versions.
NOISE_MARGIN = 0.02


@dataclass
class SuiteResult:
    suite: str
    fields: dict[str, dict[str, float]] = field(default_factory=dict)
    anchors: dict[str, str] = field(default_factory=dict)  # field -> published figure, in words
    errors: list[dict[str, Any]] = field(default_factory=list)
    skipped: str | None = None
    seconds: float = 0.0

    def add_score(self, name: str, score: Score) -> None:
        self.fields[name] = {
            "precision": round(score.precision, 4),
            "recall": round(score.recall, 4),
            "f1": round(score.f1, 4),
            "n": score.tp + score.fn,
        }
        self.errors += [dict(e, field=name) for e in score.errors]

    def to_json(self) -> dict[str, Any]:
        return {
            "suite": self.suite,
            "fields": self.fields,
            "anchors": self.anchors,
            "skipped": self.skipped,
            "seconds": round(self.seconds, 1),
        }


@dataclass
class Context:
    """What suites share: settings, the data folder, one pipeline and one geocoder."""

    settings: Settings
    data: Path
    samples: Path
    _nlp: Any = None
    _geocoder: Any = None
    _screener: Any = None

    @property
    def nlp(self) -> Any:
        if self._nlp is None:
            from footprint.nlp.pipeline import build_pipeline

            self._nlp = build_pipeline(self.settings.model)
        return self._nlp

    @property
    def screener(self) -> Any:
        if self._screener is None:
            from footprint.designations.dataset import load_listings
            from footprint.designations.matching import Screener

            # The packaged dataset only: the evaluation must not depend on a user's own lists.
            self._screener = Screener(load_listings())
        return self._screener

    @property
    def geocoder(self) -> Any:
        if self._geocoder is None:
            from footprint.place import Gazetteer, Geocoder

            self._geocoder = Geocoder(Gazetteer.load(self.settings.cache_dir))
        return self._geocoder


def _suite_time(ctx: Context) -> SuiteResult:
    from footprint.evaluation import timebank

    result = SuiteResult("time")
    folder = ctx.data / "timex" / "TimeBank"
    if not folder.is_dir():
        result.skipped = f"TimeBank not found at {folder}"
        return result
    found = timebank.evaluate(folder)
    for mode in ("anchored", "narrative"):
        stats = found.get(mode, found)
        result.fields[f"value_accuracy_{mode}"] = {
            "accuracy": round(float(stats["accuracy"]), 4),
            "n": int(stats["expressions"]),
        }
        result.errors += [dict(e, field=f"value_{mode}") for e in stats.get("errors", [])]
        if mode not in found:
            break
    result.anchors["value_accuracy_anchored"] = "TempEval-3 best value F1 ≈ 0.78 (full systems)"
    return result


def _suite_geo(ctx: Context) -> SuiteResult:
    from footprint.evaluation import geo

    result = SuiteResult("geo")
    anchors = {"GeoWebNews": "Mordecai3 exact 0.901", "LGL": "Mordecai3 exact 0.794"}
    for corpus, filename in (("GeoWebNews", "GeoWebNews.xml"), ("LGL", "LGL.xml")):
        path = ctx.data / "geo" / filename
        if not path.exists():
            result.skipped = f"{path} not found"
            continue
        found = geo.evaluate(path, corpus, ctx.geocoder)  # the gazetteer in settings.cache_dir
        result.fields[corpus] = {
            "exact": round(float(found["exact"]), 4),
            "acc161": round(float(found["acc161"]), 4),
            "n": int(found["toponyms"]),
        }
        result.anchors[corpus] = anchors[corpus]
        result.errors += [dict(e, field=corpus) for e in found.get("errors", [])]
    return result


def _suite_5w1h(ctx: Context) -> SuiteResult:
    from footprint.analysis.main_event import main_event
    from footprint.evaluation.fivew import iter_articles, score_article
    from footprint.extract.from_doc import extract

    result = SuiteResult("5w1h")
    folder = ctx.data / "5w1h"
    if not folder.is_dir():
        result.skipped = f"5W1H gold not found at {folder}"
        return result
    articles = list(iter_articles(folder))
    scores = {q: Score() for q in ("who", "when", "where")}
    pairs = ((doc.text, (doc, gold)) for doc, gold in articles)
    for spacy_doc, (doc, gold) in ctx.nlp.pipe(pairs, as_tuples=True, batch_size=16):
        answer = main_event(extract(spacy_doc, doc, geocoder=ctx.geocoder))
        score_article(answer, gold, scores, doc.id)
    for question, score in scores.items():
        result.add_score(question, score)
        result.anchors[question] = "Giveme5W1H precision 0.82 (who/what/when/where)"
    return result


def _suite_sample(ctx: Context) -> SuiteResult:
    from footprint.designations.screening import screen_document
    from footprint.evaluation.sample import load_gold, score
    from footprint.extract.from_doc import extract
    from footprint.model import Document

    result = SuiteResult("sample")
    gold_path = Path(__file__).resolve().parents[2] / "tests" / "eval" / "gold" / "sample.json"
    if not gold_path.exists():
        result.skipped = f"gold file not found at {gold_path} (it lives in the source tree)"
        return result
    gold = load_gold(gold_path)
    article = ctx.samples / Path(gold["document"]).name
    if not article.exists():
        result.skipped = f"reference article not found at {article}"
        return result
    text = article.read_text("utf-8")
    doc = Document(id="sample", text=text, path=str(article), published=gold["published"])
    found = extract(ctx.nlp(text), doc, geocoder=ctx.geocoder)
    found.screening = screen_document(found, ctx.screener)
    for name, s in score(found, gold).items():
        result.add_score(name, s)
    return result


def _suite_events(ctx: Context, suite: str) -> SuiteResult:
    from footprint.evaluation import events

    result = SuiteResult(suite)
    filename, read = {
        "acled": ("acled_asia_2015_dev.csv", events.acled_rows),
        "gtd": ("gtd_2013_dev.csv", events.gtd_rows),
    }[suite]
    path = ctx.data / "events" / filename
    if not path.exists():
        result.skipped = f"{path} not found"
        return result
    rows = events.sample(read(path))
    result.fields, result.errors = events.run(ctx, rows, path)
    # No published figure scores these samples; a keyword matcher's rough level, for scale.
    result.anchors["event"] = "keyword baseline ≈ 0.95"
    result.anchors["place"] = "keyword baseline ≈ 0.35-0.5"
    return result


def _suite_acled(ctx: Context) -> SuiteResult:
    return _suite_events(ctx, "acled")


def _suite_gtd(ctx: Context) -> SuiteResult:
    return _suite_events(ctx, "gtd")


SUITES: dict[str, Callable[[Context], SuiteResult]] = {
    "geo": _suite_geo,
    "time": _suite_time,
    "5w1h": _suite_5w1h,
    "sample": _suite_sample,
    "acled": _suite_acled,
    "gtd": _suite_gtd,
}


def run_suites(
    names: list[str], settings: Settings, data: Path, samples: Path
) -> list[SuiteResult]:
    ctx = Context(settings=settings, data=data, samples=samples)
    results = []
    for name in names:
        started = time.perf_counter()
        result = SUITES[name](ctx)
        result.seconds = time.perf_counter() - started
        results.append(result)
    return results


def headline(values: dict[str, float]) -> tuple[str, float] | None:
    """The number a floor applies to: F1 where there is one, else exact, else accuracy."""
    for key in ("f1", "exact", "accuracy"):
        if key in values:
            return key, float(values[key])
    return None


def check_floors(results: list[SuiteResult], baseline: dict[str, Any]) -> list[str]:
    """Messages for every field below its floor by more than the noise margin."""
    failures = []
    for result in results:
        floors = baseline.get(result.suite, {})
        if result.skipped or not isinstance(floors, dict):
            continue
        for field_name, floor in floors.items():
            values = result.fields.get(field_name)
            if values is None:
                failures.append(f"{result.suite}.{field_name}: no score (floor {floor})")
                continue
            found = headline(values)
            if found is not None and found[1] < float(floor) - NOISE_MARGIN:
                failures.append(
                    f"{result.suite}.{field_name}: {found[0]} {found[1]:.3f} is below the floor "
                    f"{float(floor):.3f} (margin {NOISE_MARGIN})"
                )
    return failures


def load_baseline(path: Path) -> dict[str, Any]:
    return json.loads(path.read_text("utf-8"))  # type: ignore[no-any-return]
