"""Lines the command line writes to stderr, shared by every command module."""

from __future__ import annotations

import sys


def one_line(message: str) -> str:
    return " ".join(part.strip() for part in message.splitlines() if part.strip())


def say(line: str) -> None:
    # Plain sys.stderr, not click.echo: while a progress bar runs, rich has put a proxy there
    # that prints the line above the bar (click.echo would write under the proxy, into the bar).
    sys.stderr.write(line + "\n")
    sys.stderr.flush()


def report(message: str) -> None:
    say(f"quotegraph: error: {one_line(message)}")
