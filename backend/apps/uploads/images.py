"""Validation and re-encoding of uploaded images (avatars, article covers).

An image is trusted only after it has been decoded and written again by us: the
type comes from its bytes, never from its name or declared type; the header's
pixel count is checked before decoding (decompression bombs); the re-encoded copy
carries no EXIF (location, camera serials) and gets a generated name.
"""

import uuid
from io import BytesIO
from typing import IO

from django.conf import settings
from django.core.files.base import ContentFile
from django.utils.formats import number_format
from django.utils.translation import gettext as _
from PIL import Image, ImageFile, ImageOps, UnidentifiedImageError
from rest_framework import status

from apps.common.exceptions import ApplicationError

# Pillow format name -> content type. Only these are accepted.
IMAGE_FORMATS = {"JPEG": "image/jpeg", "PNG": "image/png", "WEBP": "image/webp"}
ACCEPTED_CONTENT_TYPES = frozenset(IMAGE_FORMATS.values())


def unsupported_type_error() -> ApplicationError:
    return ApplicationError(
        code="unsupported_media_type",
        detail=_("Upload a JPEG, PNG or WebP image."),
        status_code=status.HTTP_415_UNSUPPORTED_MEDIA_TYPE,
    )


def too_large_error(detail: str | None = None) -> ApplicationError:
    limit_mb = settings.UPLOADS_MAX_BYTES // (1024 * 1024)
    return ApplicationError(
        code="payload_too_large",
        detail=detail or _("The file is larger than %(limit)d MB. Upload a smaller image.") % {"limit": limit_mb},
        status_code=status.HTTP_413_REQUEST_ENTITY_TOO_LARGE,
    )


def too_many_pixels_error(width: int | None = None, height: int | None = None) -> ApplicationError:
    limit = number_format(settings.UPLOADS_MAX_PIXELS, force_grouping=True)
    if width is None or height is None:
        return too_large_error(_("The image has too many pixels; at most %(limit)s are accepted.") % {"limit": limit})
    return too_large_error(
        _("The image has %(width)dx%(height)d pixels; at most %(limit)s are accepted.")
        % {"width": width, "height": height, "limit": limit}
    )


def _open_header(file: IO[bytes]) -> ImageFile.ImageFile:
    """The image with only its header read: 415 unless JPEG/PNG/WebP, 413 when it declares too many pixels.

    Pillow refuses headers itself above its own limits, which lie far above ``UPLOADS_MAX_PIXELS``:
    ``DecompressionBombError`` (an Exception, not an OSError) over 2 x ``Image.MAX_IMAGE_PIXELS``, and
    ``DecompressionBombWarning`` over ``Image.MAX_IMAGE_PIXELS``, raised only where warnings are errors
    (the tests). Both are the same 413 as our own check, so the answer does not depend on warning filters.
    """
    file.seek(0)
    try:
        image = Image.open(file)
    except (Image.DecompressionBombError, Image.DecompressionBombWarning):
        raise too_many_pixels_error() from None
    except (UnidentifiedImageError, OSError, ValueError):
        raise unsupported_type_error() from None
    # Nothing to close on refusal: only the header was read, and the file stays the caller's to close.
    if image.format not in IMAGE_FORMATS:
        raise unsupported_type_error()
    width, height = image.size
    if width * height > settings.UPLOADS_MAX_PIXELS:
        raise too_many_pixels_error(width, height)
    return image


def image_sniff(*, file: IO[bytes]) -> str:
    """The content type read from the file's first bytes: 415 when it is not an accepted image,
    413 when its header declares more than ``UPLOADS_MAX_PIXELS`` pixels."""
    try:
        with _open_header(file) as image:
            return IMAGE_FORMATS[image.format or ""]
    finally:
        file.seek(0)


def _decode(file: IO[bytes]) -> Image.Image:
    file.seek(0, 2)
    if file.tell() > settings.UPLOADS_MAX_BYTES:
        raise too_large_error()
    # The pixel count comes from the header, before any pixel is decoded (decompression bombs).
    image = _open_header(file)
    try:
        image.load()
    except (OSError, ValueError, SyntaxError):
        raise ApplicationError(
            code="invalid_image", detail=_("The image could not be read: the file is damaged or incomplete.")
        ) from None
    # Phones store rotation in EXIF; apply it before EXIF is dropped.
    upright = ImageOps.exif_transpose(image)
    return upright.convert("RGBA" if upright.mode in ("RGBA", "LA", "P") else "RGB")


def _encode(image: Image.Image, *, prefix: str) -> ContentFile:
    output = BytesIO()
    # Saving from a decoded bitmap writes no EXIF, ICC or XMP blocks unless passed explicitly.
    image.save(output, format="WEBP", quality=85, method=4)
    return ContentFile(output.getvalue(), name=f"{prefix}{uuid.uuid4().hex}.webp")


def image_reencode(*, file: IO[bytes], prefix: str = "") -> ContentFile:
    """A clean WebP copy of an uploaded image, or a 413/415/400 ApplicationError."""
    return _encode(_decode(file), prefix=prefix)


def image_thumbnail(*, file: IO[bytes], prefix: str = "") -> ContentFile:
    image = _decode(file)
    image = ImageOps.fit(image, settings.UPLOADS_THUMBNAIL_SIZE, method=Image.Resampling.LANCZOS)
    return _encode(image, prefix=prefix)
