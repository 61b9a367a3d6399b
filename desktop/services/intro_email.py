"""The email that makes an introduction: to both people, naming each and saying why."""

from __future__ import annotations

import re
from dataclasses import dataclass
from urllib.parse import quote

# Sentences of a suggested reason that speak to the user ("You met both at ...",
# "Introducing them would return a favour you owe ...") make no sense to the two
# people being introduced, so the email leaves them out.
_PRIVATE_OPENINGS = ("You ", "Introducing them", "Both are tagged")
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+")


@dataclass(frozen=True)
class Person:
    """One side of an introduction, as the email needs them."""

    name: str
    given_name: str | None
    title: str | None
    org: str | None
    email: str | None

    @property
    def first_name(self) -> str:
        """Return how the email greets them."""
        return self.given_name or self.name.split()[0]

    @property
    def line(self) -> str:
        """Return who they are, in one line ("Tom Reed, Director at Reed Animation")."""
        role = " at ".join(x for x in (self.title, self.org) if x)
        return f"{self.name}, {role}" if role else self.name


@dataclass(frozen=True)
class IntroEmail:
    """A ready-to-send introduction email.

    Attributes:
        to: The addresses known for the two people (fewer when one has none).
        subject: The subject line.
        body: The text, greeting both and saying why they should meet.
        mailto: A `mailto:` URL that opens the draft in the user's mail program.
        missing: Names of the people without an email address.
    """

    to: tuple[str, ...]
    subject: str
    body: str
    mailto: str
    missing: tuple[str, ...] = ()


def shareable_reason(reason: str) -> str:
    """Return the sentences of a reason that can be said to the two people."""
    sentences = _SENTENCE_END.split(" ".join(reason.split()))
    return " ".join(s for s in sentences if s and not s.startswith(_PRIVATE_OPENINGS))


def mailto_url(to: tuple[str, ...], subject: str, body: str) -> str:
    """Return a `mailto:` URL with every part percent-encoded (RFC 6068)."""
    addresses = ",".join(quote(address, safe="@") for address in to)
    # RFC 6068 asks for line breaks in a body as CRLF.
    crlf = body.replace("\r\n", "\n").replace("\n", "\r\n")
    return f"mailto:{addresses}?subject={quote(subject, safe='')}&body={quote(crlf, safe='')}"


def compose(a: Person, b: Person, reason: str) -> IntroEmail:
    """Write the introduction email between two people."""
    why = shareable_reason(reason)
    lines = [
        f"Hi {a.first_name} and {b.first_name},",
        "",
        "I'd like to introduce you to each other.",
        "",
        f"{a.first_name}, meet {b.line}.",
        f"{b.first_name}, meet {a.line}.",
    ]
    if why:
        lines += ["", f"Why I think you should talk: {why}"]
    lines += [
        "",
        "I'll leave it with you two to take it from here.",
        "",
        "Best wishes",
    ]
    body = "\n".join(lines)
    subject = f"Introduction: {a.name} and {b.name}"
    to = tuple(p.email for p in (a, b) if p.email)
    missing = tuple(p.name for p in (a, b) if not p.email)
    return IntroEmail(to, subject, body, mailto_url(to, subject, body), missing)
