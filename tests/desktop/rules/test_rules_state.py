from dataclasses import replace
from datetime import UTC, date, datetime, tzinfo
from zoneinfo import ZoneInfo

import pytest

from desktop.rules import ContactState, FavourState, IntroState, RuleSettings
from desktop.rules.localtime import local_zone, short_date

LONDON = ZoneInfo("Europe/London")
AWARE = datetime(2026, 11, 23, 12, tzinfo=UTC)
NAIVE = datetime(2026, 11, 23, 12)


def test_settings_defaults_and_local_zone() -> None:
    settings = RuleSettings()
    assert (settings.after_event_days, settings.reciprocity_days) == (2, 30)
    assert (settings.intro_checkin_days, settings.promise_lead_days) == (14, 2)
    assert isinstance(settings.tz, tzinfo)
    assert isinstance(local_zone(), tzinfo)
    assert AWARE.astimezone(settings.tz).utcoffset() is not None


@pytest.mark.parametrize(
    "field", ["after_event_days", "reciprocity_days", "intro_checkin_days", "promise_lead_days"]
)
def test_settings_refuse_negative_days(field: str) -> None:
    with pytest.raises(ValueError, match=f"{field} cannot be negative"):
        RuleSettings(**{field: -1})  # type: ignore[arg-type]


def test_due_time_is_nine_local_and_memoised_without_changing_equality() -> None:
    settings = RuleSettings(tz=LONDON)
    summer = settings.due_time(date(2026, 7, 1))
    assert summer == datetime(2026, 7, 1, 8, tzinfo=UTC)
    assert settings.due_time(date(2026, 7, 1)) is summer
    assert settings.due_time(date(2026, 12, 1)) == datetime(2026, 12, 1, 9, tzinfo=UTC)
    assert settings == RuleSettings(tz=LONDON)
    moved = replace(settings, tz=ZoneInfo("America/New_York"))
    assert moved.due_time(date(2026, 7, 1)) == datetime(2026, 7, 1, 13, tzinfo=UTC)


def test_states_refuse_naive_datetimes() -> None:
    with pytest.raises(ValueError, match="created_at must be a timezone-aware"):
        ContactState(1, "Tom Reed", 30, None, NAIVE)
    with pytest.raises(ValueError, match="last_interaction must be a timezone-aware"):
        ContactState(1, "Tom Reed", 30, NAIVE, AWARE)
    with pytest.raises(ValueError, match="made_at must be a timezone-aware"):
        IntroState(1, 2, "Maya Patel", 3, "Tom Reed", NAIVE)


@pytest.mark.parametrize(("direction", "status"), [("lent", "done"), ("given", "maybe")])
def test_favour_state_refuses_unknown_words(direction: str, status: str) -> None:
    with pytest.raises(ValueError, match=r"favour (direction|status) must be one of"):
        FavourState(1, 2, "Ana Silva", direction, status, date(2026, 1, 1), None, "help")


def test_short_date_adds_the_year_only_when_it_differs() -> None:
    assert short_date(date(2026, 10, 2), beside=date(2026, 12, 1)) == "2 Oct"
    assert short_date(date(2025, 12, 31), beside=date(2026, 1, 30)) == "31 Dec 2025"
