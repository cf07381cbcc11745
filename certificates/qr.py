"""The certificate's QR code as a 1-bit bitmap, pure.

Encoded once, when the certificate is issued, and frozen with the other printed
values: every later print (the holder's download, the class run, the ZIP) draws the
stored bitmap instead of encoding again. zxing-cpp encodes in C, choosing the mask
as the QR standard asks, about ten times faster than the pure-Python encoder.
"""

from dataclasses import dataclass

import zxingcpp
from PIL import Image


@dataclass(frozen=True)
class QrBitmap:
    """`size` x `size` modules, rows packed 8 to a byte, 1 = light (PDF grey)."""

    size: int
    bits: bytes

    def to_text(self) -> str:
        return f"{self.size}:{self.bits.hex()}"

    @classmethod
    def from_text(cls, text: str) -> "QrBitmap":
        size, _colon, bits = text.partition(":")
        return cls(int(size), bytes.fromhex(bits))

    def is_dark(self, row: int, column: int) -> bool:
        stride = (self.size + 7) // 8
        byte = self.bits[row * stride + column // 8]
        return not byte & (0x80 >> (column % 8))


def encode(data: str) -> QrBitmap:
    code = zxingcpp.create_barcode(data, zxingcpp.BarcodeFormat.QRCode, ec_level="M")
    pixels = memoryview(code.to_image(scale=1, add_quiet_zones=False))
    height, width = pixels.shape
    image = Image.frombuffer("L", (width, height), bytes(pixels), "raw", "L", 0, 1)
    return QrBitmap(width, image.convert("1").tobytes())
