"""Hand-written cases of whole records, by the five kinds of error that issue 17 names:
(1) words that report no speech, (2) content boundaries, (3) speaker strings that are no
noun phrase, (4) names that are not canonical, (5) addressees. Every sentence is invented
for these tests. The format is that of ``reported_cases.py``: each case lists ALL the
indirect and mixed records the engine must report for its text, in order.

``KNOWN_MISSES`` names the cases the engine still gets wrong, each with what it does
instead: the test of such a case is expected to fail, and fails the suite when it passes
(then it leaves the list).
"""

from __future__ import annotations

try:  # tests/ is not a package today; keep working if it becomes one
    from .reported_cases import R, Rep
except ImportError:
    from reported_cases import R, Rep

# (1) words that report no speech: no record; and beside them the same words reporting
NOT_SPEECH: list[R] = [
    R("not-voted", "The council voted 6-3 on Tuesday to delay the harbor plan until spring.",
      ()),
    R("not-blocked", "A judge blocked the city from ending the night ferry service.", ()),
    R("not-devoted", "She devoted all her powers to the new library project.", ()),
    R("not-clear", "It is clear that the budget will not balance this year.", ()),
    R("not-decided", "Mayor Ana Ruiz decided to run for a second term.", ()),
    R("not-alleged", "Police are still investigating the alleged scheme at the port.", ()),
    R("not-support-noun", "Their support for the tunnel grew after the storm.", ()),
    R("not-fear-noun", "The fear of a strike kept most shops on Quay Street shut.", ()),
    R("not-approved", "The board approved the contract after a short debate.", ()),
    R("not-watched", "Residents watched the crews tear down the old pier.", ()),
    R("not-found-object", "The mayor found the missing keys in her office.", ()),
    R("not-hired", "The ferry company hired forty new deckhands in March.", ()),
    R("not-saw", "Tourists saw the whales from the cliff path.", ()),
    R("not-signed", "The harbour master signed the lease for the boathouse.", ()),
    R("not-expected-object", "Councillors expected the report by Friday.", ()),
]
SPEECH: list[R] = [
    R("speech-said", "Mayor Linda Okafor said the pier would reopen in June.",
      (Rep("indirect", "the pier would reopen in June", "Linda Okafor", "say"),)),
    R("speech-warned", "The union warned that a strike was likely before the holidays.",
      (Rep("indirect", "that a strike was likely before the holidays", "The union",
           "warn"),)),
    R("speech-argued", "Councillor Tomas Lind argued that the ferry budget was far too small.",
      (Rep("indirect", "that the ferry budget was far too small", "Tomas Lind", "argue"),)),
    R("speech-claimed", "The governor claimed the new tax would pay for itself.",
      (Rep("indirect", "the new tax would pay for itself", "The governor", "claim"),)),
    R("speech-found-that", "The inspectors found that the seawall had been built too low.",
      (Rep("indirect", "that the seawall had been built too low", "The inspectors",
           "find"),)),
    R("speech-admitted", "Harbor officials admitted that the repairs had been rushed.",
      (Rep("indirect", "that the repairs had been rushed", None, "admit"),)),
]
# (2) content boundaries
BOUNDARIES: list[R] = [
    R("bound-adjunct-before-that",
      "The mayor said on Tuesday at a press conference near the harbor that the pier would "
      "reopen.",
      (Rep("indirect", "that the pier would reopen", "The mayor", "say"),)),
    R("bound-semicolon", "The minister said the plan was sound; critics disagreed at once.",
      (Rep("indirect", "the plan was sound", "The minister", "say"),)),
    R("bound-and-clause",
      "Okafor said the repairs were finished, and by evening the ferries were running again.",
      (Rep("indirect", "the repairs were finished", "Okafor", "say"),)),
    R("bound-which-clause",
      "The commissioner said the tunnel would open in May, which surprised the council.",
      (Rep("indirect", "the tunnel would open in May", "The commissioner", "say"),)),
    R("bound-adding",
      "Brixham officials said the lighthouse would be repainted, adding that the cost was "
      "small.",
      (Rep("indirect", "the lighthouse would be repainted", None, "say"),
       Rep("indirect", "that the cost was small", None, "add"))),
    R("bound-trailing",
      "The tunnel will open in May, the commissioner said on Monday.",
      (Rep("indirect", "The tunnel will open in May", "the commissioner", "say"),)),
    R("bound-according-to",
      "According to the port authority, cargo traffic fell by a third last year.",
      (Rep("indirect", "cargo traffic fell by a third last year", "the port authority",
           "according to"),)),
    R("bound-relative-inside",
      "Okafor said that the plan, which the council rejected twice, was still alive.",
      (Rep("indirect", "that the plan, which the council rejected twice, was still alive",
           "Okafor", "say"),)),
    R("bound-framing-phrase",
      "At one point, she said, the ferry had carried twice its load.",
      (Rep("indirect", "At one point, the ferry had carried twice its load", None, "say"),)),
]
# (3) speaker strings that are no noun phrase
SPEAKERS: list[R] = [
    R("spk-quantified-plural",
      "Several fishermen complained that the new quay was too shallow.",
      (Rep("indirect", "that the new quay was too shallow", "Several fishermen",
           "complain"),)),
    R("spk-numeral-plural", "Two councillors said the vote had been rushed.",
      (Rep("indirect", "the vote had been rushed", "Two councillors", "say"),)),
    R("spk-former", "Former mayor Jo Hart said the harbor had never been busier.",
      (Rep("indirect", "the harbor had never been busier", "Jo Hart", "say"),)),
    R("spk-dateline",
      "BRIXHAM, Devon — The harbour board said the fees would rise in April.",
      (Rep("indirect", "the fees would rise in April", "The harbour board", "say"),)),
    R("spk-possessive-owner", "The council's lawyer insisted the vote had been lawful.",
      (Rep("indirect", "the vote had been lawful", "The council's lawyer", "insist"),)),
    R("spk-some", "Some residents said the ferry was always late.",
      (Rep("indirect", "the ferry was always late", "Some residents", "say"),)),
]
# (4) canonical names
NAMES: list[R] = [
    R("name-title-place",
      "Ohio Sen. Dana Marsh said the bill would pass. Marsh said the vote was close.",
      (Rep("indirect", "the bill would pass", "Dana Marsh", "say"),
       Rep("indirect", "the vote was close", "Dana Marsh", "say"))),
    R("name-honorific-later",
      "Elena Ortiz Vega runs the port. Ms. Ortiz Vega said the cranes were idle.",
      (Rep("indirect", "the cranes were idle", "Elena Ortiz Vega", "say"),)),
    R("name-outlet-possessor",
      "Harbor Radio's Ray Moreno reported that the ferry had run aground.",
      (Rep("indirect", "that the ferry had run aground", "Ray Moreno", "report"),)),
    R("name-pronoun-resolved",
      "Transport commissioner Dana Marsh visited the site. She said the tunnel was dry.",
      (Rep("indirect", "the tunnel was dry", "Dana Marsh", "say"),)),
    R("name-two-people-one-surname",
      "John Ashford runs the yard. His sister Mary Ashford said the yard would close.",
      (Rep("indirect", "the yard would close", "Mary Ashford", "say"),)),
]
# (5) addressees
ADDRESSEES: list[R] = [
    R("addr-told-council", "Dana Marsh told the council that the bridge was safe.",
      (Rep("indirect", "that the bridge was safe", "Dana Marsh", "tell", "the council"),)),
    R("addr-told-reporters", "Linda Okafor told reporters that the pier would reopen.",
      (Rep("indirect", "that the pier would reopen", "Linda Okafor", "tell", "reporters"),)),
    R("addr-assured-residents",
      "The mayor assured residents that the water was safe to drink.",
      (Rep("indirect", "that the water was safe to drink", "The mayor", "assure",
           "residents"),)),
    R("addr-told-name", "Marsh told Okafor the budget was gone.",
      (Rep("indirect", "the budget was gone", "Marsh", "tell", "Okafor"),)),
]

# (3) more speaker strings, written for the second part of issue 17
SPEAKERS2: list[R] = [
    R("spk-adjective-opening",
      "Coastal shipping experts warned that the channel was silting up.",
      (Rep("indirect", "that the channel was silting up", "Coastal shipping experts",
           "warn"),)),
    R("spk-percent", "Twelve percent said the ferry should run at night.",
      (Rep("indirect", "the ferry should run at night", "Twelve percent", "say"),)),
    R("spk-party-plural",
      "Tidewater County Republicans met on Monday. Republicans said the levy was unfair.",
      (Rep("indirect", "the levy was unfair", "Republicans", "say"),)),
    R("spk-owner-role-org", "The city's lawyer said the contract had been void from the start.",
      (Rep("indirect", "the contract had been void from the start", "The city's lawyer",
           "say"),)),
    R("spk-name-herself", "Okafor herself said the pier had been safe all along.",
      (Rep("indirect", "the pier had been safe all along", "Okafor", "say"),)),
    R("spk-several-caps", "Several Harbour Party councillors said the vote had been rushed.",
      (Rep("indirect", "the vote had been rushed", "Several Harbour Party councillors",
           "say"),)),
]
# (4) more canonical names
NAMES2: list[R] = [
    R("name-org-of", "The Bureau of Harbour Works said the quay would close in May.",
      (Rep("indirect", "the quay would close in May", "Bureau of Harbour Works", "say"),)),
    R("name-org-for",
      "The Center for Coastal Studies reported that the sea had risen again.",
      (Rep("indirect", "that the sea had risen again", "Center for Coastal Studies",
           "report"),)),
    R("name-org-not-a-day", "The council on Friday said the fees would rise in April.",
      (Rep("indirect", "the fees would rise in April", "The council", "say"),)),
    R("name-acronym",
      "The Coastal Restoration Fund issued a report. The CRF said the dunes were shrinking.",
      (Rep("indirect", "the dunes were shrinking", "Coastal Restoration Fund", "say"),)),
    R("name-acronym-unknown", "The CRF said the dunes were shrinking fast this year.",
      (Rep("indirect", "the dunes were shrinking fast this year", "CRF", "say"),)),
    R("name-campaign",
      "Marisol Quint spoke in Brixham. The Quint campaign said the polls were wrong.",
      (Rep("indirect", "the polls were wrong", "Marisol Quint campaign", "say"),)),
    R("name-possessive-administration",
      "Governor Tomas Ferreira spoke. Ferreira's administration said the ports would stay "
      "open.",
      (Rep("indirect", "the ports would stay open", "Tomas Ferreira administration", "say"),)),
    R("name-particle",
      "Mayor Lucia de Vries opened the pier. De Vries said the repairs were finished.",
      (Rep("indirect", "the repairs were finished", "Lucia de Vries", "say"),)),
    R("name-apostrophe",
      "Sean O’Dowd runs the yard. O'Dowd said the yard would close in the spring.",
      (Rep("indirect", "the yard would close in the spring", "Sean O’Dowd", "say"),)),
    R("name-author",
      "When I walked the quay at dawn, it was empty. I have argued that the pier must close.",
      (Rep("indirect", "that the pier must close", "author", "argue"),)),
    R("name-author-contracted", "I've suggested that the harbour fees are far too high.",
      (Rep("indirect", "that the harbour fees are far too high", "author", "suggest"),)),
    R("name-office-before",
      "Brixham Harbour Master Jo Hart said the moorings were full.",
      (Rep("indirect", "the moorings were full", "Jo Hart", "say"),)),
    R("name-party-parenthetical",
      "Sen. Dana Marsh (D-Ore.) said the bill would pass by a wide margin.",
      (Rep("indirect", "the bill would pass by a wide margin", "Dana Marsh", "say"),)),
    R("name-described-office",
      "Gov. Tomas Ferreira spoke in Brixham. Marisol Quint spoke there too. The Devon "
      "governor said the ports would stay open.",
      (Rep("indirect", "the ports would stay open", "Tomas Ferreira", "say"),)),
    R("name-fronted-place-no-role",
      "At a meeting in Chelsea, the mayor said the pier would reopen. Mayor Jo Hart was "
      "there.",
      (Rep("indirect", "the pier would reopen", "the mayor", "say"),)),
    R("name-org-the-kept",
      "The Brixham Gazette reported that the ferry had been sold.",
      (Rep("indirect", "that the ferry had been sold", "Brixham Gazette", "report"),)),
]

CASES: list[R] = [*NOT_SPEECH, *SPEECH, *BOUNDARIES, *SPEAKERS, *SPEAKERS2, *NAMES, *NAMES2,
                  *ADDRESSEES]

#: case id -> what the engine does instead (these tests are expected to fail)
KNOWN_MISSES: dict[str, str] = {
    # (1) the detector passes these verbs with a noun-phrase object: PolNeAR marks many
    # verbs of action and perception as attributions, and the threshold that loses no right
    # record on dev (0.2) lets them through in short sentences
    "not-voted": "an indirect record '6-3 on Tuesday to delay …', cue voted",
    "not-blocked": "an indirect record 'the city from ending …', cue blocked",
    "not-devoted": "an indirect record 'all her powers to …', cue devoted",
    "not-watched": "an indirect record 'the crews tear down the old pier', cue watched",
    "not-found-object": "an indirect record 'the missing keys in her office', cue found",
    "not-hired": "an indirect record 'forty new deckhands in March', cue hired",
    "not-saw": "an indirect record 'the whales from the cliff path', cue saw",
    "not-signed": "an indirect record 'the lease for the boathouse', cue signed",
    "not-expected-object": "an indirect record 'the report by Friday', cue expected",
    "speech-found-that": "the record is right but its lemma is 'found' (an irregular "
                         "form the lexicon lacks)",
    # (2) content boundaries
    "bound-adjunct-before-that": "the content keeps 'on Tuesday at a press conference near "
                                 "the harbor' before its 'that'",
    "bound-relative-inside": "the content ends at the relative clause ('that the plan'), "
                             "and 'rejected' opens a second record",
    "bound-framing-phrase": "the content is the part after the interjected cue only",
}
