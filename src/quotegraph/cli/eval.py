"""``quotegraph eval``: score quotegraph against annotated corpora.

The group is attached to the main command by ``cli.py`` (``main.add_command(eval_group)``).
"""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any, Protocol, TypeVar

import click

from ..errors import DataError
from ..evaluate.pdnc import PdncReport, evaluate_pdnc
from ..evaluate.pdnc import format_report as format_pdnc_report
from ..evaluate.polnear import evaluate_polnear, format_report
from .gate import cases_command, gate_command


@click.group(name="eval")
def eval_group() -> None:
    """Score the extractor against an annotated corpus."""


class _Report(Protocol):
    def to_dict(self) -> dict[str, Any]: ...


R = TypeVar("R", bound=_Report)


@eval_group.command(name="polnear")
@click.argument(
    "directory",
    metavar="DIR",
    type=click.Path(file_okay=False, dir_okay=True, path_type=Path),
)
@click.option("--json", "as_json", is_flag=True, help="Print the report as JSON.")
def polnear_command(directory: Path, as_json: bool) -> None:
    """Score quotations on a PolNeAR split DIR (holding text/ and attributions/)."""
    _show(lambda: evaluate_polnear(directory), format_report, as_json)


@eval_group.command(name="pdnc")
@click.argument(
    "directory",
    metavar="DIR",
    type=click.Path(file_okay=False, dir_okay=True, path_type=Path),
)
@click.option(
    "--novels",
    metavar="A,B",
    default=None,
    help="Comma-separated novel folders to score (default: every folder with novel_text.txt).",
)
@click.option("--json", "as_json", is_flag=True, help="Print the report as JSON.")
def pdnc_command(directory: Path, novels: str | None, as_json: bool) -> None:
    """Score quotations, speakers and addressees on the PDNC root folder DIR."""
    names = None if novels is None else [n.strip() for n in novels.split(",") if n.strip()]

    def run() -> PdncReport:
        if names is not None and not names:
            raise DataError("--novels names no novel")
        return evaluate_pdnc(directory, names)

    _show(run, format_pdnc_report, as_json)


def _show(run: Callable[[], R], fmt: Callable[[R], str], as_json: bool) -> None:
    """Run an evaluation; print its table or JSON, or one error line and exit 2."""
    try:
        report = run()
    except DataError as exc:
        click.echo("error: " + str(exc).replace("\n", " "), err=True)
        raise SystemExit(2) from None
    click.echo(json.dumps(report.to_dict(), indent=2) if as_json else fmt(report))


# `eval cases` and `eval gate` live in gate.py
eval_group.add_command(cases_command)
eval_group.add_command(gate_command)
