"""Build hook: compile the extraction pipeline with mypyc, when it can be.

Everything about the package is in pyproject.toml; this file only adds the compiled modules.
mypyc turns the type-annotated modules of stages 1–7 into C extensions that run the same code
about twice as fast (benchmarks/throughput.py; docs/performance.md). The sources stay the
reference: a machine without a C compiler, or ``QUOTEGRAPH_PURE=1`` at install, gets the pure
Python package, which gives byte-identical output. See ``quotegraph/_compiled.py`` for what
happens when a source is edited after its module was compiled.
"""

from __future__ import annotations

import hashlib
import json
import os
from pathlib import Path

from setuptools import Extension, setup

# The modules compiled together. They must be all compiled or all pure: compiled code reads
# the fields of the records' native classes directly, so it cannot meet a pure ``Span``.
# (quotegraph/_compiled.py names them too; a test checks that the two lists agree.)
COMPILED = ("records", "text", "ingest", "lexicon", "quotes", "mentions", "attribute",
            "reported", "resolve", "rank", "pipeline")


def compiled_extensions() -> list[Extension]:
    """The mypyc extensions of the compiled modules, or none for the pure package."""
    if os.environ.get("QUOTEGRAPH_PURE", "") not in ("", "0"):
        return []
    try:
        from mypyc.build import mypycify
    except ImportError:  # no mypyc where this is built: the pure package
        return []
    record_sources()
    extensions = mypycify([f"src/quotegraph/{name}.py" for name in COMPILED],
                          opt_level="3", group_name="quotegraph")  # _compiled.GROUP
    for ext in extensions:
        # a failed C build (no compiler) leaves the pure package, with a warning, not an error
        ext.optional = True
    return extensions


def record_sources() -> None:
    """Write the SHA-256 of each source compiled to quotegraph/_built.json (_compiled.BUILT),
    which the package compares with its sources at import: file times cannot tell, because
    pip gives every file of a wheel the time it unpacked it."""
    package = Path("src/quotegraph")
    digests = {name: hashlib.sha256((package / f"{name}.py").read_bytes()).hexdigest()
               for name in COMPILED}
    (package / "_built.json").write_text(json.dumps(digests, indent=1) + "\n", "utf-8")


setup(ext_modules=compiled_extensions())
