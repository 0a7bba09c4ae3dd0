"""Every evidence statement carries its exact words: a participation's, which the store keeps
only as offsets and a sentence, is filled from the sentence or the document text."""

from __future__ import annotations

import csv
from types import SimpleNamespace

from footprint.export.selection import _fill_texts, evidence_row_participant
from footprint.store.records import ParticipantRow
from tests.export import handmade


def _row(start: int, end: int, sentence: str) -> ParticipantRow:
    return ParticipantRow(
        event_id="evt-1",
        document_id=handmade.DOC,
        entity_id="ent-a",
        role="speaker",
        mode="in_person",
        start=start,
        end=end,
        sentence=sentence,
        attribution=None,
        basis=None,
    )


def test_no_csv_evidence_row_has_an_empty_text(exported):
    with (exported["csv"] / "evidence.csv").open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    assert {r["fact_type"] for r in rows} >= {"event", "participation", "relation"}
    assert [r for r in rows if not r["text"].strip()] == []


def test_a_participation_spanning_its_sentence_takes_it_as_text():
    row = _row(0, len(handmade.TEXT), handmade.TEXT)
    assert evidence_row_participant(row)["text"] == handmade.TEXT


def test_other_offsets_are_read_from_the_document():
    data = handmade.data([handmade.event("evt-1", "rally")])
    participation = next(iter(data.participations.values()))
    # Offsets of a part of the sentence (not its whole length): the sentence cannot stand in.
    participation["evidence"] = [evidence_row_participant(_row(16, 25, handmade.TEXT))]
    assert participation["evidence"][0]["text"] is None
    read = []

    def documents(ids):
        read.append(set(ids))
        return [SimpleNamespace(id=handmade.DOC, text=handmade.TEXT)]

    _fill_texts(SimpleNamespace(documents=documents), data)  # type: ignore[arg-type]
    assert participation["evidence"][0]["text"] == "Amir Khan"
    assert read == [{handmade.DOC}]  # only the documents that need it, once
