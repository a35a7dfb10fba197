"""Accuracy floors on PolNeAR dev (quotations in quotation marks), read from ../shared/data.

Floors may only go up; lowering one needs a written reason in the commit. Skipped cleanly when
the corpus is absent.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from quotegraph.evaluate.polnear import evaluate_polnear

DEV = Path(__file__).resolve().parents[1].parent / "shared" / "data" / "polnear" / "dev"

# Measured 2026-11-23 at 0.973 / 0.888 / 0.847; the acceptance bar is 0.92 / 0.80.
FLOORS = {"quoted_overlap_f1": 0.965, "quoted_speaker": 0.875, "quoted_cue": 0.83}


@pytest.mark.skipif(not DEV.is_dir(), reason=f"{DEV} is absent")
def test_polnear_dev_quoted_floors() -> None:
    report = evaluate_polnear(DEV).to_dict()
    quoted = report["quoted"]
    figures = {
        "quoted_overlap_f1": quoted["f1"],
        "quoted_speaker": quoted["speaker_accuracy"],
        "quoted_cue": quoted["cue_accuracy"],
    }
    for name, floor in FLOORS.items():
        assert figures[name] >= floor, (name, figures[name], floor)
