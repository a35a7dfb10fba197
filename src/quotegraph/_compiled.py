"""Which build of the pipeline runs: the modules mypyc compiled, or their Python sources.

``pip install`` compiles the pipeline's modules with mypyc where it can (see setup.py). An
editable install (``pip install -e .``) puts the compiled modules beside their sources, and
Python imports a compiled module before its source. So a source edited after the build would
be silently ignored. Before the package imports any of them, :func:`choose` checks every
compiled module against its source; if any source is newer, or ``QUOTEGRAPH_PURE=1`` is set,
all of them are imported from source (all or none: compiled code reads the native records'
fields directly, and cannot be handed a pure-Python ``Span``).

This module is never compiled itself.
"""

from __future__ import annotations

import importlib.util
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
            "reported", "resolve", "rank", "pipeline")

_PACKAGE = Path(__file__).resolve().parent
GROUP = "quotegraph"  # setup.py's group_name: the shared library is GROUP__mypyc


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


def stale(package: Path = _PACKAGE) -> list[str]:
    """The compiled modules whose source was changed after they were compiled.

    The compiled code of all of them lives in one shared library beside the package
    (``quotegraph__mypyc``); each module's own file is a small stub that ``setup.py
    build_ext --inplace`` leaves alone when only the code changed. So a module was built as
    late as the later of the two."""
    shared = [package.parent / f"{GROUP}__mypyc{suffix}" for suffix in EXTENSION_SUFFIXES]
    library = max((f.stat().st_mtime for f in shared if f.is_file()), default=0.0)
    out = []
    for name, stub in compiled_files(package).items():
        source = package / f"{name}.py"
        built = max(stub.stat().st_mtime, library)
        if source.is_file() and source.stat().st_mtime > built:
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
            f"quotegraph: {', '.join(f'{n}.py' for n in old)} changed after it was compiled;"
            " running the Python sources (slower). Run 'pip install -e .' again to compile"
            " them.", RuntimeWarning, stacklevel=2)
        sys.meta_path.insert(0, _SourcesFirst())


def compiled() -> bool:
    """Whether the pipeline running in this process is the compiled one."""
    from . import records

    return Path(records.__file__ or "").name.endswith(tuple(EXTENSION_SUFFIXES))
