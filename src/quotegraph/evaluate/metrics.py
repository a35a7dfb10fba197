"""The few formulas every evaluator shares."""

from __future__ import annotations


def ratio(num: int, den: int) -> float:
    """``num / den``, and 0.0 for an empty denominator (nothing to be right about)."""
    return num / den if den else 0.0


def f1(precision: float, recall: float) -> float:
    """The harmonic mean of precision and recall (0.0 when both are 0)."""
    return 2 * precision * recall / (precision + recall) if precision + recall else 0.0
