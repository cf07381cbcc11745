"""Printed papers, pure: sign-in sheets and the allowance receipt list as PDF bytes.

Liberation Serif (OFL, courses/fonts/) is embedded: it covers every Vietnamese
letter and has the look of official documents. ReportLab needs NFC text.
"""

import io
from collections.abc import Sequence
from decimal import Decimal
from functools import cache
from pathlib import Path
from xml.sax.saxutils import escape

from django.utils.translation import gettext as _
from num2words import num2words
from reportlab import rl_config
from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_LEFT, TA_RIGHT
from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.platypus import (
    PageBreak,
    Paragraph,
    SimpleDocTemplate,
    Spacer,
    Table,
    TableStyle,
)

from courses.exports.queries import AllowanceList, Paper, SignInSheet
from courses.exports.writers import vnd
from courses.vietnamese import nfc

FONTS = Path(__file__).resolve().parent.parent / "fonts"
SERIF, SERIF_BOLD = "LiberationSerif", "LiberationSerif-Bold"
NATION = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
MOTTO = "Độc lập - Tự do - Hạnh phúc"


@cache
def _register_fonts() -> None:
    # PDFs travel as binary downloads: ASCII85-wrapping their streams made them a
    # quarter larger and was the largest cost of drawing a page (pure Python).
    rl_config.useA85 = 0
    pdfmetrics.registerFont(TTFont(SERIF, FONTS / "LiberationSerif-Regular.ttf"))
    pdfmetrics.registerFont(TTFont(SERIF_BOLD, FONTS / "LiberationSerif-Bold.ttf"))
    pdfmetrics.registerFontFamily(SERIF, normal=SERIF, bold=SERIF_BOLD)


def _style(size=11, bold=False, align=TA_LEFT, leading=None) -> ParagraphStyle:
    return ParagraphStyle(
        "s",
        fontName=SERIF_BOLD if bold else SERIF,
        fontSize=size,
        leading=leading or size * 1.25,
        alignment=align,
    )


def _p(text: str, **style) -> Paragraph:
    return Paragraph(escape(nfc(text)), _style(**style))


def _header(paper: Paper, width: float) -> Table:
    left = []
    if paper.parent_organisation:
        left.append(_p(paper.parent_organisation.upper(), size=10, align=TA_CENTER))
    left.append(_p(paper.organisation.upper(), size=10, bold=True, align=TA_CENTER))
    right = [
        _p(NATION, size=10, bold=True, align=TA_CENTER),
        _p(MOTTO, size=11, bold=True, align=TA_CENTER),
    ]
    table = Table([[left, right]], colWidths=[width * 0.45, width * 0.55])
    table.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "TOP")]))
    return table


def _grid(rows, widths, *, repeat=1, heights=None) -> Table:
    table = Table(rows, colWidths=widths, rowHeights=heights, repeatRows=repeat)
    table.setStyle(
        TableStyle(
            [
                ("FONT", (0, 0), (-1, -1), SERIF, 10),
                ("GRID", (0, 0), (-1, -1), 0.5, colors.black),
                ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
                ("BACKGROUND", (0, 0), (-1, repeat - 1), colors.whitesmoke),
            ]
        )
    )
    return table


def _document(out, pagesize) -> SimpleDocTemplate:
    return SimpleDocTemplate(
        out,
        pagesize=pagesize,
        leftMargin=15 * mm,
        rightMargin=15 * mm,
        topMargin=12 * mm,
        bottomMargin=12 * mm,
    )


def _sign_in_story(sheet: SignInSheet, width: float) -> list:
    paper = sheet.paper
    head = _style(size=10, bold=True, align=TA_CENTER)
    story = [
        _header(paper, width),
        Spacer(1, 6 * mm),
        _p(_("DANH SÁCH KÝ TÊN HỌC VIÊN"), size=14, bold=True, align=TA_CENTER),
        _p(paper.class_title, size=12, bold=True, align=TA_CENTER),
        Spacer(1, 2 * mm),
        _p(_("Mã lớp: %(code)s") % {"code": paper.class_code}, align=TA_CENTER),
        _p(_("Buổi: %(when)s") % {"when": sheet.session_label}, align=TA_CENTER),
        _p(_("Địa điểm: %(venue)s") % {"venue": sheet.venue}, align=TA_CENTER),
        Spacer(1, 4 * mm),
    ]
    rows: list[list] = [
        [
            Paragraph(escape(_("STT")), head),
            Paragraph(escape(_("Họ và tên")), head),
            Paragraph(escape(_("Đơn vị / Chức danh")), head),
            Paragraph(escape(_("Ký tên")), head),
        ]
    ]
    for stt, person in enumerate(sheet.people, start=1):
        rows.append([str(stt), _p(person.full_name), _p(person.unit_role, size=9), ""])
    widths = [12 * mm, 55 * mm, 60 * mm, width - 127 * mm]
    # 12 mm a row: room for a hand signature, as printed sheets are signed.
    heights = [None] + [12 * mm] * len(sheet.people)
    story.append(_grid(rows, widths, heights=heights))
    return story


def sign_in_sheets_pdf(sheets: Sequence[SignInSheet]) -> bytes:
    """A4 portrait, one sheet (one or more pages) per session."""
    _register_fonts()
    out = io.BytesIO()
    document = _document(out, A4)
    story: list = []
    for number, sheet in enumerate(sheets):
        if number:
            story.append(PageBreak())
        story += _sign_in_story(sheet, document.width)
    document.build(story)
    return out.getvalue()


def amount_in_words(amount: Decimal | int) -> str:
    """'Một triệu hai trăm nghìn đồng' from 1200000."""
    words = num2words(int(amount), lang="vi")
    return nfc(words[:1].upper() + words[1:] + " đồng")


def allowance_list_pdf(allowances: AllowanceList, *, place_and_date: str) -> bytes:
    """A4 landscape receipt list, wide signature column, totals, amount in words."""
    _register_fonts()
    out = io.BytesIO()
    document = _document(out, landscape(A4))
    width = document.width
    paper = allowances.paper
    head = _style(size=9, bold=True, align=TA_CENTER)
    story = [
        _header(paper, width),
        Spacer(1, 5 * mm),
        _p(_("DANH SÁCH KÝ NHẬN TIỀN HỖ TRỢ"), size=14, bold=True, align=TA_CENTER),
        _p(paper.class_title, size=12, bold=True, align=TA_CENTER),
        _p(
            _("Mã lớp: %(code)s. Thời gian: %(dates)s. Địa điểm: %(venue)s")
            % {"code": paper.class_code, "dates": paper.dates, "venue": paper.venue},
            align=TA_CENTER,
        ),
        Spacer(1, 4 * mm),
    ]
    rates = allowances.rates
    rows: list[list] = [
        [Paragraph(escape(h), head) for h in allowances.headers],
    ]
    number = _style(size=10, align=TA_RIGHT)
    for row in allowances.rows:
        cells: list = [
            str(row.stt),
            _p(row.person.full_name, size=10),
            _p(row.person.unit_role, size=9),
            Paragraph(_days(row.days), number),
        ]
        for rate, amount in zip(rates, row.amounts, strict=True):
            cells += [
                Paragraph(vnd(rate.rate_per_day), number),
                Paragraph(vnd(amount), number),
            ]
        cells += [Paragraph(vnd(row.total), number), ""]
        rows.append(cells)
    bold_number = _style(size=10, bold=True, align=TA_RIGHT)
    total_row: list = ["", _p(_("Tổng cộng"), size=10, bold=True), "", ""]
    for total in allowances.totals:
        total_row += ["", Paragraph(vnd(total), bold_number)]
    total_row += [Paragraph(vnd(allowances.grand_total), bold_number), ""]
    rows.append(total_row)

    fixed = 10 * mm + 45 * mm + 45 * mm + 14 * mm + 2 * len(rates) * 22 * mm
    total_width = 25 * mm
    signature = max(30 * mm, width - fixed - total_width)
    widths = [10 * mm, 45 * mm, 45 * mm, 14 * mm]
    widths += [22 * mm] * (2 * len(rates)) + [total_width, signature]
    heights = [None] + [11 * mm] * len(allowances.rows) + [None]
    story.append(_grid(rows, widths, heights=heights))
    story += [
        Spacer(1, 4 * mm),
        _p(
            _("Số tiền bằng chữ: %(words)s")
            % {"words": amount_in_words(allowances.grand_total)},
            size=11,
        ),
        Spacer(1, 4 * mm),
        _p(place_and_date, size=11, align=TA_RIGHT),
        Spacer(1, 2 * mm),
    ]
    signers = [_("Người lập biểu"), _("Kế toán"), _("Thủ trưởng đơn vị")]
    block = Table(
        [
            [_p(s, size=11, bold=True, align=TA_CENTER) for s in signers],
            [_p(_("(Ký, ghi rõ họ tên)"), size=10, align=TA_CENTER)] * 3,
        ],
        colWidths=[width / 3] * 3,
    )
    story.append(block)
    document.build(story)
    return out.getvalue()


def _days(days: Decimal) -> str:
    return str(days.normalize() if days % 1 else int(days)).replace(".", ",")
