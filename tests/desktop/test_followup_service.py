"""FollowUpService: every rule end to end through a real vault, with a fixed clock in London."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime, timedelta, tzinfo

import pytest
from sqlalchemy.orm import Session

from desktop.app import Services
from desktop.queries.followup_state import vault_state as real_vault_state
from desktop.records import ContactInput
from desktop.rules import VaultState, bucket
from desktop.services import followups as followups_module
from desktop.services.followups import FollowUpService
from desktop.services.reminders import ReminderRecord
from tests.support.followup_world import (
    LONDON,
    NOW,
    add_contact,
    add_event,
    add_intro,
    by_key,
    log_call,
    set_intro_stage,
    stored,
    utc,
)


@pytest.fixture
def followups(services: Services) -> FollowUpService:
    return FollowUpService(services.vault.sessions, zone=LONDON)


def kinds_and_contacts(records: Sequence[ReminderRecord]) -> list[tuple[str, int | None]]:
    return [(r.kind, r.contact_id) for r in records]


# -- the rules, end to end --------------------------------------------------------------


def test_after_event_reminders_vanish_once_followed_up(
    services: Services, followups: FollowUpService
) -> None:
    ann, bob = add_contact(services, "Ann Smith"), add_contact(services, "Bob Brown")
    event = add_event(services, date(2026, 11, 16), ann, bob, name="Design Meetup")
    view = followups.today(NOW)
    assert kinds_and_contacts(view.overdue) == [("after_event", ann), ("after_event", bob)]
    first = view.overdue[0]
    assert first.due_at == utc(2026, 11, 18, 9)
    assert first.reason == "Follow up with Ann Smith after Design Meetup"
    assert first.source_key == f"after_event:event={event}:contact={ann}"

    log_call(services, ann, utc(2026, 11, 19, 15))
    assert kinds_and_contacts(followups.today(NOW).overdue) == [("after_event", bob)]
    assert [r.contact_id for r in stored(services)] == [bob]


def test_only_contact_after_the_event_day_counts_and_a_later_event_does(
    services: Services, followups: FollowUpService
) -> None:
    ann = add_contact(services, "Ann Smith")
    log_call(services, ann, utc(2026, 11, 10, 9))  # before the event
    first = add_event(services, date(2026, 11, 16), ann)  # its own "met" entry is no follow-up
    followups.refresh(NOW)
    assert list(by_key(services)) == [f"after_event:event={first}:contact={ann}"]

    second = add_event(services, date(2026, 11, 20), ann)
    followups.refresh(NOW)
    assert list(by_key(services)) == [f"after_event:event={second}:contact={ann}"]


def test_keep_in_touch_from_own_cadence_and_the_smallest_tag_cadence(
    services: Services, followups: FollowUpService
) -> None:
    services.contacts.set_tag_cadence("client", 14)
    services.contacts.set_tag_cadence("golf", 60)
    ann = add_contact(services, "Ann Smith", cadence=30)
    bob = add_contact(services, "Bob Brown", tags=("golf", "client"))
    cat = add_contact(services, "Cat Jones", cadence=90, tags=("client",))
    dan = add_contact(services, "Dan Wu", tags=("other",))
    for cid in (ann, bob, cat, dan):
        log_call(services, cid, utc(2026, 10, 1, 10) if cid == ann else utc(2026, 11, 1, 10))
    followups.refresh(NOW)

    rows = by_key(services)
    assert rows[f"keep_in_touch:contact={ann}:since=2026-10-01"].due_at == utc(2026, 10, 31, 9)
    assert rows[f"keep_in_touch:contact={bob}:since=2026-11-01"].due_at == utc(2026, 11, 15, 9)
    # A contact's own cadence wins over its tags'.
    assert rows[f"keep_in_touch:contact={cat}:since=2026-11-01"].due_at == utc(2027, 1, 30, 9)
    assert {r.contact_id for r in rows.values()} == {ann, bob, cat}

    view = followups.today(NOW)
    assert [(t.contact_id, t.cadence_days, t.days_overdue) for t in view.losing_touch] == [
        (ann, 30, 23),
        (bob, 14, 8),
    ]


def test_a_new_interaction_restarts_the_cadence(
    services: Services, followups: FollowUpService
) -> None:
    ann = add_contact(services, "Ann Smith", cadence=30)
    log_call(services, ann, utc(2026, 10, 1, 10))
    followups.refresh(NOW)
    (old,) = stored(services)

    log_call(services, ann, utc(2026, 11, 20, 16))
    followups.refresh(NOW)
    (new,) = stored(services)
    assert new.id != old.id
    assert new.source_key == f"keep_in_touch:contact={ann}:since=2026-11-20"
    assert new.due_at == utc(2026, 12, 20, 9)
    assert followups.today(NOW).losing_touch == ()


def test_reciprocity_raised_by_a_favour_received_and_cleared_by_one_given(
    services: Services, followups: FollowUpService
) -> None:
    bob = add_contact(services, "Bob Brown", asks=("a bookkeeper",))
    received = services.favours.record(bob, "received", "Intro to a lawyer", on=date(2026, 10, 1))
    followups.refresh(NOW)
    (row,) = stored(services)
    assert row.kind == "reciprocity"
    assert row.source_key == f"reciprocity:contact={bob}:favour={received.id}"
    assert row.due_at == utc(2026, 10, 31, 9)
    assert "ideas from their asks: a bookkeeper" in row.reason

    services.favours.record(bob, "given", "Reviewed his pitch", on=date(2026, 11, 10))
    followups.refresh(NOW)
    assert stored(services) == []


def test_promises_both_ways(services: Services, followups: FollowUpService) -> None:
    bob, cat = add_contact(services, "Bob Brown"), add_contact(services, "Cat Jones")
    mine = services.favours.record(
        bob,
        "given",
        "Send the template",
        on=date(2026, 11, 20),
        promised=True,
        due_on=date(2026, 11, 30),
    )
    theirs = services.favours.record(
        cat,
        "received",
        "Intro to a recruiter",
        on=date(2026, 11, 2),
        promised=True,
        due_on=date(2026, 11, 20),
    )
    view = followups.today(NOW)
    assert [(r.kind, r.due_at) for r in view.overdue] == [("promise", utc(2026, 11, 21, 9))]
    assert [(r.kind, r.due_at) for r in view.week] == [("promise", utc(2026, 11, 28, 9))]
    assert view.week[0].source_key == f"promise:favour={mine.id}:due=2026-11-30"
    assert view.overdue[0].reason.startswith("Check on Cat Jones's promise")

    services.favours.set_status(mine.id, "done")
    services.favours.set_status(theirs.id, "declined")
    view = followups.today(NOW)
    assert view.overdue == view.week == ()


def test_intro_checkin_until_the_outcome_is_recorded(
    services: Services, followups: FollowUpService
) -> None:
    ann, bob = add_contact(services, "Ann Smith"), add_contact(services, "Bob Brown")
    intro = add_intro(services, ann, bob, made_at=utc(2026, 11, 1, 10))
    (row,) = followups.today(NOW).overdue
    assert (row.kind, row.contact_id, row.due_at) == ("intro_checkin", ann, utc(2026, 11, 15, 9))
    assert row.source_key == f"intro_checkin:intro={intro}"
    assert "Ann Smith and Bob Brown" in row.reason

    set_intro_stage(services, intro, "outcome")
    assert followups.today(NOW).overdue == ()


def test_archived_contacts_leave_follow_ups(services: Services, followups: FollowUpService) -> None:
    ann, bob = add_contact(services, "Ann Smith"), add_contact(services, "Bob Brown")
    add_event(services, date(2026, 11, 16), ann, bob)
    followups.refresh(NOW)
    services.contacts.set_archived(ann)
    assert kinds_and_contacts(followups.today(NOW).overdue) == [("after_event", bob)]


# -- storing ----------------------------------------------------------------------------


def _busy_vault(services: Services) -> tuple[int, int]:
    services.contacts.set_tag_cadence("client", 14)
    ann = add_contact(services, "Ann Smith", cadence=30)
    bob = add_contact(services, "Bob Brown", tags=("client",))
    log_call(services, ann, utc(2026, 10, 1, 10))
    add_event(services, date(2026, 11, 16), ann, bob)
    services.favours.record(bob, "received", "Intro", on=date(2026, 10, 1))
    add_intro(services, ann, bob, made_at=utc(2026, 11, 1, 10))
    return ann, bob


def test_refresh_is_idempotent(services: Services, followups: FollowUpService) -> None:
    _busy_vault(services)
    followups.refresh(NOW)
    first = stored(services)
    assert len(first) == 6
    assert len({r.source_key for r in first}) == 6
    followups.refresh(NOW)
    followups.refresh(NOW + timedelta(hours=1))
    assert stored(services) == first


def test_done_and_dismissed_rows_are_never_reopened_or_changed(
    services: Services, followups: FollowUpService
) -> None:
    ann, bob = _busy_vault(services)
    followups.refresh(NOW)
    rows = {(r.kind, r.contact_id): r for r in stored(services)}
    done = rows[("after_event", ann)]
    dismissed = rows[("after_event", bob)]
    assert followups.complete(done.id, NOW) is None
    followups.dismiss(dismissed.id, NOW)

    followups.update_rule_settings(after_event_days=5)
    followups.refresh(NOW)
    followups.refresh(NOW)
    after = {r.id: r for r in stored(services)}
    assert len(after) == len(rows)
    assert (after[done.id].status, after[done.id].due_at) == ("done", done.due_at)
    assert (after[dismissed.id].status, after[dismissed.id].due_at) == (
        "dismissed",
        dismissed.due_at,
    )
    assert all(r.kind != "after_event" for r in followups.today(NOW).overdue)


def test_a_waiting_row_follows_new_settings_and_names_but_keeps_its_snooze(
    services: Services, followups: FollowUpService
) -> None:
    ann = add_contact(services, "Ann Smith")
    add_event(services, date(2026, 11, 16), ann)
    (row,) = followups.today(NOW).overdue
    snoozed = followups.snooze(row.id, "1w", NOW)
    followups.update_rule_settings(after_event_days=3)
    services.contacts.update(ann, ContactInput(name="Ann Jones"))
    followups.refresh(NOW)
    (after,) = stored(services)
    assert after.id == row.id
    assert after.due_at == utc(2026, 11, 19, 9)
    assert after.reason == "Follow up with Ann Jones after Meetup"
    assert (after.status, after.snoozed_until) == ("snoozed", snoozed.snoozed_until)


# -- Today ------------------------------------------------------------------------------


def test_today_splits_by_local_day_and_leaves_later_out(
    services: Services, followups: FollowUpService
) -> None:
    ann = add_contact(services, "Ann Smith")
    for reason, due in (
        ("later", utc(2026, 12, 1, 9)),
        ("week end", utc(2026, 11, 30, 23, 59)),
        ("tonight", utc(2026, 11, 23, 23)),
        ("this morning", utc(2026, 11, 23, 8)),
        ("last week", utc(2026, 11, 16, 9)),
    ):
        followups.add_manual(ann, reason, due)
    view = followups.today(NOW)
    assert [r.reason for r in view.overdue] == ["last week"]
    assert [r.reason for r in view.today] == ["this morning", "tonight"]
    assert [r.reason for r in view.week] == ["week end"]
    for part in ("overdue", "today", "week"):
        for record in getattr(view, part):
            assert bucket(record.effective_due, NOW, LONDON) == part


def test_today_derives_only_when_something_changed(
    services: Services, followups: FollowUpService, monkeypatch: pytest.MonkeyPatch
) -> None:
    calls: list[datetime] = []

    def counting(session: Session, now: datetime, zone: tzinfo) -> VaultState:
        calls.append(now)
        return real_vault_state(session, now, zone)

    monkeypatch.setattr(followups_module, "vault_state", counting)
    ann, bob = add_contact(services, "Ann Smith"), add_contact(services, "Bob Brown")
    add_event(services, date(2026, 11, 16), ann)
    first = followups.today(NOW)
    assert followups.today(NOW + timedelta(hours=1)) == first
    followups.snooze(first.overdue[0].id, "1d", NOW)
    followups.add_manual(bob, "Call Bob", NOW)
    assert len(followups.today(NOW).today) == 1
    assert len(calls) == 1  # the actions above change nothing the rules read

    log_call(services, ann, utc(2026, 11, 22, 10))
    assert followups.today(NOW).week == ()
    assert len(calls) == 2
    followups.today(NOW + timedelta(days=1))  # a new local day
    assert len(calls) == 3


def test_today_stays_fast_when_the_pool_hands_out_another_connection(
    services: Services, followups: FollowUpService, monkeypatch: pytest.MonkeyPatch
) -> None:
    calls: list[datetime] = []

    def counting(session: Session, now: datetime, zone: tzinfo) -> VaultState:
        calls.append(now)
        return real_vault_state(session, now, zone)

    monkeypatch.setattr(followups_module, "vault_state", counting)
    ann = add_contact(services, "Ann Smith")
    add_event(services, date(2026, 11, 16), ann)
    first = followups.today(NOW)
    with services.vault.engine.connect():  # holds that connection: Today gets a new one
        assert followups.today(NOW) == first
    assert len(calls) == 2
    for _ in range(4):  # the pool now rotates between the two, and neither needs a derive
        assert followups.today(NOW) == first
    assert len(calls) == 2


def test_today_sees_a_cause_arrive_with_the_day(
    services: Services, followups: FollowUpService
) -> None:
    ann = add_contact(services, "Ann Smith")
    add_event(services, date(2026, 11, 25), ann)  # in two days
    assert followups.today(NOW).week == ()
    later = followups.today(NOW + timedelta(days=3))
    assert [(r.kind, r.due_at) for r in later.week] == [("after_event", utc(2026, 11, 27, 9))]


def test_an_entry_dated_later_today_counts_once_its_time_comes(
    services: Services, followups: FollowUpService
) -> None:
    ann = add_contact(services, "Ann Smith", cadence=30)
    log_call(services, ann, utc(2026, 10, 1, 10))
    log_call(services, ann, NOW + timedelta(hours=2))  # a call booked for this afternoon
    assert [t.contact_id for t in followups.today(NOW).losing_touch] == [ann]
    assert followups.today(NOW + timedelta(hours=3)).losing_touch == ()
    assert set(by_key(services)) == {f"keep_in_touch:contact={ann}:since=2026-11-23"}


def test_today_notices_a_commit_from_another_connection(
    services: Services, followups: FollowUpService
) -> None:
    ann = add_contact(services, "Ann Smith")
    add_event(services, date(2026, 11, 16), ann)
    assert len(followups.today(NOW).overdue) == 1
    with services.vault.raw_connection() as other:
        other.execute("UPDATE contacts SET archived = 1 WHERE id = ?", (ann,))
        other.commit()
    assert followups.today(NOW).overdue == ()
