"""Certificate PDF, pure: what the printed page says and how it is built."""

import datetime as dt
import io
import unicodedata

import pypdf
import pypdfium2
import pytest
import zxingcpp
from django.utils import translation
from hypothesis import given, settings
from hypothesis import strategies as st
from PIL import Image, ImageDraw

from certificates import qr
from certificates.pdf import render, render_many
from certificates.printed import Printed

NAME = "Nguyễn Thị Hương Ưng Ỷ"
WORDING = (
    "Đã hoàn thành lớp tập huấn Nghiệp vụ cơ bản cho cộng tác viên dân số, tổ chức "
    "từ ngày 08/12/2026 đến ngày 09/12/2026 tại Hội trường Ủy ban nhân dân xã "
    "Thượng Lâm, tỉnh Tuyên Quang."
)
URL = "https://lms.example.gov.vn/chung-nhan/7f3a9c2e-41b8"


@pytest.fixture(autouse=True)
def vietnamese():
    with translation.override("vi"):
        yield


def _printed(**overrides) -> Printed:
    values: dict = {
        "parent_body": "Sở Y tế tỉnh Tuyên Quang",
        "issuing_body": "Trung tâm Dân số khu vực Lâm Bình",
        "title": "Giấy chứng nhận",
        "holder_name": NAME,
        "holder_birth": "12/03/1985",
        "holder_unit": "Xã Thượng Lâm, tỉnh Tuyên Quang",
        "holder_role": "Cộng tác viên dân số",
        "wording": WORDING,
        "result_label": "Kết quả",
        "result": "Giỏi",
        "place": "Lâm Bình",
        "issued_on": dt.date(2026, 12, 10),
        "signer_title": "Giám đốc",
        "signer_name": "Hoàng Văn Thụ",
        "register_number": "125/GCN-TTDS",
        "verify_url": URL,
    }
    return Printed(**(values | overrides))


def _pages(pdf: bytes) -> list[pypdf.PageObject]:
    return list(pypdf.PdfReader(io.BytesIO(pdf)).pages)


def _text(page: pypdf.PageObject) -> str:
    # The wording wraps over lines; compare it with single spaces.
    return " ".join(page.extract_text().split())


def _png(width: int = 600, height: int = 240) -> bytes:
    image = Image.new("RGBA", (width, height), (255, 255, 255, 0))
    ImageDraw.Draw(image).line([(20, 200), (300, 40), (580, 180)], fill="navy", width=8)
    out = io.BytesIO()
    image.save(out, "PNG")
    return out.getvalue()


def _images(page: pypdf.PageObject) -> list:
    xobjects = page["/Resources"].get("/XObject", {})
    found = [xobject.get_object() for xobject in xobjects.values()]
    return [xobject for xobject in found if xobject["/Subtype"] == "/Image"]


def test_certificate_prints_holder_wording_number_and_national_header_in_nfc():
    decomposed = unicodedata.normalize("NFD", NAME)
    assert decomposed != NAME

    (page,) = _pages(render(_printed(holder_name=decomposed)))
    text = _text(page)

    assert text == unicodedata.normalize("NFC", text)
    for expected in (
        "SỞ Y TẾ TỈNH TUYÊN QUANG",
        "TRUNG TÂM DÂN SỐ KHU VỰC LÂM BÌNH",
        "Số: 125/GCN-TTDS",
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "Độc lập - Tự do - Hạnh phúc",
        "GIẤY CHỨNG NHẬN",
        f"Ông/Bà: {NAME}",
        "Ngày sinh: 12/03/1985",
        "Đơn vị: Xã Thượng Lâm, tỉnh Tuyên Quang",
        "Chức danh: Cộng tác viên dân số",
        WORDING,
        "Kết quả: Giỏi",
        "Lâm Bình, ngày 10 tháng 12 năm 2026",
        "GIÁM ĐỐC",
        "Hoàng Văn Thụ",
        "Kiểm tra giấy chứng nhận:",
        URL,
    ):
        assert expected in text


def test_certificate_is_one_a4_landscape_page():
    (page,) = _pages(render(_printed()))

    assert float(page.mediabox.width) == pytest.approx(841.89, abs=0.1)
    assert float(page.mediabox.height) == pytest.approx(595.28, abs=0.1)


def test_certificate_embeds_liberation_serif_and_names_no_other_font():
    (page,) = _pages(render(_printed()))

    fonts = [font.get_object() for font in page["/Resources"]["/Font"].values()]
    names = {str(font["/BaseFont"]).split("+", 1)[-1] for font in fonts}
    assert names == {"LiberationSerif", "LiberationSerif-Bold"}
    for font in fonts:
        assert "/FontFile2" in font["/FontDescriptor"].get_object()


def test_class_print_run_gives_each_holder_their_own_page():
    names = ["Lò Thị Mai", "Đặng Văn Ước", NAME]

    pages = _pages(render_many(_printed(holder_name=name) for name in names))

    assert len(pages) == 3
    for page, name in zip(pages, names, strict=True):
        text = _text(page)
        assert f"Ông/Bà: {name}" in text
        assert [other for other in names if other in text] == [name]


def test_empty_print_run_is_refused():
    with pytest.raises(ValueError, match="No certificate"):
        render_many([])


def test_empty_holder_details_leave_no_dangling_labels():
    shown = _text(_pages(render(_printed()))[0])
    empty = _printed(holder_birth="", holder_unit=" ", holder_role="")
    hidden = _text(_pages(render(empty))[0])

    for label in ("Ngày sinh:", "Đơn vị:", "Chức danh:"):
        assert label in shown
        assert label not in hidden


def test_result_line_needs_both_a_label_and_a_result():
    assert "Kết quả" not in _text(_pages(render(_printed(result="")))[0])
    assert "Giỏi" not in _text(_pages(render(_printed(result_label="")))[0])


def test_expiry_line_appears_only_with_an_expiry_date():
    lasting = _text(_pages(render(_printed()))[0])
    expiring = _text(_pages(render(_printed(expires_on=dt.date(2028, 12, 10))))[0])

    assert "Có giá trị đến ngày" not in lasting
    assert "Có giá trị đến ngày 10/12/2028" in expiring


def test_signature_image_is_embedded_as_an_image():
    (unsigned,) = _pages(render(_printed()))
    (signed,) = _pages(render(_printed(signature_image=_png(600, 240))))

    assert _images(unsigned) == []
    (image,) = _images(signed)
    assert (image["/Width"], image["/Height"]) == (600, 240)


def test_class_print_run_embeds_the_signature_once():
    signature = _png()
    people = (_printed(holder_name=name, signature_image=signature) for name in "ABC")

    reader = pypdf.PdfReader(io.BytesIO(render_many(people)))

    references = set()
    for page in reader.pages:
        for reference in page["/Resources"]["/XObject"].values():
            if reference.get_object()["/Subtype"] == "/Image":
                references.add(reference.idnum)
    assert len(reader.pages) == 3
    assert len(references) == 1


def _decoded_qr_codes(pdf: bytes) -> list[str]:
    """What a phone camera would read: the first page rasterised, then decoded."""
    document = pypdfium2.PdfDocument(pdf)
    image = document[0].render(scale=200 / 72).to_pil()
    return [code.text for code in zxingcpp.read_barcodes(image)]


@settings(max_examples=15, deadline=None, derandomize=True)
@given(
    path=st.text(
        alphabet="abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_",
        min_size=1,
        max_size=40,
    )
)
def test_the_printed_qr_code_reads_back_as_the_verify_url(path):
    url = f"https://lms.example.gov.vn/verify/{path}/"

    frozen = render(_printed(verify_url=url, qr=qr.encode(url)))
    preview = render(_printed(verify_url=url))

    assert _decoded_qr_codes(frozen) == [url]
    assert _decoded_qr_codes(preview) == [url]


def test_the_frozen_qr_bitmap_is_what_gets_printed():
    # A certificate prints the code frozen at issue, even if the address changed.
    printed_qr = qr.encode("https://old.example.vn/verify/abc/")
    pdf = render(
        _printed(verify_url="https://new.example.vn/verify/abc/", qr=printed_qr)
    )
    assert _decoded_qr_codes(pdf) == ["https://old.example.vn/verify/abc/"]


def test_a_qr_bitmap_survives_its_stored_text_form():
    bitmap = qr.encode(URL)
    assert qr.QrBitmap.from_text(bitmap.to_text()) == bitmap
    # The three finder patterns: dark corners, light just inside the ring.
    last = bitmap.size - 1
    for row, column in ((0, 0), (0, last), (last, 0)):
        assert bitmap.is_dark(row, column)
    assert not bitmap.is_dark(1, 1)


def test_a_certificate_prints_in_vietnamese_even_from_the_english_admin():
    with translation.override("en"):
        (page,) = _pages(render(_printed()))
    text = _text(page)
    assert f"Ông/Bà: {NAME}" in text
    assert "Ngày sinh: 12/03/1985" in text
    assert "Name:" not in text
