"""Making contact photos small enough to keep in the vault."""

from __future__ import annotations

import io
import warnings

from PIL import Image

MAX_PHOTO_BYTES = 256 * 1024
MAX_PHOTO_SIDE = 512
_KEPT_AS_IS = frozenset({"JPEG", "PNG"})


def normalise_photo(data: bytes) -> bytes | None:
    """Return photo bytes as JPEG or PNG at most 512 px a side, or None if unreadable.

    A small JPEG or PNG is returned untouched; anything larger, or in another
    format, is scaled down and written as JPEG.
    """
    if not data:
        return None
    try:
        with warnings.catch_warnings():
            # A huge pixel count in a tiny file is a decompression bomb: treat as unreadable.
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            with Image.open(io.BytesIO(data)) as image:
                fits = max(image.size) <= MAX_PHOTO_SIDE and len(data) <= MAX_PHOTO_BYTES
                if image.format in _KEPT_AS_IS and fits:
                    image.load()
                    return data
                image.draft("RGB", (MAX_PHOTO_SIDE, MAX_PHOTO_SIDE))
                image.load()
                return _as_small_jpeg(image)
    # Pillow reports a broken image through many exception types (OSError,
    # SyntaxError, ValueError, struct.error, ...); any of them means "no photo".
    except Exception:
        return None


def _as_small_jpeg(image: Image.Image) -> bytes:
    image.thumbnail((MAX_PHOTO_SIDE, MAX_PHOTO_SIDE))
    if image.mode in ("RGBA", "LA", "P"):
        rgba = image.convert("RGBA")
        flat = Image.new("RGB", rgba.size, (255, 255, 255))
        flat.paste(rgba, mask=rgba.getchannel("A"))
        image = flat
    elif image.mode != "RGB":
        image = image.convert("RGB")
    out = io.BytesIO()
    image.save(out, format="JPEG", quality=85)
    return out.getvalue()
