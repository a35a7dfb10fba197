"""The compiled pipeline (mypyc, see setup.py) and its pure-Python sources agree, and the
package never runs a compiled module older than its source."""

from __future__ import annotations

import ast
import json
import os
import subprocess
import sys
import time
from importlib.machinery import EXTENSION_SUFFIXES
from pathlib import Path

import pytest

import quotegraph
from quotegraph import _compiled

REPO = Path(__file__).resolve().parents[1]
SAMPLES = Path(quotegraph.__file__).parent / "data" / "samples"
SEED = REPO.parent / "shared" / "examples" / "baldwin-red-carpet.txt"


def test_setup_compiles_the_modules_the_package_names() -> None:
    tree = ast.parse((REPO / "setup.py").read_text("utf-8"))
    listed = next(ast.literal_eval(node.value) for node in ast.walk(tree)
                  if isinstance(node, ast.Assign)
                  and any(isinstance(t, ast.Name) and t.id == "COMPILED" for t in node.targets))
    assert tuple(listed) == _compiled.COMPILED


def test_a_source_newer_than_its_compiled_module_is_stale(tmp_path: Path) -> None:
    suffix = EXTENSION_SUFFIXES[0]
    for name in ("records", "text"):
        (tmp_path / f"{name}.py").write_text("")
        (tmp_path / f"{name}{suffix}").write_bytes(b"")
    (tmp_path / "quotes.py").write_text("")  # not compiled here: never stale
    old = time.time() - 100
    os.utime(tmp_path / "records.py", (old, old))
    os.utime(tmp_path / f"text{suffix}", (old, old))
    assert _compiled.stale(tmp_path) == ["text"]
    assert set(_compiled.compiled_files(tmp_path)) == {"records", "text"}


def test_a_rebuilt_shared_library_makes_the_old_stubs_current(tmp_path: Path) -> None:
    # build_ext --inplace rewrites the shared library and leaves unchanged stubs alone
    package = tmp_path / "quotegraph"
    package.mkdir()
    suffix = EXTENSION_SUFFIXES[0]
    (package / "mentions.py").write_text("")
    (package / f"mentions{suffix}").write_bytes(b"")
    old = time.time() - 100
    os.utime(package / f"mentions{suffix}", (old, old))
    assert _compiled.stale(package) == ["mentions"]
    (tmp_path / f"{_compiled.GROUP}__mypyc{suffix}").write_bytes(b"")
    assert _compiled.stale(package) == []


def _in_subprocess(code: str, **env: str) -> str:
    done = subprocess.run([sys.executable, "-W", "error::RuntimeWarning", "-c", code],
                          capture_output=True, text=True, check=True,
                          env={**os.environ, **env}, timeout=300)
    return done.stdout


def test_quotegraph_pure_runs_the_sources() -> None:
    out = _in_subprocess("import quotegraph, quotegraph.mentions as m; "
                         "print(quotegraph.compiled(), m.__file__)", QUOTEGRAPH_PURE="1")
    flag, path = out.split()
    assert flag == "False" and path.endswith("mentions.py")


def test_the_compiled_build_is_installed_where_ci_requires_it() -> None:
    if os.environ.get("QUOTEGRAPH_REQUIRE_COMPILED") != "1":
        pytest.skip("QUOTEGRAPH_REQUIRE_COMPILED=1 is set by .ci/run only")
    assert _compiled.compiled_files(), "pip install built no compiled module"
    assert _compiled.stale() == []
    assert quotegraph.compiled()


_EXTRACT_ALL = """
import json, sys
from pathlib import Path
import quotegraph
paths = [Path(p) for p in sys.argv[1:]]
print(json.dumps([quotegraph.extract_file(p).to_dict() for p in paths]))
"""


def test_compiled_and_pure_give_the_same_output() -> None:
    if not quotegraph.compiled():
        pytest.skip("this process runs the sources: nothing compiled to compare")
    paths = [*sorted((SAMPLES / "corpus").glob("*.txt")), SAMPLES / "harbor-council.txt"]
    if SEED.is_file():
        paths.append(SEED)
    ours = [quotegraph.extract_file(p).to_dict() for p in paths]
    done = subprocess.run([sys.executable, "-c", _EXTRACT_ALL, *map(str, paths)],
                          capture_output=True, text=True, check=True, timeout=300,
                          env={**os.environ, "QUOTEGRAPH_PURE": "1"})
    theirs = json.loads(done.stdout)
    assert sum(len(d["quotes"]) for d in ours) > 100
    assert theirs == ours
