"""Contract dictionaries invented for the web tests, built without the extractor so the
API's JSON can be asserted literally whatever the extractor learns next."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from quotegraph.store import Store, prepare


@dataclass(frozen=True)
class Line:
    speaker: str
    words: str
    addressee: str | None = None
    cue: str = "said"
    manner: str = "neutral"
    etype: str = "person"
    kind: str = "direct"


def article(aid: str, date: str | None, lines: list[Line], lead: str = "",
            title: str | None = None) -> dict[str, Any]:
    """An article of one sentence per line (``Speaker cue Addressee: “words” ``), after an
    optional lead paragraph, as the JSON contract gives it."""
    text = lead
    quotes: list[dict[str, Any]] = []
    entities: dict[str, dict[str, Any]] = {}

    def entity(name: str, etype: str, start: int) -> dict[str, Any]:
        if name not in entities:
            entities[name] = {"id": f"e{len(entities) + 1}", "name": name, "type": etype,
                              "gender": "unknown", "mentions": [], "title": None}
        ent = entities[name]
        ent["mentions"].append([start, start + len(name)])
        return {"entity": ent["id"], "name": name, "mention": name,
                "span": [start, start + len(name)], "type": etype}

    for i, line in enumerate(lines):
        pos = len(text)
        speaker = entity(line.speaker, line.etype, pos)
        cue_start = pos + len(line.speaker) + 1
        text += f"{line.speaker} {line.cue}"
        addressee = None
        if line.addressee:
            addressee = entity(line.addressee, "person", len(text) + 1)
            text += f" {line.addressee}"
        text += ": “"
        start = len(text)
        text += line.words + "” "
        quotes.append({
            "id": f"q{i + 1}", "kind": line.kind, "text": line.words,
            "spans": [[start, start + len(line.words)]], "speaker": speaker,
            "addressee": addressee,
            "cue": {"text": line.cue, "lemma": line.cue, "span": [cue_start,
                                                                  cue_start + len(line.cue)],
                    "manner": line.manner},
            "parent": None, "confidence": 0.9})
    return {"article": {"id": aid, "source": f"https://news.example/{aid}", "date": date,
                        "title": title},
            "text": text, "quotes": quotes, "entities": list(entities.values())}


PIER = "The pier must reopen before the summer ferry season starts"

CORPUS = [
    article("a1", "2026-05-01", [
        Line("Linda Okafor", PIER),
        Line("Priya Raman", "Nobody on this council rides the late boat home", "Linda Okafor",
             "snapped", "hostile"),
        Line("Linda Okafor", "Then ride it with me on Friday", "Priya Raman", "fired back",
             "hostile"),
    ], title="Council fights over the pier"),
    article("a2", "2026-05-03", [
        Line("Linda Okafor", PIER),
        Line("Ray Delgado", "The crews will keep the boats running all night"),
    ], title="Ferry crews back the mayor"),
    article("a3", None, [
        Line("Linda Okafor", PIER),
        Line("a spokesperson", "We do not comment on council matters", etype="anonymous"),
    ]),
    article("a4", "2026-06-10", [
        Line("Priya Raman", "The ferry budget hides a cut to the night service"),
    ], lead="<script>alert('x')</script> & <b>bold</b> claims.\n\n",
        title="<i>Budget</i> & <script>doubts</script>"),
]


def build(path: Path) -> Path:
    with Store.open(path) as store:
        store.write_batch([prepare(r) for r in CORPUS])
        store.optimize()
    return path
