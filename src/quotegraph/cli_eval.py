"""``quotegraph eval``: score quotegraph against annotated corpora.

The group is attached to the main command by ``cli.py`` (``main.add_command(eval_group)``).
"""

from __future__ import annotations

import json
from pathlib import Path

import click

from .errors import DataError
from .evaluate.polnear import evaluate_polnear, format_report


@click.group(name="eval")
def eval_group() -> None:
    """Score the extractor against an annotated corpus."""


@eval_group.command(name="polnear")
@click.argument(
    "directory",
    metavar="DIR",
    type=click.Path(file_okay=False, dir_okay=True, path_type=Path),
)
@click.option("--json", "as_json", is_flag=True, help="Print the report as JSON.")
def polnear_command(directory: Path, as_json: bool) -> None:
    """Score quotations on a PolNeAR split DIR (holding text/ and attributions/)."""
    try:
        report = evaluate_polnear(directory)
    except DataError as exc:
        click.echo("error: " + str(exc).replace("\n", " "), err=True)
        raise SystemExit(2) from None
    if as_json:
        click.echo(json.dumps(report.to_dict(), indent=2))
    else:
        click.echo(format_report(report))
