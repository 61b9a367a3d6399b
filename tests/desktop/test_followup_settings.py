"""The follow-up rules' settings: kept in the vault, checked, and used; the machine's zone."""

from __future__ import annotations

from datetime import date

import pytest

from desktop.app import Services
from desktop.errors import ValidationError
from desktop.rules import RuleSettings
from desktop.services.followup_settings import machine_zone
from desktop.services.followups import FollowUpService
from storage.models import VaultSetting
from tests.support.followup_world import LONDON, NOW, add_contact, add_event, utc


@pytest.fixture
def followups(services: Services) -> FollowUpService:
    return FollowUpService(services.vault.sessions, zone=LONDON)


def test_settings_default_then_stored_in_the_vault(
    services: Services, followups: FollowUpService
) -> None:
    assert followups.rule_settings() == RuleSettings(tz=LONDON)
    changed = followups.update_rule_settings(after_event_days=5, intro_checkin_days=21)
    assert (changed.after_event_days, changed.reciprocity_days, changed.intro_checkin_days) == (
        5,
        30,
        21,
    )
    with services.vault.sessions() as session:
        setting = session.get(VaultSetting, "rules.after_event_days")
        assert setting is not None and setting.value == "5"
    # Another service on the same vault (as the CLI would build) reads the same settings.
    assert FollowUpService(services.vault.sessions, zone=LONDON).rule_settings() == changed

    ann = add_contact(services, "Ann Smith")
    add_event(services, date(2026, 11, 16), ann)
    assert followups.today(NOW).overdue[0].due_at == utc(2026, 11, 21, 9)


def test_a_bad_stored_setting_falls_back_to_the_default(
    services: Services, followups: FollowUpService
) -> None:
    with services.vault.sessions.begin() as session:
        session.add(VaultSetting(key="rules.reciprocity_days", value="soon"))
        session.add(VaultSetting(key="rules.after_event_days", value="400"))
    assert followups.rule_settings() == RuleSettings(tz=LONDON)
    assert followups.update_rule_settings(after_event_days=4).after_event_days == 4


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"after_event_days": 0}, "Days to wait after an event must be from 1 to 365, not 0"),
        ({"reciprocity_days": 366}, "Days to return a favour must be from 1 to 365"),
        ({"intro_checkin_days": -1}, "from 1 to 365"),
    ],
)
def test_settings_out_of_range_are_refused(
    followups: FollowUpService, kwargs: dict[str, int], message: str
) -> None:
    with pytest.raises(ValidationError, match=message):
        followups.update_rule_settings(**kwargs)
    assert followups.rule_settings() == RuleSettings(tz=LONDON)


def test_the_machine_zone_is_a_zoneinfo_zone_when_tz_names_one(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("TZ", "Europe/London")
    assert str(machine_zone()) == "Europe/London"
    monkeypatch.setenv("TZ", "Not/A_Zone")
    assert machine_zone() is not None
