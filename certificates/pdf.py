"""Certificate PDF, pure: `Printed` values in, A4 landscape pages out.

Drawn on a bare ReportLab canvas rather than platypus: the layout is fixed, and a
class print run of 100 certificates must stay fast. Liberation Serif is embedded
(it covers every Vietnamese letter); ReportLab needs NFC text.
"""

import io
import re
from collections.abc import Iterable
from functools import lru_cache

import qrcode
from django.utils.translation import gettext as _
from qrcode.constants import ERROR_CORRECT_M
from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.units import mm
from reportlab.lib.utils import ImageReader, simpleSplit
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas

from certificates.printed import Printed, dmy, place_and_date
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
_DARK_RUN = re.compile(b"\x01+")


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
    for printed in printeds:
        _draw_page(canvas, printed)
        canvas.showPage()
        pages += 1
    if not pages:
        raise ValueError("No certificate to render.")
    title = nfc(printed.title)
    canvas.setTitle(f"{title} - {nfc(printed.holder_name)}" if pages == 1 else title)
    canvas.setAuthor(nfc(printed.issuing_body))
    canvas.save()
    return out.getvalue()


def qr_rectangles(data: str) -> list[tuple[int, int, int]]:
    """The dark modules of `data`'s QR code as (row, first column, length) runs."""
    return _runs(_qr_matrix(data))


def _qr_matrix(data: str) -> list[list[bool]]:
    code = qrcode.QRCode(error_correction=ERROR_CORRECT_M, border=0)
    code.add_data(data)
    code.make(fit=True)
    return code.get_matrix()


def _runs(matrix: list[list[bool]]) -> list[tuple[int, int, int]]:
    runs = []
    for row, modules in enumerate(matrix):
        # bytes() and a regular expression find the runs in C, not module by module.
        for run in _DARK_RUN.finditer(bytes(modules)):
            runs.append((row, run.start(), run.end() - run.start()))
    return runs


@lru_cache(maxsize=8)
def _signature(image: bytes) -> ImageReader:
    # One signer signs a whole class: decode the image once, not once a page.
    return ImageReader(io.BytesIO(image))


def _draw_page(canvas: Canvas, printed: Printed) -> None:
    _draw_border(canvas)
    _draw_header(canvas, printed)
    y = _draw_body(canvas, printed, HEIGHT - MARGIN - 115)
    _draw_signer(canvas, printed, min(y - 12, MARGIN + 150))
    _draw_verification(canvas, nfc(printed.verify_url))


def _draw_border(canvas: Canvas) -> None:
    canvas.setLineWidth(1.6)
    canvas.rect(8 * mm, 8 * mm, WIDTH - 16 * mm, HEIGHT - 16 * mm)
    canvas.setLineWidth(0.5)
    canvas.rect(10 * mm, 10 * mm, WIDTH - 20 * mm, HEIGHT - 20 * mm)


def _centred(
    canvas: Canvas, x: float, y: float, text: str, font: str, size: float
) -> None:
    canvas.setFont(font, size)
    canvas.drawCentredString(x, y, text)


def _rule(canvas: Canvas, x: float, y: float, width: float) -> None:
    canvas.setLineWidth(0.7)
    canvas.line(x - width / 2, y, x + width / 2, y)


def _draw_header(canvas: Canvas, printed: Printed) -> None:
    y = HEIGHT - MARGIN
    for text, font in (
        (printed.parent_body, SERIF),
        (printed.issuing_body, SERIF_BOLD),
    ):
        # Official practice: the bodies' names in capitals, wrapped in their column.
        for line in simpleSplit(nfc(nfc(text).upper()), font, 12, LEFT_WIDTH):
            _centred(canvas, LEFT_X, y, line, font, 12)
            y -= 15
    # The rule under the issuing body is about a third of its name.
    issuer = stringWidth(nfc(printed.issuing_body).upper(), SERIF_BOLD, 12)
    _rule(canvas, LEFT_X, y + 8, max(40, min(issuer, LEFT_WIDTH) / 3))
    number = _("Số: %(number)s") % {"number": nfc(printed.register_number)}
    _centred(canvas, LEFT_X, y - 12, number, SERIF, 12)

    top = HEIGHT - MARGIN
    _centred(canvas, RIGHT_X, top, NATION, SERIF_BOLD, 12)
    _centred(canvas, RIGHT_X, top - 16, MOTTO, SERIF_BOLD, 13)
    _rule(canvas, RIGHT_X, top - 23, stringWidth(MOTTO, SERIF_BOLD, 13))


def _draw_body(canvas: Canvas, printed: Printed, y: float) -> float:
    """Title, holder and wording from `y` down; returns where the text ended."""
    centre = WIDTH / 2
    _centred(canvas, centre, y, nfc(printed.title).upper(), SERIF_BOLD, 26)
    y -= 38
    name = _("Ông/Bà: %(name)s") % {"name": nfc(printed.holder_name)}
    _centred(canvas, centre, y, name, SERIF_BOLD, 18)
    y -= 24
    details = (
        (_("Ngày sinh: %(birth)s"), "birth", printed.holder_birth),
        (_("Đơn vị: %(unit)s"), "unit", printed.holder_unit),
        (_("Chức danh: %(role)s"), "role", printed.holder_role),
    )
    for template, key, value in details:
        if value.strip():
            _centred(canvas, centre, y, template % {key: nfc(value)}, SERIF, 13)
            y -= 18
    y -= 4
    wording = nfc(printed.wording)
    # A long wording shrinks rather than runs into the signature block.
    for size in (14, 13, 12, 11):
        lines = simpleSplit(wording, SERIF, size, WORDING_WIDTH)
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
        expiry = _("Có giá trị đến ngày %(date)s") % {"date": dmy(printed.expires_on)}
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


def _draw_verification(canvas: Canvas, url: str) -> None:
    x, y = LEFT_X - QR_SIZE / 2, MARGIN + 8
    matrix = _qr_matrix(url)
    canvas.saveState()
    # Whole-module coordinates: rows of runs meet exactly, with no hairline seams.
    canvas.translate(x, y + QR_SIZE)
    module = QR_SIZE / len(matrix)
    canvas.scale(module, -module)
    # One filled path of integer rectangles, written as PDF operators: ReportLab's
    # path object formats every coordinate as a float, which cost more than the rest
    # of the page.
    rectangles = " ".join(f"{c} {r} {n} 1 re" for r, c, n in _runs(matrix))
    canvas.addLiteral(f"{rectangles} f")
    canvas.restoreState()
    _centred(canvas, LEFT_X, y + QR_SIZE + 10, _("Kiểm tra giấy chứng nhận:"), SERIF, 9)
    size = min(8.0, 8 * LEFT_WIDTH / max(stringWidth(url, SERIF, 8), 1))
    _centred(canvas, LEFT_X, y - 13, url, SERIF, size)
