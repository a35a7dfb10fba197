"""The layout reads as the data flow: the engine imports no training, evaluation, CLI, store
or web code (not even for types), and no import circle closes anywhere in the package."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[1] / "src" / "quotegraph"
#: What runs on every article: the stages, their records, lexicons and learned models.
ENGINE = ("records", "text", "ingest", "lexicon", "quotes", "mentions", "attribute",
          "cuefeatures", "cuelearn", "learned", "reported", "pronounfeatures", "resolve",
          "rank", "recordfeatures", "pipeline", "errors")
OUTSIDE_ENGINE = ("training", "evaluate", "cli", "store", "web", "corpus", "readers")


def _module_name(path: Path) -> str:
    rel = path.relative_to(PACKAGE.parent).with_suffix("")
    parts = list(rel.parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def _imports(path: Path) -> set[str]:
    """Every quotegraph module ``path`` imports, at any depth of the file (type-checking
    blocks and function bodies included)."""
    name = _module_name(path)
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    out: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text("utf-8"))):
        if isinstance(node, ast.Import):
            out |= {a.name for a in node.names if a.name.startswith("quotegraph")}
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")
                base = base[: len(base) - node.level + 1]
                target = ".".join(base + ([node.module] if node.module else []))
            else:
                target = node.module or ""
            if target.startswith("quotegraph"):
                out.add(target)
                out |= {f"{target}.{a.name}" for a in node.names}
    return out


def _graph() -> dict[str, set[str]]:
    """Module -> the package modules it imports. An import of one's own parent package
    ("from . import x" names it) is left out: Python runs a parent before any submodule."""
    files = {_module_name(p): p for p in PACKAGE.rglob("*.py")}
    return {m: {t for t in _imports(p) if t in files and t != m
                and not m.startswith(t + ".")} for m, p in files.items()}


def test_the_engine_imports_nothing_from_outside_it() -> None:
    graph = _graph()
    for name in ENGINE:
        module = f"quotegraph.{name}"
        bad = sorted(t for t in graph[module]
                     if any(t == f"quotegraph.{o}" or t.startswith(f"quotegraph.{o}.")
                            for o in OUTSIDE_ENGINE))
        assert not bad, f"{module} imports {bad}"


def test_no_import_circle() -> None:
    graph = _graph()
    state: dict[str, int] = {}  # 1: on the path, 2: done
    path: list[str] = []

    def visit(m: str) -> None:
        state[m] = 1
        path.append(m)
        for t in sorted(graph[m]):
            if state.get(t) == 1:
                raise AssertionError("import circle: " + " -> ".join(
                    [*path[path.index(t):], t]))
            if t not in state:
                visit(t)
        path.pop()
        state[m] = 2

    for m in sorted(graph):
        if m not in state:
            visit(m)


def test_extract_loads_no_training_evaluation_or_cli_module() -> None:
    code = ("import sys, quotegraph\n"
            "quotegraph.extract('\\u201cWe will,\\u201d said Ana Ruiz. "
            "She said the plan was done.')\n"
            "print('\\n'.join(sorted(m for m in sys.modules if m.startswith('quotegraph'))))\n")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         check=True).stdout.split()
    assert "quotegraph.pipeline" in out
    loaded = [m for m in out if any(m == f"quotegraph.{o}" or m.startswith(f"quotegraph.{o}.")
                                    for o in OUTSIDE_ENGINE)]
    assert loaded == []


def test_the_command_line_is_one_package() -> None:
    """The CLI's modules live in ``quotegraph/cli/`` (issue 17's layout), none beside it."""
    assert not list(PACKAGE.glob("cli_*.py")) and not (PACKAGE / "cli.py").exists()
    assert {p.stem for p in (PACKAGE / "cli").glob("*.py")} == {
        "__init__", "commands", "eval", "gate", "output", "store", "web"}
