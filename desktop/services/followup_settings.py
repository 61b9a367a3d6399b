"""The follow-up rules' settings, kept in the vault so the app and `rapport` agree.

Only the day counts live in the vault; the zone is the machine's, since "09:00" means
09:00 wherever the user is.
"""

from __future__ import annotations

import os
from datetime import tzinfo
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop.errors import ValidationError
from desktop.rules import RuleSettings
from desktop.rules.localtime import local_zone as dateutil_local_zone
from storage.models import VaultSetting

SETTING_KEYS = {
    "after_event_days": "rules.after_event_days",
    "reciprocity_days": "rules.reciprocity_days",
    "intro_checkin_days": "rules.intro_checkin_days",
}
_LABELS = {
    "after_event_days": "Days to wait after an event",
    "reciprocity_days": "Days to return a favour",
    "intro_checkin_days": "Days before checking on an introduction",
}
MIN_DAYS, MAX_DAYS = 1, 365


def machine_zone() -> tzinfo:
    """Return the machine's zone, as a zoneinfo zone where the platform says which one."""
    name = os.environ.get("TZ", "").removeprefix(":")
    if name:
        try:
            return ZoneInfo(name)
        except (ZoneInfoNotFoundError, ValueError):
            pass  # a POSIX rule string such as "CET-1CEST"; dateutil reads those
    else:
        try:
            with open("/etc/localtime", "rb") as tzfile:
                return ZoneInfo.from_file(tzfile, key="localtime")
        except (OSError, ValueError):
            pass  # not a Unix machine, or no zone file: ask the platform another way
    return dateutil_local_zone()


def check_days(name: str, value: int) -> int:
    """Return a day count if it is in range, else raise `ValidationError`."""
    if isinstance(value, bool) or not isinstance(value, int):
        raise ValidationError(f"{_LABELS[name]} must be a whole number, not {value!r}.")
    if not MIN_DAYS <= value <= MAX_DAYS:
        raise ValidationError(
            f"{_LABELS[name]} must be from {MIN_DAYS} to {MAX_DAYS}, not {value}."
        )
    return value


def read_rule_settings(session: Session, zone: tzinfo) -> RuleSettings:
    """Return the stored settings, with the rules' defaults for any not set.

    A stored value that is not a day count in range (edited by hand, say) is ignored
    rather than refused, so a bad setting never keeps Today from opening.
    """
    rows = session.execute(
        select(VaultSetting.key, VaultSetting.value).where(
            VaultSetting.key.in_(SETTING_KEYS.values())
        )
    )
    stored = {key: value for key, value in rows}
    values: dict[str, int] = {}
    for name, key in SETTING_KEYS.items():
        text = stored.get(key, "").strip()
        if text.isdigit() and MIN_DAYS <= int(text) <= MAX_DAYS:
            values[name] = int(text)
    return RuleSettings(tz=zone, **values)


def write_rule_settings(session: Session, values: dict[str, int]) -> None:
    """Store checked day counts; the caller has validated them with `check_days`."""
    for name, value in values.items():
        key = SETTING_KEYS[name]
        setting = session.get(VaultSetting, key)
        if setting is None:
            session.add(VaultSetting(key=key, value=str(value)))
        else:
            setting.value = str(value)
