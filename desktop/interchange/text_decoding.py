"""Turning the bytes of a contact file into text, whatever encoding it was written in."""

from __future__ import annotations

import codecs

# Files from old phones and Outlook are often in the writer's ANSI code page.
# windows-1252 covers Western Europe; latin-1 maps every byte, so it never fails.
FALLBACK_CHARSETS = ("cp1252", "latin-1")

_BOMS = (
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)


def _wide_encoding(data: bytes) -> str | None:
    """Return the encoding named by a byte-order mark, or guessed from NUL bytes."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return encoding
    head = data[:200]
    if not head or head.count(0) * 4 < len(head):
        return None
    # ASCII text in UTF-16 without a BOM has its NUL bytes on one side.
    return "utf-16-le" if head[1::2].count(0) > head[0::2].count(0) else "utf-16-be"


def _strip_bom(data: bytes, encoding: str) -> bytes:
    for bom, name in _BOMS:
        if name == encoding and data.startswith(bom):
            return data[len(bom) :]
    return data


def decode_keeping_bytes(data: bytes) -> tuple[str, bool]:
    """Decode file bytes, keeping bytes that are not UTF-8 as lone surrogates.

    Returns the text and whether any undecoded bytes remain. vCard lines name
    their own CHARSET, so the undecoded bytes are settled line by line later
    (`redecode`), once it is known which charset each line declares.
    """
    encoding = _wide_encoding(data) or "utf-8"
    body = _strip_bom(data, encoding)
    if encoding != "utf-8":
        return body.decode(encoding, errors="replace"), False
    try:
        return body.decode("utf-8"), False
    except UnicodeDecodeError:
        return body.decode("utf-8", errors="surrogateescape"), True


def decode_text(data: bytes) -> str:
    """Decode file bytes to text: BOM first, then UTF-8, then the legacy fallbacks."""
    encoding = _wide_encoding(data)
    if encoding is not None:
        return _strip_bom(data, encoding).decode(encoding, errors="replace")
    for candidate in ("utf-8", *FALLBACK_CHARSETS):
        text = try_decode(data, candidate)
        if text is not None:
            return text
    return data.decode("latin-1")  # pragma: no cover - latin-1 above never fails


def known_charset(name: str | None) -> str | None:
    """Return a usable codec name for a CHARSET parameter, or None if Python has no such codec."""
    if not name:
        return None
    try:
        return codecs.lookup(name.strip().strip('"')).name
    except (LookupError, ValueError):
        return None


def try_decode(data: bytes, charset: str) -> str | None:
    """Return data decoded with charset, or None if it is not valid in that charset.

    UTF-8 cut off in the middle of its last character (a cropped file, a
    quoted-printable value ending in a soft break) loses only that character.
    """
    try:
        return data.decode(charset)
    except UnicodeDecodeError as exc:
        if charset == "utf-8" and exc.end == len(data) and exc.reason == "unexpected end of data":
            return try_decode(data[: exc.start], charset)
        return None
    except (LookupError, ValueError, TypeError):
        # A codec that is no text encoding ("zlib", "base64") or that fails
        # its own way ("idna") was named as a CHARSET.
        return None


def redecode(data: bytes, charsets: tuple[str | None, ...]) -> str:
    """Return data decoded with the first charset that fits, then the legacy fallbacks."""
    for charset in (*charsets, *FALLBACK_CHARSETS):
        if charset:
            text = try_decode(data, charset)
            if text is not None:
                return text
    return data.decode("latin-1")  # pragma: no cover - latin-1 above never fails
