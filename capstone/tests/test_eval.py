"""The evaluation run: the golden set is well formed, and quality stays above eval/thresholds.json."""

from __future__ import annotations

import json

from rag_service.answer import ExtractiveGenerator
from rag_service.evaluate import GOLDEN, THRESHOLDS, evaluate, gate, load_golden


def test_golden_set_is_versioned_and_unique() -> None:
    cases = load_golden(GOLDEN)
    assert len(cases) >= 12
    for case in cases:
        assert {"id", "version", "question", "answer", "source"} <= set(case)
        assert isinstance(case["version"], int) and case["version"] >= 1
    assert any(c["source"] is None for c in cases), "the golden set needs questions the service must decline"


def test_quality_stays_above_the_regression_thresholds(settings, index, generator) -> None:
    report = evaluate(index, generator, settings, load_golden(GOLDEN))
    thresholds = json.loads(THRESHOLDS.read_text(encoding="utf-8"))
    failures = gate(report["metrics"], thresholds)
    assert not failures, "\n".join(failures)


def test_the_gate_catches_a_generator_that_quotes_the_wrong_sentence(settings, index) -> None:
    class Uncited(ExtractiveGenerator):
        """A broken generator: answers from the wrong (last) candidate, the way an ungrounded model would."""

        def choose(self, question, options):
            return options[-1][1], options[-1][2]

    report = evaluate(index, Uncited(), settings, load_golden(GOLDEN))
    thresholds = json.loads(THRESHOLDS.read_text(encoding="utf-8"))
    assert gate(report["metrics"], thresholds), "a generator that quotes the wrong sentence passed the gate"
