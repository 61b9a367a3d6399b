"""The small value readers shared by the vCard and CSV readers: dates and photos."""

from __future__ import annotations

import io
import os
from datetime import date

import pytest
from PIL import Image

from desktop.interchange.dates import parse_date
from desktop.interchange.photos import MAX_PHOTO_BYTES, normalise_photo


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("30 May 2024", date(2024, 5, 30)),
        ("03 Jan 2023", date(2023, 1, 3)),
        ("1986-04-12", date(1986, 4, 12)),
        ("19800322", date(1980, 3, 22)),
        ("3/22/1980", date(1980, 3, 22)),
        ("0/0/00", None),
        ("--04-12", None),
        ("2024-02-30", None),
        ("", None),
        (None, None),
        ("sometime in spring", None),
    ],
)
def test_parse_date(text: str | None, expected: date | None) -> None:
    assert parse_date(text) == expected


def encoded(image: Image.Image, fmt: str, **options: object) -> bytes:
    out = io.BytesIO()
    image.save(out, format=fmt, **options)
    return out.getvalue()


def opened(data: bytes | None) -> Image.Image:
    assert data is not None
    return Image.open(io.BytesIO(data))


def test_small_jpeg_is_kept_byte_for_byte() -> None:
    data = encoded(Image.new("RGB", (64, 64), "blue"), "JPEG")
    assert normalise_photo(data) == data


def test_other_formats_become_jpeg_with_transparency_flattened() -> None:
    gif = encoded(Image.new("P", (32, 32)), "GIF")
    assert opened(normalise_photo(gif)).format == "JPEG"
    rgba = encoded(Image.new("RGBA", (600, 300), (0, 0, 0, 0)), "PNG")
    with opened(normalise_photo(rgba)) as photo:
        assert (photo.format, photo.size) == ("JPEG", (512, 256))
        assert photo.getpixel((10, 10)) == pytest.approx((255, 255, 255), abs=3)


def test_heavy_file_of_small_size_is_recompressed() -> None:
    noise = Image.frombytes("RGB", (500, 500), os.urandom(500 * 500 * 3))
    heavy = encoded(noise, "PNG")
    assert len(heavy) > MAX_PHOTO_BYTES
    smaller = normalise_photo(heavy)
    with opened(smaller) as photo:
        assert photo.format == "JPEG"
    assert smaller is not None
    assert len(smaller) < len(heavy)


@pytest.mark.parametrize(
    "data",
    [b"", b"not an image", encoded(Image.new("RGB", (64, 64)), "JPEG")[:200]],
)
def test_undecodable_photos_are_dropped(data: bytes) -> None:
    assert normalise_photo(data) is None


def test_decompression_bomb_is_dropped() -> None:
    bomb = encoded(Image.new("1", (12_000, 12_000)), "PNG")
    assert len(bomb) < 1_000_000
    assert normalise_photo(bomb) is None
