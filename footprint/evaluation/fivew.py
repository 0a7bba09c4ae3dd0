"""The `5w1h` suite: who / when / where of each article's main event against the three-coder
gold of the Giveme5W1H dataset (a phrase counts as gold when at least two coders chose it).

Scored like Giveme5W1H's precision of the top answer: an article's answer is right when it
matches any gold phrase (names by words, see scoring.names_match; dates when the gold's parsed
date falls inside our interval). Precision = right / answered; recall = right / articles with
gold for that question."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from footprint.analysis.main_event import MainEvent
from footprint.evaluation.scoring import Score, names_match
from footprint.model import Document

MIN_CODERS = 2


def iter_articles(folder: Path) -> Iterator[tuple[Document, dict[str, list[dict[str, Any]]]]]:
    for path in sorted(folder.glob("*.json")):
        data = json.loads(path.read_text("utf-8"))
        body = data.get("text") or data.get("description") or ""
        text = f"{data.get('title', '').strip()}\n\n{body.strip()}\n"
        published = (data.get("date_publish") or "")[:10] or None
        doc = Document(
            id=f"5w1h-{path.stem[:16]}",
            text=text,
            path=str(path),
            title=data.get("title"),
            published=published,
        )
        gold = {}
        for question in ("who", "when", "where"):
            annotated = data.get("fiveWoneH", {}).get(question, {}).get("annotated", [])
            gold[question] = [a for a in annotated if a.get("coderPhraseCount", 0) >= MIN_CODERS]
        yield doc, gold


def _when_right(answer: object | None, gold: list[dict[str, Any]]) -> bool:
    start, end = getattr(answer, "start", None), getattr(answer, "end", None)
    if start is None:
        return False
    for g in gold:
        parsed = (g.get("parsed") or "")[:10]
        try:
            day = dt.date.fromisoformat(parsed)
        except ValueError:
            continue
        if start <= day and (end is None or day <= end):
            return True
    return False


def score_article(
    answer: MainEvent, gold: dict[str, list[dict[str, Any]]], scores: dict[str, Score], doc_id: str
) -> None:
    checks = {
        "who": (
            answer.who[0] if answer.who else None,
            lambda a: any(names_match(a, g.get("text", "")) for g in gold["who"]),
        ),
        "where": (
            answer.where,
            lambda a: any(names_match(a, g.get("text", "")) for g in gold["where"]),
        ),
        "when": (answer.when, lambda a: _when_right(a, gold["when"])),
    }
    for question, (value, right) in checks.items():
        score = scores[question]
        if not gold[question]:
            continue  # nothing to compare with: neither right nor wrong
        if value is None:
            score.fn += 1
            score.errors.append(
                {"kind": "missed", "item": gold[question][0].get("text", ""), "context": doc_id}
            )
            continue
        if right(value):
            score.tp += 1
        else:
            score.fp += 1
            score.fn += 1
            shown = getattr(value, "text", value)
            score.errors.append(
                {
                    "kind": "false",
                    "item": str(shown),
                    "context": doc_id,
                    "gold": [g.get("text", "") for g in gold[question]],
                }
            )
