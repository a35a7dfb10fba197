"""Resolution decided by evidence across the whole text: a given name's gender from its
pronouns, which of two namesakes a lone first name means, and unattributed runs of dialogue in
a first-person story."""

from __future__ import annotations

from itertools import pairwise

from quotegraph import extract


def _speakers(text: str) -> list[str | None]:
    """The speakers of the direct quotations (reported speech is tested elsewhere)."""
    return [q.speaker.name if q.speaker else None for q in extract(text).quotes
            if q.kind == "direct"]


def test_pronouns_in_the_text_outweigh_the_name_table() -> None:
    # "Glenn" is a man's name in the bundled table; here she is a woman, and "she" said it
    text = "\n\n".join([
        "Glenn Harlow ran the ferry office, and she ran it well.",
        "Glenn locked the till before she left each night.",
        "Glenn counted the tickets twice because she trusted no machine.",
        "Her deputy, Arne Solberg, stayed late on Fridays.",
        "Arne closed the shutters, and then the two of them walked to the quay.",
        "“The last boat is late again,” she said.",
    ])
    assert _speakers(text) == ["Glenn Harlow"]


def test_a_lone_first_name_means_the_namesake_called_so() -> None:
    # Tobias Venn is "Tobias" (when he was the latest named); Tobias Crane is always named in
    # full, and was named last
    text = "\n\n".join([
        "Tobias Crane and Tobias Venn both wanted the lighthouse keeper's post.",
        "Tobias had kept a lamp before, on the north cape.",
        "Tobias Crane had only read about lamps.",
        "“I know the work,” Tobias said.",
    ])
    assert _speakers(text) == ["Tobias Venn"]


def test_an_unattributed_run_in_a_first_person_story_takes_turns_with_the_narrator() -> None:
    text = "\n\n".join([
        "I had walked the dunes with Inga Solvik all morning.",
        "“The tide turns at four,” Inga said.",
        "“Then we have time,” I said.",
        "“Time for what?”",
        "“For the signal house.”",
        "“It is locked.”",
        "“I have the key.”",
        "“Since when?”",
        "“Since the keeper left it with me.”",
        "“He trusts you, then.”",
        "“More than he trusts you.”",
        "We climbed to the old signal house and sat on the step. Nobody spoke for a while.",
        "“Do you ever miss the city?”",
        "“Never.”",
        "“Not even the noise?”",
        "“The noise least of all.”",
        "“You were always a strange one.”",
        "“So you keep telling me.”",
        "“It is true, though.”",
        "“I know.”",
        "“Shall we go down?”",
        "“In a minute.”",
    ])
    speakers = _speakers(text)
    me = speakers[1]
    assert me not in (None, "Inga Solvik")
    # the run after the narration is one exchange between the two of them
    run = speakers[10:]
    assert len(run) == 10
    assert set(run) == {"Inga Solvik", me}
    assert all(a != b for a, b in pairwise(run))


def test_she_finds_a_character_known_by_first_name_only() -> None:
    # "Nadia" is never given a surname; "she" after her name is her, not the café
    text = "\n\n".join([
        "We sat at the Café Verlaine until it closed.",
        "Nadia came in from the rain and shook out her umbrella.",
        "“You are both still here,” she said.",
    ])
    assert _speakers(text) == ["Nadia"]


def test_the_titled_one_is_the_count() -> None:
    text = "\n\n".join([
        "Count Orsolak ordered champagne for the whole table.",
        "“It is a small thing,” said the count, “between friends.”",
    ])
    result = extract(text)
    assert [(q.speaker.name if q.speaker else None, q.speaker.mention if q.speaker else None)
            for q in result.quotes if q.kind == "direct"] == [("Orsolak", "the count")]
    # outside fiction the form of address is no part of the name: it is the entity's title
    assert [(e.name, e.title) for e in result.entities] == [("Orsolak", "Count")]
