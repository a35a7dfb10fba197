"""The records: fast_init builds them as dataclass would, only faster."""

from __future__ import annotations

import dataclasses
import pickle

import pytest

from quotegraph.records import Cue, Mention, Span, fast_init


def test_fast_init_keeps_the_signature_defaults_and_freezing() -> None:
    m = Mention(Span(3, 7), "Hale", "name", gender="female", head="Hale")
    assert (m.number, m.etype, m.possessor, m.age, m.place) == (
        "singular", "unknown", None, None, False)
    assert m == Mention(Span(3, 7), "Hale", "name", "female", "singular", "Hale")
    assert hash(m) == hash(dataclasses.replace(m))
    assert pickle.loads(pickle.dumps(m)) == m
    assert dataclasses.replace(m, head="Hale’s").head == "Hale’s"
    with pytest.raises(dataclasses.FrozenInstanceError):
        m.text = "Obi"  # type: ignore[misc]
    with pytest.raises(TypeError):
        Cue(Span(0, 4), "said")  # type: ignore[call-arg]
    with pytest.raises(TypeError):
        Cue(Span(0, 4), "said", "say", "neutral", extra=1)  # type: ignore[call-arg]


def test_fast_init_refuses_what_it_cannot_build() -> None:
    @dataclasses.dataclass(slots=True)
    class Mutable:
        a: int

    @dataclasses.dataclass(frozen=True, slots=True)
    class WithFactory:
        a: list[int] = dataclasses.field(default_factory=list)

    @dataclasses.dataclass(frozen=True)
    class NoSlots:
        a: int

    for cls in (Mutable, WithFactory, NoSlots):
        with pytest.raises(TypeError):
            fast_init(cls)


def test_span_checks_its_bounds() -> None:
    assert Span(2, 5) < Span(3, 4)
    with pytest.raises(ValueError, match="bad span"):
        Span(5, 2)
    with pytest.raises(ValueError, match="bad span"):
        Span(-1, 2)
