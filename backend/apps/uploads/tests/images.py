"""Image bytes for tests: made with Pillow, or crafted by hand where Pillow would refuse to write them."""

import struct
import zlib
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


def png_header(*, width: int, height: int) -> bytes:
    """A PNG that is only a header (signature, IHDR, IEND), declaring any size: a decompression bomb in 45 bytes."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    # 8-bit RGB, deflate, no filter method, not interlaced.
    ihdr = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", ihdr) + chunk(b"IEND", b"")
