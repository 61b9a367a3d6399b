"""IntroductionService over a real SQLCipher vault: suggestions, stages, email, caching."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from urllib.parse import parse_qs, unquote, urlsplit

import pytest

from desktop.app import Services
from desktop.errors import NotFoundError, ValidationError
from desktop.records import ContactInput
from desktop.services.introductions import Suggestion

NOW = datetime(2026, 3, 2, 9, 0, tzinfo=UTC)

# Asks and offers as people write them: each pair words the same need differently.
PEOPLE: dict[str, ContactInput] = {
    "maya": ContactInput(
        name="Maya Patel",
        org="Pixel Co",
        emails=("maya@pixel.example",),
        asks=("Looking for a cartoonist for short films",),
        offers=("UX research",),
    ),
    "tom": ContactInput(
        name="Tom Reed",
        title="Director",
        org="Reed Animation",
        emails=("tom+work@reed.example",),
        offers=("Animation and illustration for film",),
    ),
    "priya": ContactInput(name="Priya Shah", asks=("Need a bookkeeper for my bakery",)),
    "dan": ContactInput(
        name="Dan Hughes", offers=("Bookkeeping and VAT returns for small businesses",)
    ),
    "owen": ContactInput(name="Owen Clarke", asks=("Desk space in Leeds for a team of three",)),
    "sara": ContactInput(name="Sara Lind", offers=("Runs a coworking space near Leeds station",)),
    "grace": ContactInput(name="Grace Liu", asks=("Legal advice on a shareholder agreement",)),
    "henry": ContactInput(
        name="Henry Wood", offers=("Solicitor for startups and small companies",)
    ),
    # Distractors that share a word or a synonym with some ask.
    "liam": ContactInput(
        name="Liam Burke", asks=("A venue for a film screening",), offers=("Film festival tickets",)
    ),
    "fiona": ContactInput(name="Fiona Grey", offers=("Office furniture supplier",)),
    "raj": ContactInput(name="Raj Patel", offers=("Python training courses for schools",)),
    "eve": ContactInput(name="Eve Walsh", offers=("Copywriting for websites and brochures",)),
}


@pytest.fixture
def ids(services: Services) -> dict[str, int]:
    return {key: services.contacts.add(data).id for key, data in PEOPLE.items()}


def _pairs(suggestions: list[Suggestion]) -> set[frozenset[int]]:
    return {frozenset((s.a_id, s.b_id)) for s in suggestions}


def _partners(suggestions: list[Suggestion]) -> list[int]:
    return [s.b_id for s in suggestions]


SCENARIOS = [
    pytest.param("maya", "tom", id="cartoonist for short films / animation for film"),
    pytest.param("priya", "dan", id="bookkeeper / bookkeeping"),
    pytest.param("owen", "sara", id="desk space / coworking space"),
    pytest.param("grace", "henry", id="legal advice / solicitor"),
]


@pytest.mark.parametrize(("asker", "helper"), SCENARIOS)
def test_the_right_helper_is_in_the_top_three(
    services: Services, ids: dict[str, int], asker: str, helper: str
) -> None:
    top = services.introductions.suggest(ids[asker], now=NOW)[:3]

    assert ids[helper] in _partners(top)
    found = next(s for s in top if s.b_id == ids[helper])
    assert (found.a_id, found.asker_id, found.offerer_id) == (ids[asker], ids[asker], ids[helper])
    assert 0.0 < found.score <= 1.0


@pytest.mark.parametrize(
    ("need", "helper"),
    [
        pytest.param("Does anyone know a cartoonist who does film?", "tom", id="cartoonist"),
        pytest.param("who can help with our books and VAT?", "dan", id="books"),
        pytest.param("coworking in Leeds", "sara", id="coworking"),
        pytest.param("a lawyer", "henry", id="lawyer"),
    ],
)
def test_who_can_help_puts_the_helper_in_the_top_three(
    services: Services, ids: dict[str, int], need: str, helper: str
) -> None:
    top = services.introductions.who_can_help(need, now=NOW)[:3]

    assert ids[helper] in [h.contact_id for h in top]
    found = next(h for h in top if h.contact_id == ids[helper])
    assert found.offer == PEOPLE[helper].offers[0]
    assert PEOPLE[helper].name in found.reason


def test_who_can_help_leaves_out_the_excluded_contact(
    services: Services, ids: dict[str, int]
) -> None:
    found = services.introductions.who_can_help("cartoonist", exclude=ids["tom"], now=NOW)

    assert ids["tom"] not in [h.contact_id for h in found]


def test_the_reason_names_the_ask_the_offer_and_a_shared_event(
    services: Services, ids: dict[str, int]
) -> None:
    services.events.add(
        "Leeds Digital Breakfast", date(2026, 2, 20), attendee_ids=(ids["maya"], ids["tom"])
    )

    found = services.introductions.suggest(ids["maya"], now=NOW)[0]

    assert found.b_id == ids["tom"]
    assert found.ask == "Looking for a cartoonist for short films"
    assert found.offer == "Animation and illustration for film"
    # "Animation" keeps its capital: it is part of Tom's company name.
    assert "cartoonist for short films" in found.reason.casefold()
    assert "animation and illustration for film" in found.reason.casefold()
    assert "Leeds Digital Breakfast" in found.reason
    assert any("Leeds Digital Breakfast" in phrase for phrase in found.shared)


def _never_suggested(services: Services, a: int, b: int) -> None:
    intros = services.introductions
    pair = frozenset((a, b))
    assert b not in _partners(intros.suggest(a, limit=50, now=NOW))
    assert a not in _partners(intros.suggest(b, limit=50, now=NOW))
    assert pair not in _pairs(intros.suggest(None, limit=100, now=NOW))
    matches = intros.contact_matches(a, limit=20, now=NOW)
    assert b not in [s.b_id for s in (*matches.could_help_them, *matches.they_could_help)]


def test_a_pair_is_suggested_until_they_are_known_to_know_each_other(
    services: Services, ids: dict[str, int]
) -> None:
    assert frozenset((ids["maya"], ids["tom"])) in _pairs(
        services.introductions.suggest(None, limit=100, now=NOW)
    )

    services.relationships.relate(ids["tom"], ids["maya"])

    _never_suggested(services, ids["maya"], ids["tom"])


def test_a_past_introduction_is_never_suggested_again(
    services: Services, ids: dict[str, int]
) -> None:
    intros = services.introductions
    intro = intros.propose(ids["priya"], ids["dan"], "Bookkeeping", now=NOW)
    intros.make(intro.id, NOW, force=True)
    intros.record_outcome(intro.id, "They meet monthly now", worked=True)

    _never_suggested(services, ids["priya"], ids["dan"])


def test_a_dismissed_pair_is_never_suggested_again(services: Services, ids: dict[str, int]) -> None:
    dismissed = services.introductions.dismiss_pair(ids["owen"], ids["sara"], "Sara is moving")

    assert (dismissed.stage, dismissed.reason) == ("dismissed", "Sara is moving")
    _never_suggested(services, ids["owen"], ids["sara"])
    again = services.introductions.dismiss_pair(ids["sara"], ids["owen"])
    assert again.id == dismissed.id


def test_archived_contacts_are_left_out(services: Services, ids: dict[str, int]) -> None:
    services.contacts.set_archived(ids["tom"])

    assert ids["tom"] not in _partners(services.introductions.suggest(ids["maya"], now=NOW))
    assert services.introductions.suggest(ids["tom"], now=NOW) == []


def test_contact_matches_split_by_who_helps_whom(services: Services, ids: dict[str, int]) -> None:
    for_maya = services.introductions.contact_matches(ids["maya"], now=NOW)
    for_tom = services.introductions.contact_matches(ids["tom"], now=NOW)

    assert for_maya.contact_id == ids["maya"]
    assert ids["tom"] in [s.b_id for s in for_maya.could_help_them]
    assert all(s.a_id == ids["maya"] for s in for_maya.could_help_them)
    assert ids["maya"] in [s.b_id for s in for_tom.they_could_help]
    assert all(s.offerer_id == ids["tom"] for s in for_tom.they_could_help)
    assert (for_maya.has_asks, for_maya.has_offers) == (True, True)
    assert (for_tom.has_asks, for_tom.has_offers) == (False, True)
    unmatched = services.contacts.add(ContactInput(name="Zed Quay", asks=("a lighthouse keeper",)))
    for_zed = services.introductions.contact_matches(unmatched.id, now=NOW)
    assert (for_zed.could_help_them, for_zed.has_asks) == ((), True)


def test_stages_end_to_end_with_double_opt_in(services: Services, ids: dict[str, int]) -> None:
    intros = services.introductions
    maya, tom = ids["maya"], ids["tom"]

    proposed = intros.propose(maya, tom, now=NOW)
    assert proposed.stage == "proposed"
    assert "cartoonist" in proposed.reason  # the matcher's reason, when none is given

    asked = intros.ask(proposed.id, "a", agreed=True, now=NOW)
    assert (asked.stage, asked.asked_a_at, asked.a_agreed) == ("asked", NOW, True)
    assert (asked.asked_b_at, asked.b_agreed) == (None, None)
    with pytest.raises(ValidationError, match="Tom Reed has not answered yet"):
        intros.make(proposed.id, NOW)

    later = NOW + timedelta(hours=3)
    intros.ask(proposed.id, "b", now=later)
    agreed = intros.ask(proposed.id, "b", agreed=True, now=later + timedelta(hours=1))
    assert (agreed.asked_b_at, agreed.b_agreed, agreed.both_agreed) == (later, True, True)

    made = intros.make(proposed.id, NOW + timedelta(days=1))
    assert (made.stage, made.made_at) == ("made", NOW + timedelta(days=1))
    given = [f for f in services.favours.history() if f.introduction_id == proposed.id]
    assert sorted((f.contact, f.direction, f.size, f.status, f.description) for f in given) == [
        ("Maya Patel", "given", "medium", "done", "Introduced to Tom Reed"),
        ("Tom Reed", "given", "medium", "done", "Introduced to Maya Patel"),
    ]

    services.followups.refresh(NOW + timedelta(days=16))
    checkins = [
        r
        for r in services.followups.open_reminders(NOW + timedelta(days=16))
        if r.kind == "intro_checkin"
    ]
    assert len(checkins) == 1
    assert "Maya Patel and Tom Reed" in checkins[0].reason

    done = intros.record_outcome(proposed.id, "They are making a short together", worked=True)
    assert (done.stage, done.outcome_note, done.outcome_worked) == (
        "outcome",
        "They are making a short together",
        True,
    )
    assert intros.get(proposed.id) == done
    assert [i.id for i in intros.list_introductions(stage="outcome")] == [proposed.id]


def test_a_declined_introduction_is_not_made_unless_forced(
    services: Services, ids: dict[str, int]
) -> None:
    intros = services.introductions
    intro = intros.propose(ids["priya"], ids["dan"], "Books", now=NOW)
    intros.ask(intro.id, "a", agreed=True, now=NOW)
    intros.ask(intro.id, "b", agreed=False, now=NOW)

    with pytest.raises(ValidationError, match="Dan Hughes said no"):
        intros.make(intro.id, NOW)
    assert intros.get(intro.id).stage == "asked"
    assert services.favours.history() == []

    assert intros.make(intro.id, NOW, force=True).stage == "made"


def test_dismiss_drops_an_open_introduction(services: Services, ids: dict[str, int]) -> None:
    intros = services.introductions
    intro = intros.propose(ids["owen"], ids["sara"], "Desks", now=NOW)

    assert intros.dismiss(intro.id).stage == "dismissed"
    assert intros.list_introductions() == []
    assert [i.id for i in intros.list_introductions(include_dismissed=True)] == [intro.id]
    assert intros.dismiss(intro.id).stage == "dismissed"


def test_email_draft_names_both_and_encodes_the_link(
    services: Services, ids: dict[str, int]
) -> None:
    intro = services.introductions.propose(
        ids["maya"], ids["tom"], "Maya needs a cartoonist & Tom animates film.", now=NOW
    )

    email = services.introductions.draft_email(intro.id)

    assert email.to == ("maya@pixel.example", "tom+work@reed.example")
    assert email.missing == ()
    assert "Maya Patel" in email.subject and "Tom Reed" in email.subject
    assert email.body.startswith("Hi Maya and Tom,")
    assert "Tom Reed, Director at Reed Animation" in email.body
    assert "Maya needs a cartoonist & Tom animates film." in email.body
    parts = urlsplit(email.mailto)
    assert parts.scheme == "mailto"
    assert unquote(parts.path) == "maya@pixel.example,tom+work@reed.example"
    assert "+" not in parts.path and " " not in email.mailto and "\n" not in email.mailto
    query = parse_qs(parts.query)
    assert query["subject"] == [email.subject]
    assert query["body"] == [email.body.replace("\n", "\r\n")]


def test_email_draft_leaves_out_what_speaks_to_the_user(
    services: Services, ids: dict[str, int]
) -> None:
    services.events.add("Film Night", date(2026, 2, 1), attendee_ids=(ids["maya"], ids["tom"]))
    intro = services.introductions.propose(ids["maya"], ids["tom"], now=NOW)
    assert "You met both" in intro.reason

    body = services.introductions.draft_email(intro.id).body

    assert "cartoonist" in body
    assert "You met both" not in body


def test_email_draft_says_who_has_no_address(services: Services, ids: dict[str, int]) -> None:
    intro = services.introductions.propose(ids["priya"], ids["dan"], "Books", now=NOW)

    email = services.introductions.draft_email(intro.id)

    assert email.to == ()
    assert email.missing == ("Priya Shah", "Dan Hughes")
    assert email.mailto.startswith("mailto:?subject=")


def test_a_new_contact_appears_without_restarting_the_service(
    services: Services, ids: dict[str, int]
) -> None:
    intros = services.introductions
    intros.suggest(ids["priya"], now=NOW)
    intros.suggest(ids["priya"], now=NOW)
    assert intros.matcher_builds == 1

    newcomer = services.contacts.add(
        ContactInput(name="Nell Baker", offers=("Bookkeeper for bakeries and cafes",))
    )

    assert newcomer.id in _partners(intros.suggest(ids["priya"], now=NOW)[:3])
    assert intros.matcher_builds == 2


def test_changed_asks_and_new_favours_rebuild_the_matcher(
    services: Services, ids: dict[str, int]
) -> None:
    intros = services.introductions
    assert ids["raj"] not in _partners(intros.suggest(ids["priya"], now=NOW))

    services.contacts.update(
        ids["priya"], ContactInput(name="Priya Shah", asks=("Python lessons for my staff",))
    )
    assert intros.suggest(ids["priya"], now=NOW)[0].b_id == ids["raj"]

    builds = intros.matcher_builds
    services.favours.record(ids["raj"], "received", "Lent me a projector", size="large")
    reason = intros.suggest(ids["priya"], now=NOW)[0].reason
    assert intros.matcher_builds == builds + 1
    assert "favour you owe Raj Patel" in reason


@pytest.mark.parametrize(
    ("action", "message"),
    [
        (lambda s, i: s.introductions.propose(i["maya"], i["maya"]), "two different people"),
        (lambda s, i: s.introductions.propose(i["maya"], 9999), "no contact with id 9999"),
        (lambda s, i: s.introductions.ask(9999, "a"), "no introduction with id 9999"),
        (lambda s, i: s.introductions.suggest(9999), "no contact with id 9999"),
        (lambda s, i: s.introductions.suggest(i["maya"], limit=0), "1 to 1000"),
        (lambda s, i: s.introductions.who_can_help("   "), "what you need help with"),
        (lambda s, i: s.introductions.list_introductions(stage="done"), "not 'done'"),
        (lambda s, i: s.introductions.suggest(None, now=datetime(2026, 1, 1)), "time zone"),
    ],
)
def test_bad_input_is_a_clear_error(
    services: Services, ids: dict[str, int], action: object, message: str
) -> None:
    with pytest.raises((ValidationError, NotFoundError), match=message):
        action(services, ids)  # type: ignore[operator]


def test_proposals_that_make_no_sense_are_refused(services: Services, ids: dict[str, int]) -> None:
    intros = services.introductions
    services.relationships.relate(ids["maya"], ids["tom"])
    with pytest.raises(ValidationError, match="already know each other"):
        intros.propose(ids["maya"], ids["tom"])

    intro = intros.propose(ids["priya"], ids["dan"], "Books", now=NOW)
    with pytest.raises(ValidationError, match=f"in progress \\(id {intro.id}"):
        intros.propose(ids["dan"], ids["priya"])
    with pytest.raises(ValidationError, match="not 'c'"):
        intros.ask(intro.id, "c")
    with pytest.raises(ValidationError, match="cannot be given an outcome"):
        intros.record_outcome(intro.id, "Went well", worked=True)
    intros.make(intro.id, NOW, force=True)
    with pytest.raises(ValidationError, match="already made"):
        intros.ask(intro.id, "a", agreed=True)
    with pytest.raises(ValidationError, match="how the introduction went"):
        intros.record_outcome(intro.id, "  ", worked=False)

    services.contacts.set_archived(ids["eve"])
    with pytest.raises(ValidationError, match="Eve Walsh is archived"):
        intros.propose(ids["eve"], ids["raj"])
    assert [i.id for i in intros.list_introductions()] == [intro.id]


def test_asking_each_side_keeps_the_matcher(services: Services, ids: dict[str, int]) -> None:
    intros = services.introductions
    intro = intros.propose(ids["priya"], ids["dan"], "Books", now=NOW)
    intros.suggest(None, now=NOW)
    builds = intros.matcher_builds

    intros.ask(intro.id, "a", agreed=True, now=NOW)
    intros.ask(intro.id, "b", agreed=True, now=NOW)
    intros.suggest(None, now=NOW)

    assert intros.matcher_builds == builds
    intros.dismiss(intro.id)  # dismissed, the pair stays out
    assert frozenset((ids["priya"], ids["dan"])) not in _pairs(intros.suggest(None, now=NOW))
    assert intros.matcher_builds == builds + 1


def test_network_wide_suggestions_reach_more_than_one_helper(services: Services) -> None:
    helper = services.contacts.add(
        ContactInput(name="Dana Cutter", offers=("Video editing for short films",))
    ).id
    for n in range(6):
        services.contacts.add(ContactInput(name=f"Asker {n}", asks=("a video editor",)))
    services.contacts.add(ContactInput(name="Priya Shah", asks=("Need a bookkeeper",)))
    services.contacts.add(ContactInput(name="Dan Hughes", offers=("Bookkeeping for bakeries",)))

    top = services.introductions.suggest(None, limit=3, now=NOW)

    assert sum(helper in (s.a_id, s.b_id) for s in top) == 2
    assert any({s.a, s.b} == {"Priya Shah", "Dan Hughes"} for s in top)
    # With nobody else to suggest, the helper fills the rest.
    assert (
        sum(helper in (s.a_id, s.b_id) for s in services.introductions.suggest(None, 7, NOW)) == 6
    )
