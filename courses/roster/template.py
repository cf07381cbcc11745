"""The canonical roster template organisers can download and fill in."""

import io

import openpyxl
from django.utils.translation import gettext as _
from openpyxl.styles import Font

TEMPLATE_HEADERS = (
    "STT",
    "Họ và tên",
    "Giới tính",
    "Ngày sinh",
    "Số điện thoại",
    "Số CCCD",
    "Dân tộc",
    "Chức danh",
    "Đơn vị",
    "Thôn/Bản",
    "Xã/Phường",
    "Tỉnh/Thành phố",
    "Ghi chú",
)
# Phone, ID and birth are text columns: Excel must not drop their leading zeros.
_TEXT_COLUMNS = ("D", "E", "F")
_EXAMPLE = (
    1,
    "Ma Thị Hoà",
    "Nữ",
    "05/03/1985",
    "0912345678",
    "",
    "Tày",
    "CTV dân số",
    "",
    "Thôn Nà Chang",
    "Xã Lâm Bình",
    "Tuyên Quang",
    "",
)


def template_workbook() -> bytes:
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.title = _("Danh sách học viên")
    sheet.append(TEMPLATE_HEADERS)
    sheet.append(_EXAMPLE)
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    for column in _TEXT_COLUMNS:
        for cell in sheet[column]:
            cell.number_format = "@"
    sheet.column_dimensions["B"].width = 28
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()
