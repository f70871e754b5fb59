"""Quote finding and attribution on parsed sentences (texts written for these tests)."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from newsevents.quotes import find_quotes
from newsevents.schema import Actor, TextSpan

pytestmark = pytest.mark.model

Row = tuple[str, str, str | None, str | None]  # kind, content, speaker mention, cue


def parsed(nlp, text: str, actors: dict[str, list[str]] | None = None):
    """Parse ``text`` and set the actors stage's output by hand: actor id → mention strings."""
    doc = nlp(text)
    doc._.ne_actors = []
    doc._.ne_token_actor = {}
    for actor_id, names in (actors or {}).items():
        mentions = []
        for name in names:
            start = text.index(name)
            span = doc.char_span(start, start + len(name))
            assert span is not None, name
            mentions.append(TextSpan(span.start_char, span.end_char, span.text))
            for tok in span:
                doc._.ne_token_actor[tok.i] = actor_id
        doc._.ne_actors.append(Actor(actor_id, names[0], "organization", None, None, [], mentions))
    return doc


def rows(doc) -> list[Row]:
    return [
        (
            q.kind,
            q.content.text,
            q.speaker_mention.text if q.speaker_mention else None,
            q.cue.text if q.cue else None,
        )
        for q in find_quotes(doc)
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "“The ceasefire is holding,” the army spokesman said.",
            [("direct", "The ceasefire is holding", "the army spokesman", "said")],
        ),
        (
            '"We will not sign this deal," said Maria Ortega, the trade minister.',
            [("direct", "We will not sign this deal", "Maria Ortega", "said")],
        ),
        (
            "The prime minister said: “We are ready to talk.”",
            [("direct", "We are ready to talk.", "The prime minister", "said")],
        ),
        (
            'Mayor Lee: "We will rebuild every house."',
            [("direct", "We will rebuild every house.", "Mayor Lee", ":")],
        ),
        (
            "The foreign minister told reporters on Tuesday that the border would reopen.",
            [("indirect", "the border would reopen", "The foreign minister", "told reporters")],
        ),
        (
            "The central bank warned that inflation could rise further.",
            [("indirect", "inflation could rise further", "The central bank", "warned")],
        ),
        (
            "According to the health ministry, 40 people were injured.",
            [("indirect", "40 people were injured", "the health ministry", "According to")],
        ),
        (
            "The opposition leader denied the allegations.",
            [("indirect", "the allegations", "The opposition leader", "denied")],
        ),
        (
            'Officials said the plan was "a step backwards for the region."',
            [
                (
                    "mixed",
                    'the plan was "a step backwards for the region."',
                    "Officials",
                    "said",
                )
            ],
        ),
        (
            "State media quoted the defence minister as saying that troops would stay.",
            [("indirect", "troops would stay", "the defence minister", "saying")],
        ),
        (
            # no speaker named: keep it null rather than guess
            "“We had no warning at all and the water came in the night.”",
            [("direct", "We had no warning at all and the water came in the night.", None, None)],
        ),
        # negative rows: titles, scare quotes, apostrophes and plain sentences are no quotes
        ('She has read the novel "War and Peace" twice.', []),
        ('The so-called "peace plan" was never published.', []),
        ('He likes the song "Blue Skies Again" a lot.', []),
        ("It's the 1990s' style that the farmers' union likes.", []),
        ("Farmers blocked the road on Monday.", []),
    ],
)
def test_finder_sentence_table(nlp, text: str, expected: list[Row]) -> None:
    assert rows(parsed(nlp, text)) == expected


def test_finder_interrupted_quote_is_split_at_its_cue(nlp) -> None:
    doc = parsed(nlp, "“The port is closed,” the governor said. “Ships must wait offshore.”")
    assert rows(doc) == [
        ("direct", "The port is closed", "the governor", "said"),
        ("direct", "Ships must wait offshore.", "the governor", None),
    ]


def test_finder_parenthetical_cue_splits_indirect_content(nlp) -> None:
    doc = parsed(nlp, "The talks, the envoy said, were constructive.")
    assert [r[1] for r in rows(doc)] == ["The talks", "were constructive"]
    assert {r[3] for r in rows(doc)} == {"said"}


def test_finder_continuation_paragraph_keeps_speaker(nlp) -> None:
    text = (
        "“The harvest was poor this year,” the farm minister said.\n"
        "“We will import grain until the spring and keep prices stable.”"
    )
    doc = parsed(nlp, text, {"A1": ["the farm minister"]})
    quotes = find_quotes(doc)
    assert [q.speaker for q in quotes] == ["A1", "A1"]
    assert quotes[1].cue is None


def test_finder_continuation_needs_nothing_in_between(nlp) -> None:
    text = (
        "“The harvest was poor this year,” the farm minister said.\n"
        "Prices rose in the capital.\n"
        "“We will import grain until the spring and keep prices stable.”"
    )
    quotes = find_quotes(parsed(nlp, text, {"A1": ["the farm minister"]}))
    assert [q.speaker for q in quotes] == ["A1", None]


def test_finder_relay_outlet_becomes_via(nlp) -> None:
    text = (
        "“Aid convoys crossed the border overnight,” the Foreign Ministry said in a "
        "statement, reported Interfax."
    )
    doc = parsed(nlp, text, {"A1": ["the Foreign Ministry"], "A2": ["Interfax"]})
    (quote,) = find_quotes(doc)
    assert (quote.speaker, quote.via, quote.cue.text) == ("A1", ["A2"], "said in a statement")


def test_finder_indirect_relay_becomes_via(nlp) -> None:
    text = "The governor said the storm had passed, Reuters reported."
    doc = parsed(nlp, text, {"A1": ["The governor"], "A2": ["Reuters"]})
    (quote,) = find_quotes(doc)
    assert (quote.speaker, quote.via, quote.content.text) == ("A1", ["A2"], "the storm had passed")


def test_finder_quoted_as_saying_gives_speaker_and_via(nlp) -> None:
    text = "State media quoted the defence minister as saying that troops would stay."
    doc = parsed(nlp, text, {"A1": ["State media"], "A2": ["the defence minister"]})
    (quote,) = find_quotes(doc)
    assert (quote.speaker, quote.via) == ("A2", ["A1"])


@pytest.mark.parametrize(
    ("text", "addressee"),
    [
        ("“Trade must grow,” Premier Rossi said to President Duval.", "A2"),
        ("Premier Rossi told President Duval that trade must grow.", "A2"),
        ("Premier Rossi told reporters that trade must grow.", None),
    ],
)
def test_finder_addressee(nlp, text: str, addressee: str | None) -> None:
    actors = {"A1": ["Premier Rossi"], "A2": ["President Duval"]}
    if "Duval" not in text:
        actors.pop("A2")
    (quote,) = find_quotes(parsed(nlp, text, actors))
    assert (quote.speaker, quote.addressee) == ("A1", addressee)


def test_finder_pronoun_speaker_resolved_through_actor_map(nlp) -> None:
    text = "Premier Rossi arrived late. “We need more time,” she said."
    doc = parsed(nlp, text, {"A1": ["Premier Rossi", "she"]})
    (quote,) = find_quotes(doc)
    assert (quote.speaker, quote.speaker_mention.text) == ("A1", "she")


def test_finder_relative_pronoun_is_the_mention_and_antecedent_the_speaker(nlp) -> None:
    text = "Reporters met Senator Okafor, who said the tax would fall next year."
    doc = parsed(nlp, text, {"A1": ["Senator Okafor"]})
    (quote,) = find_quotes(doc)
    assert (quote.speaker, quote.speaker_mention.text) == ("A1", "who")
    assert quote.content.text == "the tax would fall next year"


def test_finder_quote_inside_a_nested_belief_is_part_of_the_statement(nlp) -> None:
    text = "Mayor Lind said she expects the council “to approve the budget before winter.”"
    (quote,) = find_quotes(parsed(nlp, text))
    assert (quote.kind, quote.cue.text, quote.speaker_mention.text) == (
        "mixed",
        "said",
        "Mayor Lind",
    )
    assert quote.content.text.startswith("she expects the council")


def test_finder_speaker_without_actor_is_null_but_mention_kept(nlp) -> None:
    (quote,) = find_quotes(parsed(nlp, "Officials said the bridge would reopen in May."))
    assert quote.speaker is None and quote.speaker_mention.text == "Officials"


def test_finder_offsets_and_ids_in_text_order(nlp) -> None:
    text = (
        "The mayor said the roads were clear. “Schools open tomorrow,” she added.\n"
        "According to the police, two people were hurt."
    )
    doc = parsed(nlp, text)
    quotes = find_quotes(doc)
    assert [q.id for q in quotes] == [f"Q{i + 1}" for i in range(len(quotes))]
    starts = [q.content.start for q in quotes]
    assert starts == sorted(starts) and len(quotes) == 3
    for q in quotes:
        for span in (q.content, q.cue, q.speaker_mention):
            if span is not None:
                assert text[span.start : span.end] == span.text


@pytest.mark.parametrize(
    "text",
    [
        '"' * 2000,
        ' "a" b' * 1000,
        "“" * 500 + "word " * 50 + "”" * 500,
        "He said “" + "and more " * 300,
        "‘’'" * 300 + " it's the 1990s' end",
        "“Nested ‘single “double” inside’ marks,” he said.",
    ],
)
def test_finder_bad_marks_do_not_crash(nlp, text: str) -> None:
    for q in find_quotes(parsed(nlp, text)):
        assert text[q.content.start : q.content.end] == q.content.text


_WORDS = ["the", "minister", "said", "told", "reporters", "that", "we", "will", "win", "he"]
_MARKS = ['"', "“", "”", "‘", "’", "'", ",", ".", ":", "\n", "―", "''"]


@settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(st.lists(st.sampled_from(_WORDS + _MARKS), max_size=60))
def test_finder_any_text_no_crash_offsets_valid(nlp, pieces: list[str]) -> None:
    text = " ".join(pieces)
    doc = parsed(nlp, text)
    quotes = find_quotes(doc)
    assert [q.id for q in quotes] == [f"Q{i + 1}" for i in range(len(quotes))]
    for q in quotes:
        for span in (q.content, q.cue, q.speaker_mention):
            if span is not None:
                assert 0 <= span.start < span.end <= len(text)
                assert text[span.start : span.end] == span.text


def test_finder_continuation_after_indirect_statement(nlp) -> None:
    text = (
        "The farm minister said the harvest was poor this year.\n"
        "“We will import grain until the spring and keep prices stable.”"
    )
    quotes = find_quotes(parsed(nlp, text, {"A1": ["The farm minister"]}))
    assert [(q.kind, q.speaker) for q in quotes] == [("indirect", "A1"), ("direct", "A1")]
    assert quotes[1].cue is None


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a programme title after the cue is no quotation
        (
            'The senator said on "Meet the Voters" that the bill would pass.',
            [("indirect", "The senator", "said")],
        ),
        (
            "“We will never give up on this valley.” ― Rosa Mendez, a farmer",
            [("direct", "Rosa Mendez", "―")],
        ),
        ('"KELLER: We will cut the deficit in half by next year."', [("direct", "KELLER", ":")]),
        (
            "The proposal was rejected by the finance committee.",
            [("indirect", "the finance committee", "was rejected")],
        ),
        (
            "The governor's claim that the dam was safe proved wrong.",
            [("indirect", "The governor", "claim")],
        ),
        ("The mayor believes that the plan will work.", [("indirect", "The mayor", "believes")]),
        (
            "The minister went on to explain that the plan had failed.",
            [("indirect", "The minister", "to explain")],
        ),
        # statements not made yet are attributed all the same (PolNeAR's convention)
        ("The ministers met to discuss the budget.", [("indirect", "The ministers", "to discuss")]),
        (
            "The agency would announce its decision on Friday.",
            [("indirect", "The agency", "would announce")],
        ),
        # negative rows: a modifier participle, a quoted term
        ("The report published on Monday ran to forty pages.", []),
        ('He specified "Christian" as his religion.', []),
    ],
)
def test_finder_attribution_table(nlp, text: str, expected: list[tuple[str, str, str]]) -> None:
    got = [(kind, speaker, cue) for kind, _, speaker, cue in rows(parsed(nlp, text))]
    assert got == expected


def test_finder_short_quotes_with_their_own_cues(nlp) -> None:
    doc = parsed(nlp, '"Never," the envoy said. "Not ever," the minister replied.')
    assert rows(doc) == [
        ("direct", "Never", "the envoy", "said"),
        ("direct", "Not ever", "the minister", "replied"),
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a later cue with a that-clause of its own is a new statement, not a relay
        (
            '"The vote will pass," said the whip, though she added that two members were ill.',
            [
                ("direct", "The vote will pass", "the whip", "said"),
                ("indirect", "two members were ill", "she", "added"),
            ],
        ),
        # the clause after the cue, not the one before the colon
        (
            "The drive is working: He said he has raised about $50,000 this week.",
            [("indirect", "he has raised about $50,000 this week", "He", "said")],
        ),
        # direct-only verbs report speech with a that-clause
        (
            "The inspectors concluded this month that the bridge was unsafe.",
            [("indirect", "the bridge was unsafe", "The inspectors", "concluded")],
        ),
        # "make clear / make the case that"
        (
            "Party officials made clear on Monday that they have no money to spend.",
            [("indirect", "they have no money to spend", "Party officials", "made clear")],
        ),
        (
            "The minister made the case to farmers that the reform is fair.",
            [("indirect", "the reform is fair", "The minister", "made the case")],
        ),
        # agentless passive: a quote with no speaker, never a guessed one
        (
            "It was reported that the talks had failed.",
            [("indirect", "the talks had failed", None, "was reported")],
        ),
        # stance verbs and topic nouns (PolNeAR counts them as attributions)
        (
            "The union endorsed the new contract.",
            [("indirect", "the new contract", "The union", "endorsed")],
        ),
        (
            "His criticism of the tax bill surprised the caucus.",
            [("indirect", "of the tax bill", "His", "criticism")],
        ),
        # a second that-clause the parse hangs on the cue verb is said too
        (
            "The mayor said the budget was balanced, and that no jobs would be cut.",
            [
                (
                    "indirect",
                    "the budget was balanced, and that no jobs would be cut",
                    "The mayor",
                    "said",
                )
            ],
        ),
        # a cue closing its sentence after a comma speaks what comes before it
        (
            "As the senator began to speak, a man near the stage was hurt by a bottle, "
            "police said.",
            [
                (
                    "indirect",
                    "As the senator began to speak, a man near the stage was hurt by a bottle",
                    "police",
                    "said",
                )
            ],
        ),
        # complements separated from the cue by adverbials and parentheticals
        (
            "The ministry said on Monday, in a statement, that the border would stay closed.",
            [("indirect", "the border would stay closed", "The ministry", "said")],
        ),
        (
            "Heather Lane, a nurse, said before attending the town hall that the network "
            "asked her to pose a question.",
            [
                (
                    "indirect",
                    "the network asked her to pose a question",
                    "Heather Lane",
                    "said",
                )
            ],
        ),
        (
            "Four senators claim to oppose the plan.",
            [("indirect", "to oppose the plan", "Four senators", "claim")],
        ),
        # a sentence-final "according to" sources the whole sentence before it
        (
            "The mayor led among women, while his rival was ahead among young men, "
            "according to exit polls.",
            [
                (
                    "indirect",
                    "The mayor led among women, while his rival was ahead among young men",
                    "exit polls",
                    "according to",
                )
            ],
        ),
        # negative rows
        ("The crowd embraced the returning players.", []),
        ("After the match, the coach left the stadium.", []),
        ("The players were arrested after the game.", []),
        ("Prices rose sharply over the past week.", []),
        ("The support beams were replaced.", []),
    ],
)
def test_finder_reported_speech_rules(nlp, text: str, expected: list[Row]) -> None:
    assert rows(parsed(nlp, text)) == expected


def test_finder_statement_never_crosses_a_paragraph(nlp) -> None:
    # Double-apostrophe marks often make the parser join paragraphs; each paragraph's
    # statement stays its own, with its own content.
    text = (
        "Critics argued that the levy would cost thousands of jobs.\n\n"
        "''This is a bad tax,'' said Ann Cole of the retail lobby."
    )
    got = [(kind, content, speaker) for kind, content, speaker, _ in rows(parsed(nlp, text))]
    assert got == [
        ("indirect", "the levy would cost thousands of jobs", "Critics"),
        ("direct", "This is a bad tax", "Ann Cole of the retail lobby"),
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # reported content runs to the end of its sentence, whatever the parse attached
        (
            "The senator said the ruling smacked of favouritism, because the board had "
            "long ignored the rules.",
            [
                (
                    "indirect",
                    "the ruling smacked of favouritism, because the board had long ignored "
                    "the rules",
                    "The senator",
                    "said",
                )
            ],
        ),
        # ... but not into the next statement of the same speaker
        (
            "She said the plan would fail, saying that costs were too high.",
            [
                ("indirect", "the plan would fail", "She", "said"),
                ("indirect", "costs were too high", "She", "saying"),
            ],
        ),
        (
            "The coach bemoaned the loss in the final and said he thought the referee was wrong.",
            [
                ("indirect", "the loss in the final", "The coach", "bemoaned"),
                ("indirect", "he thought the referee was wrong", "The coach", "said"),
            ],
        ),
        # a statement reported inside another one is part of its content (outermost only)
        (
            "The mayor said the five million dollars he says he raised will go to schools.",
            [
                (
                    "indirect",
                    "the five million dollars he says he raised will go to schools",
                    "The mayor",
                    "said",
                )
            ],
        ),
        # words of the sentence before a quote whose cue follows it are attributed too
        (
            'Cutting taxes "makes the economy grow," the governor said.',
            [("mixed", 'Cutting taxes "makes the economy grow,"', "the governor", "said")],
        ),
        # a that-clause the parse did not hang on the cue verb is still what was said
        (
            "Scott joked that, among young voters, the senator ranks fourth in a two-way race.",
            [
                (
                    "indirect",
                    "among young voters, the senator ranks fourth in a two-way race",
                    "Scott",
                    "joked",
                )
            ],
        ),
        # a sentence opened by "In <a poll, report …>," with no cue of its own is sourced to it
        (
            "In the latest national poll, the senator led her rival by five points.",
            [
                (
                    "indirect",
                    "the senator led her rival by five points",
                    "the latest national poll",
                    "In",
                )
            ],
        ),
        (
            "In a statement, the ministry said the talks had failed.",
            [("indirect", "the talks had failed", "the ministry", "said")],
        ),
        # an agentless passive accusation: a statement with no named speaker
        (
            "The official was accused of taking bribes from contractors.",
            [("indirect", "taking bribes from contractors", None, "was accused")],
        ),
    ],
)
def test_finder_content_extent(nlp, text: str, expected: list[Row]) -> None:
    assert rows(parsed(nlp, text)) == expected


def test_finder_parenthetical_cue_speaks_both_sides(nlp) -> None:
    doc = parsed(nlp, "These workers, the manager explained at the hearing, were paid well.")
    got = rows(doc)
    assert [r[1] for r in got] == ["These workers", "were paid well"]
    assert {(r[2], r[3]) for r in got} == {("the manager", "explained at the hearing")}


def test_finder_adversarial_run_on_sentence_is_bounded(nlp) -> None:
    # One "sentence" of hundreds of clauses: content never runs away past its own clause.
    text = ", ".join("officials said the minister claimed that talks failed" for _ in range(200))
    quotes = find_quotes(parsed(nlp, text + "."))
    assert quotes
    assert all(len(q.content.text) < 400 for q in quotes)


def test_finder_headline_name_colon_attributes_the_line(nlp) -> None:
    text = "Poll: Young Voters Drift Away From the Ruling Party.\n\nThe survey came out on Monday."
    assert rows(parsed(nlp, text)) == [
        ("indirect", "Young Voters Drift Away From the Ruling Party", "Poll", ":")
    ]
    # only a headline (a first line with more text after it) is read that way
    assert rows(parsed(nlp, "Poll: Young Voters Drift Away From the Ruling Party.")) == []


def test_finder_claim_noun_without_source_keeps_speaker_null(nlp) -> None:
    text = "The mayor resigned last week amid allegations that he had taken bribes from builders."
    assert rows(parsed(nlp, text)) == [
        ("indirect", "he had taken bribes from builders", None, "allegations")
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "The agency cut the program, which critics said was the only help for poor families.",
            [("indirect", "was the only help for poor families", "critics", "said")],
        ),
        (
            "She was fined for what the judge described as reckless driving.",
            [("indirect", "reckless driving", "the judge", "described")],
        ),
    ],
)
def test_finder_wh_word_stands_for_what_was_said(nlp, text: str, expected: list[Row]) -> None:
    assert rows(parsed(nlp, text)) == expected


def test_finder_title_case_headline_verb(nlp) -> None:
    text = "Governor Slams Utility Over Winter Blackouts\n\nThe storm hit on Monday."
    assert rows(parsed(nlp, text)) == [
        ("indirect", "Utility Over Winter Blackouts", "Governor", "Slams")
    ]
    # a noun that looks like a cue verb, with the real verb after it, is no cue
    text = "New Parking Rules Take Effect in the City Center\n\nDrivers were told on Monday."
    assert rows(parsed(nlp, text)) == []


def test_finder_reply_preposition_gives_the_topic(nlp) -> None:
    text = "The company did not respond to requests for comment."
    assert rows(parsed(nlp, text)) == [
        ("indirect", "requests for comment", "The company", "did not respond")
    ]


def test_finder_raised_subject_of_agentless_expectation(nlp) -> None:
    # "X is expected to …": X is part of what is expected; nobody is named as expecting it
    got = rows(parsed(nlp, "The bill is expected to pass."))
    assert [r[1] for r in got] == ["The bill", "to pass"]
    assert {(r[2], r[3]) for r in got} == {(None, "is expected")}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Several senators were critical of the new tax.",
            [("indirect", "the new tax", "Several senators", "were critical")],
        ),
        (
            "The engineers are sure that the bridge is safe.",
            [("indirect", "the bridge is safe", "The engineers", "are sure")],
        ),
        ("It is clear that the plan failed.", []),  # no one holds the stance
    ],
)
def test_finder_stance_adjective(nlp, text: str, expected: list[Row]) -> None:
    assert rows(parsed(nlp, text)) == expected


def test_finder_call_with_two_predicates(nlp) -> None:
    # the parser may give "called X a Y" two predicates and no object
    got = rows(parsed(nlp, 'Cruz called Trump a "pathological liar".'))
    assert got == [("mixed", 'Trump a "pathological liar"', "Cruz", "called")]


def test_finder_cue_verb_the_lemmatizer_gets_wrong(nlp) -> None:
    # spaCy's lemma of "rated" is "rat": the regular form still makes it a cue
    got = rows(parsed(nlp, "PolitiFact rated the claim Mostly False."))
    assert got == [("indirect", "the claim Mostly False", "PolitiFact", "rated")]


def test_finder_block_quotation_after_colon(nlp) -> None:
    text = (
        "The mayor spoke for an hour.\n\nShe added:\n\n"
        "We will rebuild the bridge before winter, and nobody will pay more for it.\n\n"
        "The council met later."
    )
    got = rows(parsed(nlp, text))
    assert got == [
        (
            "direct",
            "We will rebuild the bridge before winter, and nobody will pay more for it.",
            "She",
            "added",
        )
    ]


@pytest.mark.parametrize(
    ("text", "contents"),
    [
        ("The new plan seems to be failing.", ["The new plan", "to be failing"]),
        ("It appears that the talks have stalled.", ["the talks have stalled"]),
    ],
)
def test_finder_impression_without_source(nlp, text: str, contents: list[str]) -> None:
    got = rows(parsed(nlp, text))
    assert [r[1] for r in got] == contents
    assert all(r[2] is None for r in got)  # no one is named as holding the impression


def test_finder_last_resort_content_is_the_object(nlp) -> None:
    assert rows(parsed(nlp, "The minister denied it.")) == [
        ("indirect", "it", "The minister", "denied")
    ]


def test_finder_statement_whose_speaker_the_parse_lost(nlp) -> None:
    # kept with no speaker rather than dropped; an imperative is no statement
    got = rows(parsed(nlp, "The group released a video emphasizing the threat to voters."))
    assert got == [("indirect", "the threat to voters", None, "emphasizing")]
    assert rows(parsed(nlp, "Tell them the truth.")) == []


def test_finder_seeing_as_judging(nlp) -> None:
    got = rows(parsed(nlp, "Critics see the program as a loophole for the rich."))
    assert got == [("indirect", "the program as a loophole for the rich", "Critics", "see")]
    assert rows(parsed(nlp, "We saw a lot of people at the fair.")) == []


def test_finder_as_clause_cue_speaks_its_host_clause(nlp) -> None:
    assert rows(parsed(nlp, "The gun was never found, as police have said.")) == [
        ("indirect", "The gun was never found", "police", "have said")
    ]


def test_finder_name_the_parse_lost_before_a_cue_is_the_speaker() -> None:
    import spacy
    from spacy.tokens import Doc

    from newsevents.quotes.attribution import Cue
    from newsevents.quotes.finder import _name_before_cue

    words = ["“", "We", "will", "win", ",", "”", "Harbor", "police", "Chief", "Ann", "Lee", "said"]
    pos = ["PUNCT", "PRON", "AUX", "VERB", "PUNCT", "PUNCT", "VERB"]
    pos += ["NOUN", "PROPN", "PROPN", "PROPN", "VERB"]
    vocab = spacy.blank("en").vocab
    doc = Doc(vocab, words=words, pos=pos)
    lost = Cue(token=11, span=(11, 12), speaker=1, speaker_range=(1, 2))
    assert _name_before_cue(doc, 6, lost) == (6, 11)
    kept = Cue(token=11, span=(11, 12), speaker=10, speaker_range=(9, 11))
    assert _name_before_cue(doc, 6, kept) is None
    doc2 = Doc(
        vocab, words=[*words[:6], "as", "she", "said"], pos=[*pos[:6], "ADP", "PRON", "VERB"]
    )
    assert _name_before_cue(doc2, 6, Cue(token=8, span=(8, 9), speaker=1)) is None


def test_finder_speaker_stays_in_the_cue_paragraph(nlp) -> None:
    text = (
        "The Latest on the vote (all times local):\n\n12:15 p.m.\n\n"
        "Mayor Lind says the bridge will reopen in May."
    )
    quotes = [q for q in find_quotes(parsed(nlp, text)) if q.cue and q.cue.text == "says"]
    assert [q.speaker_mention.text for q in quotes] == ["Mayor Lind"]


def test_finder_headline_label_with_an_article_is_no_speaker(nlp) -> None:
    text = "The Latest: Council Weighs a Larger Budget\n\nThe council met on Monday."
    mentions = [q.speaker_mention.text for q in find_quotes(parsed(nlp, text)) if q.speaker_mention]
    assert "The Latest" not in mentions


def test_finder_claim_noun_in_a_verb_phrase_is_its_subjects(nlp) -> None:
    text = "The senators persisted in arguments that the treaty was illegal."
    quotes = [q for q in find_quotes(parsed(nlp, text)) if q.cue and "arguments" in q.cue.text]
    assert [(q.speaker_mention.text, q.content.text) for q in quotes] == [
        ("The senators", "the treaty was illegal")
    ]
