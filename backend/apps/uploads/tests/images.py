"""Image bytes for tests, made with Pillow."""

from io import BytesIO

from PIL import Image


def image_bytes(*, image_format: str = "JPEG", size: tuple[int, int] = (64, 48), exif: bool = False) -> bytes:
    image = Image.new("RGB", size, (200, 30, 30))
    output = BytesIO()
    options = {}
    if exif:
        data = Image.Exif()
        data[0x010F] = "SpyCam Inc."  # Make
        data[0x0112] = 6  # Orientation: rotate 90 degrees on display
        options["exif"] = data.tobytes()
    image.save(output, format=image_format, **options)
    return output.getvalue()
