import random
from dataclasses import replace
from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from desktop.rules import (
    AttendanceState,
    ContactState,
    DerivedReminder,
    FavourState,
    IntroState,
    LosingTouch,
    RuleSettings,
    VaultState,
    derive_all,
    losing_touch,
)
from desktop.rules.followups import (
    after_event,
    intro_checkins,
    keep_in_touch,
    promises,
    reciprocity,
)

LONDON = ZoneInfo("Europe/London")
NEW_YORK = ZoneInfo("America/New_York")
NOW = datetime(2026, 11, 23, 12, 0, tzinfo=UTC)  # a Monday; London is on GMT
SETTINGS = RuleSettings(tz=LONDON)


def utc(year: int, month: int, day: int, hour: int = 0, minute: int = 0) -> datetime:
    return datetime(year, month, day, hour, minute, tzinfo=UTC)


CREATED = utc(2026, 1, 5, 10)


def contact(
    contact_id: int = 7,
    name: str = "Tom Reed",
    cadence: int | None = 30,
    last: datetime | None = None,
    created: datetime = CREATED,
    asks: tuple[str, ...] = (),
) -> ContactState:
    return ContactState(contact_id, name, cadence, last, created, asks)


def attendance(
    event_id: int = 4,
    held_on: date = date(2026, 11, 18),
    contact_id: int = 9,
    followed_up: bool = False,
) -> AttendanceState:
    return AttendanceState(
        event_id, "Leeds Digital Breakfast", held_on, contact_id, "Maya Patel", followed_up
    )


def favour(
    favour_id: int,
    direction: str,
    occurred_on: date,
    status: str = "done",
    contact_id: int = 5,
    name: str = "Ana Silva",
    due_on: date | None = None,
    description: str = "introduced me to a lawyer",
) -> FavourState:
    return FavourState(
        favour_id, contact_id, name, direction, status, occurred_on, due_on, description
    )


def keys(reminders: list[DerivedReminder]) -> list[str]:
    return [r.source_key for r in reminders]


# After an event


def test_after_event_reminds_each_attendee_not_followed_up() -> None:
    state = VaultState(attendances=(attendance(),))
    assert after_event(state, SETTINGS, NOW) == [
        DerivedReminder(
            source_key="after_event:event=4:contact=9",
            contact_id=9,
            kind="after_event",
            due_at=utc(2026, 11, 20, 9),
            reason="Follow up with Maya Patel after Leeds Digital Breakfast",
        )
    ]


def test_after_event_is_cleared_by_a_follow_up() -> None:
    state = VaultState(attendances=(attendance(followed_up=True),))
    assert after_event(state, SETTINGS, NOW) == []


def test_after_event_delay_comes_from_settings_and_falls_at_local_nine() -> None:
    state = VaultState(attendances=(attendance(held_on=date(2026, 7, 1)),))
    settings = RuleSettings(after_event_days=5, tz=NEW_YORK)
    [reminder] = after_event(state, settings, NOW)
    assert reminder.due_at == utc(2026, 7, 6, 13)  # 09:00 EDT


def test_after_event_waits_until_the_event_has_happened() -> None:
    state = VaultState(attendances=(attendance(held_on=date(2026, 11, 30)),))
    assert after_event(state, SETTINGS, NOW) == []
    on_the_day = datetime(2026, 11, 30, 0, 0, tzinfo=LONDON)
    assert keys(after_event(state, SETTINGS, on_the_day)) == ["after_event:event=4:contact=9"]


# Keep in touch


def test_keep_in_touch_is_due_a_cadence_after_the_last_contact() -> None:
    state = VaultState(contacts=(contact(last=utc(2026, 10, 2, 15)),))
    assert keep_in_touch(state, SETTINGS) == [
        DerivedReminder(
            source_key="keep_in_touch:contact=7:since=2026-10-02",
            contact_id=7,
            kind="keep_in_touch",
            due_at=utc(2026, 11, 1, 9),  # GMT again after 25 October
            reason="Keep in touch with Tom Reed (every 30 days; last contact 2 Oct)",
        )
    ]


def test_a_new_interaction_replaces_the_keep_in_touch_reminder() -> None:
    before = VaultState(contacts=(contact(last=utc(2026, 10, 2, 15)),))
    after = VaultState(contacts=(contact(last=utc(2026, 11, 20, 11)),))
    [old] = keep_in_touch(before, SETTINGS)
    [new] = keep_in_touch(after, SETTINGS)
    assert new.source_key == "keep_in_touch:contact=7:since=2026-11-20"
    assert new.source_key != old.source_key
    assert new.due_at == utc(2026, 12, 20, 9) > old.due_at
    assert old.source_key not in keys(derive_all(after, SETTINGS, NOW))


def test_a_second_interaction_the_same_local_day_keeps_the_reminder() -> None:
    morning = VaultState(contacts=(contact(last=utc(2026, 11, 20, 9)),))
    evening = VaultState(contacts=(contact(last=utc(2026, 11, 20, 21)),))
    assert keep_in_touch(morning, SETTINGS) == keep_in_touch(evening, SETTINGS)


def test_keep_in_touch_counts_from_the_local_day_of_the_last_contact() -> None:
    # 23:30 UTC on 2 October is 00:30 on 3 October in London (BST).
    state = VaultState(contacts=(contact(last=utc(2026, 10, 2, 23, 30)),))
    [reminder] = keep_in_touch(state, SETTINGS)
    assert reminder.source_key == "keep_in_touch:contact=7:since=2026-10-03"
    assert reminder.due_at == utc(2026, 11, 2, 9)


def test_keep_in_touch_counts_from_creation_when_never_contacted() -> None:
    state = VaultState(contacts=(contact(cadence=14, created=utc(2026, 10, 2, 8)),))
    [reminder] = keep_in_touch(state, SETTINGS)
    assert reminder.source_key == "keep_in_touch:contact=7:since=2026-10-02"
    assert reminder.due_at == utc(2026, 10, 16, 8)  # 09:00 BST
    assert (
        reminder.reason
        == "Keep in touch with Tom Reed (every 14 days; added 2 Oct, no contact yet)"
    )


@pytest.mark.parametrize(("cadence", "due"), [(7, utc(2026, 11, 27, 9)), (90, utc(2027, 2, 18, 9))])
def test_the_given_cadence_is_honoured(cadence: int, due: datetime) -> None:
    state = VaultState(contacts=(contact(cadence=cadence, last=utc(2026, 11, 20, 10)),))
    [reminder] = keep_in_touch(state, SETTINGS)
    assert reminder.due_at == due
    assert f"every {cadence} days" in reminder.reason


def test_reason_gives_the_year_when_the_last_contact_was_in_another_year() -> None:
    state = VaultState(contacts=(contact(cadence=1, last=utc(2025, 12, 31, 12)),))
    [reminder] = keep_in_touch(state, SETTINGS)
    assert reminder.reason == "Keep in touch with Tom Reed (every day; last contact 31 Dec 2025)"


def test_contacts_without_a_cadence_are_left_alone() -> None:
    state = VaultState(contacts=(contact(cadence=None), contact(contact_id=8, cadence=0)))
    assert keep_in_touch(state, SETTINGS) == []
    assert losing_touch(state, SETTINGS, NOW) == []


# Losing touch


def test_losing_touch_lists_overdue_contacts_most_overdue_first() -> None:
    state = VaultState(
        contacts=(
            contact(1, "Due today", 30, last=utc(2026, 10, 24, 12)),
            contact(2, "A bit late", 30, last=utc(2026, 10, 20, 12)),
            contact(3, "Very late", 7, last=utc(2026, 9, 1, 12)),
            contact(4, "Fine", 30, last=utc(2026, 11, 20, 12)),
            contact(5, "Never met", 14, created=utc(2026, 11, 1, 12)),
        )
    )
    assert losing_touch(state, SETTINGS, NOW) == [
        LosingTouch(3, "Very late", 7, utc(2026, 9, 1, 12), 76),
        LosingTouch(5, "Never met", 14, None, 8),
        LosingTouch(2, "A bit late", 30, utc(2026, 10, 20, 12), 4),
    ]


def test_losing_touch_breaks_ties_by_name() -> None:
    last = utc(2026, 10, 1, 12)
    state = VaultState(
        contacts=(contact(2, "zoë", 30, last=last), contact(1, "Adam", 30, last=last))
    )
    assert [t.name for t in losing_touch(state, SETTINGS, NOW)] == ["Adam", "zoë"]


# Reciprocity


def test_a_favour_received_asks_to_return_it_with_ideas_from_their_asks() -> None:
    state = VaultState(
        contacts=(contact(5, "Ana Silva", asks=("a bookkeeper", "office space")),),
        favours=(favour(12, "received", date(2026, 10, 1)),),
    )
    assert reciprocity(state, SETTINGS, NOW) == [
        DerivedReminder(
            source_key="reciprocity:contact=5:favour=12",
            contact_id=5,
            kind="reciprocity",
            due_at=utc(2026, 10, 31, 9),
            reason="Return the favour to Ana Silva — ideas from their asks: "
            "a bookkeeper; office space",
        )
    ]


def test_without_asks_the_reason_names_the_favour() -> None:
    state = VaultState(favours=(favour(12, "received", date(2026, 10, 1)),))
    [reminder] = reciprocity(state, SETTINGS, NOW)
    assert reminder.reason == "Return the favour to Ana Silva for: introduced me to a lawyer"


@pytest.mark.parametrize(
    ("given_on", "status"),
    [(date(2026, 10, 1), "done"), (date(2026, 10, 10), "done"), (date(2026, 12, 1), "promised")],
)
def test_a_favour_given_on_or_after_clears_reciprocity(given_on: date, status: str) -> None:
    received = favour(12, "received", date(2026, 10, 1))
    given = favour(13, "given", given_on, status=status)
    assert reciprocity(VaultState(favours=(received,)), SETTINGS, NOW) != []
    assert reciprocity(VaultState(favours=(received, given)), SETTINGS, NOW) == []


@pytest.mark.parametrize(
    "given",
    [
        favour(13, "given", date(2026, 9, 30)),
        favour(13, "given", date(2026, 10, 5), status="declined"),
        favour(13, "given", date(2026, 10, 5), contact_id=6, name="Someone Else"),
    ],
)
def test_favours_that_do_not_return_it_leave_reciprocity(given: FavourState) -> None:
    state = VaultState(favours=(favour(12, "received", date(2026, 10, 1)), given))
    assert keys(reciprocity(state, SETTINGS, NOW)) == ["reciprocity:contact=5:favour=12"]


def test_one_reciprocity_reminder_per_person_moves_on_when_the_oldest_is_returned() -> None:
    first = favour(12, "received", date(2026, 9, 1))
    second = favour(15, "received", date(2026, 10, 1))
    unreturned = VaultState(favours=(second, first))
    [reminder] = reciprocity(unreturned, SETTINGS, NOW)
    assert reminder.source_key == "reciprocity:contact=5:favour=12"
    assert reminder.due_at == utc(2026, 10, 1, 8)  # 09:00 BST

    returned_first = VaultState(favours=(second, first, favour(20, "given", date(2026, 9, 15))))
    [reminder] = reciprocity(returned_first, SETTINGS, NOW)
    assert reminder.source_key == "reciprocity:contact=5:favour=15"
    assert reminder.due_at == utc(2026, 10, 31, 9)


@pytest.mark.parametrize("status", ["promised", "declined"])
def test_only_favours_actually_received_call_for_a_return(status: str) -> None:
    state = VaultState(favours=(favour(12, "received", date(2026, 10, 1), status=status),))
    assert reciprocity(state, SETTINGS, NOW) == []


def test_reciprocity_waits_until_the_favour_has_happened() -> None:
    state = VaultState(favours=(favour(12, "received", date(2026, 11, 24)),))
    assert reciprocity(state, SETTINGS, NOW) == []
    assert reciprocity(state, SETTINGS, NOW + timedelta(days=1)) != []


def test_reciprocity_delay_comes_from_settings() -> None:
    state = VaultState(favours=(favour(12, "received", date(2026, 11, 1)),))
    [reminder] = reciprocity(state, RuleSettings(reciprocity_days=10, tz=LONDON), NOW)
    assert reminder.due_at == utc(2026, 11, 11, 9)


# Promises


def test_a_promise_made_reminds_lead_days_before_it_is_due() -> None:
    state = VaultState(
        favours=(
            favour(
                30,
                "given",
                date(2026, 11, 20),
                status="promised",
                contact_id=7,
                name="Tom Reed",
                due_on=date(2026, 12, 12),
                description="send the deck",
            ),
        )
    )
    assert promises(state, SETTINGS) == [
        DerivedReminder(
            source_key="promise:favour=30:due=2026-12-12",
            contact_id=7,
            kind="promise",
            due_at=utc(2026, 12, 10, 9),
            reason="Promise to Tom Reed due 12 Dec: send the deck",
        )
    ]
    [later] = promises(state, RuleSettings(promise_lead_days=5, tz=LONDON))
    assert later.due_at == utc(2026, 12, 7, 9)


def test_a_promise_whose_lead_time_has_passed_keeps_its_due_time() -> None:
    promised = favour(30, "given", date(2026, 11, 20), status="promised", due_on=date(2026, 11, 24))
    state = VaultState(favours=(promised,))
    [reminder] = promises(state, SETTINGS)
    assert reminder.due_at == utc(2026, 11, 22, 9) < NOW
    assert derive_all(state, SETTINGS, NOW) == derive_all(state, SETTINGS, NOW + timedelta(hours=5))


def test_a_promise_received_gets_a_check_the_day_after_it_was_due() -> None:
    promised = favour(
        31,
        "received",
        date(2026, 11, 20),
        status="promised",
        contact_id=7,
        name="Tom Reed",
        due_on=date(2026, 12, 12),
        description="send the deck",
    )
    [reminder] = promises(VaultState(favours=(promised,)), SETTINGS)
    assert reminder.due_at == utc(2026, 12, 13, 9)
    assert reminder.reason == "Check on Tom Reed's promise, due 12 Dec: send the deck"


def test_moving_a_promise_raises_a_fresh_reminder() -> None:
    promised = favour(30, "given", date(2026, 11, 20), status="promised", due_on=date(2026, 12, 12))
    moved = replace(promised, due_on=date(2027, 1, 8))
    [before] = promises(VaultState(favours=(promised,)), SETTINGS)
    [after] = promises(VaultState(favours=(moved,)), SETTINGS)
    assert after.source_key == "promise:favour=30:due=2027-01-08" != before.source_key
    assert "due 8 Jan 2027" not in after.reason  # the reminder falls in the same year
    assert "due 8 Jan" in after.reason


@pytest.mark.parametrize(
    "kept",
    [
        favour(30, "given", date(2026, 11, 20), status="done", due_on=date(2026, 12, 12)),
        favour(30, "given", date(2026, 11, 20), status="declined", due_on=date(2026, 12, 12)),
        favour(30, "given", date(2026, 11, 20), status="promised", due_on=None),
    ],
)
def test_only_dated_open_promises_remind(kept: FavourState) -> None:
    assert promises(VaultState(favours=(kept,)), SETTINGS) == []


# Introductions


def test_intro_check_in_asks_both_sides_after_the_delay() -> None:
    state = VaultState(
        intros=(IntroState(3, 9, "Maya Patel", 7, "Tom Reed", utc(2026, 11, 1, 22, 30)),)
    )
    assert intro_checkins(state, SETTINGS, NOW) == [
        DerivedReminder(
            source_key="intro_checkin:intro=3",
            contact_id=9,
            kind="intro_checkin",
            due_at=utc(2026, 11, 15, 9),
            reason="Check in with Maya Patel and Tom Reed: how did the introduction go?",
        )
    ]
    [later] = intro_checkins(state, RuleSettings(intro_checkin_days=30, tz=LONDON), NOW)
    assert later.due_at == utc(2026, 12, 1, 9)


def test_intro_check_in_uses_the_local_day_the_intro_was_made() -> None:
    made = utc(2026, 11, 2, 2, 0)  # 21:00 on 1 November in New York
    state = VaultState(intros=(IntroState(3, 9, "Maya Patel", 7, "Tom Reed", made),))
    [reminder] = intro_checkins(state, RuleSettings(tz=NEW_YORK), NOW)
    assert reminder.due_at == utc(2026, 11, 15, 14)  # 09:00 EST on 15 November


# Everything together


def sample_state() -> VaultState:
    return VaultState(
        contacts=(
            contact(7, "Tom Reed", 30, last=utc(2026, 10, 2, 15)),
            contact(5, "Ana Silva", None, asks=("a bookkeeper",)),
            contact(9, "Maya Patel", 14, created=utc(2026, 11, 18, 20)),
        ),
        attendances=(
            attendance(4, date(2026, 11, 18), 9),
            attendance(4, date(2026, 11, 18), 7, followed_up=True),
            attendance(6, date(2026, 12, 3), 5),
        ),
        favours=(
            favour(12, "received", date(2026, 10, 1)),
            favour(30, "given", date(2026, 11, 20), "promised", 7, "Tom Reed", date(2026, 12, 12)),
            favour(31, "received", date(2026, 11, 30)),
        ),
        intros=(IntroState(3, 9, "Maya Patel", 7, "Tom Reed", utc(2026, 11, 1, 10)),),
    )


def test_derive_all_gathers_every_rule_ordered_by_due_time() -> None:
    derived = derive_all(sample_state(), SETTINGS, NOW)
    assert [(r.kind, r.source_key) for r in derived] == [
        ("reciprocity", "reciprocity:contact=5:favour=12"),
        ("keep_in_touch", "keep_in_touch:contact=7:since=2026-10-02"),
        ("intro_checkin", "intro_checkin:intro=3"),
        ("after_event", "after_event:event=4:contact=9"),
        ("keep_in_touch", "keep_in_touch:contact=9:since=2026-11-18"),
        ("promise", "promise:favour=30:due=2026-12-12"),
    ]
    due_times = [r.due_at for r in derived]
    assert due_times == sorted(due_times)


def test_derive_all_is_deterministic_whatever_the_input_order() -> None:
    state = sample_state()
    expected = derive_all(state, SETTINGS, NOW)
    assert derive_all(state, SETTINGS, NOW) == expected
    rng = random.Random(4)
    for _ in range(10):
        shuffled = VaultState(
            contacts=tuple(rng.sample(state.contacts, len(state.contacts))),
            attendances=tuple(rng.sample(state.attendances, len(state.attendances))),
            favours=tuple(rng.sample(state.favours, len(state.favours))),
            intros=tuple(rng.sample(state.intros, len(state.intros))),
        )
        assert derive_all(shuffled, SETTINGS, NOW) == expected


def test_equal_due_times_are_ordered_by_key() -> None:
    state = VaultState(attendances=(attendance(4, contact_id=11), attendance(4, contact_id=10)))
    assert keys(derive_all(state, SETTINGS, NOW)) == [
        "after_event:event=4:contact=10",
        "after_event:event=4:contact=11",
    ]


def test_as_time_passes_reminders_only_appear() -> None:
    state = sample_state()
    seen: set[str] = set()
    for days in range(0, 60, 3):
        current = set(keys(derive_all(state, SETTINGS, NOW + timedelta(days=days))))
        assert seen <= current
        seen = current
    assert "after_event:event=6:contact=5" in seen
    assert "reciprocity:contact=5:favour=12" in seen


def test_keys_are_unique() -> None:
    derived = keys(derive_all(sample_state(), SETTINGS, NOW))
    assert len(derived) == len(set(derived))


def test_due_times_are_aware_utc() -> None:
    for reminder in derive_all(sample_state(), RuleSettings(tz=NEW_YORK), NOW):
        assert reminder.due_at.tzinfo is UTC
        assert reminder.due_at.astimezone(NEW_YORK).hour == 9


def test_derive_all_runs_with_the_default_local_zone() -> None:
    assert len(derive_all(sample_state(), RuleSettings(), NOW)) == 6


def test_a_naive_now_is_refused() -> None:
    with pytest.raises(ValueError, match="now must be a timezone-aware"):
        derive_all(sample_state(), SETTINGS, datetime(2026, 11, 23, 12))
    with pytest.raises(ValueError, match="now must be a timezone-aware"):
        losing_touch(sample_state(), SETTINGS, datetime(2026, 11, 23, 12))
