"""Which build of the pipeline runs: the modules mypyc compiled, or their Python sources.

``pip install`` compiles the pipeline's modules with mypyc where it can (see setup.py). An
editable install (``pip install -e .``) puts the compiled modules beside their sources, and
Python imports a compiled module before its source. So a source edited after the build would
be silently ignored. Before the package imports any of them, :func:`choose` checks every
compiled module against its source; if any source differs from the one compiled, or
``QUOTEGRAPH_PURE=1`` is set, all of them are imported from source (all or none: compiled
code reads the native records' fields directly, and cannot be handed a pure-Python ``Span``).

The check compares each source with the SHA-256 that setup.py recorded in ``BUILT`` once it
had built every extension, not with file times: pip gives every file of a wheel the time it
unpacked it, sources last, so an installed wheel looked edited after its build and ran the
slow sources.

This module is never compiled itself.
"""

from __future__ import annotations

import hashlib
import importlib.util
import json
import os
import sys
import warnings
from collections.abc import Sequence
from importlib.abc import MetaPathFinder
from importlib.machinery import EXTENSION_SUFFIXES, ModuleSpec
from pathlib import Path
from types import ModuleType

# The modules setup.py compiles (tests/test_compiled.py checks that the two lists agree).
COMPILED = ("records", "text", "ingest", "lexicon", "quotes", "mentions", "attribute",
            "cuefeatures", "learned", "reported", "pronounfeatures", "resolve", "rank",
            "recordfeatures", "pipeline")

_PACKAGE = Path(__file__).resolve().parent
GROUP = "quotegraph"  # setup.py's group_name: the shared library is GROUP__mypyc
# Written by setup.py beside the compiled modules once all are built (removed where one
# failed): module name → the SHA-256 of the source compiled (a build file, not in git)
BUILT = "_built.json"


class _SourcesFirst(MetaPathFinder):
    """Finds the compiled modules' ``.py`` sources, ahead of the compiled files beside them."""

    def find_spec(self, fullname: str, path: Sequence[str] | None = None,
                  target: ModuleType | None = None) -> ModuleSpec | None:
        package, _, name = fullname.rpartition(".")
        if package != __package__ or name not in COMPILED:
            return None
        return importlib.util.spec_from_file_location(fullname, _PACKAGE / f"{name}.py")


def compiled_files(package: Path = _PACKAGE) -> dict[str, Path]:
    """The compiled module file of each compiled module that has one."""
    found: dict[str, Path] = {}
    for name in COMPILED:
        for suffix in EXTENSION_SUFFIXES:
            if (package / f"{name}{suffix}").is_file():
                found[name] = package / f"{name}{suffix}"
                break
    return found


def source_digest(source: Path) -> str:
    """The SHA-256 of a source file, as setup.py records it."""
    return hashlib.sha256(source.read_bytes()).hexdigest()


def stale(package: Path = _PACKAGE) -> list[str]:
    """The compiled modules whose source is not the one they were compiled from (all of
    them, where the build left no record of its sources)."""
    try:
        recorded = json.loads((package / BUILT).read_text("utf-8"))
    except (OSError, ValueError):
        recorded = {}
    out = []
    for name in compiled_files(package):
        source = package / f"{name}.py"
        if source.is_file() and (not isinstance(recorded, dict)
                                 or recorded.get(name) != source_digest(source)):
            out.append(name)
    return out


def choose() -> None:
    """Import the compiled modules from source if asked to, or if any is out of date."""
    if any(isinstance(f, _SourcesFirst) for f in sys.meta_path):
        return
    if os.environ.get("QUOTEGRAPH_PURE", "") not in ("", "0"):
        sys.meta_path.insert(0, _SourcesFirst())
        return
    old = stale()
    if old:
        warnings.warn(
            f"quotegraph: {', '.join(f'{n}.py' for n in old)} differs from the source compiled;"
            " running the Python sources (slower). Run 'pip install -e .' again to compile"
            " them.", RuntimeWarning, stacklevel=2)
        sys.meta_path.insert(0, _SourcesFirst())


def compiled() -> bool:
    """Whether the pipeline running in this process is the compiled one."""
    from . import records

    return Path(records.__file__ or "").name.endswith(tuple(EXTENSION_SUFFIXES))
