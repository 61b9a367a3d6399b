"""Cutting a vCard file into cards, and each card into properties that vobject has parsed.

vobject's whole-file reader stops at the first bad line and knows nothing of
legacy charsets, so this module does the layout work around it: it finds the
cards, unfolds lines (including vCard 2.1 quoted-printable soft breaks and
folds that split a UTF-8 character), settles each line's charset, and hands
every logical line to `vobject.base.parseLine` on its own, so one bad line
costs only that line.
"""

from __future__ import annotations

import binascii
import re
from collections.abc import Iterator
from dataclasses import dataclass

from vobject.base import VObjectError, parseLine

from desktop.interchange.text_decoding import known_charset, redecode

# No leading blanks allowed: a line starting with a space continues a folded
# value, and a long NOTE may well fold into " END:VCARD". A BOM may start a
# card when files were joined with cat.
_BOUNDARY = re.compile(
    r"^\ufeff?(BEGIN|END)[ \t]*:[ \t]*VCARD[ \t]*\r*$", re.IGNORECASE | re.MULTILINE
)
# One line break, however it was written: \n, \r\n, \r, or the \r\r\n of some iPhone exports.
_LINE_BREAK = re.compile(r"\r*\n|\r")
_SURROGATE = re.compile("[\udc80-\udcff]")
_CHARSET = re.compile(r"CHARSET=\"?([A-Za-z0-9_.:-]+)", re.IGNORECASE)
_BASE64_RUN = re.compile(r"[A-Za-z0-9+/]+=*")
_PROPERTY_START = re.compile(r"[A-Za-z0-9_-]+(?:\.[A-Za-z0-9_-]+)?[;:]")
_UNICODE_CHARSETS = frozenset({"utf-8", "ascii"})


@dataclass(frozen=True)
class CardText:
    """The text of one card, between its BEGIN and END lines."""

    number: int
    line: int
    body: str
    has_begin: bool = True


@dataclass(frozen=True, slots=True)
class Property:
    """One content line of a card, with its value decoded to text but not unescaped."""

    name: str
    group: str | None
    params: dict[str, list[str]]
    types: tuple[str, ...]
    value: str

    @property
    def encoding(self) -> str | None:
        """Return the ENCODING parameter (or a bare 2.1 BASE64), upper-cased."""
        values = self.params.get("ENCODING")
        if values:
            return values[0].upper()
        return "BASE64" if "base64" in self.types else None

    def param(self, name: str) -> str | None:
        """Return the first value of a parameter, or None."""
        values = self.params.get(name)
        return values[0] if values else None


def split_cards(text: str) -> list[CardText]:
    """Return the cards in a file, in order, including END lines that lack a BEGIN.

    A card whose END is missing runs to the next BEGIN (or the end of the
    file), so one truncated card does not swallow the cards after it.
    """
    if "\n" not in text:
        text = text.replace("\r", "\n")
    cards: list[CardText] = []
    counted_to, line = 0, 1
    open_line, open_body = 0, -1
    closed_at = 0

    def line_at(offset: int) -> int:
        nonlocal counted_to, line
        line += text.count("\n", counted_to, offset)
        counted_to = offset
        return line

    for match in _BOUNDARY.finditer(text):
        is_begin = match.group(1).upper() == "BEGIN"
        if open_body >= 0:
            body = text[open_body : match.start()]
            cards.append(CardText(len(cards) + 1, open_line, body))
            open_body = -1
            closed_at = match.start() if is_begin else match.end()
        elif not is_begin:
            orphan = text[closed_at : match.start()]
            if orphan.strip():
                first = closed_at + len(orphan) - len(orphan.lstrip())
                cards.append(CardText(len(cards) + 1, line_at(first), orphan, has_begin=False))
            closed_at = match.end()
        if is_begin:
            open_line, open_body = line_at(match.start()), match.end()
    if open_body >= 0:
        cards.append(CardText(len(cards) + 1, open_line, text[open_body:]))
    return cards


def _logical_lines(body: str) -> Iterator[str]:
    """Yield the card's logical lines: folds undone, quoted-printable soft breaks joined."""
    parts: list[str] = []
    qp = base64 = soft_break = blank_since_break = False
    for raw in _LINE_BREAK.split(body):
        if not raw:
            blank_since_break = soft_break
            continue
        if soft_break and not (blank_since_break and _PROPERTY_START.match(raw)):
            # Some phones leave a blank line after a soft break inside a value
            # (a cropped 2.1 note) and some before the next property; only the
            # look of the next line tells them apart.
            soft_break = raw.endswith("=")
            parts.append(raw[:-1] if soft_break else raw)
            blank_since_break = False
            continue
        soft_break = blank_since_break = False
        if raw[0] in " \t" and parts:
            parts.append(raw[1:])
        elif base64 and _BASE64_RUN.fullmatch(raw):
            # vCard 2.1 writers may continue base64 data on unindented lines.
            parts.append(raw)
        else:
            if parts:
                yield "".join(parts)
            parts = [raw]
            qp = base64 = False
            head = raw.partition(":")[0]
            if ";" in head:
                upper = head.upper()
                qp = "QUOTED-PRINTABLE" in upper
                base64 = not qp and ("BASE64" in upper or "ENCODING=B" in upper)
        if qp and parts[-1].endswith("="):
            parts[-1] = parts[-1][:-1]
            soft_break = True
    if parts:
        yield "".join(parts)


def _legacy_charset(body: str) -> str | None:
    """Return the first legacy charset any line of the card declares.

    Outlook and old phones declare CHARSET on some lines (often only a
    quoted-printable LABEL) but write every line in that same code page.
    """
    for name in _CHARSET.findall(body):
        charset = known_charset(name)
        if charset and charset not in _UNICODE_CHARSETS:
            return charset
    return None


def _declared_charset(line: str) -> str | None:
    match = _CHARSET.search(line.partition(":")[0])
    return known_charset(match.group(1)) if match else None


def card_properties(body: str, legacy: bool) -> list[Property]:
    """Return the properties of one card body; lines vobject cannot parse are left out.

    Args:
        body: The card's text between BEGIN:VCARD and END:VCARD.
        legacy: Whether the file held bytes that are not UTF-8, kept as lone
            surrogates by `decode_keeping_bytes`, to be decoded line by line here.
    """
    properties: list[Property] = []
    fallback: str | None = None
    fallback_known = False
    for line in _logical_lines(body):
        if legacy and _SURROGATE.search(line):
            if not fallback_known:
                fallback, fallback_known = _legacy_charset(body), True
            raw = line.encode("utf-8", "surrogateescape")
            line = redecode(raw, (_declared_charset(line), "utf-8", fallback))
        try:
            name, param_list, value, group = parseLine(line)
        except VObjectError:
            continue
        properties.append(_property(name, group, param_list, value, body))
    return properties


def _property(
    name: str, group: str | None, param_list: list[list[str]], value: str, body: str
) -> Property:
    params: dict[str, list[str]] = {}
    types: list[str] = []
    for param in param_list:
        if len(param) == 1:
            # vCard 2.1 writes bare parameters: TEL;WORK;VOICE, PHOTO;BASE64.
            types.append(param[0].lower())
        else:
            params.setdefault(param[0].upper(), []).extend(param[1:])
    for listed in params.get("TYPE", ()):
        types.extend(t.strip().lower() for t in listed.split(",") if t.strip())
    is_qp = "quoted-printable" in types or any(
        v.upper() == "QUOTED-PRINTABLE" for v in params.get("ENCODING", ())
    )
    if is_qp:
        params.pop("ENCODING", None)
        charset = known_charset(params.pop("CHARSET", [""])[0])
        decoded = binascii.a2b_qp(value.encode("utf-8", "surrogateescape"))
        value = redecode(decoded, (charset, "utf-8", _legacy_charset(body)))
    return Property(name.upper(), group, params, tuple(types), value)
