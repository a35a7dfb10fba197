"""Hand-written cases of reported speech: indirect and mixed quotations, and sentences that
must yield none. Every sentence is invented for these tests.

Each :class:`R` lists, in order of their start, ALL the indirect and mixed records the engine
must report for its text (direct quotations are checked by ``engine_cases.py`` and are left
out here, except that ``direct`` counts how many there must be).

Conventions: the content of ``SPEAKER CUE that …`` opens with its "that" (as PolNeAR marks it);
an addressee after the cue is left out of the content; a trailing attribution ("…, the board
said") is left out; a quoted fragment inside reported speech makes it ``mixed`` and is not also
reported as a direct quotation; a title in quotation marks does not.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Rep:
    """One expected indirect or mixed record. ``None`` fields are not checked."""

    kind: str
    text: str
    speaker: str | None
    cue: str | None = None
    addressee: str | None = None


@dataclass(frozen=True)
class R:
    id: str
    text: str
    reported: tuple[Rep, ...]
    direct: int = 0  # how many direct quotations the text holds


CASES: list[R] = [
    # ------------------------------------------------------------------ cue before content
    R("said-that", "Councillor Mirela Vasquez said that the bridge tolls would rise in spring.",
      (Rep("indirect", "that the bridge tolls would rise in spring", "Mirela Vasquez", "say"),)),
    R("said-no-that", "Harbour master Tomas Lind said the ferry would sail at dawn.",
      (Rep("indirect", "the ferry would sail at dawn", "Tomas Lind", "say"),)),
    R("says-present", "Oona Breck says the fire is contained on three sides.",
      (Rep("indirect", "the fire is contained on three sides", "Oona Breck", "say"),)),
    R("told-addressee", "Ines Okonjo told reporters that her client would not appeal.",
      (Rep("indirect", "that her client would not appeal", "Ines Okonjo", "tell",
           "reporters"),)),
    R("told-addressee-then-pronoun",
      "The minister told the committee he would resign if the bill failed.",
      (Rep("indirect", "he would resign if the bill failed", "The minister", "tell",
           "the committee"),)),
    R("noted-pronoun-speaker",
      "Dr. Amara Quist spoke to the council on Monday. She noted that a single hot summer "
      "could undo the gains.",
      (Rep("indirect", "that a single hot summer could undo the gains", "Amara Quist",
           "note"),)),
    R("warned-that", "Fire chief Oona Breck warned that the dry spell would last into August.",
      (Rep("indirect", "that the dry spell would last into August", "Oona Breck", "warn"),)),
    R("denied-that", "The harbour authority denied that any contract had been signed.",
      (Rep("indirect", "that any contract had been signed", "The harbour authority",
           "deny"),)),
    R("asked-whether", "Oona Breck asked whether the engines had arrived.",
      (Rep("indirect", "whether the engines had arrived", "Oona Breck", "ask"),)),
    R("believes-belief-cue", "Mirela Vasquez believes the tolls will fall next year.",
      (Rep("indirect", "the tolls will fall next year", "Mirela Vasquez"),)),
    R("in-a-statement",
      "The council said in a statement that the vote would be delayed until June.",
      (Rep("indirect", "that the vote would be delayed until June", "The council", "say"),)),
    R("participle-telling-addressee",
      "Tomas Lind waved from the deck, telling his wife that the crossing had been calm.",
      (Rep("indirect", "that the crossing had been calm", "Tomas Lind", "tell",
           "his wife"),)),
    R("anonymous-source", "One resident said the noise had kept her awake for weeks.",
      (Rep("indirect", "the noise had kept her awake for weeks", "One resident", "say"),)),
    R("group-source", "Critics say the plan favours developers over residents.",
      (Rep("indirect", "the plan favours developers over residents", "Critics", "say"),)),
    R("appositive-source", "Lind's deputy, Ada Brook, said the ferry had been repaired.",
      (Rep("indirect", "the ferry had been repaired", "Ada Brook", "say"),)),
    R("fronted-participle",
      "Asked about the delays, Oona Breck said the new engines had not arrived.",
      (Rep("indirect", "the new engines had not arrived", "Oona Breck", "say"),)),
    R("two-cues-two-records",
      "Mirela Vasquez argued that the tolls were unfair to commuters, and she insisted that "
      "the vote be held in public.",
      (Rep("indirect", "that the tolls were unfair to commuters", "Mirela Vasquez", "argue"),
       Rep("indirect", "that the vote be held in public", "Mirela Vasquez", "insist"))),
    R("semicolon-ends-content",
      "Oona Breck said the crews were exhausted; the fire kept spreading north.",
      (Rep("indirect", "the crews were exhausted", "Oona Breck", "say"),)),
    R("clause-noun-phrase-source",
      "The ferry was late again, though harbour officials in Brixham said the tide was to "
      "blame.",
      (Rep("indirect", "the tide was to blame", "harbour officials", "say"),)),
    R("percent-source", "In the survey, 73 percent said the tolls were fair.",
      (Rep("indirect", "the tolls were fair", "73 percent", "say"),)),
    R("person-of-place-source", "Mayor Jo Hart of Brixham said the tide was to blame.",
      (Rep("indirect", "the tide was to blame", "Jo Hart", "say"),)),
    R("relative-who-source",
      "The plan was backed by Ada Kamin, who said that the tolls would fall.",
      (Rep("indirect", "that the tolls would fall", "Ada Kamin", "say"),)),
    R("participle-saying-subject",
      "Tomas Lind defended the timetable of the island ferry, saying the crews needed more "
      "rest.",
      (Rep("indirect", "the timetable of the island ferry", "Tomas Lind", "defend"),
       Rep("indirect", "the crews needed more rest", "Tomas Lind", "say"))),
    R("but-ends-content",
      "Oona Breck said the fire was under control, but the wind could still change.",
      (Rep("indirect", "the fire was under control", "Oona Breck", "say"),)),
    R("and-then-ends-content",
      "The harbour board argued that the ferry budget was too small, and by midnight nothing "
      "was settled.",
      (Rep("indirect", "that the ferry budget was too small", "The harbour board", "argue"),)),
    R("and-said-subject",
      "Tomas Lind thanked the crew and said the season had been the safest in years.",
      (Rep("indirect", "the season had been the safest in years", "Tomas Lind", "say"),)),
    # ------------------------------------------------------------------ cue after content
    R("trailing-said", "The reservoir is at its lowest level in a decade, the water board said.",
      (Rep("indirect", "The reservoir is at its lowest level in a decade", "the water board",
           "say"),)),
    R("trailing-inverted",
      "The pool will close for repairs in May, said Marcus Delaney, the parks director.",
      (Rep("indirect", "The pool will close for repairs in May", "Marcus Delaney", "say"),)),
    # the inner record, a named person saying, is one of its own and not part of the outer
    R("nested-trailing-cuts-the-inner",
      "Tomas Lind said the pier was unsafe, a harbour official added.",
      (Rep("indirect", "Tomas Lind said the pier was unsafe", "a harbour official", "add"),
       Rep("indirect", "the pier was unsafe", "Tomas Lind", "say"))),
    # ------------------------------------------------------------------ according to
    R("according-to-first",
      "According to the union, ridership has fallen 12 percent since March.",
      (Rep("indirect", "ridership has fallen 12 percent since March", "the union",
           "according to"),)),
    R("according-to-last",
      "Ridership has fallen 12 percent since March, according to the union.",
      (Rep("indirect", "Ridership has fallen 12 percent since March", "the union",
           "according to"),)),
    # ------------------------------------------------------------------ mixed
    R("mixed-called-it",
      "Linda Okafor called it “a reprieve, not a rescue” for the ferry line.",
      (Rep("mixed", "it “a reprieve, not a rescue” for the ferry line", "Linda Okafor",
           "call"),)),
    R("mixed-fragment-in-clause",
      "The spokesperson said the agency would “review the council's decision carefully” "
      "before the summer.",
      (Rep("mixed", "the agency would “review the council's decision carefully” before the "
           "summer", "The spokesperson", "say"),)),
    R("mixed-short-fragment",
      "Oona Breck said the fire was “largely contained” by the evening.",
      (Rep("mixed", "the fire was “largely contained” by the evening", "Oona Breck",
           "say"),)),
    R("mixed-described-as",
      "The mayor described the plan as “reckless and rushed” at the meeting.",
      (Rep("mixed", "the plan as “reckless and rushed” at the meeting", "The mayor",
           "describe"),)),
    R("title-in-marks-stays-indirect",
      "Ada Brook joked that the new ferry would be named “The Lucky Gull” after all.",
      (Rep("indirect", "that the new ferry would be named “The Lucky Gull” after all",
           "Ada Brook"),)),
    R("passive-called-names-a-title",
      "The new ferry will be called “The Lucky Gull,” the harbour master said.",
      (Rep("indirect", "The new ferry will be called “The Lucky Gull", "the harbour master",
           "say"),)),
    # ------------------------------------------------------------------ with direct ones
    R("indirect-then-direct",
      "Tomas Lind said he was proud of the crew. “They never once complained,” he added.",
      (Rep("indirect", "he was proud of the crew", "Tomas Lind", "say"),), direct=1),
    # ------------------------------------------------------------------ negatives
    R("neg-direct-after-cue", "Tomas Lind said, “We sail at dawn.”", (), direct=1),
    R("neg-direct-before-cue", "“We sail at dawn,” Tomas Lind said.", (), direct=1),
    R("neg-said-and-left", "“Thank you for coming,” Ada Brook said and left the room.", (),
      direct=1),
    R("neg-that-said", "That said, the council has not yet voted on the plan.", ()),
    R("neg-the-said-property", "The said property was sold in 1998 to a developer from Leeds.",
      ()),
    R("neg-question", "Did the minister say the plan was dead?", ()),
    R("neg-noun-after-determiner", "The report on the fire was published on Monday.", ()),
    R("neg-plural-noun-object", "The panel answered several questions about the budget.", ()),
    R("neg-called-a-name", "She joined a group called Harbor Forward last year.", ()),
    R("neg-adjunct-only", "Tomas Lind said as much in Tuesday's meeting.", ()),
    R("neg-no-cue", "The ferry sailed at dawn and reached the island by noon.", ()),
    # ------------------------------------------------------------------ inflections, nesting
    # "stressing" and "proposes" are rare in train: candidates by their verbs' other forms
    R("pooled-stressing", "The harbour board is stressing that the pier will reopen in May.",
      (Rep("indirect", "that the pier will reopen in May", "The harbour board"),)),
    R("pooled-proposes",
      "The fishermen's union proposes that the catch be weighed at the quay every evening.",
      (Rep("indirect", "that the catch be weighed at the quay every evening",
           "The fishermen's union"),)),
    # a reporting word inside what someone said is part of it, not a second record
    R("nested-expected-is-what-was-said",
      "Harbour master Jo Hart said the union expected repairs to the pier to finish by May.",
      (Rep("indirect", "the union expected repairs to the pier to finish by May", "Jo Hart",
           "say"),)),
    R("nested-urges-in-trailing-attribution",
      "The mayor urges residents to boil their water until Friday, officials said.",
      (Rep("indirect", "The mayor urges residents to boil their water until Friday",
           "officials", "say"),)),
    R("nested-hopes-is-what-was-said",
      "Mirela Vasquez said the council hopes that the bridge will open before the winter.",
      (Rep("indirect", "the council hopes that the bridge will open before the winter",
           "Mirela Vasquez", "say"),)),
    # a verb that raises its subject, or a passive without an agent: the subject is part of
    # what is reported, and no one is named as its source (PolNeAR's two-part content)
    R("raising-expected", "The new ferry is expected to enter service in June.",
      (Rep("indirect", "The new ferry to enter service in June", None, "expect"),)),
    R("raising-seems", "The harbour plan seems to have lost the council's support.",
      (Rep("indirect", "The harbour plan to have lost the council's support", None),)),
    R("passive-accused",
      "The harbour master was accused of hiding the damage from the council.",
      (Rep("indirect", "The harbour master of hiding the damage from the council", None,
           "accuse"),)),
    R("raising-inside-said-is-part-of-it",
      "Mirela Vasquez said the ferry is expected to sail on Friday.",
      (Rep("indirect", "the ferry is expected to sail on Friday", "Mirela Vasquez",
           "say"),)),
    # "…, said NAME, …": the speaker follows the cue, and what was said comes before it
    R("inverted-said-name-apposition",
      "The bridge tolls are far too high, said Mirela Vasquez, a councillor for the harbour "
      "ward.",
      (Rep("indirect", "The bridge tolls are far too high", "Mirela Vasquez", "say"),)),
    R("inverted-said-name-of-place",
      "The plan is sound, said Representative Tomas Lind of Dorset.",
      (Rep("indirect", "The plan is sound", "Tomas Lind", "say"),)),
    R("said-then-a-possessive-name-is-content",
      "The council said North Korea's test was a provocation.",
      (Rep("indirect", "North Korea's test was a provocation", "The council", "say"),)),
    # an attribution that interrupts what was said: the content is both parts
    R("parenthetical-splits-the-content",
      "To understand the harbour, Mayor Anna Reyes said, one should walk the old quay at "
      "dawn.",
      (Rep("indirect", "To understand the harbour one should walk the old quay at dawn",
           "Anna Reyes", "say"),)),
    R("parenthetical-with-an-adjunct",
      "The pier, the harbour master said on Monday, will reopen in May.",
      (Rep("indirect", "The pier will reopen in May", "the harbour master", "say"),)),
    # an owner is part of an unnamed source, never cut to its "s"
    R("source-with-an-owner", "Obama's aides said the speech would be short.",
      (Rep("indirect", "the speech would be short", "Obama's aides", "say"),)),
    R("source-with-a-common-owner", "The mayor’s aides said the speech would be short.",
      (Rep("indirect", "the speech would be short", "The mayor’s aides", "say"),)),
    # "appeared" raises its subject only before what it says ("to be", "as", an adjective)
    R("appeared-on-is-no-raising",
      "Mara Holt appeared on the harbour radio on Tuesday and said that the pier was unsafe.",
      (Rep("indirect", "that the pier was unsafe", "Mara Holt", "say"),)),
    # "told her that the coach …": the addressee is "her", and "the coach" is what was said
    R("told-her-that-the-noun",
      "The mayor told her that the coach had left the harbour an hour before.",
      (Rep("indirect", "that the coach had left the harbour an hour before", "The mayor",
           "tell"),)),
    # an adverb opening the sentence is not the start of a name
    R("adverb-before-name", "Presently Helen Marsh said that the last train had gone.",
      (Rep("indirect", "that the last train had gone", "Helen Marsh", "say"),)),
]
