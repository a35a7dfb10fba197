"""Hand-written engine cases: the behaviour ``quotegraph.extract`` must show, as data.

Every sentence here is invented for these tests (fictional people and places). Each
:class:`Case` lists ALL the direct quotations the engine must report for its text, in order of
appearance (an enclosing quotation before the ones nested inside it), and nothing else.

Conventions the expectations follow (see ``tests/test_engine_cases.py`` for how they are checked):

* Only direct quotations (content in quotation marks) are expected here; reported speech without
  quotation marks yields no quote. Titles, names, nicknames and scare-quoted words or two-word
  phrases in running text are not quotations.
* ``Q.text`` is the content between the marks, exactly (punctuation inside the marks kept); the
  parts of a split or multi-paragraph quotation are joined with one space.
* An opening mark that is never closed runs to the end of its paragraph (trailing whitespace
  excluded) and is reported when it has at least four words.
* Apostrophes (don’t, ’90s, rock ’n’ roll, the Pendletons’, o’clock) never open or close a quote.
* ``Q.speaker`` / ``Q.addressee`` is the canonical name: the fullest name the article gives,
  without title or honorific ("Mayor Rosalind Achterberg" -> "Rosalind Achterberg"). A person
  known only by surname is named by the surname alone ("Mr. Castellane" -> "Castellane", the
  form of address kept in the entity's ``title``), except where it tells apart people who share
  the surname (Mr. and Mrs. Tregarth) and in fiction, where the form of address is how a
  character is called ("Mrs. Croft", "Admiral Tregarth"). Anonymous
  sources, unnamed organisations and groups keep their words exactly as written at the
  attribution site ("one viewer", "Another", "the company", "the couple"); so do unnamed
  addressees ("reporters", "staff", "the jury", "the Marlow Post").
* A quote paragraph without a cue continues the previous quote's speaker (news convention); in a
  two-person exchange unattributed lines alternate. ``said`` without an object means no addressee.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Q:
    """One expected quotation. Optional fields left as ``None`` are not checked."""

    text: str
    speaker: str | None
    addressee: str | None = None
    cue: str | None = None
    manner: str | None = None
    nparts: int | None = None
    kind: str = "direct"
    parent: int | None = None
    speaker_type: str | None = None


@dataclass(frozen=True)
class Case:
    """One article and every quotation the engine must find in it, in order."""

    id: str
    text: str
    quotes: tuple[Q, ...]


def _p(*paragraphs: str) -> str:
    """Join paragraphs with a blank line, the usual layout of a plain-text article."""
    return "\n\n".join(paragraphs)


CASES: list[Case] = [
    # ==========================================================================================
    # (1) Quote marks: straight, curly, single-quote house style, « », „ “, apostrophes,
    #     unbalanced marks.
    # ==========================================================================================
    Case(
        id="marks-curly-basic",
        text=_p(
            "The Fenwick ferry will stop running on Sundays from next month, its operator "
            "announced on Monday.",
            "“We simply cannot find enough crew for the weekend shifts,” said Harriet Lowe, the "
            "operator’s chief executive.",
        ),
        quotes=(
            Q("We simply cannot find enough crew for the weekend shifts,", "Harriet Lowe",
              cue="say", manner="neutral", nparts=1, speaker_type="person"),
        ),
    ),
    Case(
        id="marks-straight-double",
        text=_p(
            "Volunteers planted 400 oak saplings along the Millbrook canal on Saturday.",
            "\"It's the biggest turnout we've had in the club's history,\" said organiser "
            "Tobias Wren.",
        ),
        quotes=(
            Q("It's the biggest turnout we've had in the club's history,", "Tobias Wren",
              cue="say", nparts=1),
        ),
    ),
    Case(
        id="marks-single-house-style",
        text=_p(
            "The Carrow Valley Hawks lost their fourth straight game on Friday, but the team’s "
            "coach was in no mood to panic.",
            "‘We haven’t played our best football yet, and the players know it,’ said Coach "
            "Imelda Sorensen.",
        ),
        quotes=(
            Q("We haven’t played our best football yet, and the players know it,",
              "Imelda Sorensen", cue="say", nparts=1),
        ),
    ),
    Case(
        id="marks-single-apostrophes-music",
        text=_p(
            "Marisol Quint has run the Bluebird Lounge on Dock Road since 2004.",
            "‘I grew up on rock ’n’ roll in the ’90s, and I still book bands that sound like "
            "it,’ Quint said.",
        ),
        quotes=(
            Q("I grew up on rock ’n’ roll in the ’90s, and I still book bands that sound like "
              "it,", "Marisol Quint", cue="say", nparts=1),
        ),
    ),
    Case(
        id="marks-single-possessive-inside",
        text=_p(
            "The Pendletons’ dog barked until two o’clock in the morning on Saturday, and their "
            "neighbour Arjun Mehta has had enough.",
            "‘I haven’t slept properly since the Pendletons’ new puppy arrived,’ Mehta said.",
        ),
        quotes=(
            Q("I haven’t slept properly since the Pendletons’ new puppy arrived,", "Arjun Mehta",
              nparts=1),
        ),
    ),
    Case(
        id="marks-apostrophes-no-quotes",
        text=_p(
            "The Ferreiras’ bakery on Elm Street has sold rock ’n’ roll cupcakes since the ’90s. "
            "It opens at six o’clock every morning and doesn’t close until the last loaf is gone.",
            "The family’s newest recipe, a rye loaf with caraway, sold out by ten o’clock on "
            "Saturday.",
        ),
        quotes=(),
    ),
    Case(
        id="marks-tis-inside-quote",
        text=_p(
            "Ada Finch has run the lost-property office at Brennan Street station for nine "
            "years, and December is her busiest month.",
            "“’Tis the season for lost gloves, and we get about forty pairs a day,” Finch joked.",
        ),
        quotes=(
            Q("’Tis the season for lost gloves, and we get about forty pairs a day,", "Ada Finch",
              cue="joke", manner="humorous", nparts=1),
        ),
    ),
    Case(
        id="marks-straight-single",
        text=_p(
            "Bettina Kroll has served coffee from a converted horsebox on the Wexford Road "
            "lay-by since 2016.",
            "'We're staying open through the winter, whatever the weather does,' said Kroll.",
        ),
        quotes=(
            Q("We're staying open through the winter, whatever the weather does,",
              "Bettina Kroll", cue="say", nparts=1),
        ),
    ),
    Case(
        id="marks-guillemets",
        text=_p(
            "The chapel in the village of Saint-Aubin-sur-Loire lost its roof in a storm last "
            "winter.",
            "«We will rebuild it stone by stone,» said Élodie Marchand, the village’s mayor.",
            "Lucien Fabre, who has rung the chapel bells for forty years, was more cautious: "
            "«I will believe it when I hear the bells again.»",
        ),
        quotes=(
            Q("We will rebuild it stone by stone,", "Élodie Marchand", cue="say", nparts=1),
            Q("I will believe it when I hear the bells again.", "Lucien Fabre", nparts=1),
        ),
    ),
    Case(
        id="marks-german-low-high",
        text=_p(
            "Visitors to the Lindenhof beer festival in Kesselbach queued for more than an hour "
            "on its opening night.",
            "„We never expected so many people on the first evening,“ said Jonas Falkenrath, "
            "who runs the festival.",
        ),
        quotes=(
            Q("We never expected so many people on the first evening,", "Jonas Falkenrath",
              cue="say", nparts=1),
        ),
    ),
    Case(
        id="marks-mixed-straight-and-curly",
        text=_p(
            "Residents of Tamsworth packed the church hall on Monday to discuss the quarry "
            "expansion.",
            "\"The dust is already on every windowsill in the village,\" said resident Hilde "
            "Sorley.",
            "“Our children should not have to breathe it,” said her neighbour, Tariq Benn.",
        ),
        quotes=(
            Q("The dust is already on every windowsill in the village,", "Hilde Sorley",
              nparts=1),
            Q("Our children should not have to breathe it,", "Tariq Benn", nparts=1),
        ),
    ),
    Case(
        # The opening mark of the first paragraph is never closed: the quotation runs to the
        # end of its paragraph; the next paragraph's quotation is unaffected.
        id="marks-unclosed-then-proper",
        text=_p(
            "Councillor Ruth Abernathy opened the hearing with a warning: “We have waited eleven "
            "years for this bridge.",
            "Her colleague on the transport committee, Tom Reyes, disagreed. “The money is "
            "simply not there this year,” he said.",
        ),
        quotes=(
            Q("We have waited eleven years for this bridge.", "Ruth Abernathy", nparts=1),
            Q("The money is simply not there this year,", "Tom Reyes", cue="say", nparts=1),
        ),
    ),
    Case(
        # The last paragraph opens a quotation that never closes: it still counts, and it
        # continues the previous speaker.
        id="marks-unclosed-final-paragraph",
        text=_p(
            "Sheep have been wandering onto the Brackley road for months through a broken fence.",
            "“The fence has been broken since April,” said farmer Owen Tillery.",
            "“Nobody from the council has even come to look at it.",
        ),
        quotes=(
            Q("The fence has been broken since April,", "Owen Tillery", nparts=1),
            Q("Nobody from the council has even come to look at it.", "Owen Tillery", nparts=1),
        ),
    ),
    Case(
        # A stray closing mark with no opener is ignored.
        id="marks-stray-closing-mark",
        text=_p(
            "The Harwick museum reopened its east wing on Saturday after a two-year "
            "renovation.” Visitors began queuing before dawn.",
            "“I came at five in the morning so I could be first through the door,” said Greta "
            "Holm, a retired nurse from Alder Bay.",
        ),
        quotes=(
            Q("I came at five in the morning so I could be first through the door,",
              "Greta Holm", cue="say", nparts=1),
        ),
    ),
    Case(
        # A straight double mark after a number is an inch sign, not a quotation mark.
        id="marks-inch-sign",
        text=_p(
            "Crews replaced a 12\" water main under Dover Street on Tuesday, closing the road "
            "for the whole day.",
            "\"We expect to reopen both lanes by Friday morning,\" said site manager Colm Healy.",
        ),
        quotes=(
            Q("We expect to reopen both lanes by Friday morning,", "Colm Healy", nparts=1),
        ),
    ),
    # ==========================================================================================
    # (2) Multi-paragraph quotations: a paragraph ends without a closing mark and the next one
    #     opens with a mark.
    # ==========================================================================================
    Case(
        id="multipara-two",
        text=_p(
            "Head teacher Colin Ashdown addressed parents at Greyfield Primary on Wednesday "
            "evening.",
            "“The roof repairs will take the whole summer, and some classes will start the year "
            "in the sports hall.",
            "“I know that is not what anyone wanted to hear, but the building has to be safe,” "
            "Ashdown said.",
        ),
        quotes=(
            Q("The roof repairs will take the whole summer, and some classes will start the year "
              "in the sports hall. I know that is not what anyone wanted to hear, but the "
              "building has to be safe,", "Colin Ashdown", cue="say", nparts=2),
        ),
    ),
    Case(
        id="multipara-three-colon",
        text=_p(
            "Mayor Teodora Vance read a short statement outside city hall on Thursday:",
            "“This morning I accepted the resignation of the city’s finance director.",
            "“The audit raised questions that deserve full answers.",
            "“Those answers will be published, in full, before the end of the month.”",
        ),
        quotes=(
            Q("This morning I accepted the resignation of the city’s finance director. The "
              "audit raised questions that deserve full answers. Those answers will be "
              "published, in full, before the end of the month.", "Teodora Vance", nparts=3),
        ),
    ),
    Case(
        # Split inside the first paragraph, then the quotation runs on into the next one.
        id="multipara-split-then-paragraph",
        text=_p(
            "The Redmoor Rovers clinched promotion with a 2-0 win over Castlegate on Saturday.",
            "“We are proud of every single player,” said Coach Bram Keller. “They never stopped "
            "believing.",
            "“Next season, we go further.”",
        ),
        quotes=(
            Q("We are proud of every single player, They never stopped believing. Next season, "
              "we go further.", "Bram Keller", cue="say", nparts=3),
        ),
    ),
    Case(
        id="multipara-straight",
        text=_p(
            "Retired pilot Wendell Osgood, 81, has flown the same yellow biplane over "
            "Cresthaven every summer since 1972.",
            "\"People ask me when I'll stop, and I tell them the plane will decide.",
            "\"She's older than I am, and she's still in better shape,\" Osgood said with a grin.",
        ),
        quotes=(
            Q("People ask me when I'll stop, and I tell them the plane will decide. She's older "
              "than I am, and she's still in better shape,", "Wendell Osgood", nparts=2),
        ),
    ),
    Case(
        # Each paragraph closes its own quotation: two quotations, not one.
        id="multipara-closed-paragraphs-stay-separate",
        text=_p(
            "Dr. Selma Barrow has studied the otters of the Tarn estuary for two decades.",
            "“The numbers have doubled since the paper mill closed,” Barrow said.",
            "“Clean water is the whole story here.”",
        ),
        quotes=(
            Q("The numbers have doubled since the paper mill closed,", "Selma Barrow",
              cue="say", nparts=1),
            Q("Clean water is the whole story here.", "Selma Barrow", nparts=1),
        ),
    ),
    Case(
        # Paragraphs separated by single newlines.
        id="multipara-single-newlines",
        text=(
            "The Ashgrove library will close for repairs in June.\n"
            "“The building needs a new boiler and new wiring, and the work cannot be done with "
            "readers inside.\n"
            "“We expect to reopen in September,” said council spokesperson Lena Petrov."
        ),
        quotes=(
            Q("The building needs a new boiler and new wiring, and the work cannot be done with "
              "readers inside. We expect to reopen in September,", "Lena Petrov",
              nparts=2, speaker_type="person"),
        ),
    ),
    Case(
        id="multipara-attribution-in-last-paragraph",
        text=_p(
            "Novelist Ingrid Solberg spent three winters alone in a cabin on Hallvik Island to "
            "finish her latest book.",
            "“The first winter was the hardest, because I had not yet learned to be quiet.",
            "“By the second winter, the silence had become a kind of company,” she said. “By the "
            "third, I did not want to leave.”",
        ),
        quotes=(
            Q("The first winter was the hardest, because I had not yet learned to be quiet. By "
              "the second winter, the silence had become a kind of company, By the third, I did "
              "not want to leave.", "Ingrid Solberg", cue="say", nparts=3),
        ),
    ),
    # ==========================================================================================
    # (3) Split quotations: “A,” she said. “B.” is one quotation in two parts.
    # ==========================================================================================
    Case(
        id="split-pronoun",
        text=_p(
            "Paediatric nurse Abigail Fenn has worked nights at St. Brendan’s Hospital for "
            "fifteen years.",
            "“The night shift is when you really get to know the families,” she said. “There is "
            "more time to talk.”",
        ),
        quotes=(
            Q("The night shift is when you really get to know the families, There is more time "
              "to talk.", "Abigail Fenn", cue="say", manner="neutral", nparts=2),
        ),
    ),
    Case(
        id="split-inverted-name",
        text=_p(
            "Grape pickers in the Orvane valley finished their work before the end of August "
            "this year.",
            "“The harvest came in three weeks early,” said vintner Paolo Ricci. “That has never "
            "happened in my lifetime.”",
        ),
        quotes=(
            Q("The harvest came in three weeks early, That has never happened in my lifetime.",
              "Paolo Ricci", cue="say", nparts=2),
        ),
    ),
    Case(
        id="split-mid-sentence",
        text=_p(
            "City treasurer Marguerite Olsen presented next year’s budget to the council on "
            "Monday.",
            "“A budget,” Olsen said, “is a list of promises with prices attached.”",
        ),
        quotes=(
            Q("A budget, is a list of promises with prices attached.", "Marguerite Olsen",
              cue="say", nparts=2),
        ),
    ),
    Case(
        id="split-straight-with-relative-clause",
        text=_p(
            "Floodwater covered more than 2,000 acres of farmland east of Eastbrook on Sunday.",
            "\"We knew the river would rise,\" said Hamish Doyle, who farms near the village. "
            "\"We didn't know it would rise this fast.\"",
        ),
        quotes=(
            Q("We knew the river would rise, We didn't know it would rise this fast.",
              "Hamish Doyle", cue="say", nparts=2),
        ),
    ),
    Case(
        id="split-single-house-style",
        text=_p(
            "Groundskeeper Desmond Akande spent the night before the cup final pumping water "
            "off the pitch at Millfield Park.",
            "‘By midnight it looked like a lake,’ Akande said. ‘By morning you could play on it.’",
        ),
        quotes=(
            Q("By midnight it looked like a lake, By morning you could play on it.",
              "Desmond Akande", cue="say", nparts=2),
        ),
    ),
    Case(
        id="split-german-marks",
        text=_p(
            "Jonas Falkenrath, who runs the beer festival in Kesselbach, ran out of tents on the "
            "second night.",
            "„The tents were full by seven,“ Falkenrath said. „Next year we will need twice as "
            "many.“",
        ),
        quotes=(
            Q("The tents were full by seven, Next year we will need twice as many.",
              "Jonas Falkenrath", cue="say", nparts=2),
        ),
    ),
    Case(
        # Two quotations in one paragraph, each with its own speaker: never merged.
        id="split-two-speakers-not-merged",
        text=_p(
            "The two candidates for harbour master, Gwen Tolliver and Arne Sundqvist, spoke at "
            "the fishermen’s hall on Tuesday.",
            "“I will dredge the channel in my first year,” Tolliver said. “The channel can wait "
            "until the sea wall is fixed,” Sundqvist said.",
        ),
        quotes=(
            Q("I will dredge the channel in my first year,", "Gwen Tolliver", nparts=1),
            Q("The channel can wait until the sea wall is fixed,", "Arne Sundqvist", nparts=1),
        ),
    ),
    Case(
        id="split-admitted-with-a-laugh",
        text=_p(
            "Singer Paloma Ibarra played her first concert in her home town of Velden on "
            "Saturday.",
            "“I was terrified,” she admitted with a laugh. “Then the first song started and I "
            "forgot all about it.”",
        ),
        quotes=(
            Q("I was terrified, Then the first song started and I forgot all about it.",
              "Paloma Ibarra", cue="admit", nparts=2),
        ),
    ),
    Case(
        id="split-question",
        text=_p(
            "Plans for a 300-space car park on the Weaver meadows went on display at the town "
            "hall this week.",
            "“Why would anyone build a car park there?” asked resident Yusuf Demir. “It floods "
            "every winter.”",
        ),
        quotes=(
            Q("Why would anyone build a car park there? It floods every winter.", "Yusuf Demir",
              cue="ask", nparts=2),
        ),
    ),
    # ==========================================================================================
    # (4) Nested quotations: the enclosing quotation first, then the ones inside it.
    # ==========================================================================================
    Case(
        id="nested-told-me",
        text=_p(
            "Retired teacher Hazel Brook was asleep when the Millrace dam began to crack.",
            "“My neighbour Carl Dunning banged on my door and told me, ‘Get to high ground "
            "now,’” Brook said.",
        ),
        quotes=(
            Q("My neighbour Carl Dunning banged on my door and told me, ‘Get to high ground "
              "now,’", "Hazel Brook", cue="say", nparts=1),
            Q("Get to high ground now,", "Carl Dunning", addressee="Hazel Brook", cue="tell",
              nparts=1, parent=0),
        ),
    ),
    Case(
        id="nested-single-outer-double-inner",
        text=_p(
            "Dev Rana spent nine hours in a police cell in Corbridge before officers realised "
            "they had the wrong man.",
            "‘Sergeant Willa Ambrose finally opened the door and said to me, “You are free to "
            "go,” as if nothing had happened,’ Rana said.",
        ),
        quotes=(
            Q("Sergeant Willa Ambrose finally opened the door and said to me, “You are free to "
              "go,” as if nothing had happened,", "Dev Rana", nparts=1),
            Q("You are free to go,", "Willa Ambrose", addressee="Dev Rana", cue="say",
              nparts=1, parent=0),
        ),
    ),
    Case(
        id="nested-anonymous-inner",
        text=_p(
            "Ray Mendel thought he had lost his wallet for good on a crowded Line 4 tram.",
            "“A stranger tapped my shoulder and asked me, ‘Is this your wallet?’ and walked off "
            "before I could thank him,” Mendel said.",
        ),
        quotes=(
            Q("A stranger tapped my shoulder and asked me, ‘Is this your wallet?’ and walked off "
              "before I could thank him,", "Ray Mendel", cue="say", nparts=1),
            Q("Is this your wallet?", "A stranger", addressee="Ray Mendel", cue="ask",
              parent=0, speaker_type="anonymous"),
        ),
    ),
    Case(
        # The inner speaker is "my father", resolved through the stated relation.
        id="nested-relation-father",
        text=_p(
            "Linnea Okoye grew up above her father’s shoe repair shop on Calder Street. Her "
            "father, Samuel Okoye, still opens the shop at seven every morning at the age of 80.",
            "“When I left for university, my father handed me a hammer and told me, ‘You will "
            "always have a trade,’” she said.",
        ),
        quotes=(
            Q("When I left for university, my father handed me a hammer and told me, ‘You will "
              "always have a trade,’", "Linnea Okoye", nparts=1),
            Q("You will always have a trade,", "Samuel Okoye", addressee="Linnea Okoye",
              cue="tell", parent=0),
        ),
    ),
    Case(
        id="nested-two-inner",
        text=_p(
            "Bus driver Frank Odell described the moment a passenger, Gloria Pask, went into "
            "labour aboard his number 42 bus.",
            "“She said, ‘The baby is coming right now,’ and I said, ‘Not on my bus, it isn’t,’” "
            "Odell said with a laugh.",
        ),
        quotes=(
            Q("She said, ‘The baby is coming right now,’ and I said, ‘Not on my bus, it isn’t,’",
              "Frank Odell", nparts=1),
            Q("The baby is coming right now,", "Gloria Pask", parent=0, cue="say"),
            Q("Not on my bus, it isn’t,", "Frank Odell", parent=0, cue="say"),
        ),
    ),
    Case(
        id="nested-straight-marks",
        text=_p(
            "Kenji Arata worked at the Fairhaven distribution centre for twelve years, all of "
            "them under the same manager, Dale Prentiss.",
            "\"Prentiss called me into his office and told me, 'We're letting you go,' just like "
            "that,\" Arata said.",
        ),
        quotes=(
            Q("Prentiss called me into his office and told me, 'We're letting you go,' just like "
              "that,", "Kenji Arata", nparts=1),
            Q("We're letting you go,", "Dale Prentiss", addressee="Kenji Arata", cue="tell",
              parent=0),
        ),
    ),
    Case(
        # A song title in single marks inside a quotation is not a quotation of its own.
        id="nested-inner-title-not-a-quote",
        text=_p(
            "Lounge singer Marta Vell has performed at the Anchor Hotel every Friday for twenty "
            "years.",
            "“My favourite song is still ‘Harbour Lights at Midnight,’ and I close every show "
            "with it,” Vell said.",
        ),
        quotes=(
            Q("My favourite song is still ‘Harbour Lights at Midnight,’ and I close every show "
              "with it,", "Marta Vell", cue="say", nparts=1),
        ),
    ),
    # ==========================================================================================
    # (5) Not quotations: titles, names, nicknames, scare quotes, words as words.
    # ==========================================================================================
    Case(
        id="not-tv-title",
        text="The cooking contest “Salt and Smoke” returns to Channel 9 on Monday evening with "
             "twelve new contestants.",
        quotes=(),
    ),
    Case(
        id="not-song-title-appositive",
        text="Singer Noelle Darrow’s new single, “Paper Lanterns,” has been streamed two million "
             "times since its release in May.",
        quotes=(),
    ),
    Case(
        id="not-scare-one-word",
        text="Officials described Tuesday’s six-hour power cut in Westbury as a “glitch.”",
        quotes=(),
    ),
    Case(
        id="not-scare-two-words",
        text="The “quiet quitting” trend has reached the Corley plant, where attendance fell by "
             "a fifth this year.",
        quotes=(),
    ),
    Case(
        id="not-plan-name",
        text="The council approved a plan called “Harbor Forward 2030” by seven votes to two on "
             "Wednesday.",
        quotes=(),
    ),
    Case(
        id="not-nickname",
        text="Tomas “The Hammer” Reyes defended his regional boxing title in Dunmore on Saturday "
             "night.",
        quotes=(),
    ),
    Case(
        id="not-word-as-word",
        text="The word “resilience” appears 43 times in the council’s new climate strategy.",
        quotes=(),
    ),
    Case(
        id="not-ironic-scare-quote",
        text=_p(
            "The Pinecrest bakery’s “temporary” closure is now in its third year.",
            "The owners have not said when, or whether, the ovens will be lit again.",
        ),
        quotes=(),
    ),
    Case(
        id="not-title-at-sentence-start",
        text="“Northern Lights Over Dunmore” won best documentary at the Kestrel Film Festival "
             "on Sunday.",
        quotes=(),
    ),
    Case(
        id="not-book-title-long",
        text=_p(
            "Author Beatrix Moll will read at the Calder library on Thursday.",
            "Her memoir, “Everything I Learned From the River,” spent six weeks on the "
            "bestseller list this spring.",
        ),
        quotes=(),
    ),
    Case(
        id="not-sign-text-two-words",
        text="Signs reading “Road Closed” went up on Fenner Lane on Monday morning, and drivers "
             "were sent through the village instead.",
        quotes=(),
    ),
    Case(
        id="not-place-nickname",
        text="Locals call the flooded quarry “the Bowl,” and swimmers have used it every summer "
             "for generations.",
        quotes=(),
    ),
    Case(
        id="not-straight-album-title",
        text="The band's third album, \"Slow Weather,\" reached number four in the charts last "
             "week.",
        quotes=(),
    ),
    Case(
        id="not-film-title-then-real-quote",
        text=_p(
            "Director Anouk Silva’s new film, “The Glass Orchard,” opens in cinemas on Friday.",
            "“I wanted to make something quiet and slow,” Silva said.",
        ),
        quotes=(
            Q("I wanted to make something quiet and slow,", "Anouk Silva", cue="say", nparts=1),
        ),
    ),
    Case(
        id="not-scare-quote-then-real-quote",
        text=_p(
            "Residents have nicknamed the new glass tower on Quay Street the “Toaster.”",
            "“It looks like it could pop at any moment,” said resident Olga Brandvold.",
        ),
        quotes=(
            Q("It looks like it could pop at any moment,", "Olga Brandvold", cue="say",
              nparts=1),
        ),
    ),
    # ==========================================================================================
    # (6) Reporting expressions: the cue's lemma and manner, inverted order, colon
    #     introductions, speaker before the quote, "according to".
    # ==========================================================================================
    Case(
        id="cue-fired-back",
        text=_p(
            "Councillor Leon Garber accused the parks department of wasting money on the new "
            "fountain in Linden Square.",
            "“The fountain cost less than his office’s coffee budget,” parks director Naomi "
            "Sutter fired back.",
        ),
        quotes=(
            Q("The fountain cost less than his office’s coffee budget,", "Naomi Sutter",
              cue="fire back", manner="hostile", nparts=1),
        ),
    ),
    Case(
        id="cue-jumped-in",
        text=_p(
            "Radio host Priya Lamont was halfway through a question about the new stadium when "
            "her co-host, Dominic Hale, cut across her.",
            "Before Lamont could finish, Hale jumped in: “The stadium is a done deal, and "
            "everyone in this city knows it.”",
        ),
        quotes=(
            Q("The stadium is a done deal, and everyone in this city knows it.", "Dominic Hale",
              cue="jump in", nparts=1),
        ),
    ),
    Case(
        id="cue-lashed-out-at",
        text=_p(
            "Hawks manager Gil Navarro was sent to the stands in the second half on Saturday.",
            "Navarro lashed out at referee Owen Pratt as he left the pitch: “You have ruined this "
            "game for everyone.”",
        ),
        quotes=(
            Q("You have ruined this game for everyone.", "Gil Navarro", addressee="Owen Pratt",
              cue="lash out", manner="hostile", nparts=1),
        ),
    ),
    Case(
        id="cue-pointed-out",
        text=_p(
            "Not everyone at the Ferncliff town meeting supported the new parking fees.",
            "“Half the shops on this street are already empty,” one resident pointed out.",
        ),
        quotes=(
            Q("Half the shops on this street are already empty,", "one resident",
              cue="point out", nparts=1, speaker_type="anonymous"),
        ),
    ),
    Case(
        id="cue-tweeted",
        text=_p(
            "Sen. Harlan Whitcombe reacted within minutes to the vote on the farm bill on "
            "Thursday night.",
            "“A sad day for every farmer in this state,” he tweeted.",
        ),
        quotes=(
            Q("A sad day for every farmer in this state,", "Harlan Whitcombe", cue="tweet",
              manner="written", nparts=1),
        ),
    ),
    Case(
        id="cue-wrote",
        text=_p(
            "Novelist Cressida Vane announced her retirement on Monday, a week after her "
            "seventieth birthday.",
            "“I have told every story I know how to tell,” Vane wrote on her website.",
        ),
        quotes=(
            Q("I have told every story I know how to tell,", "Cressida Vane", cue="write",
              manner="written", nparts=1),
        ),
    ),
    Case(
        id="cue-according-to",
        text=_p(
            "The new footbridge over the Alder will open in October, three months late, "
            "project engineer Ravi Menon confirmed on Tuesday.",
            "“The steel arrived with the wrong coating and had to be sent back to the mill,” "
            "according to Menon.",
        ),
        quotes=(
            Q("The steel arrived with the wrong coating and had to be sent back to the mill,",
              "Ravi Menon", cue="according to", nparts=1),
        ),
    ),
    Case(
        id="cue-inverted-title-appositive",
        text=_p(
            "Bumblebees in the Cairnmoor hills are emerging two weeks earlier than they did a "
            "decade ago.",
            "“The flowers and the bees are falling out of step,” said Dr. Helga Marchetti, a "
            "researcher at the Northfield Institute of Ecology.",
        ),
        quotes=(
            Q("The flowers and the bees are falling out of step,", "Helga Marchetti",
              cue="say", manner="neutral", nparts=1, speaker_type="person"),
        ),
    ),
    Case(
        id="cue-colon-put-it-bluntly",
        text=_p(
            "Economist Tobias Grell has warned about house prices in Penwick for years.",
            "Grell put it bluntly: “Nobody under forty can afford to live here anymore.”",
        ),
        quotes=(
            Q("Nobody under forty can afford to live here anymore.", "Tobias Grell", nparts=1),
        ),
    ),
    Case(
        id="cue-replied-before-quote",
        text=_p(
            "Fire chief Anton Brisco was asked on Monday whether the fire station in Oakmere "
            "would close.",
            "He replied, “Not while I am chief.”",
        ),
        quotes=(
            Q("Not while I am chief.", "Anton Brisco", cue="reply", nparts=1),
        ),
    ),
    Case(
        id="cue-joked-inverted",
        text=_p(
            "Heavy rain flooded the market square in Ellesby for the third time this year.",
            "“At least the ducks are happy,” joked Mayor Ferris Quaid as he waded across the "
            "square in rubber boots.",
        ),
        quotes=(
            Q("At least the ducks are happy,", "Ferris Quaid", cue="joke", manner="humorous",
              nparts=1),
        ),
    ),
    Case(
        id="cue-quipped",
        text=_p(
            "Comedian Bertie Colwell shrugged off a savage review of his new show in the Evening "
            "Ledger.",
            "“I have been called worse things by better critics,” he quipped.",
        ),
        quotes=(
            Q("I have been called worse things by better critics,", "Bertie Colwell",
              cue="quip", manner="humorous", nparts=1),
        ),
    ),
    Case(
        id="cue-insisted",
        text=_p(
            "Headteacher Ophelia Grant faced angry parents at Kilbride Academy on Tuesday over "
            "plans to merge the school with its neighbour.",
            "“The school will stay open, and it will stay on this site,” Grant insisted.",
        ),
        quotes=(
            Q("The school will stay open, and it will stay on this site,", "Ophelia Grant",
              cue="insist", manner="assertive", nparts=1),
        ),
    ),
    Case(
        id="cue-conceded-nominal",
        text=_p(
            "Transport Minister Callum Reade faced questions on Monday about the delayed Eastline "
            "rail project.",
            "“We got the timing badly wrong,” the minister conceded.",
        ),
        quotes=(
            Q("We got the timing badly wrong,", "Callum Reade", cue="concede",
              manner="conciliatory", nparts=1),
        ),
    ),
    Case(
        id="cue-wondered-aloud",
        text=_p(
            "Esther Kalb reopened the Roxy cinema in Dunhallow in May, but on most nights only a "
            "handful of seats are filled.",
            "“Maybe the town just isn’t ready for a cinema again,” Kalb wondered aloud.",
        ),
        quotes=(
            Q("Maybe the town just isn’t ready for a cinema again,", "Esther Kalb",
              cue="wonder", manner="tentative", nparts=1),
        ),
    ),
    Case(
        id="cue-snapped-at",
        text=_p(
            "Defendant Marcus Tully interrupted his sentencing hearing in Carlow three times on "
            "Wednesday.",
            "“Sit down and let me finish,” Judge Orla Pennick snapped at Tully.",
        ),
        quotes=(
            Q("Sit down and let me finish,", "Orla Pennick", addressee="Marcus Tully",
              cue="snap", manner="hostile", nparts=1),
        ),
    ),
    Case(
        id="cue-asked-with-relative-clause",
        text=_p(
            "The Quarry Lane bypass will cost twice what the county first estimated.",
            "“Who is going to pay for all of this?” asked Beatrice Lomax, who has lived on the "
            "lane for forty years.",
        ),
        quotes=(
            Q("Who is going to pay for all of this?", "Beatrice Lomax", cue="ask", nparts=1),
        ),
    ),
    Case(
        id="cue-warned",
        text=_p(
            "Lake Orrin has dropped to its lowest level since records began.",
            "“Another summer like this and the lake will be a meadow,” warned hydrologist Petra "
            "Vinter.",
        ),
        quotes=(
            Q("Another summer like this and the lake will be a meadow,", "Petra Vinter",
              cue="warn", nparts=1),
        ),
    ),
    Case(
        id="cue-added-new-paragraph",
        text=_p(
            "Lifeboat volunteer Ciaran Mullally helped rescue two kayakers off Reen Point on "
            "Sunday.",
            "“The sea went from calm to wild in ten minutes,” Mullally said.",
            "“They did everything right, and they were still lucky,” he added.",
        ),
        quotes=(
            Q("The sea went from calm to wild in ten minutes,", "Ciaran Mullally", cue="say",
              nparts=1),
            Q("They did everything right, and they were still lucky,", "Ciaran Mullally",
              cue="add", nparts=1),
        ),
    ),
    # ==========================================================================================
    # (7) Speakers: titles, appositives, pronouns, nominals, organisations, groups, anonymous
    #     sources, surname -> full name, continuation, alternation, no speaker.
    # ==========================================================================================
    Case(
        id="spk-title-mayor",
        text=_p(
            "The city council voted on Tuesday to cut the library budget by a tenth.",
            "“We will not close a single library while I hold this office,” said Mayor Rosalind "
            "Achterberg.",
        ),
        quotes=(
            Q("We will not close a single library while I hold this office,",
              "Rosalind Achterberg", cue="say", nparts=1, speaker_type="person"),
        ),
    ),
    Case(
        id="spk-title-judge-surname",
        text=_p(
            "Judge Cornelius Weatherby dismissed the fraud case against the Harlow brothers on "
            "Friday.",
            "“The prosecution brought this court a theory, not evidence,” Weatherby said.",
        ),
        quotes=(
            Q("The prosecution brought this court a theory, not evidence,",
              "Cornelius Weatherby", cue="say", nparts=1),
        ),
    ),
    Case(
        id="spk-title-senator-pronoun",
        text=_p(
            "Sen. Marisa Delacroix returned to her home state on Saturday to meet farmers hit by "
            "the drought.",
            "“Nobody in the capital understands how bad this is,” she said.",
        ),
        quotes=(
            Q("Nobody in the capital understands how bad this is,", "Marisa Delacroix",
              cue="say", nparts=1),
        ),
    ),
    Case(
        # The first paragraph is reported speech without marks: no quote there.
        id="spk-title-doctor-surname",
        text=_p(
            "Dr. Farid Karimi, who leads the emergency department at Ashcombe General Hospital, "
            "said waiting times had doubled since January.",
            "“We are treating patients in corridors every single night,” Karimi said.",
        ),
        quotes=(
            Q("We are treating patients in corridors every single night,", "Farid Karimi",
              cue="say", nparts=1),
        ),
    ),
    Case(
        id="spk-title-reverend",
        text=_p(
            "Fishing boats in Polwenna will stay in harbour on Sunday to remember the crew of "
            "the Morwenna, lost fifty years ago.",
            "“The bells will ring at noon for every one of them,” said the Rev. Agatha Pimm, "
            "vicar of St. Olave’s.",
        ),
        quotes=(
            Q("The bells will ring at noon for every one of them,", "Agatha Pimm", cue="say",
              nparts=1),
        ),
    ),
    Case(
        id="spk-role-nominal-coach",
        text=_p(
            "Coach Beatrix Hollins has led the Sallow Bay rowing club to three national titles.",
            "“The water does not care how famous you are,” the coach said.",
        ),
        quotes=(
            Q("The water does not care how famous you are,", "Beatrix Hollins", cue="say",
              nparts=1),
        ),
    ),
    Case(
        id="spk-role-nominal-chef",
        text=_p(
            "Aurelio Bassani, a chef from Genoa, opened a small pasta bar on Harbour Street this "
            "week.",
            "“Everything is made by hand, every morning, by me,” the chef said.",
        ),
        quotes=(
            Q("Everything is made by hand, every morning, by me,", "Aurelio Bassani",
              cue="say", nparts=1),
        ),
    ),
    Case(
        id="spk-appositive-attorney",
        text=_p(
            "Property developer Garrett Pruitt pleaded not guilty on Monday to bribing a "
            "planning official in Carlow County.",
            "“My client has never paid anyone a cent,” Pruitt’s attorney, Nadia Osei, said "
            "outside the courthouse.",
        ),
        quotes=(
            Q("My client has never paid anyone a cent,", "Nadia Osei", cue="say", nparts=1),
        ),
    ),
    Case(
        id="spk-appositive-relative-clause",
        text=_p(
            "The Skerry ferry made its last crossing on Sunday after 112 years of service.",
            "Gregor Lasko, a retired ferry captain who worked the crossing for thirty years, "
            "said, “The new bridge will be quicker, but you will never see a seal from it.”",
        ),
        quotes=(
            Q("The new bridge will be quicker, but you will never see a seal from it.",
              "Gregor Lasko", cue="say", nparts=1),
        ),
    ),
    Case(
        id="spk-relation-her-husband",
        text=_p(
            "Lifestyle influencer Saffron Ames and her husband, musician Theo Brandt, renewed "
            "their vows on a beach in Corva Bay on Saturday.",
            "“I cried from the first word to the last,” Ames said.",
            "“We wanted the sea as our only witness,” her husband said.",
        ),
        quotes=(
            Q("I cried from the first word to the last,", "Saffron Ames", cue="say", nparts=1),
            Q("We wanted the sea as our only witness,", "Theo Brandt", cue="say", nparts=1),
        ),
    ),
    Case(
        id="spk-age-nominal",
        text=_p(
            "Sprinter Keisha Morland, 38, won her sixth national title in Halbrook on Sunday, "
            "beating a field of runners half her age.",
            "“I don’t feel old until I see the photos,” the 38-year-old said.",
        ),
        quotes=(
            Q("I don’t feel old until I see the photos,", "Keisha Morland", cue="say",
              nparts=1),
        ),
    ),
    Case(
        id="spk-recency-successor",
        text=_p(
            "Harbour master Silas Crane retired on Friday after 31 years. His successor, Jonah "
            "Whitby, takes over on Monday.",
            "“I have big boots to fill,” he said.",
        ),
        quotes=(
            Q("I have big boots to fill,", "Jonah Whitby", cue="say", nparts=1),
        ),
    ),
    Case(
        id="spk-surname-hyphenated",
        text=_p(
            "Councillor Fiona Ashby-Reed has called for a ban on cars outside primary schools "
            "at drop-off time.",
            "“Children should be able to walk to school without breathing exhaust fumes,” "
            "Ashby-Reed said.",
        ),
        quotes=(
            Q("Children should be able to walk to school without breathing exhaust fumes,",
              "Fiona Ashby-Reed", cue="say", nparts=1),
        ),
    ),
    Case(
        id="spk-org-named",
        text=_p(
            "Frozen food maker Halvard Foods recalled 20,000 packets of fish fingers on Friday "
            "after customers found fragments of plastic.",
            "“We are working with the food standards agency to find the cause,” the company said "
            "in a statement.",
        ),
        quotes=(
            Q("We are working with the food standards agency to find the cause,",
              "Halvard Foods", cue="say", nparts=1, speaker_type="organization"),
        ),
    ),
    Case(
        id="spk-org-name-as-subject",
        text=_p(
            "Thousands of homes in the Vell valley lost power for two days after Saturday’s "
            "storm.",
            "“Our crews have worked around the clock since the first line came down,” Corvane "
            "Energy said in a statement.",
        ),
        quotes=(
            Q("Our crews have worked around the clock since the first line came down,",
              "Corvane Energy", cue="say", nparts=1, speaker_type="organization"),
        ),
    ),
    Case(
        id="spk-org-unnamed",
        text=_p(
            "A water utility in the northern suburbs has been fined for leaving 3,000 homes "
            "without water for four days.",
            "“We accept the fine and apologise to every affected household,” the company said.",
        ),
        quotes=(
            Q("We accept the fine and apologise to every affected household,", "the company",
              cue="say", nparts=1, speaker_type="organization"),
        ),
    ),
    Case(
        id="spk-group-couple",
        text=_p(
            "Retired teachers Agnes and Walter Pryce have now walked every public footpath in "
            "Dunmore county.",
            "“We started the day we retired and never stopped,” the couple said.",
        ),
        quotes=(
            Q("We started the day we retired and never stopped,", "the couple", cue="say",
              nparts=1, speaker_type="group"),
        ),
    ),
    Case(
        id="spk-group-the-two",
        text=_p(
            "Climbers Anja Roth and Lukas Berner reached the summit of Mount Kessel at dawn on "
            "Tuesday.",
            "“We could see three countries from the top,” the two said.",
        ),
        quotes=(
            Q("We could see three countries from the top,", "the two", cue="say", nparts=1,
              speaker_type="group"),
        ),
    ),
    Case(
        id="spk-group-family",
        text=_p(
            "Search teams have found no trace of hiker Owen Thale, who went missing on the "
            "Grisdale ridge nine days ago.",
            "“We just want to bring him home,” the family said in a statement.",
        ),
        quotes=(
            Q("We just want to bring him home,", "the family", cue="say", nparts=1,
              speaker_type="group"),
        ),
    ),
    Case(
        # Three anonymous commenters, each kept distinct under their own words.
        id="spk-anonymous-commenters",
        text=_p(
            "A video of a seagull stealing a wedding cake in Port Allard has been viewed more "
            "than a million times.",
            "“That bird has more confidence than I have ever had,” one viewer wrote. Another "
            "said, “The groom’s face is the best part.” Someone else added, “I would have let "
            "the bird keep it.”",
        ),
        quotes=(
            Q("That bird has more confidence than I have ever had,", "one viewer", cue="write",
              manner="written", nparts=1, speaker_type="anonymous"),
            Q("The groom’s face is the best part.", "Another", cue="say", nparts=1,
              speaker_type="anonymous"),
            Q("I would have let the bird keep it.", "Someone else", cue="add", nparts=1,
              speaker_type="anonymous"),
        ),
    ),
    Case(
        id="spk-anonymous-spokesperson",
        text=_p(
            "Trains between Holm Cross and Westerly were cancelled for most of Wednesday after a "
            "signal fault.",
            "“Engineers worked through the night to fix the problem,” a spokesperson for the "
            "transit authority said.",
        ),
        quotes=(
            Q("Engineers worked through the night to fix the problem,",
              "a spokesperson for the transit authority", cue="say", nparts=1,
              speaker_type="anonymous"),
        ),
    ),
    Case(
        # A named official and an anonymous listener in one paragraph: two speakers.
        id="spk-anonymous-after-named",
        text=_p(
            "Radio Kelvale will drop its late-night jazz programme in September, station manager "
            "Dorothy Quayle announced on air.",
            "“Fewer than two hundred people tune in after midnight,” Quayle said. “That show "
            "kept me sane through three night shifts a week,” said one listener.",
        ),
        quotes=(
            Q("Fewer than two hundred people tune in after midnight,", "Dorothy Quayle",
              cue="say", nparts=1, speaker_type="person"),
            Q("That show kept me sane through three night shifts a week,", "one listener",
              cue="say", nparts=1, speaker_type="anonymous"),
        ),
    ),
    Case(
        id="spk-continuation-paragraphs",
        text=_p(
            "Beekeeper Otto Lindahl lost half of his hives to a cold snap in April.",
            "“I have kept bees for thirty years and never seen anything like it,” Lindahl said.",
            "“The queens simply stopped laying.”",
            "“This summer there will be very little honey from this valley.”",
        ),
        quotes=(
            Q("I have kept bees for thirty years and never seen anything like it,",
              "Otto Lindahl", cue="say", nparts=1),
            Q("The queens simply stopped laying.", "Otto Lindahl", nparts=1),
            Q("This summer there will be very little honey from this valley.", "Otto Lindahl",
              nparts=1),
        ),
    ),
    Case(
        # A quote paragraph with no cue right after a paragraph naming one person.
        id="spk-previous-paragraph-single-name",
        text=_p(
            "Potter Ilse Marwood has fired her kiln with driftwood for twenty years.",
            "“Every piece comes out a little different, and that is the whole point.”",
        ),
        quotes=(
            Q("Every piece comes out a little different, and that is the whole point.",
              "Ilse Marwood", nparts=1),
        ),
    ),
    Case(
        # Two people trade lines; the unattributed lines alternate between them.
        id="spk-two-person-alternation",
        text=_p(
            "The two candidates for the Brackenfield council seat, Noor Haddad and Felix Amsel, "
            "met for a debate at the library on Tuesday.",
            "“The library needs longer opening hours before it needs a new roof,” Haddad said.",
            "“A library with a leaking roof will not stay open at all,” Amsel said.",
            "“Buckets are cheaper than a roof.”",
            "“Not when the books are ruined.”",
        ),
        quotes=(
            Q("The library needs longer opening hours before it needs a new roof,",
              "Noor Haddad", cue="say", nparts=1),
            Q("A library with a leaking roof will not stay open at all,", "Felix Amsel",
              cue="say", nparts=1),
            Q("Buckets are cheaper than a roof.", "Noor Haddad", nparts=1),
            Q("Not when the books are ruined.", "Felix Amsel", nparts=1),
        ),
    ),
    Case(
        # A lone opening quote, and no person anywhere in the article: no speaker.
        id="spk-none",
        text=_p(
            "“Nobody comes down here anymore.”",
            "The pier at Gullhaven has been closed since March, when winter storms cracked its "
            "pilings. The shops along it have stood empty ever since.",
        ),
        quotes=(
            Q("Nobody comes down here anymore.", None, nparts=1),
        ),
    ),
    # ==========================================================================================
    # (8) Addressees.
    # ==========================================================================================
    Case(
        id="addr-told-him",
        text=_p(
            "Chess champion Vera Sokolova and her longtime rival, Anders Holt, shook hands after "
            "their final game in Rigby on Sunday.",
            "“You played better than I did today,” she told him.",
        ),
        quotes=(
            Q("You played better than I did today,", "Vera Sokolova", addressee="Anders Holt",
              cue="tell", manner="neutral", nparts=1),
        ),
    ),
    Case(
        id="addr-telling-his-wife",
        text=_p(
            "Dairy farmer Declan Moore and his wife, Siobhan Keane, have run the Moorfield farm "
            "since 1998.",
            "Moore showed visitors around the new milking shed on Saturday, telling his wife, "
            "“This is the best money we ever spent.”",
        ),
        quotes=(
            Q("This is the best money we ever spent.", "Declan Moore", addressee="Siobhan Keane",
              cue="tell", nparts=1),
        ),
    ),
    Case(
        id="addr-asked-and-replied-to",
        text=_p(
            "Councillor Ivo Marsh questioned planning chief Beatrice Okonjo about the stalled "
            "housing project at a committee meeting on Thursday.",
            "“When will the first family move in?” Marsh asked Okonjo.",
            "“Not before next summer,” Okonjo replied to Marsh.",
        ),
        quotes=(
            Q("When will the first family move in?", "Ivo Marsh", addressee="Beatrice Okonjo",
              cue="ask", nparts=1),
            Q("Not before next summer,", "Beatrice Okonjo", addressee="Ivo Marsh",
              cue="reply", nparts=1),
        ),
    ),
    Case(
        id="addr-memo-to-staff",
        text=_p(
            "The chief executive of the Pellworth hotel group, Amara Quist, announced 300 job "
            "cuts on Tuesday.",
            "“This is the hardest decision I have made in this job,” Quist wrote in a memo to "
            "staff.",
        ),
        quotes=(
            Q("This is the hardest decision I have made in this job,", "Amara Quist",
              addressee="staff", cue="write", manner="written", nparts=1),
        ),
    ),
    Case(
        id="addr-told-reporters",
        text=_p(
            "Police in Halden are searching for whoever set fire to three cars on Birch Road "
            "overnight.",
            "“We will find the people who did this,” Inspector Ralph Danby told reporters.",
        ),
        quotes=(
            Q("We will find the people who did this,", "Ralph Danby", addressee="reporters",
              cue="tell", nparts=1),
        ),
    ),
    Case(
        id="addr-told-news-outlet",
        text=_p(
            "Former Senator Edwin Carrick has spent his retirement restoring a lighthouse on "
            "Gannet Rock.",
            "“I have no regrets about leaving politics,” the former senator told the Marlow Post.",
        ),
        quotes=(
            Q("I have no regrets about leaving politics,", "Edwin Carrick",
              addressee="the Marlow Post", cue="tell", nparts=1),
        ),
    ),
    Case(
        id="addr-snapped-at-her-husband",
        text=_p(
            "TV chef Lorna Pike and her husband, restaurateur Benedikt Strand, appeared together "
            "on a breakfast show on Friday.",
            "When Strand reached for a spoon to taste the sauce, Pike snapped at her husband: "
            "“Hands off until it’s finished.”",
        ),
        quotes=(
            Q("Hands off until it’s finished.", "Lorna Pike", addressee="Benedikt Strand",
              cue="snap", manner="hostile", nparts=1),
        ),
    ),
    Case(
        id="addr-said-to-the-jury",
        text=_p(
            "The trial of warehouse owner Lionel Bask for arson opened in Carrick Crown Court on "
            "Monday.",
            "“The evidence will show that my client was at home that night,” defence lawyer "
            "Colette Amari said to the jury.",
        ),
        quotes=(
            Q("The evidence will show that my client was at home that night,", "Colette Amari",
              addressee="the jury", cue="say", nparts=1),
        ),
    ),
    Case(
        id="addr-letter-to-governor",
        text=_p(
            "Residents of the Fallow Creek estate have waited two years for the state to repair "
            "their flood defences.",
            "“Your office has ignored us for two years,” the residents’ association chair, "
            "Helena Marsh, wrote in a letter to Governor Felipe Arroyo.",
        ),
        quotes=(
            Q("Your office has ignored us for two years,", "Helena Marsh",
              addressee="Felipe Arroyo", cue="write", manner="written", nparts=1),
        ),
    ),
    Case(
        # Two people alone on a deck; the second line is spoken to the captain ("You",
        # "captain") although its cue has no object.
        id="addr-you-two-person-exchange",
        text=_p(
            "Ferry captain Ines Dahl and deckhand Pavel Roos were the last two people aboard the "
            "Skerry Belle when it ran aground off Carn Head.",
            "“Get the life jackets from the bow,” Dahl told Roos.",
            "“You go first, captain,” Roos said as the deck began to tilt.",
        ),
        quotes=(
            Q("Get the life jackets from the bow,", "Ines Dahl", addressee="Pavel Roos",
              cue="tell", nparts=1),
            Q("You go first, captain,", "Pavel Roos", addressee="Ines Dahl", cue="say",
              nparts=1),
        ),
    ),
    # ==========================================================================================
    # (9) Gender: first names, honorifics, pronoun evidence for unusual names.
    # ==========================================================================================
    Case(
        # "she" picks the woman although the man was mentioned last.
        id="gender-she-skips-recent-man",
        text=_p(
            "Architects Rebecca Thornbury and Daniel Kerrigan designed the new library in "
            "Wexley. Thornbury drew the first sketches, but it was Kerrigan who won over the "
            "council with a model made of cardboard.",
            "“We wanted it to feel like a reading room in a forest,” she said.",
        ),
        quotes=(
            Q("We wanted it to feel like a reading room in a forest,", "Rebecca Thornbury",
              cue="say", nparts=1),
        ),
    ),
    Case(
        # "he" picks the man although the woman was mentioned last.
        id="gender-he-skips-recent-woman",
        text=_p(
            "Gardeners Thomas Feld and Catherine Ashe have competed at the Almsbury flower show "
            "for a decade. This year Ashe took first prize for her roses.",
            "“Next year the roses are mine,” he said.",
        ),
        quotes=(
            Q("Next year the roses are mine,", "Thomas Feld", cue="say", nparts=1),
        ),
    ),
    Case(
        # Unisex first names; only the honorifics tell who is who.
        id="gender-honorifics-unisex-names",
        text=_p(
            "Mrs. Robin Hale and Mr. Jamie Orton both applied to run the village shop in Little "
            "Tarrow, and the parish council chose Mr. Orton on Monday.",
            "“I am disappointed, but I wish him well,” she said.",
            "“I hope to keep the post office counter open six days a week,” he said.",
        ),
        quotes=(
            Q("I am disappointed, but I wish him well,", "Robin Hale", cue="say", nparts=1),
            Q("I hope to keep the post office counter open six days a week,", "Jamie Orton",
              cue="say", nparts=1),
        ),
    ),
    Case(
        # Honorific plus surname only: the name is the surname, the honorific gives the gender
        # (and is the entity's title).
        id="gender-honorific-surname-only",
        text=_p(
            "Mr. Castellane and Mrs. Ibbotson, neighbours on Wren Row for forty years, have "
            "finally settled their dispute over the hedge between their gardens.",
            "“It only took four decades,” she said.",
            "“I will miss arguing with her,” he said.",
        ),
        quotes=(
            Q("It only took four decades,", "Ibbotson", cue="say", nparts=1),
            Q("I will miss arguing with her,", "Castellane", cue="say", nparts=1),
        ),
    ),
    Case(
        # Invented first names whose gender is established only by "her" and "his".
        id="gender-invented-names-pronoun-evidence",
        text=_p(
            "Potters Zephrine Aldous and Corvin Teague share a studio in the old fire station "
            "on Cobb Street. Aldous sells her bowls at the Saturday market, while Teague ships "
            "his vases to galleries abroad.",
            "“The market keeps me honest,” she said.",
            "“The galleries keep me fed,” he said.",
        ),
        quotes=(
            Q("The market keeps me honest,", "Zephrine Aldous", cue="say", nparts=1),
            Q("The galleries keep me fed,", "Corvin Teague", cue="say", nparts=1),
        ),
    ),
    Case(
        # An invented first name, male by "his"; a woman is named more recently.
        id="gender-invented-male-name",
        text=_p(
            "Orlen Vasquez-Tide spent his savings restoring the Majestic cinema in Brakefield. "
            "His business partner, Sarah Lindgren, handles the bookings.",
            "“I saw my first film here when I was six,” he said.",
        ),
        quotes=(
            Q("I saw my first film here when I was six,", "Orlen Vasquez-Tide", cue="say",
              nparts=1),
        ),
    ),
    Case(
        # A first name usually given to women, but "Mr." makes him a man.
        id="gender-honorific-overrides-first-name",
        text=_p(
            "Mr. Alexis Brandt and Karen Lowry, neighbours on Ferry Lane, have argued over the "
            "oak tree between their gardens since 2015.",
            "“The tree was here long before either of us,” he said.",
        ),
        quotes=(
            Q("The tree was here long before either of us,", "Alexis Brandt", cue="say",
              nparts=1),
        ),
    ),
    Case(
        # Both speaker and addressee are resolved by gender.
        id="gender-he-told-her",
        text=_p(
            "Dancers Olivia Brennan and Stefan Varga rehearsed for nine hours on the day before "
            "the premiere of their new duet.",
            "“Again, from the top,” he told her.",
        ),
        quotes=(
            Q("Again, from the top,", "Stefan Varga", addressee="Olivia Brennan", cue="tell",
              nparts=1),
        ),
    ),
    Case(
        # After a man's quotation, "she" goes back to the woman.
        id="gender-she-after-his-quote",
        text=_p(
            "Bakers Nadia Rahimi and George Pell run rival stalls at the Thornby market.",
            "“My sourdough takes three days to make,” Rahimi said.",
            "“Mine takes two, and it tastes better,” Pell said.",
            "“He says that every single week,” she added.",
        ),
        quotes=(
            Q("My sourdough takes three days to make,", "Nadia Rahimi", cue="say", nparts=1),
            Q("Mine takes two, and it tastes better,", "George Pell", cue="say", nparts=1),
            Q("He says that every single week,", "Nadia Rahimi", cue="add", nparts=1),
        ),
    ),
# ---------------------------------------------------------------- (7) news conventions
    Case(
        # A signature on a line of its own after a lone quotation paragraph.
        id="spk-signature-own-line",
        text=_p(
            "Readers wrote in about the new bus timetable.",
            "“The 7:15 now leaves before the school bell and every child misses it.”",
            "— Marguerite Olsen, Dunmore",
        ),
        quotes=(
            Q("The 7:15 now leaves before the school bell and every child misses it.",
              "Marguerite Olsen", nparts=1),
        ),
    ),
    Case(
        # A party-and-state parenthesis between the name and the cue.
        id="spk-parenthesis-before-cue",
        text=_p(
            "The committee voted 9-4 to release the report.",
            "“Nobody read the annex before signing it,” Rep. Idris Koenig (D-Ore.) said.",
        ),
        quotes=(
            Q("Nobody read the annex before signing it,", "Idris Koenig", cue="say", nparts=1),
        ),
    ),
    Case(
        # A name and its parenthesis introduce the quote with a colon and no cue.
        id="spk-colon-after-parenthesis",
        text="Sen. Ottilie Brandvik (R-Mont.): “The fund was empty by March, not by June.”",
        quotes=(Q("The fund was empty by March, not by June.", "Ottilie Brandvik", nparts=1),),
    ),
    Case(
        # A chain of premodifiers in front of the speaker's name.
        id="spk-premodifier-chain",
        text=_p(
            "The Harwick mill will close in the spring.",
            "“We kept it running as long as the orders came in,” Harwick plant manager "
            "Tomasz Wielgus said.",
        ),
        quotes=(
            Q("We kept it running as long as the orders came in,", "Tomasz Wielgus", cue="say",
              nparts=1),
        ),
    ),
    Case(
        # "of the …" after a name is where the speaker comes from, not who speaks.
        id="spk-postmodifier-of",
        text=_p(
            "Anglers have reported fewer trout in the upper river since May.",
            "“The water is two degrees warmer than it was ten years ago,” Ms. Rhiannon Tafe "
            "of the Upper Wend Trust said.",
        ),
        quotes=(
            Q("The water is two degrees warmer than it was ten years ago,", "Rhiannon Tafe",
              cue="say", nparts=1),
        ),
    ),
    Case(
        # A document speaks: its words stand as the speaker.
        id="spk-document-source",
        text=_p(
            "The inspection of the Linmoor care home was published on Friday.",
            "“Staffing at night fell below the safe minimum on eleven occasions,” the report "
            "said.",
        ),
        quotes=(
            Q("Staffing at night fell below the safe minimum on eleven occasions,", "the report",
              cue="say", nparts=1),
        ),
    ),
Case(
        # Reader quotes signed on the same line, with non-breaking spaces around the dash.
        id="spk-signature-same-line-nbsp",
        text=_p(
            "We asked readers what the new bridge means to them.",
            "“It cuts my drive to the hospital from forty minutes to ten.”\u00a0― Lucía Ferrante",
            "“I will miss the ferry, if I am honest.” ― Bram Oyelaran\u00a0",
        ),
        quotes=(
            Q("It cuts my drive to the hospital from forty minutes to ten.", "Lucía Ferrante",
              cue="dash", nparts=1),
            Q("I will miss the ferry, if I am honest.", "Bram Oyelaran", cue="dash", nparts=1),
        ),
    ),
    # ---------------------------------------------------------------- (7) fiction conventions
    Case(
        # The utterance named by a noun after the quotation; its owner speaks.
        id="spk-speech-noun-owner",
        text=_p(
            "Dorothea Vane and her cousin Edmund Pryce sat by the window all afternoon.",
            "“We shall never finish the accounts before Lady Day,” was Dorothea's complaint.",
        ),
        quotes=(
            Q("We shall never finish the accounts before Lady Day,", "Dorothea Vane",
              cue="complaint", nparts=1),
        ),
    ),
    Case(
        # The attribution ends the paragraph before the quotation, with a double hyphen.
        id="spk-intro-paragraph-double-hyphen",
        text=_p(
            "Edmund Pryce put down his pen, looked at the rain, and said--",
            "“Then we shall finish them after it, and be none the worse.”",
        ),
        quotes=(
            Q("Then we shall finish them after it, and be none the worse.", "Edmund Pryce",
              cue="say", nparts=1),
        ),
    ),
    Case(
        # Two people who share a surname are told apart by how they are addressed, and "the
        # Commodore" alone is the one who holds that title.
        id="resolve-shared-surname-honorifics",
        text=_p(
            "Commodore Tregarth and Mrs. Tregarth came up the lane arm in arm.",
            "“The roof wants mending before the gales,” said Mrs. Tregarth.",
            "“It will hold till spring, my dear,” said the Commodore, “as it always has.”",
        ),
        quotes=(
            Q("The roof wants mending before the gales,", "Mrs. Tregarth", cue="say", nparts=1),
            Q("It will hold till spring, my dear, as it always has.", "Commodore Tregarth",
              cue="say", nparts=2),
        ),
    ),
    Case(
        # The subject stands between commas before a participle phrase that mentions someone
        # else; the cue ends the paragraph and the quotation follows.
        id="spk-subject-before-interjected-phrase",
        text=_p(
            "The parcel was set down before her, and Mrs. Quillon, untying the string as she "
            "glanced at Tobias, said--",
            "“These are the letters my brother never sent.”",
        ),
        quotes=(
            Q("These are the letters my brother never sent.", "Quillon", cue="say",
              nparts=1),
        ),
    ),
    Case(
        # "who" after a name makes the name the subject of the cue that follows the commas.
        id="spk-relative-who-subject",
        text=_p(
            "Tobias Quillon had the last word from his aunt Perpetua, who, on reaching the "
            "door, exclaimed, “Mind the step, for it is loose!”",
        ),
        quotes=(
            Q("Mind the step, for it is loose!", "Perpetua", cue="exclaim", nparts=1),
        ),
    ),
    Case(
        # A list before the cue is no subject: the one who stood beside them speaks.
        id="spk-list-is-not-subject",
        text=_p(
            "Marisol Petrakis stood on the steps beside Ada, Bruno, and Celia, and said, “We "
            "carried this festival on our backs.”",
        ),
        quotes=(
            Q("We carried this festival on our backs.", "Marisol Petrakis", cue="say",
              nparts=1),
        ),
    ),
    Case(
        # A quote paragraph continuing the previous speaker is attributed by that cue.
        id="cue-carried-by-continuation",
        text=_p(
            "“The pier will reopen in May,” said Harriet Lowe, the harbour master.",
            "“After that, the ferry runs every hour until the autumn.”",
        ),
        quotes=(
            Q("The pier will reopen in May,", "Harriet Lowe", cue="say"),
            Q("After that, the ferry runs every hour until the autumn.", "Harriet Lowe",
              cue="say"),
        ),
    ),
    Case(
        # The sentence before names the speaker and its reporting word: that is the cue.
        id="cue-of-the-sentence-naming-the-speaker",
        text=_p(
            "Harriet Lowe, the chief executive of the ferry company, spoke at a meeting in "
            "Fenwick on Monday. “We cannot find enough crew for the weekend shifts.”",
        ),
        quotes=(
            Q("We cannot find enough crew for the weekend shifts.", "Harriet Lowe",
              cue="speak"),
        ),
    ),
]
