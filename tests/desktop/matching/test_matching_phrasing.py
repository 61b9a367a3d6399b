"""Reasons read naturally whatever the wording of asks and offers."""

from __future__ import annotations

import pytest

from desktop.matching.phrasing import Wording, events_phrase, proper_nouns

WORDING = Wording(frozenset({"python", "leeds"}))


@pytest.mark.parametrize(
    ("ask", "clause"),
    [
        ("Looking for a cartoonist for short films", "is looking for a cartoonist for short films"),
        ("looking for: a bookkeeper.", "is looking for a bookkeeper"),
        ("I'm looking for an investor", "is looking for an investor"),
        ("Currently seeking a CTO", "is looking for a CTO"),
        ("Needs a lawyer!", "is looking for a lawyer"),
        ("Wants intros to angels", "is looking for intros to angels"),
        ("Looking to hire a designer", "is looking to hire a designer"),
        ("to raise a seed round", "is looking to raise a seed round"),
        ("Raising a seed round", "is looking for help with raising a seed round"),
        ("Marketing support", "is looking for marketing support"),
        ("Desk space in Leeds", "is looking for desk space in Leeds"),
        ("VC intros", "is looking for VC intros"),
        ("Help with SEO", "is looking for help with SEO"),
        ("Photographer for headshots", "is looking for a photographer for headshots"),
        ("UX designer for our app", "is looking for a UX designer for our app"),
        ("SEO consultant", "is looking for an SEO consultant"),
        ("Accountant", "is looking for an accountant"),
        ("Python developer", "is looking for a Python developer"),
        ("Developers for a hackathon", "is looking for developers for a hackathon"),
        ("Cover for maternity leave", "is looking for cover for maternity leave"),
        ("Two engineers", "is looking for two engineers"),
    ],
)
def test_ask_clause(ask: str, clause: str) -> None:
    assert WORDING.ask_clause(ask) == clause


@pytest.mark.parametrize(
    ("offer", "clause"),
    [
        ("Animation and illustration for film", "offers animation and illustration for film"),
        ("Offers bookkeeping", "offers bookkeeping"),
        ("Can offer desk space", "offers desk space"),
        ("I can introduce you to angels", "can introduce you to angels"),
        ("Happy to help with pitch decks", "can help with pitch decks"),
        ("I'm happy to review contracts", "can review contracts"),
        ("Helps with hiring", "can help with hiring"),
        ("Runs a coworking space in Leeds", "runs a coworking space in Leeds"),
        ("Knows everyone at the council", "knows everyone at the council"),
        ("UX research", "offers UX research"),
        ("Product photography", "offers product photography"),
        ("Spanish translation", "offers Spanish translation"),
        ("Python training", "offers Python training"),
    ],
)
def test_offer_clause(offer: str, clause: str) -> None:
    assert WORDING.offer_clause(offer) == clause


def test_events_phrase_uses_an_article_only_where_it_fits() -> None:
    assert events_phrase(["Leeds Digital Breakfast"]) == (
        "You met both at the Leeds Digital Breakfast"
    )
    assert events_phrase(["The Big Meetup", "Sam's launch party"]) == (
        "You met both at The Big Meetup and Sam's launch party"
    )
    assert events_phrase(["Tech Drinks", "Demo Day", "Expo"]) == (
        "You met both at the Tech Drinks and 2 other events"
    )
    assert events_phrase([]) == "You met both at the same event"


def test_pair_reason_in_full() -> None:
    reason = WORDING.pair_reason(
        "Maya Patel",
        "looking for a cartoonist for short films",
        "Tom Reed",
        "animation and illustration for film",
        shared=("You met both at the Leeds Digital Breakfast", "Both are tagged design"),
        owed=("Tom Reed",),
    )

    assert reason == (
        "Maya Patel is looking for a cartoonist for short films; "
        "Tom Reed offers animation and illustration for film. "
        "You met both at the Leeds Digital Breakfast and both are tagged design. "
        "Introducing them would return a favour you owe Tom Reed."
    )


def test_helper_reason() -> None:
    assert WORDING.helper_reason("Tom Reed", "Offers 2D animation", owed=True) == (
        "Tom Reed offers 2D animation. You owe them a favour."
    )


def test_proper_nouns_are_words_capitalised_after_the_start() -> None:
    texts = ["Freelance Python programmer", "Desk space in Leeds", "UX for the NHS", "iOS apps"]

    assert proper_nouns(texts) == {"python", "leeds", "nhs"}
    assert proper_nouns([], ["Acme Ltd", "York"]) == {"acme", "ltd", "york"}
