"""When two contacts are the same person: the rules shared by import and merge.

Two records are taken for one person when they share an email address (lower-cased),
a phone number (E.164), a social profile (a LinkedIn URL: often all a LinkedIn export
knows), or a vCard UID, or when their names are close (rapidfuzz's
token-sort ratio, so "Okafor, Amara" meets "Amara Okafor") and they work at the same
organisation. A close name alone is not enough: two Sam Lees at different firms are
two people.
"""

from __future__ import annotations

from collections.abc import Hashable
from dataclasses import dataclass
from typing import Generic, TypeVar

from rapidfuzz import fuzz, process

from desktop.normalise import fold

SAME_EMAIL = "same email"
SAME_PHONE = "same phone"
SAME_PROFILE = "same social profile"
SAME_UID = "same vCard UID"
SIMILAR_NAME = "similar name at the same organisation"
# token_sort_ratio of the folded names; 90 joins "Jon Smith"/"John Smith" but keeps
# "Ann Lee"/"Anna Lee-Wong" apart.
NAME_SCORE = 90

K = TypeVar("K", bound=Hashable)


def org_key(org: str | None) -> str | None:
    """Return an organisation compared without case, accents or extra spaces; None if blank."""
    if org is None:
        return None
    key = " ".join(fold(org).split())
    return key or None


def name_key(name: str) -> str:
    """Return a name folded for fuzzy comparison."""
    return " ".join(fold(name).split())


def profile_key(value: str) -> str | None:
    """Return a social profile compared without scheme, "www.", case or trailing slash."""
    key = value.strip().lower()
    for prefix in ("https://", "http://", "www."):
        key = key.removeprefix(prefix)
    key = key.rstrip("/")
    return key or None


def similar_names(a: str, b: str) -> bool:
    """Say whether two folded names are close enough to be one person's."""
    return fuzz.token_sort_ratio(a, b) >= NAME_SCORE


@dataclass(frozen=True)
class Identity:
    """What recognises a person: name, organisation, normalised methods, UID."""

    name: str
    org: str | None = None
    emails: tuple[str, ...] = ()
    phones: tuple[str, ...] = ()
    uid: str | None = None
    profiles: tuple[str, ...] = ()


class DuplicateIndex(Generic[K]):
    """Finds which known contact a record duplicates, in constant time for keys.

    Values are whatever the caller uses to name a contact (an id, a pending record).
    Fuzzy names are compared only within one organisation, so the cost grows with the
    size of an organisation, not of the whole network.
    """

    def __init__(self) -> None:
        self._emails: dict[str, K] = {}
        self._phones: dict[str, K] = {}
        self._uids: dict[str, K] = {}
        self._profiles: dict[str, K] = {}
        self._names: dict[str, dict[K, str]] = {}

    def add(self, key: K, who: Identity) -> None:
        """Remember a contact by its normalised emails, phones, profiles, UID and name."""
        for email in who.emails:
            self._emails.setdefault(email, key)
        for phone in who.phones:
            self._phones.setdefault(phone, key)
        for profile in who.profiles:
            self._profiles.setdefault(profile, key)
        if who.uid:
            self._uids.setdefault(who.uid, key)
        organisation = org_key(who.org)
        if organisation is not None:
            self._names.setdefault(organisation, {}).setdefault(key, name_key(who.name))

    def find(self, who: Identity) -> tuple[K, str] | None:
        """Return (the contact this record duplicates, why), or None for someone new."""
        if who.uid and who.uid in self._uids:
            return self._uids[who.uid], SAME_UID
        for email in who.emails:
            if email in self._emails:
                return self._emails[email], SAME_EMAIL
        for phone in who.phones:
            if phone in self._phones:
                return self._phones[phone], SAME_PHONE
        for profile in who.profiles:
            if profile in self._profiles:
                return self._profiles[profile], SAME_PROFILE
        organisation = org_key(who.org)
        if organisation is None or organisation not in self._names:
            return None
        best = process.extractOne(
            name_key(who.name),
            self._names[organisation],
            scorer=fuzz.token_sort_ratio,
            score_cutoff=NAME_SCORE,
        )
        if best is None:
            return None
        return best[2], SIMILAR_NAME
