"""Certificate PDF, pure: `Printed` values in, A4 landscape pages out.

Drawn on a bare ReportLab canvas rather than platypus: the layout is fixed, and a
class print run of 100 certificates must stay fast. Liberation Serif is embedded
(it covers every Vietnamese letter); ReportLab needs NFC text.
"""

import io
from collections.abc import Iterable
from functools import lru_cache

from django.utils import translation
from django.utils.translation import gettext as _
from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.units import mm
from reportlab.lib.utils import ImageReader, simpleSplit
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas

from certificates import qr
from certificates.printed import Printed, dmy, place_and_date
from certificates.qr import QrBitmap
from courses.exports.pdf import MOTTO, NATION, SERIF, SERIF_BOLD, _register_fonts
from courses.vietnamese import nfc

# No italic Liberation file ships in courses/fonts; the date line uses regular.
SERIF_ITALIC = SERIF

WIDTH, HEIGHT = PAGE = landscape(A4)
MARGIN = 18 * mm
LEFT_WIDTH = (WIDTH - 2 * MARGIN) * 0.42
LEFT_X = MARGIN + LEFT_WIDTH / 2  # centre of the issuing body's column
RIGHT_X = MARGIN + LEFT_WIDTH + (WIDTH - 2 * MARGIN - LEFT_WIDTH) / 2
WORDING_WIDTH = WIDTH - 2 * MARGIN - 60 * mm
QR_SIZE = 28 * mm
SIGNATURE_HEIGHT = 35 * mm
SIGNATURE_MAX_WIDTH = 90 * mm


def render(printed: Printed) -> bytes:
    """One certificate, one page."""
    return render_many([printed])


def render_many(printeds: Iterable[Printed]) -> bytes:
    """A class print run: one page per certificate, in one PDF."""
    _register_fonts()
    out = io.BytesIO()
    # Initial font set so the PDF names no font it does not embed (Helvetica).
    canvas = Canvas(out, pagesize=PAGE, initialFontName=SERIF)
    pages = 0
    labels = _labels()
    for printed in printeds:
        _draw_page(canvas, printed, labels)
        canvas.showPage()
        pages += 1
    if not pages:
        raise ValueError("No certificate to render.")
    title = nfc(printed.title)
    canvas.setTitle(f"{title} - {nfc(printed.holder_name)}" if pages == 1 else title)
    canvas.setAuthor(nfc(printed.issuing_body))
    canvas.save()
    return out.getvalue()


@lru_cache(maxsize=8)
def _signature(image: bytes) -> ImageReader:
    # One signer signs a whole class: decode the image once, not once a page.
    return ImageReader(io.BytesIO(image))


def _labels() -> dict[str, str]:
    # Translated once a print run, not once a page, and always into Vietnamese: the
    # certificate is a Vietnamese document whatever language the admin is read in.
    with translation.override("vi"):
        return {
            "number": _("Số: %(number)s"),
            "name": _("Ông/Bà: %(name)s"),
            "birth": _("Ngày sinh: %(birth)s"),
            "unit": _("Đơn vị: %(unit)s"),
            "role": _("Chức danh: %(role)s"),
            "expiry": _("Có giá trị đến ngày %(date)s"),
            "check": _("Kiểm tra giấy chứng nhận:"),
        }


def _draw_page(canvas: Canvas, printed: Printed, labels: dict[str, str]) -> None:
    _draw_border(canvas)
    _draw_header(canvas, printed, labels)
    y = _draw_body(canvas, printed, HEIGHT - MARGIN - 115, labels)
    _draw_signer(canvas, printed, min(y - 12, MARGIN + 150))
    _draw_verification(canvas, nfc(printed.verify_url), printed.qr, labels)


# The double border, the same on every page: written once as PDF operators.
BORDER = (
    f"q 1.6 w {8 * mm:.2f} {8 * mm:.2f} {WIDTH - 16 * mm:.2f} {HEIGHT - 16 * mm:.2f} "
    f"re S 0.5 w {10 * mm:.2f} {10 * mm:.2f} {WIDTH - 20 * mm:.2f} "
    f"{HEIGHT - 20 * mm:.2f} re S Q"
)


def _draw_border(canvas: Canvas) -> None:
    canvas.addLiteral(BORDER)


# A class run repeats most lines on every page (bodies, motto, wording, signer):
# measure each once. Names and numbers differ, so the caches stay bounded.
@lru_cache(maxsize=4096)
def _width(text: str, font: str, size: float) -> float:
    return stringWidth(text, font, size)


@lru_cache(maxsize=512)
def _split(text: str, font: str, size: float, width: float) -> tuple[str, ...]:
    return tuple(simpleSplit(text, font, size, width))


def _centred(
    canvas: Canvas, x: float, y: float, text: str, font: str, size: float
) -> None:
    canvas.setFont(font, size)
    canvas.drawString(x - _width(text, font, size) / 2, y, text)


def _rule(canvas: Canvas, x: float, y: float, width: float) -> None:
    canvas.setLineWidth(0.7)
    canvas.line(x - width / 2, y, x + width / 2, y)


def _draw_header(canvas: Canvas, printed: Printed, labels: dict[str, str]) -> None:
    y = HEIGHT - MARGIN
    for text, font in (
        (printed.parent_body, SERIF),
        (printed.issuing_body, SERIF_BOLD),
    ):
        # Official practice: the bodies' names in capitals, wrapped in their column.
        for line in _split(nfc(nfc(text).upper()), font, 12, LEFT_WIDTH):
            _centred(canvas, LEFT_X, y, line, font, 12)
            y -= 15
    # The rule under the issuing body is about a third of its name.
    issuer = _width(nfc(printed.issuing_body).upper(), SERIF_BOLD, 12)
    _rule(canvas, LEFT_X, y + 8, max(40, min(issuer, LEFT_WIDTH) / 3))
    number = labels["number"] % {"number": nfc(printed.register_number)}
    _centred(canvas, LEFT_X, y - 12, number, SERIF, 12)

    top = HEIGHT - MARGIN
    _centred(canvas, RIGHT_X, top, NATION, SERIF_BOLD, 12)
    _centred(canvas, RIGHT_X, top - 16, MOTTO, SERIF_BOLD, 13)
    _rule(canvas, RIGHT_X, top - 23, _width(MOTTO, SERIF_BOLD, 13))


def _draw_body(
    canvas: Canvas, printed: Printed, y: float, labels: dict[str, str]
) -> float:
    """Title, holder and wording from `y` down; returns where the text ended."""
    centre = WIDTH / 2
    _centred(canvas, centre, y, nfc(printed.title).upper(), SERIF_BOLD, 26)
    y -= 38
    name = labels["name"] % {"name": nfc(printed.holder_name)}
    _centred(canvas, centre, y, name, SERIF_BOLD, 18)
    y -= 24
    details = (
        (labels["birth"], "birth", printed.holder_birth),
        (labels["unit"], "unit", printed.holder_unit),
        (labels["role"], "role", printed.holder_role),
    )
    for template, key, value in details:
        if value.strip():
            _centred(canvas, centre, y, template % {key: nfc(value)}, SERIF, 13)
            y -= 18
    y -= 4
    wording = nfc(printed.wording)
    # A long wording shrinks rather than runs into the signature block.
    for size in (14, 13, 12, 11):
        lines = _split(wording, SERIF, size, WORDING_WIDTH)
        if len(lines) <= 4:
            break
    for line in lines:
        _centred(canvas, centre, y, line, SERIF, size)
        y -= size * 1.35
    if printed.result_label.strip() and printed.result.strip():
        result = f"{nfc(printed.result_label)}: {nfc(printed.result)}"
        _centred(canvas, centre, y, result, SERIF_BOLD, 13)
        y -= 18
    if printed.expires_on:
        expiry = labels["expiry"] % {"date": dmy(printed.expires_on)}
        _centred(canvas, centre, y, expiry, SERIF_ITALIC, 12)
        y -= 18
    return y


def _draw_signer(canvas: Canvas, printed: Printed, y: float) -> None:
    dated = place_and_date(printed.place, printed.issued_on)
    _centred(canvas, RIGHT_X, y, dated, SERIF_ITALIC, 13)
    title = nfc(nfc(printed.signer_title).upper())
    _centred(canvas, RIGHT_X, y - 17, title, SERIF_BOLD, 13)
    bottom = y - 22 - SIGNATURE_HEIGHT
    if printed.signature_image:
        image = _signature(printed.signature_image)
        width, height = image.getSize()
        drawn_width = min(SIGNATURE_HEIGHT * width / height, SIGNATURE_MAX_WIDTH)
        drawn_height = drawn_width * height / width
        canvas.drawImage(
            image,
            RIGHT_X - drawn_width / 2,
            bottom + (SIGNATURE_HEIGHT - drawn_height) / 2,
            drawn_width,
            drawn_height,
            mask="auto",
        )
    _centred(canvas, RIGHT_X, bottom - 14, nfc(printed.signer_name), SERIF_BOLD, 13)


def _draw_verification(
    canvas: Canvas, url: str, bitmap: QrBitmap | None, labels: dict[str, str]
) -> None:
    x, y = LEFT_X - QR_SIZE / 2, MARGIN + 8
    bitmap = bitmap or qr.encode(url)
    # An inline 1-bit image, one module a pixel, scaled up without smoothing: a few
    # hundred bytes a page, where drawing modules as paths cost more than the text.
    canvas.addLiteral(
        f"q {QR_SIZE:.2f} 0 0 {QR_SIZE:.2f} {x:.2f} {y:.2f} cm "
        f"BI /W {bitmap.size} /H {bitmap.size} /BPC 1 /CS /G /I false /F /AHx "
        f"ID {bitmap.bits.hex()}> EI Q"
    )
    _centred(canvas, LEFT_X, y + QR_SIZE + 10, labels["check"], SERIF, 9)
    size = min(8.0, 8 * LEFT_WIDTH / max(_width(url, SERIF, 8), 1))
    _centred(canvas, LEFT_X, y - 13, url, SERIF, size)
