"""Photos and scans as the program keeps them: decoded, and written again from
their pixels only.

A phone photo carries where it was taken (EXIF GPS), the camera's owner, the
author, comments and XMP; a candidate sending a photo of a display does not mean
to send their home's position to evaluators. So every JPEG and PNG is decoded
(which also proves it is an image) and written again without any of it. Only what
shows the picture as taken is kept: the colour profile, a PNG's transparency, and
a JPEG's orientation (in an EXIF block that holds nothing else). JPEGs are
written with their own quantisation tables, so the picture does not lose quality.
HEIC photos (iPhones' default) are converted to JPEG: browsers and office programs
cannot show HEIC, and the conversion drops their metadata the same way.
"""

import io
import warnings
from dataclasses import dataclass

import pillow_heif
from PIL import Image, ImageOps, UnidentifiedImageError

from .program import rules

ORIENTATION = 0x0112
HEIC_JPEG_QUALITY = 90

UNREADABLE = (
    "This picture could not be read; it may be damaged or not be the kind of "
    "picture its name says. Open it and save or export it again as JPEG or PNG, "
    "and upload that."
)
UNREADABLE_HEIC = (
    "This HEIC photo could not be read; it may be damaged, or not be a HEIC photo. "
    "Export it as JPEG (on an iPhone: share it and choose “Save as JPEG”, or set "
    "Camera › Formats to “Most Compatible”) and upload that."
)


class ImageRefused(ValueError):
    """A picture that is not kept; the message says why."""


@dataclass(frozen=True)
class CleanImage:
    content: bytes
    kind: str  # "jpg" or "png": what was written


def clean_image(stream, kind: str) -> CleanImage:
    """The picture in ``stream`` (a JPEG, PNG or HEIC, as ``kind`` says) written
    again without its metadata; raises ``ImageRefused``."""
    stream.seek(0)
    try:
        if kind == "heic":
            return _from_heic(stream)
        image = _opened(stream, UNREADABLE)
        if kind == "jpg":
            return CleanImage(_jpeg(image), "jpg")
        return CleanImage(_png(image), "png")
    finally:
        stream.seek(0)


def _opened(stream, message: str) -> Image.Image:
    """The decoded picture, refusing what is not one or is too large to decode.

    Not closed after use: closing a Pillow image closes the stream it read, and
    the stream is the caller's upload.
    """
    try:
        with warnings.catch_warnings():
            # Our own limit is below Pillow's warning; its warning is no news.
            warnings.simplefilter("ignore", Image.DecompressionBombWarning)
            image = Image.open(stream)
        _check_pixels(image.size)
        image.load()  # decodes it all: a truncated or damaged one fails here
    except ImageRefused:
        raise
    except (UnidentifiedImageError, Image.DecompressionBombError, OSError):
        raise ImageRefused(message) from None
    except (ValueError, SyntaxError, EOFError):  # Pillow's parsers raise these too
        raise ImageRefused(message) from None
    return image


def _check_pixels(size: tuple[int, int]) -> None:
    limit = rules().EVIDENCE_IMAGE_MAX_MEGAPIXELS
    megapixels = size[0] * size[1] / 1_000_000
    if megapixels > limit:
        raise ImageRefused(
            f"This picture is {size[0]:,} × {size[1]:,} pixels ({megapixels:,.0f} "
            f"megapixels); at most {limit:,} megapixels are accepted. Save a "
            "smaller copy and upload that."
        )


def _jpeg(image: Image.Image) -> bytes:
    options = {"quality": "keep", "icc_profile": image.info.get("icc_profile")}
    orientation = image.getexif().get(ORIENTATION, 1)
    if orientation in range(2, 9):
        only_orientation = Image.Exif()
        only_orientation[ORIENTATION] = orientation
        options["exif"] = only_orientation.tobytes()
    if image.mode not in ("RGB", "L", "CMYK"):
        image = image.convert("RGB")
        options["quality"] = HEIC_JPEG_QUALITY  # tables are kept only unchanged
    # Pillow copies a JPEG's comment unless told otherwise.
    return _written(image, "JPEG", comment=b"", **options)


def _png(image: Image.Image) -> bytes:
    # Orientation is applied to the pixels (lossless for a PNG), since the EXIF
    # chunk that held it is not written again.
    upright = ImageOps.exif_transpose(image)
    options = {
        key: image.info[key]
        for key in ("icc_profile", "transparency")
        if key in image.info
    }
    return _written(upright, "PNG", **options)


def _from_heic(stream) -> CleanImage:
    try:
        heif = pillow_heif.open_heif(stream, convert_hdr_to_8bit=True)
        _check_pixels(heif.size)
        # libheif turns the picture upright as it decodes (its irot and imir).
        image = heif.to_pillow()
    except ImageRefused:
        raise
    except (ValueError, RuntimeError, OSError, EOFError):
        raise ImageRefused(UNREADABLE_HEIC) from None
    if image.mode not in ("RGB", "L"):
        image = image.convert("RGB")
    content = _written(
        image,
        "JPEG",
        quality=HEIC_JPEG_QUALITY,
        icc_profile=image.info.get("icc_profile"),
        comment=b"",
    )
    return CleanImage(content, "jpg")


def _written(image: Image.Image, format_: str, **options) -> bytes:
    out = io.BytesIO()
    options = {k: v for k, v in options.items() if v is not None}
    image.save(out, format=format_, **options)
    return out.getvalue()
