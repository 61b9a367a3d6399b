"""Deciding, before anything is written, what an import does with each draft.

The vault's emails, phones, UIDs and names are read once into a `DuplicateIndex`; every
draft is then matched in memory, against the vault and against the drafts before it in
the same file, so a file of 10,000 cards costs no query per card.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop.duplicates import DuplicateIndex, Identity, profile_key
from desktop.interchange import ContactDraft, ImportIssue
from desktop.services.contacts import MAX_NAME, normalised_value
from storage.models import METHOD_KINDS, Contact, ContactMethod

POLICIES = ("merge", "skip", "create")
_PROGRESS_EVERY = 250
_WHERE = re.compile(r"^(?P<file>.*) (?P<what>card|line) (?P<number>\d+)$")

Progress = Callable[[int, int], None]


@dataclass(frozen=True)
class DuplicateFound:
    """A draft that is someone already known: in the vault, or earlier in the same file.

    `existing_id` is None when the match is an earlier card or row of the same file.
    """

    draft_name: str
    existing_id: int | None
    existing_name: str
    why: str


@dataclass(frozen=True)
class PreparedDraft:
    """A draft with the matching key of each method worked out once (E.164, lower-case)."""

    draft: ContactDraft
    keys: tuple[str | None, ...]

    def normalised(self, kind: str) -> tuple[str, ...]:
        """Return the matching keys of the draft's methods of one kind."""
        return tuple(
            key
            for method, key in zip(self.draft.methods, self.keys, strict=True)
            if method.kind == kind and key
        )

    def identity(self) -> Identity:
        """Return what recognises the draft's person."""
        draft = self.draft
        emails, phones = self.normalised("email"), self.normalised("phone")
        profiles = tuple(
            key
            for key in (profile_key(m.value) for m in draft.methods if m.kind == "social")
            if key
        )
        return Identity(draft.name, draft.org, emails, phones, draft.uid, profiles)


@dataclass(eq=False)
class ContactPlan:
    """One contact the import writes to: a new one, or one already in the vault."""

    existing_id: int | None
    name: str
    drafts: list[PreparedDraft] = field(default_factory=list)
    id: int | None = None


@dataclass
class ImportPlan:
    """Everything the import will do, decided in memory."""

    new: list[ContactPlan] = field(default_factory=list)
    merges: dict[int, ContactPlan] = field(default_factory=dict)
    duplicates: list[DuplicateFound] = field(default_factory=list)
    errors: list[ImportIssue] = field(default_factory=list)
    taken_uids: set[str] = field(default_factory=set)
    merged: int = 0
    skipped: int = 0


def issue_for(draft: ContactDraft, message: str) -> ImportIssue:
    """Return an issue that points at the card or line a draft came from."""
    where = _WHERE.match(draft.source)
    if where is None:
        return ImportIssue(draft.source or "file", None, None, message)
    number = int(where["number"])
    card, line = (number, None) if where["what"] == "card" else (None, number)
    return ImportIssue(where["file"], card, line, message)


def _text_safe(value: str) -> str:
    # Bytes a reader could not decode may survive as lone surrogates, which SQLite
    # cannot store, and NUL ends a string early inside SQLite; the first become "?"
    # and the second go, rather than failing the whole import.
    return value.encode("utf-8", "replace").decode("utf-8").replace("\x00", "")


def _storable(draft: ContactDraft) -> ContactDraft:
    """Return the draft with unstorable characters fixed and unknown methods dropped."""
    methods = tuple(m for m in draft.methods if m.kind in METHOD_KINDS)
    texts = [draft.name, draft.given_name, draft.family_name, draft.org, draft.title]
    texts += [draft.location, draft.note, draft.uid, *draft.tags]
    texts += [part for m in methods for part in (m.value, m.label)]
    joined = "\x01".join(t for t in texts if t)
    try:
        joined.encode("utf-8")
    except UnicodeEncodeError:
        pass
    else:
        if "\x00" not in joined:
            if len(methods) == len(draft.methods):
                return draft
            return dataclasses.replace(draft, methods=methods)

    def fix(value: str | None) -> str | None:
        return None if value is None else _text_safe(value) or None

    return dataclasses.replace(
        draft,
        name=_text_safe(draft.name),
        given_name=fix(draft.given_name),
        family_name=fix(draft.family_name),
        org=fix(draft.org),
        title=fix(draft.title),
        location=fix(draft.location),
        note=fix(draft.note),
        uid=fix(draft.uid),
        tags=tuple(t for t in (_text_safe(t) for t in draft.tags) if t.strip()),
        methods=tuple(
            dataclasses.replace(m, value=_text_safe(m.value), label=fix(m.label))
            for m in methods
            if _text_safe(m.value).strip()
        ),
    )


def prepare(draft: ContactDraft) -> PreparedDraft:
    """Return a storable draft with its methods' matching keys."""
    draft = _storable(draft)
    return PreparedDraft(draft, tuple(normalised_value(m.kind, m.value) for m in draft.methods))


def load_index(session: Session, plan: ImportPlan) -> tuple[DuplicateIndex[int], dict[int, str]]:
    """Read the vault's contacts into an index, once; return it and every contact's name."""
    index: DuplicateIndex[int] = DuplicateIndex()
    names: dict[int, str] = {}
    keys: dict[str, dict[int, list[str]]] = {"email": {}, "phone": {}, "social": {}}
    for cid, kind, value, key in session.execute(
        select(
            ContactMethod.contact_id,
            ContactMethod.kind,
            ContactMethod.value,
            ContactMethod.normalized,
        ).where(ContactMethod.kind.in_(("email", "phone", "social")))
    ):
        if kind == "social":
            key = profile_key(value)
        if key is not None:
            keys[kind].setdefault(cid, []).append(key)
    for cid, uid, name, org in session.execute(
        select(Contact.id, Contact.uid, Contact.name, Contact.org).order_by(Contact.id)
    ):
        names[cid] = name
        plan.taken_uids.add(uid)
        emails, phones, profiles = (tuple(keys[k].get(cid, ())) for k in keys)
        who = Identity(name, org, emails, phones, uid, profiles)
        index.add(cid, who)
    return index, names


def plan_import(
    session: Session,
    drafts: Sequence[ContactDraft],
    policy: str,
    progress: Progress | None = None,
) -> ImportPlan:
    """Match every draft and decide: new contact, merge into one, or skip."""
    plan = ImportPlan()
    vault_index, names = load_index(session, plan)
    file_index: DuplicateIndex[ContactPlan] = DuplicateIndex()
    total = len(drafts)
    for number, raw in enumerate(drafts):
        if progress is not None and number % _PROGRESS_EVERY == 0:
            progress(number, total)
        prepared = prepare(raw)
        draft = prepared.draft
        name = " ".join(draft.name.split())
        if not name:
            plan.errors.append(issue_for(raw, "name is only characters that cannot be stored"))
            continue
        if len(name) > MAX_NAME:
            plan.errors.append(issue_for(raw, f"name is longer than {MAX_NAME} characters"))
            continue
        who = prepared.identity()
        target: ContactPlan | None = None
        in_vault = vault_index.find(who)
        in_file = None if in_vault is not None else file_index.find(who)
        if in_vault is not None:
            existing, why = in_vault
            plan.duplicates.append(DuplicateFound(draft.name, existing, names[existing], why))
            if policy == "merge":
                target = plan.merges.setdefault(existing, ContactPlan(existing, names[existing]))
        elif in_file is not None:
            earlier, why = in_file
            plan.duplicates.append(
                DuplicateFound(draft.name, earlier.existing_id, earlier.name, why)
            )
            if policy == "merge":
                target = earlier
        if (in_vault or in_file) and policy == "skip":
            plan.skipped += 1
            continue
        if target is None:
            target = ContactPlan(None, draft.name)
            plan.new.append(target)
        else:
            plan.merged += 1
        target.drafts.append(prepared)
        # Later cards that share this one's email or phone find the same contact.
        file_index.add(target, who)
    return plan
