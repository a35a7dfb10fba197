"""Training: ``quotegraph train`` fits the learned parts of the engine on ``../shared/data``
and writes them to ``quotegraph/models/``. The engine never imports this package.

The parts are trained in the order the data flows, each stage given the models trained
before it in the same run (never a file left by an earlier run), so a run is
deterministic:

1. the candidate reporting forms, the word tags and the name classes (counts; :mod:`.cues`);
2. the pronoun resolver (:mod:`.pronouns`), on the silver coreference; the models after it
   read it from the package, so a run into another folder must write the same file;
3. the cue detector (:mod:`.cues`), its threshold tuned on PolNeAR dev;
4. where a reported clause ends (:mod:`.ends`);
5. the speaker ranker (:mod:`.ranker`), on the rules' own reported speech;
6. the record confidence (:mod:`.confidence`), its default threshold chosen on dev.
"""

from __future__ import annotations

import json
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from ..rank import SpeakerRanker
from .confidence import Engine, train_confidence
from .cues import require_shipped, train_detector, train_forms_and_tags
from .ends import train_ends
from .pronouns import train_pronouns
from .ranker import Learned
from .ranker import train as train_ranker

CARD = "reported.card.json"


def train(shared: Path, out_dir: Path, *,
          log: Callable[[str], None] = lambda _m: None) -> dict[str, Any]:
    """Train every learned part into ``out_dir``; returns the run's card (also written as
    ``reported.card.json`` for stages 1–3 and 5, ``speaker_ranker.card.json`` for 4)."""
    start = time.perf_counter()
    card: dict[str, Any] = train_forms_and_tags(shared, out_dir, log=log)
    card["pronouns"] = train_pronouns(shared, out_dir, log=log)
    require_shipped(out_dir, (card["pronouns"]["file"],))
    detector, card["detector"] = train_detector(shared, out_dir, log=log)
    chooser, card["content_ends"] = train_ends(shared, out_dir, detector, log=log)
    # the ranker decides the speakers of quotations in marks; it learns on the rules' own
    # reported speech (Learned(): stage 5b's models off), as it did before they existed: a
    # retrain on the learned stage 5b moved its candidates slightly and cost 0.2-0.5 points
    # of PDNC dev speaker accuracy
    ranker_card = train_ranker(shared, out_dir, engine=Learned(), log=log)
    ranker = None
    if ranker_card["shipped"]:
        raw = json.loads((out_dir / ranker_card["file"]).read_text("utf-8"))
        ranker = SpeakerRanker.from_dict(raw)
    card["confidence"] = train_confidence(shared, out_dir, Engine(detector, chooser, ranker),
                                          log=log)
    card["data"] = "PolNeAR train (first .ann per article); thresholds on PolNeAR dev"
    card["seconds"] = round(time.perf_counter() - start, 1)
    (out_dir / CARD).write_text(json.dumps(card, indent=1) + "\n", "utf-8")
    return {"reported": card, "speaker_ranker": ranker_card}
