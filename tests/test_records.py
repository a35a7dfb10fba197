"""The records: written-out ``__init__`` methods that take the fields as dataclass would."""

from __future__ import annotations

import ast
import dataclasses
import pickle
import sys
from pathlib import Path
from types import ModuleType

import pytest

from quotegraph import (
    attribute,
    compiled,
    lexicon,
    mentions,
    pipeline,
    quotes,
    rank,
    records,
    reported,
    resolve,
)
from quotegraph.records import Article, Cue, Mention, Span

# the compiled modules (setup.py) that define records
_MODULES: tuple[ModuleType, ...] = (records, lexicon, quotes, mentions, attribute, reported,
                                    resolve, rank, pipeline)


def _record_classes() -> list[type]:
    return [cls for m in _MODULES for cls in vars(m).values()
            if isinstance(cls, type) and dataclasses.is_dataclass(cls)
            and cls.__module__ == m.__name__]


def test_every_record_writes_out_its_init() -> None:
    classes = _record_classes()
    assert len(classes) >= 20
    for cls in classes:
        assert "__init__" in vars(cls), f"{cls.__name__} leaves its __init__ to dataclass"


def _written_init(cls: type) -> ast.FunctionDef:
    """The ``__init__`` of ``cls`` as written in its module's source (read from the source, not
    from the class: a compiled class shows no signature)."""
    module = sys.modules[cls.__module__]
    source = Path(module.__file__ or "").with_name(module.__name__.rsplit(".", 1)[1] + ".py")
    for node in ast.walk(ast.parse(source.read_text("utf-8"))):
        if isinstance(node, ast.ClassDef) and node.name == cls.__name__:
            for item in node.body:
                if isinstance(item, ast.FunctionDef) and item.name == "__init__":
                    return item
    raise AssertionError(f"no __init__ written in class {cls.__name__}")


@pytest.mark.parametrize("cls", _record_classes(), ids=lambda c: c.__name__)
def test_written_init_takes_the_fields_as_dataclass_would(cls: type) -> None:
    fields = dataclasses.fields(cls)
    init = _written_init(cls)
    args = init.args
    assert not (args.vararg or args.kwarg or args.kwonlyargs or args.posonlyargs)
    assert [a.arg for a in args.args] == ["self", *(f.name for f in fields)]
    defaults: list[ast.expr | None] = [None] * (len(fields) - len(args.defaults))
    defaults += args.defaults
    for f, d in zip(fields, defaults, strict=True):
        if f.default is not dataclasses.MISSING:
            assert d is not None and ast.literal_eval(d) == f.default, f.name
        elif f.default_factory is not dataclasses.MISSING:
            assert d is not None and ast.literal_eval(d) is None, f.name  # a fresh default
        else:
            assert d is None, f.name


@pytest.mark.parametrize("cls", _record_classes(), ids=lambda c: c.__name__)
def test_written_init_stores_each_field(cls: type) -> None:
    if compiled():
        # compiled code checks each argument's type; CI runs this file on the sources too
        pytest.skip("needs the pure-Python records (QUOTEGRAPH_PURE=1)")
    # a distinct object for each field, so a field stored into another one's slot shows
    values = {f.name: object() for f in dataclasses.fields(cls)}
    if cls is Span:
        values = {"start": 3, "end": 7}
    made = cls(**values)
    assert {name: getattr(made, name) for name in values} == values


def test_factory_defaults_are_fresh_for_each_record() -> None:
    a = resolve.EntityState(0, "person", "female")
    b = resolve.EntityState(1, "person", "female")
    assert a.roles == set() and a.mentions == [] and a.relations == {}
    a.roles.add("mayor")
    assert b.roles == set()


def test_records_keep_defaults_equality_hashing_pickling_and_freezing() -> None:
    m = Mention(Span(3, 7), "Hale", "name", gender="female", head="Hale")
    assert (m.number, m.etype, m.possessor, m.age, m.place) == (
        "singular", "unknown", None, None, False)
    assert m == Mention(Span(3, 7), "Hale", "name", "female", "singular", "Hale")
    assert hash(m) == hash(dataclasses.replace(m))
    assert pickle.loads(pickle.dumps(m)) == m
    article = Article("a1", "Text.", source="x.txt", date="2026-11-30")
    assert pickle.loads(pickle.dumps(article)) == article
    assert dataclasses.replace(m, head="Hale’s").head == "Hale’s"
    with pytest.raises(dataclasses.FrozenInstanceError):
        m.text = "Obi"  # type: ignore[misc]
    with pytest.raises(TypeError):
        Cue(Span(0, 4), "said")  # type: ignore[call-arg]
    with pytest.raises(TypeError):
        Cue(Span(0, 4), "said", "say", "neutral", extra=1)  # type: ignore[call-arg]


def test_span_checks_its_bounds() -> None:
    assert Span(2, 5) < Span(3, 4)
    with pytest.raises(ValueError, match="bad span"):
        Span(5, 2)
    with pytest.raises(ValueError, match="bad span"):
        Span(-1, 2)
