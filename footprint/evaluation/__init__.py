"""Evaluation: suites that score the engine on gold data, and the gate that holds the floor.

Each suite returns a SuiteResult of named fields, each with precision/recall/F1 or a single
accuracy, beside the best published figure where one exists. `footprint eval` prints them;
`--check` compares them with the pinned floors in tests/eval/baseline.json."""

from footprint.evaluation.runner import SUITES, SuiteResult, check_floors, run_suites

__all__ = ["SUITES", "SuiteResult", "check_floors", "run_suites"]
