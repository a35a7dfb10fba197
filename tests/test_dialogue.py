"""Conversation: turn-taking in runs of quote paragraphs, a first-person narrator named by
the vocatives of the others, and addressees between the two voices."""

from __future__ import annotations

from quotegraph import extract

STORY = "\n\n".join([
    "The rain had not stopped since Tuesday. Marta Quiller came into the boathouse with her "
    "coat over her head.",
    "“You kept the lamp burning,” Marta said.",
    "“I always do,” I said.",
    "“Even when nobody comes?”",
    "“Somebody always comes, Marta.”",
    "“Not in weather like this, Tomas.”",
    "“You came.”",
    "“Only because the bridge is out, Tomas.”",
    "“Then sit by the stove.”",
    "“I will, if you stop looking at me like that.”",
    "“Like what?”",
    "“Like a man who has been alone too long, Tomas.”",
    "“Maybe I have been.”",
])


def test_untagged_turns_alternate_from_the_tagged_ones() -> None:
    result = extract(STORY)
    speakers = [q.speaker.name if q.speaker else None for q in result.quotes]
    marta, me = "Marta Quiller", speakers[1]
    assert speakers[0] == marta
    assert speakers == [marta, me] * 6


def test_the_narrator_is_named_by_what_the_others_call_them() -> None:
    result = extract(STORY)
    narrator = result.quotes[1].speaker
    assert narrator is not None
    assert narrator.mention == "I"
    assert narrator.name == "Tomas"


def test_in_conversation_each_turn_is_said_to_the_other_voice() -> None:
    result = extract(STORY)
    pairs = [(q.speaker.name if q.speaker else None, q.addressee.name if q.addressee else None)
             for q in result.quotes]
    assert pairs == [("Marta Quiller", "Tomas"), ("Tomas", "Marta Quiller")] * 6


def test_news_quotes_by_two_people_in_a_row_are_not_said_to_each_other() -> None:
    text = "\n\n".join([
        "The quarry expansion drew a crowd to the church hall.",
        "“The dust is already on every windowsill,” said resident Hilde Sorley.",
        "“Our children should not have to breathe it,” said her neighbour, Tariq Benn.",
    ])
    assert [q.addressee for q in extract(text).quotes] == [None, None]


def test_a_narrator_without_vocatives_stays_i() -> None:
    text = "\n\n".join([
        "I walked to the station with Anselm Brook.",
        "“The train is late again,” Anselm said.",
        "“It always is,” I said.",
    ])
    result = extract(text)
    assert [q.speaker.name if q.speaker else None for q in result.quotes] == [
        "Anselm Brook", "I"]


def test_in_conversation_a_line_inside_narration_is_said_to_the_nearest_other_voice() -> None:
    text = STORY + "\n\n" + (
        "Marta hung her coat by the stove. “It is warmer in here than in the whole village,” "
        "she said, and sat down.")
    last = extract(text).quotes[-1]
    assert last.speaker is not None and last.speaker.name == "Marta Quiller"
    assert last.addressee is not None and last.addressee.name == "Tomas"


def test_in_conversation_a_run_with_one_named_voice_takes_turns_with_the_last_other() -> None:
    # the conversation above, then a new scene where only Marta is tagged: the other voice
    # is the last other speaker, and the lines alternate
    text = STORY + "\n\n" + "\n\n".join([
        "The wind dropped after midnight.",
        "“Is that the ferry horn?” Marta asked.",
        "“It is.”",
        "“Then I can go home.”",
    ])
    tail = [q.speaker.name if q.speaker else None for q in extract(text).quotes[-3:]]
    assert tail == ["Marta Quiller", "Tomas", "Marta Quiller"]


def test_a_paragraph_with_two_quotations_is_one_turn() -> None:
    # the tagged line holds two quotations around its cue; the turns after it count
    # paragraphs, not quotations, so the untagged lines still alternate
    text = "\n\n".join([
        "The ferry was late again. Ilse Marrow sat down across the table from me.",
        "“You look tired,” Ilse said.",
        "“Don't start,” I said. I rubbed my eyes and looked at the water for a while. “It "
        "has been a long week.”",
        "“Longer for some of us.”",
        "“Is that a complaint?”",
        "“An observation.”",
        "“Then observe the clock. We leave at six.”",
        "“I know when we leave.”",
        "“Good.”",
        "“You always have to have the last word.”",
        "“Not always.”",
    ])
    result = extract(text)
    speakers = [q.speaker.name if q.speaker else None for q in result.quotes]
    me = speakers[1]
    assert me != "Ilse Marrow"
    assert speakers == ["Ilse Marrow", me, me, "Ilse Marrow", me, "Ilse Marrow", me,
                        "Ilse Marrow", me, "Ilse Marrow", me]
