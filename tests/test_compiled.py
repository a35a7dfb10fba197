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


def _record(package: Path, **digests: str) -> None:
    (package / _compiled.BUILT).write_text(json.dumps(digests), "utf-8")


def test_a_source_other_than_the_one_compiled_is_stale(tmp_path: Path) -> None:
    suffix = EXTENSION_SUFFIXES[0]
    for name in ("records", "text"):
        (tmp_path / f"{name}.py").write_text(f"# {name}\n")
        (tmp_path / f"{name}{suffix}").write_bytes(b"")
    (tmp_path / "quotes.py").write_text("")  # not compiled here: never stale
    _record(tmp_path, records=_compiled.source_digest(tmp_path / "records.py"),
            text=_compiled.source_digest(tmp_path / "text.py"))
    assert _compiled.stale(tmp_path) == []
    (tmp_path / "text.py").write_text("# text, edited\n")
    assert _compiled.stale(tmp_path) == ["text"]
    (tmp_path / "text.py").write_text("# text\n")  # the edit undone: current again
    assert _compiled.stale(tmp_path) == []
    assert set(_compiled.compiled_files(tmp_path)) == {"records", "text"}


def test_file_times_do_not_matter(tmp_path: Path) -> None:
    # pip unpacks a wheel's sources after its compiled modules: newer, yet the ones compiled
    suffix = EXTENSION_SUFFIXES[0]
    (tmp_path / f"mentions{suffix}").write_bytes(b"")
    (tmp_path / "mentions.py").write_text("# mentions\n")
    old = time.time() - 100
    os.utime(tmp_path / f"mentions{suffix}", (old, old))
    _record(tmp_path, mentions=_compiled.source_digest(tmp_path / "mentions.py"))
    assert _compiled.stale(tmp_path) == []


def test_a_build_without_a_record_is_stale(tmp_path: Path) -> None:
    suffix = EXTENSION_SUFFIXES[0]
    (tmp_path / f"mentions{suffix}").write_bytes(b"")
    (tmp_path / "mentions.py").write_text("")
    assert _compiled.stale(tmp_path) == ["mentions"]
    (tmp_path / _compiled.BUILT).write_text("not json", "utf-8")
    assert _compiled.stale(tmp_path) == ["mentions"]


def test_the_installed_record_names_every_compiled_module() -> None:
    if not _compiled.compiled_files():
        pytest.skip("nothing compiled in this installation")
    recorded = json.loads((Path(_compiled.__file__).parent / _compiled.BUILT).read_text())
    assert sorted(recorded) == sorted(_compiled.COMPILED)


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
