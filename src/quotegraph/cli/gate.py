"""``quotegraph eval cases`` and ``quotegraph eval gate``: hand-written cases and the CI gate.

Two :class:`click.Command` objects, ``cases_command`` and ``gate_command``, meant to be added
to the ``eval`` group (``eval_group.add_command(cases_command)``).

Exit codes: 0 the run passed (``cases`` always passes once it could score), 1 the gate failed,
2 bad input: a usage error, a malformed gold or floors file, an unreadable article.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import NoReturn

import click

from ..errors import QuotegraphError
from ..evaluate.cases import evaluate_cases
from ..evaluate.cases import format_report as format_cases_report
from ..evaluate.gate import (
    DEFAULT_FLOORS,
    FloorUpdate,
    format_gate_report,
    raise_floors,
    run_gate,
)

__all__ = ["cases_command", "gate_command"]

EXIT_PASS = 0
EXIT_GATE_FAILED = 1
EXIT_BAD_INPUT = 2


def _fail_input(exc: QuotegraphError) -> NoReturn:
    click.echo("error: " + " ".join(str(exc).split()), err=True)
    raise SystemExit(EXIT_BAD_INPUT)


@click.command(name="cases")
@click.argument("articles_dir", metavar="ARTICLES_DIR",
                type=click.Path(file_okay=False, path_type=Path))
@click.argument("gold_dir", metavar="[GOLD_DIR]", required=False,
                type=click.Path(file_okay=False, path_type=Path))
@click.option("--json", "as_json", is_flag=True, help="Print the report as JSON.")
def cases_command(articles_dir: Path, gold_dir: Path | None, as_json: bool) -> None:
    """Score the articles ARTICLES_DIR/NAME.txt against GOLD_DIR/NAME.json or
    NAME.expected.json (GOLD_DIR defaults to ARTICLES_DIR), as shared/tools/score_cases.py
    does: the misses, a table, and its summary line."""
    try:
        report = evaluate_cases(articles_dir, gold_dir)
    except QuotegraphError as exc:
        _fail_input(exc)
    if as_json:
        click.echo(json.dumps(report.to_dict(), indent=2, ensure_ascii=False))
    else:
        click.echo(format_cases_report(report))


def _format_update(update: FloorUpdate, reason: str | None) -> str:
    lines = [f"floor {c.entry}.{c.metric}: {c.old:.3f} -> {c.new:.3f}" for c in update.changes]
    lines += [f"fingerprint {name}: re-pinned to the data measured" for name in update.repinned]
    lines += [f"{name}: data changed, floors left alone (re-pin with --allow-regression "
              "--reason TEXT)" for name in update.left]
    if not lines:
        lines.append("floors: nothing to raise")
    if reason is not None:
        lines += ["", "Floors set to the measured figures with --allow-regression. Put this "
                  "reason in the commit message:", f"  {reason}"]
    return "\n".join(lines)


@click.command(name="gate")
@click.option("--floors", "floors_path", type=click.Path(dir_okay=False, path_type=Path),
              default=None, metavar="PATH",
              help="The floors file [default: quotegraph/evaluate/floors.json].")
@click.option("--shared", "shared_root", type=click.Path(file_okay=False, path_type=Path),
              default=None, metavar="PATH",
              help="The shared folder the data paths are relative to "
              "[default: <repo>/../shared].")
@click.option("--update", is_flag=True,
              help="Raise the floors to the measured figures (rounded down to 3 decimals) "
              "where they are higher; never lowers one.")
@click.option("--allow-regression", is_flag=True,
              help="With --update (implied): set every floor to the measured figure, even "
              "lower, and re-pin changed data. Needs --reason.")
@click.option("--reason", metavar="TEXT",
              help="Why floors may go down (with --allow-regression); echoed for the commit.")
@click.option("--json", "as_json", is_flag=True, help="Print the report as JSON.")
def gate_command(floors_path: Path | None, shared_root: Path | None, update: bool,
                 allow_regression: bool, reason: str | None, as_json: bool) -> None:
    """Measure the shared corpora and cases against the pinned floors; exit 1 if any entry
    is below a floor or its data changed (absent data is skipped)."""
    if reason is not None and not reason.strip():
        raise click.UsageError("--reason must not be blank")
    if allow_regression and reason is None:
        raise click.UsageError("--allow-regression needs --reason TEXT (for the commit message)")
    if reason is not None and not allow_regression:
        raise click.UsageError("--reason only goes with --allow-regression")
    floors = DEFAULT_FLOORS if floors_path is None else floors_path
    try:
        report = run_gate(floors, shared_root)
        written = (raise_floors(floors, report, allow_regression=allow_regression)
                   if update or allow_regression else None)
    except QuotegraphError as exc:
        _fail_input(exc)
    # After --allow-regression every measured entry has floors it meets and its data pinned.
    passed = report.passed or allow_regression
    if as_json:
        out = report.to_dict()
        out["update"] = written.to_dict() if written is not None else None
        out["reason"] = reason
        out["exit"] = EXIT_PASS if passed else EXIT_GATE_FAILED
        click.echo(json.dumps(out, indent=2, ensure_ascii=False))
    else:
        click.echo(format_gate_report(report))
        if written is not None:
            click.echo("")
            click.echo(_format_update(written, reason if allow_regression else None))
    if not passed:
        raise SystemExit(EXIT_GATE_FAILED)
