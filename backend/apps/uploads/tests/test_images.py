"""Validation of image bytes: type from the content, pixel count from the header, before any decoding."""

import warnings
from io import BytesIO

import pytest
from PIL import Image

from apps.common.exceptions import ApplicationError
from apps.uploads.images import image_reencode, image_sniff
from apps.uploads.tests.images import image_bytes, png_header

# Headers declaring more pixels than UPLOADS_MAX_PIXELS (25M): above Pillow's hard limit (2 x MAX_IMAGE_PIXELS,
# DecompressionBombError), between its two limits (DecompressionBombWarning) and below both (our own check).
ABOVE_PILLOW_HARD_LIMIT = png_header(width=20_000, height=20_000)
BETWEEN_PILLOW_LIMITS = png_header(width=10_000, height=10_000)
BELOW_PILLOW_LIMITS = png_header(width=6_000, height=6_000)
BOMBS = pytest.mark.parametrize(
    "content",
    [ABOVE_PILLOW_HARD_LIMIT, BETWEEN_PILLOW_LIMITS, BELOW_PILLOW_LIMITS],
    ids=["above-pillow-hard-limit", "between-pillow-limits", "below-pillow-limits"],
)
# The warning is an error under pytest (filterwarnings) and a log line in production: same answer either way.
WARNING_FILTERS = pytest.mark.parametrize("warning_action", ["error", "ignore"])


def test_the_crafted_headers_hit_each_of_pillows_limits(settings):
    pillow_limit, pillow_hard_limit = Image.MAX_IMAGE_PIXELS, 2 * Image.MAX_IMAGE_PIXELS
    assert settings.UPLOADS_MAX_PIXELS < 6_000**2 < pillow_limit < 10_000**2 < pillow_hard_limit < 20_000**2
    with pytest.raises(Image.DecompressionBombError):
        Image.open(BytesIO(ABOVE_PILLOW_HARD_LIMIT))
    with pytest.warns(Image.DecompressionBombWarning), Image.open(BytesIO(BETWEEN_PILLOW_LIMITS)) as image:
        assert image.size == (10_000, 10_000)


def _assert_too_many_pixels(error: pytest.ExceptionInfo[ApplicationError]) -> None:
    assert error.value.status_code == 413
    assert error.value.code == "payload_too_large"
    assert "pixels" in error.value.detail


@BOMBS
@WARNING_FILTERS
@pytest.mark.parametrize("read", [image_sniff, image_reencode], ids=["sniff", "reencode"])
def test_a_header_with_too_many_pixels_is_refused(read, content, warning_action):
    with warnings.catch_warnings():
        warnings.simplefilter(warning_action, Image.DecompressionBombWarning)
        with pytest.raises(ApplicationError) as error:
            read(file=BytesIO(content))

    _assert_too_many_pixels(error)


def test_sniff_accepts_a_header_within_the_limit_and_rewinds():
    file = BytesIO(png_header(width=5_000, height=5_000))

    assert image_sniff(file=file) == "image/png"
    assert file.tell() == 0


def test_sniff_rewinds_after_a_refusal_too():
    file = BytesIO(ABOVE_PILLOW_HARD_LIMIT)

    with pytest.raises(ApplicationError):
        image_sniff(file=file)

    assert file.tell() == 0


@pytest.mark.parametrize(
    ("content", "status", "code"),
    [
        (b"GIF89a" + b"\0" * 100, 415, "unsupported_media_type"),
        (image_bytes(image_format="GIF"), 415, "unsupported_media_type"),
        (png_header(width=100, height=100), 400, "invalid_image"),
    ],
    ids=["not-an-image", "gif", "header-without-pixels"],
)
def test_reencode_keeps_its_other_answers(content, status, code):
    with pytest.raises(ApplicationError) as error:
        image_reencode(file=BytesIO(content))

    assert (error.value.status_code, error.value.code) == (status, code)


def test_reencode_still_accepts_a_real_image():
    with Image.open(image_reencode(file=BytesIO(image_bytes(image_format="PNG")))) as image:
        assert image.format == "WEBP"
        assert image.size == (64, 48)
