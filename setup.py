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
from setuptools.command.build_ext import build_ext

# The modules compiled together. They must be all compiled or all pure: compiled code reads
# the fields of the records' native classes directly, so it cannot meet a pure ``Span``.
# (quotegraph/_compiled.py names them too; a test checks that the two lists agree.)
COMPILED = ("records", "text", "ingest", "lexicon", "quotes", "mentions", "attribute",
            "cuefeatures", "learned", "reported", "pronounfeatures", "resolve", "rank",
            "recordfeatures", "pipeline")


def source_digests() -> dict[str, str]:
    """The SHA-256 of each compiled module's source, as mypyc reads it now."""
    package = Path("src/quotegraph")
    return {name: hashlib.sha256((package / f"{name}.py").read_bytes()).hexdigest()
            for name in COMPILED}


def compiled_extensions() -> list[Extension]:
    """The mypyc extensions of the compiled modules, or none for the pure package."""
    if os.environ.get("QUOTEGRAPH_PURE", "") not in ("", "0"):
        return []
    try:
        from mypyc.build import mypycify
    except ImportError:  # no mypyc where this is built: the pure package
        return []
    extensions = mypycify([f"src/quotegraph/{name}.py" for name in COMPILED],
                          opt_level="3", group_name="quotegraph")  # _compiled.GROUP
    for ext in extensions:
        # a failed C build (no compiler) leaves the pure package, with a warning, not an error
        ext.optional = True
    return extensions


class BuildAndRecord(build_ext):
    """``build_ext`` that, once every extension is built, writes the digests of the sources
    it compiled to quotegraph/_built.json (``_compiled.BUILT``) beside the compiled modules;
    the package compares them with its sources at import. File times cannot tell, because
    pip gives every file of a wheel the time it unpacked it. Where any extension failed, the
    record is removed instead, so that an older build left in place is not taken for this
    one."""

    digests: dict[str, str]  # (set by run)
    failed: bool

    def run(self) -> None:
        self.digests = source_digests()  # before the build reads them
        self.failed = False
        super().run()
        stubs = [e for e in self.extensions if e.name.startswith("quotegraph.")]
        if not stubs:
            return
        record = Path(self.get_ext_fullpath(stubs[0].name)).parent / "_built.json"
        if self.failed:
            record.unlink(missing_ok=True)
        else:
            record.write_text(json.dumps(self.digests, indent=1) + "\n", "utf-8")

    def build_extension(self, ext: Extension) -> None:
        try:
            super().build_extension(ext)
        except Exception:
            self.failed = True  # (setuptools carries on past an optional extension)
            raise


setup(ext_modules=compiled_extensions(), cmdclass={"build_ext": BuildAndRecord})
