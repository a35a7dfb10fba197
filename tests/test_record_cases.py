"""The record cases of ``tests/record_cases.py``, checked record by record as the reported
speech cases are (``test_reported.py``)."""

from __future__ import annotations

import pytest

try:  # tests/ is not a package today; keep working if it becomes one
    from .record_cases import CASES, KNOWN_MISSES
    from .reported_cases import R
    from .test_reported import test_reported_case as check_case
except ImportError:
    from record_cases import CASES, KNOWN_MISSES
    from reported_cases import R
    from test_reported import test_reported_case as check_case


def test_forty_cases_over_the_five_kinds_with_negatives() -> None:
    assert len(CASES) >= 40
    assert sum(1 for c in CASES if not c.reported) >= 10
    assert len({c.id for c in CASES}) == len(CASES)
    assert set(KNOWN_MISSES) <= {c.id for c in CASES}


def _params() -> list[object]:
    return [pytest.param(c, id=c.id, marks=pytest.mark.xfail(
        strict=True, reason=KNOWN_MISSES[c.id])) if c.id in KNOWN_MISSES
        else pytest.param(c, id=c.id) for c in CASES]


@pytest.mark.parametrize("case", _params())
def test_record_case(case: R) -> None:
    check_case(case)
