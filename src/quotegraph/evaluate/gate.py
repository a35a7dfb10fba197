"""The accuracy gate: figures measured on the shared corpora against pinned floors.

The floors file (``floors.json`` beside this module) maps an entry name to::

    {"kind": "polnear",              # which evaluator measures it: polnear | cases | pdnc
     "data": "polnear/dev",          # the data folder, relative (see below)
     "fingerprint": "<sha256>",      # of that folder when the floors were measured
     "floors": {"quoted_overlap_f1": 0.965, ...}}   # metric -> lowest accepted value

Where the data lives
    Data is never copied into the repository; it is read from the *shared folder*, by default
    ``<repo>/../shared`` where ``<repo>`` is the checkout holding ``src/quotegraph`` (so this is
    a tool for a source checkout; pass ``shared_root`` / ``--shared`` otherwise). ``data`` is
    resolved by kind, as :data:`DATA_ROOTS` says:

    * ``polnear`` (a corpus): ``<shared>/data/<data>``, e.g. ``<repo>/../shared/data/polnear/dev``
    * ``cases`` (hand-written cases): ``<shared>/<data>``, e.g. ``<repo>/../shared/examples``
    * ``pdnc`` (one novel): ``<shared>/data/<data>``, e.g. ``<repo>/../shared/data/pdnc/Persuasion``

Metrics
    ``polnear``: see :data:`POLNEAR_METRICS` (``quoted_overlap_f1``, ``quoted_speaker``,
    ``quoted_cue``, ...), read from :meth:`PolnearReport.to_dict`. ``cases``: the ratios of
    :mod:`.cases` (``P``, ``R``, ``F1``, ``speaker_acc_end2end``, ``addressee_acc``,
    ``direct_recall``, ``direct_speaker_acc``), unrounded. ``pdnc``: see :data:`PDNC_METRICS`
    (``detection_f1``, ``speaker``, ``speaker_explicit``, …, ``addressee``). Every metric is
    higher-is-better.

Verdicts, per entry
    ``pass``: every metric is at or above its floor. ``fail``: one is below.
    ``data changed``: the folder's fingerprint is not the pinned one, so the floors were
    measured on other data; the figures are still measured and shown, but the entry fails
    until it is re-pinned (``raise_floors(..., allow_regression=True)``).
    ``skipped``: the data folder is absent. The gate passes when no entry fails.

Fingerprint
    SHA-256 over the folder's regular files (for ``polnear``, those under ``text/`` and
    ``attributions/`` only: see :data:`SCORED_PARTS`) (recursively, hidden ones included, symlinks
    followed) sorted by their ``/``-separated relative path; for each, the path in UTF-8, a NUL,
    the byte length in decimal, a NUL, then the bytes.

Floors only go up: :func:`raise_floors` writes measured figures (rounded down to 3 decimals)
where they beat the pinned floors, and lowers or re-pins only with ``allow_regression=True``,
which the caller must justify (the ``gate`` command asks for ``--reason``).
"""

from __future__ import annotations

import hashlib
import json
import math
import os
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from decimal import ROUND_FLOOR, Decimal
from pathlib import Path
from typing import Any, Literal

from ..errors import DataError
from .cases import RATIO_FIGURES, evaluate_cases
from .files import read_json
from .pdnc import evaluate_pdnc
from .polnear import evaluate_polnear

__all__ = [
    "DATA_ROOTS",
    "DEFAULT_FLOORS",
    "POLNEAR_METRICS",
    "EntryResult",
    "FloorChange",
    "FloorEntry",
    "FloorUpdate",
    "GateReport",
    "MetricCheck",
    "data_path",
    "default_shared_root",
    "fingerprint",
    "floor_down",
    "format_gate_report",
    "load_floors",
    "raise_floors",
    "run_gate",
]

Status = Literal["pass", "fail", "data changed", "skipped"]
Measure = Callable[[Path], dict[str, float]]

#: The floors file shipped beside this module.
DEFAULT_FLOORS = Path(__file__).with_name("floors.json")

#: Where the ``data`` of an entry of each kind is resolved, relative to the shared folder.
DATA_ROOTS: Mapping[str, str] = {"polnear": "data", "cases": ".", "pdnc": "data"}

#: Gate metric name -> (subset, key) in :meth:`PolnearReport.to_dict`.
POLNEAR_METRICS: Mapping[str, tuple[str, str]] = {
    "quoted_overlap_f1": ("quoted", "f1"),
    "quoted_exact_f1": ("quoted", "exact_f1"),
    "quoted_speaker": ("quoted", "speaker_accuracy"),
    "quoted_cue": ("quoted", "cue_accuracy"),
    "all_overlap_f1": ("all", "f1"),
    "all_exact_f1": ("all", "exact_f1"),
    "all_exact_recall": ("all", "exact_recall"),
    "all_speaker": ("all", "speaker_accuracy"),
    "all_cue": ("all", "cue_accuracy"),
    # the strict measures a record is judged by (see evaluate/polnear.py)
    "quoted_strict_f1": ("quoted", "strict_f1"),
    "quoted_triple_f1": ("quoted", "triple_f1"),
    "unquoted_strict_f1": ("unquoted", "strict_f1"),
    "unquoted_triple_f1": ("unquoted", "triple_f1"),
    "all_strict_f1": ("all", "strict_f1"),
    "all_triple_f1": ("all", "triple_f1"),
    "all_triple_precision": ("all", "triple_precision"),
    "all_triple_recall": ("all", "triple_recall"),
    # canonical names of triple-right records, by the hand-written dev gold
    "canonical_name": ("canonical_names", "accuracy"),
}


def _measure_polnear(folder: Path) -> dict[str, float]:
    report = evaluate_polnear(folder).to_dict()
    return {name: float(report[subset][key]) for name, (subset, key) in POLNEAR_METRICS.items()}


def _measure_cases(folder: Path) -> dict[str, float]:
    return evaluate_cases(folder).figures()


#: Gate metric name -> path in the ``total`` of :meth:`PdncReport.to_dict`.
PDNC_METRICS: Mapping[str, tuple[str, ...]] = {
    "detection_f1": ("f1",),
    "speaker": ("speaker", "accuracy"),
    "speaker_explicit": ("speaker_by_type", "Explicit", "accuracy"),
    "speaker_anaphoric": ("speaker_by_type", "Anaphoric", "accuracy"),
    "speaker_implicit": ("speaker_by_type", "Implicit", "accuracy"),
    "addressee": ("addressee", "accuracy"),
}


def _measure_pdnc(folder: Path) -> dict[str, float]:
    """One PDNC novel folder (``data/pdnc/<Novel>``): the gate pins each dev novel."""
    total = evaluate_pdnc(folder.parent, [folder.name]).to_dict()["total"]
    out: dict[str, float] = {}
    for name, path in PDNC_METRICS.items():
        value: Any = total
        for key in path:
            value = value.get(key) if isinstance(value, dict) else None
        if isinstance(value, int | float):
            out[name] = float(value)
    return out


_MEASURES: Mapping[str, tuple[Measure, frozenset[str]]] = {
    "polnear": (_measure_polnear, frozenset(POLNEAR_METRICS)),
    "cases": (_measure_cases, frozenset(RATIO_FIGURES)),
    "pdnc": (_measure_pdnc, frozenset(PDNC_METRICS)),
}


def default_shared_root() -> Path:
    """``<repo>/../shared``, ``<repo>`` being the checkout that holds ``src/quotegraph``."""
    repo = Path(__file__).resolve().parents[3]
    return repo.parent / "shared"


#: The subfolders an evaluator of each kind reads, where it reads only some: the fingerprint
#: covers those alone, so material added beside them (PolNeAR's silver ``corenlp/`` files,
#: which only training reads) does not unpin floors measured on unchanged gold.
SCORED_PARTS: Mapping[str, tuple[str, ...]] = {"polnear": ("text", "attributions")}


def fingerprint(folder: Path, parts: tuple[str, ...] | None = None) -> str:
    """The SHA-256 of a data folder's files (see the module docstring for the exact bytes);
    with ``parts``, of the files under those subfolders only (paths still relative to
    ``folder``)."""
    digest = hashlib.sha256()
    roots = [folder] if parts is None else [folder / p for p in parts]
    files = sorted((p.relative_to(folder).as_posix(), p) for root in roots
                   for p in root.rglob("*") if p.is_file())
    for rel, path in files:
        try:
            data = path.read_bytes()
        except OSError as exc:
            raise DataError(f"{path}: cannot read ({exc.strerror})") from None
        digest.update(b"%s\0%d\0" % (rel.encode("utf-8"), len(data)))
        digest.update(data)
    return digest.hexdigest()


def floor_down(value: float) -> float:
    """``value`` rounded down to 3 decimals, on its shortest decimal form (0.953 stays 0.953)."""
    return float(Decimal(repr(value)).quantize(Decimal("0.001"), rounding=ROUND_FLOOR))


# ------------------------------------------------------------------------------------------
# The floors file


@dataclass(frozen=True, slots=True)
class FloorEntry:
    """One validated entry of the floors file."""

    name: str
    kind: str
    data: str
    fingerprint: str
    floors: dict[str, float]


def data_path(entry: FloorEntry, shared_root: Path) -> Path:
    """The folder an entry's ``data`` names, resolved by its kind (:data:`DATA_ROOTS`)."""
    return Path(shared_root) / DATA_ROOTS[entry.kind] / entry.data


def _entry(where: str, name: str, raw: Any) -> FloorEntry:
    if not isinstance(raw, dict):
        raise DataError(f"{where}: entry {name!r} must be a JSON object")
    for key in ("kind", "data", "fingerprint", "floors"):
        if key not in raw:
            raise DataError(f"{where}: entry {name!r} lacks {key!r}")
    kind, data, pinned, floors = raw["kind"], raw["data"], raw["fingerprint"], raw["floors"]
    if kind not in _MEASURES:
        raise DataError(f"{where}: entry {name!r}: kind must be one of "
                        f"{', '.join(sorted(_MEASURES))}, not {kind!r}")
    if (not isinstance(data, str) or not data or Path(data).is_absolute()
            or ".." in Path(data).parts):
        raise DataError(f"{where}: entry {name!r}: 'data' must be a relative path inside the "
                        "shared folder")
    if not (isinstance(pinned, str) and len(pinned) == 64
            and all(ch in "0123456789abcdef" for ch in pinned)):
        raise DataError(f"{where}: entry {name!r}: 'fingerprint' must be a sha256 hex digest")
    if not isinstance(floors, dict) or not floors:
        raise DataError(f"{where}: entry {name!r}: 'floors' must be a non-empty object")
    known = _MEASURES[kind][1]
    checked: dict[str, float] = {}
    for metric, value in floors.items():
        if metric not in known:
            raise DataError(f"{where}: entry {name!r}: unknown {kind} metric {metric!r} "
                            f"(known: {', '.join(sorted(known))})")
        if (isinstance(value, bool) or not isinstance(value, int | float)
                or not math.isfinite(value) or not 0 <= value <= 1):
            raise DataError(f"{where}: entry {name!r}: floor {metric!r} must be a number "
                            "from 0 to 1")
        checked[metric] = float(value)
    return FloorEntry(name=name, kind=kind, data=data, fingerprint=pinned, floors=checked)


def _read_floors(path: Path) -> dict[str, Any]:
    raw = read_json(path)
    if not isinstance(raw, dict) or not raw:
        raise DataError(f"{path}: the floors file must be a non-empty JSON object")
    return raw


def load_floors(path: Path) -> list[FloorEntry]:
    """Read and validate a floors file, entries in file order."""
    return [_entry(str(path), name, raw) for name, raw in _read_floors(path).items()]


# ------------------------------------------------------------------------------------------
# Running the gate


@dataclass(frozen=True, slots=True)
class MetricCheck:
    """One metric of an entry: its floor and what was measured (None when skipped)."""

    name: str
    floor: float
    measured: float | None

    @property
    def ok(self) -> bool:
        return self.measured is not None and self.measured >= self.floor

    def to_dict(self) -> dict[str, Any]:
        return {"metric": self.name, "floor": self.floor, "measured": self.measured,
                "ok": self.ok}


@dataclass(slots=True)
class EntryResult:
    """The verdict on one entry of the floors file."""

    entry: FloorEntry
    path: Path
    status: Status
    fingerprint: str | None = None  # measured; None when skipped
    metrics: list[MetricCheck] = field(default_factory=list)
    measured: dict[str, float] = field(default_factory=dict)  # every metric of the kind

    @property
    def name(self) -> str:
        return self.entry.name

    @property
    def failed(self) -> bool:
        return self.status in ("fail", "data changed")

    def to_dict(self) -> dict[str, Any]:
        return {
            "name": self.name,
            "kind": self.entry.kind,
            "data": str(self.path),
            "status": self.status,
            "pinned_fingerprint": self.entry.fingerprint,
            "fingerprint": self.fingerprint,
            "metrics": [m.to_dict() for m in self.metrics],
            "measured": self.measured,
        }


@dataclass(slots=True)
class GateReport:
    """The result of :func:`run_gate`."""

    floors_path: Path
    shared_root: Path
    entries: list[EntryResult] = field(default_factory=list)

    @property
    def passed(self) -> bool:
        return not any(e.failed for e in self.entries)

    def to_dict(self) -> dict[str, Any]:
        return {
            "passed": self.passed,
            "floors": str(self.floors_path),
            "shared": str(self.shared_root),
            "entries": [e.to_dict() for e in self.entries],
        }


def _check(entry: FloorEntry, shared_root: Path) -> EntryResult:
    folder = data_path(entry, shared_root)
    if not folder.is_dir():
        return EntryResult(entry=entry, path=folder, status="skipped",
                           metrics=[MetricCheck(m, f, None) for m, f in entry.floors.items()])
    found = fingerprint(folder, SCORED_PARTS.get(entry.kind))
    measured = _MEASURES[entry.kind][0](folder)
    metrics = [MetricCheck(m, f, measured[m]) for m, f in entry.floors.items()]
    status: Status
    if found != entry.fingerprint:
        status = "data changed"
    else:
        status = "pass" if all(m.ok for m in metrics) else "fail"
    return EntryResult(entry=entry, path=folder, status=status, fingerprint=found,
                       metrics=metrics, measured=measured)


def run_gate(floors_path: Path = DEFAULT_FLOORS, shared_root: Path | None = None) -> GateReport:
    """Measure every entry of the floors file on its data and compare with its floors.

    ``shared_root`` defaults to :func:`default_shared_root`. Raises :class:`DataError` on a
    malformed floors file (or data that an evaluator cannot read).
    """
    shared = default_shared_root() if shared_root is None else Path(shared_root)
    report = GateReport(floors_path=Path(floors_path), shared_root=shared)
    for entry in load_floors(floors_path):
        report.entries.append(_check(entry, shared))
    return report


# ------------------------------------------------------------------------------------------
# Raising the floors


@dataclass(frozen=True, slots=True)
class FloorChange:
    entry: str
    metric: str
    old: float
    new: float

    def to_dict(self) -> dict[str, Any]:
        return {"entry": self.entry, "metric": self.metric, "old": self.old, "new": self.new}


@dataclass(slots=True)
class FloorUpdate:
    """What :func:`raise_floors` wrote.

    ``changes``: every floor moved; ``repinned``: entries whose fingerprint was replaced by the
    measured one; ``left``: entries whose data changed and that were left alone (re-pinning
    them needs ``allow_regression``).
    """

    changes: list[FloorChange] = field(default_factory=list)
    repinned: list[str] = field(default_factory=list)
    left: list[str] = field(default_factory=list)

    @property
    def lowered(self) -> list[FloorChange]:
        return [c for c in self.changes if c.new < c.old]

    def to_dict(self) -> dict[str, Any]:
        return {"changes": [c.to_dict() for c in self.changes], "repinned": self.repinned,
                "left": self.left}


def _write_json(path: Path, data: Mapping[str, Any]) -> None:
    tmp = path.with_name(path.name + ".tmp")
    tmp.write_text(json.dumps(data, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    os.replace(tmp, path)


def raise_floors(floors_path: Path, report: GateReport, *,
                 allow_regression: bool = False) -> FloorUpdate:
    """Write the report's measured figures, rounded down to 3 decimals, into the floors file.

    A floor moves only up, unless ``allow_regression``: then every measured entry gets its
    floors set to the measured figures (up or down) and its fingerprint re-pinned to the data
    measured, and the caller owes a written reason. Skipped entries are never touched; entries
    whose data changed are left alone without ``allow_regression``. Other keys of the file are
    kept. Raises :class:`DataError` when the file no longer matches the report (an entry or its
    pinned fingerprint differs).
    """
    floors_path = Path(floors_path)
    raw = _read_floors(floors_path)
    pinned = {e.name: e for e in load_floors(floors_path)}
    update = FloorUpdate()
    for result in report.entries:
        entry = pinned.get(result.name)
        if entry != result.entry:
            raise DataError(f"{floors_path}: entry {result.name!r} changed since the gate ran; "
                            "run the gate again")
        if result.status == "skipped":
            continue
        if result.status == "data changed" and not allow_regression:
            update.left.append(result.name)
            continue
        stored = raw[result.name]
        for check in result.metrics:
            if check.measured is None:  # not reached: measured entries have every figure
                continue
            new, old = floor_down(check.measured), check.floor
            if new > old or (allow_regression and new != old):
                stored["floors"][check.name] = new
                update.changes.append(FloorChange(result.name, check.name, old, new))
        if allow_regression and result.fingerprint != result.entry.fingerprint:
            stored["fingerprint"] = result.fingerprint
            update.repinned.append(result.name)
    if update.changes or update.repinned:
        _write_json(floors_path, raw)
    return update


# ------------------------------------------------------------------------------------------
# Presentation


def _figure(value: float | None) -> str:
    return "-" if value is None else f"{value:.4f}"


def format_gate_report(report: GateReport) -> str:
    """One block per entry (verdict, data folder, floor and measured per metric), a verdict."""
    lines: list[str] = []
    for e in report.entries:
        lines.append(f"{e.name}: {e.status.upper()}  ({e.entry.kind}, {e.path})")
        if e.status == "skipped":
            lines.append("  data folder absent: not measured")
        elif e.status == "data changed":
            lines.append(f"  the data's fingerprint is {e.fingerprint}, but the floors were "
                         f"measured on {e.entry.fingerprint}: re-measure and re-pin them "
                         "(gate --update --allow-regression --reason ...)")
        for m in e.metrics:
            verdict = "" if m.measured is None else ("ok" if m.ok else "BELOW FLOOR")
            lines.append(f"  {m.name:<22} floor {m.floor:.3f}  measured {_figure(m.measured)}"
                         f"  {verdict}".rstrip())
    failed = [e.name for e in report.entries if e.failed]
    skipped = [e.name for e in report.entries if e.status == "skipped"]
    verdict = "passed" if report.passed else f"FAILED ({', '.join(failed)})"
    tail = f"; skipped: {', '.join(skipped)}" if skipped else ""
    lines.append(f"gate: {verdict}{tail}")
    return "\n".join(lines)
