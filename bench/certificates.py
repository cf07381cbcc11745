"""Certificate PDF benchmark (no database: the renderer is pure).

- certificate_pdf_vs_reportlab: one class print run, 200 certificates in one PDF
  through render_many, against a bare ReportLab canvas that registers the same
  fonts and draws the same text lines of each page with drawString; >= 0.8.
- certificate_pdf_single_vs_reportlab: 200 single-page render calls (the worker
  renders one certificate at a time) against 200 single-page bare canvases; >= 0.8.

ratio = baseline seconds / our seconds, best of BENCH_CERT_REPEAT (5), the two
sides timed in turns.

The QR code is encoded once, when a certificate is issued, and frozen with the
other printed values (certificates.qr, about 1 ms with zxing-cpp); the pages here
carry it as issued certificates do, and draw it as a 1-bit inline image. With the
pure-Python qrcode encoder at print time, and its modules drawn as paths, the class
run measured 0.12 (encoding ~6.5 ms a certificate, mostly the mask search).
`qr_encode_ms` reports the encoding cost at issue, for the record.
"""

import datetime as dt
import io
import os
import time

COUNT = 200
REPEAT = int(os.environ.get("BENCH_CERT_REPEAT", "5"))


def _setup_django() -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "lms.settings.dev")
    import django

    django.setup()


def _best_pair(baseline, ours) -> tuple[float, float]:
    """Best of REPEAT for each, taken in turns so that load on a shared machine
    weighs on both sides alike."""
    timings: tuple[list[float], list[float]] = ([], [])
    for _ in range(REPEAT):
        for measure, seconds in ((baseline, timings[0]), (ours, timings[1])):
            started = time.perf_counter()
            measure()
            seconds.append(time.perf_counter() - started)
    return min(timings[0]), min(timings[1])


def _printeds():
    from certificates import qr
    from certificates.printed import Printed
    from tests.courses.roster_files import vietnamese_name

    def url(n: int) -> str:
        return f"https://lms.example.gov.vn/verify/{n:06d}-k7Qx2mZpR4t8Wc1s/"

    return [
        Printed(
            parent_body="Sở Y tế tỉnh Tuyên Quang",
            issuing_body="Trung tâm Dân số khu vực Lâm Bình",
            title="Giấy chứng nhận",
            holder_name=vietnamese_name(n),
            holder_birth=f"{n % 28 + 1:02d}/03/{1970 + n % 30}",
            holder_unit="Xã Thượng Lâm, tỉnh Tuyên Quang",
            holder_role="Cộng tác viên dân số",
            wording=(
                "Đã hoàn thành lớp tập huấn Nghiệp vụ cơ bản cho cộng tác viên dân "
                "số, tổ chức từ ngày 08/12/2026 đến ngày 09/12/2026 tại Hội trường "
                "Ủy ban nhân dân xã Thượng Lâm, tỉnh Tuyên Quang."
            ),
            result_label="Kết quả",
            result=("Đạt", "Khá", "Giỏi")[n % 3],
            place="Lâm Bình",
            issued_on=dt.date(2026, 12, 10),
            signer_title="Giám đốc",
            signer_name="Hoàng Văn Thụ",
            register_number=f"{n}/GCN-TTDS",
            verify_url=url(n),
            qr=qr.encode(url(n)),
        )
        for n in range(1, COUNT + 1)
    ]


def _lines(printed) -> list[tuple[bool, float, str]]:
    """The text lines a certificate page shows, as (bold, size, text)."""
    from django.utils.translation import gettext as _
    from reportlab.lib.utils import simpleSplit

    from certificates.pdf import SERIF, WORDING_WIDTH
    from certificates.printed import place_and_date
    from courses.exports.pdf import MOTTO, NATION

    return [
        (False, 12, printed.parent_body.upper()),
        (True, 12, printed.issuing_body.upper()),
        (False, 12, _("Số: %(number)s") % {"number": printed.register_number}),
        (True, 12, NATION),
        (True, 13, MOTTO),
        (True, 26, printed.title.upper()),
        (True, 18, _("Ông/Bà: %(name)s") % {"name": printed.holder_name}),
        (False, 13, _("Ngày sinh: %(birth)s") % {"birth": printed.holder_birth}),
        (False, 13, _("Đơn vị: %(unit)s") % {"unit": printed.holder_unit}),
        (False, 13, _("Chức danh: %(role)s") % {"role": printed.holder_role}),
        *(
            (False, 14, line)
            for line in simpleSplit(printed.wording, SERIF, 14, WORDING_WIDTH)
        ),
        (True, 13, f"{printed.result_label}: {printed.result}"),
        (False, 13, place_and_date(printed.place, printed.issued_on)),
        (True, 13, printed.signer_title.upper()),
        (True, 13, printed.signer_name),
        (False, 9, _("Kiểm tra giấy chứng nhận:")),
        (False, 8, printed.verify_url),
    ]


def _bare(pages: list[list[tuple[bool, float, str]]]) -> bytes:
    from reportlab.lib.pagesizes import A4, landscape
    from reportlab.pdfgen.canvas import Canvas

    from courses.exports.pdf import SERIF, SERIF_BOLD

    out = io.BytesIO()
    canvas = Canvas(out, pagesize=landscape(A4))
    for lines in pages:
        y = 550.0
        for bold, size, text in lines:
            canvas.setFont(SERIF_BOLD if bold else SERIF, size)
            canvas.drawString(60, y, text)
            y -= 24
        canvas.showPage()
    canvas.save()
    return out.getvalue()


def run() -> dict:
    _setup_django()
    from django.utils import translation

    from certificates.pdf import render, render_many
    from courses.exports.pdf import _register_fonts

    with translation.override("vi"):
        _register_fonts()
        printeds = _printeds()
        pages = [_lines(printed) for printed in printeds]
        render(printeds[0])  # warm: fonts parsed, translations loaded

        many_baseline, many_seconds = _best_pair(
            lambda: _bare(pages), lambda: render_many(printeds)
        )
        single_baseline, single_seconds = _best_pair(
            lambda: [_bare([lines]) for lines in pages],
            lambda: [render(printed) for printed in printeds],
        )

    def ratio(value: float, baseline: float) -> dict:
        return {
            "value": round(value, 3),
            "baseline": round(baseline, 3),
            "ratio": round(baseline / value, 2),
            "unit": "s",
            "target": ">= 0.8",
        }

    from certificates import qr

    started = time.perf_counter()
    for printed in printeds:
        qr.encode(printed.verify_url)
    encode_ms = (time.perf_counter() - started) * 1000 / len(printeds)

    return {
        "qr_encode_ms": {
            "value": round(encode_ms, 2),
            "baseline": None,
            "ratio": None,
            "unit": "ms",
            "target": "at issue, once per certificate",
        },
        "certificate_pdf_vs_reportlab": ratio(many_seconds, many_baseline),
        "certificate_pdf_single_vs_reportlab": ratio(single_seconds, single_baseline),
    }
