"""Errors a service raises for the user: each message is a sentence a person can act on."""

from __future__ import annotations

from collections.abc import Sequence


class RapportError(Exception):
    """Base of every error the user should see as one clear line."""


class ValidationError(RapportError):
    """Input that cannot be saved as it is; the message says what to change."""


class NotFoundError(RapportError):
    """A contact, event or other record that does not exist."""


class AmbiguousNameError(RapportError):
    """A name that matches more than one contact."""

    def __init__(self, query: str, candidates: Sequence[tuple[int, str, str | None]]) -> None:
        self.query = query
        self.candidates = tuple(candidates)
        listed = "; ".join(
            f"{name} (id {cid}{', ' + org if org else ''})" for cid, name, org in self.candidates
        )
        super().__init__(
            f"{query!r} matches {len(self.candidates)} contacts: {listed}. Use the id instead."
        )
