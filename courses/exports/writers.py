"""Streaming CSV and XLSX writers for typed rows (str, int, Decimal, date, None).

A cell starting with = + - @ tab or CR is text, never a formula: CSV gets a leading
apostrophe (what Excel itself shows for forced text); XLSX gets a string cell.
"""

import codecs
import csv
import datetime as dt
import io
from collections.abc import Callable, Iterable, Sequence
from decimal import Decimal
from typing import BinaryIO

import xlsxwriter

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
_DANGER = frozenset(FORMULA_STARTS)
PROGRESS_EVERY = 1000
DATE_FORMAT = "dd/mm/yyyy"

Progress = Callable[[int], None] | None


def safe_text(text: str) -> str:
    """Text that a spreadsheet will not run as a formula."""
    return "'" + text if text.startswith(FORMULA_STARTS) else text


def vnd(amount: Decimal | int) -> str:
    """Money as Vietnamese write it: 1.234.567."""
    return f"{int(amount):,}".replace(",", ".")


def _csv_cell(value) -> str | int:
    kind = type(value)
    if kind is str:
        return "'" + value if value.startswith(FORMULA_STARTS) else value
    if value is None:
        return ""
    if kind is int:
        return value
    if kind is dt.date:
        return f"{value.day:02d}/{value.month:02d}/{value.year}"
    if kind is Decimal:
        # 2.5 days, 150000 đồng: a decimal comma is what a Vietnamese Excel reads.
        return str(value.normalize() if value % 1 else int(value)).replace(".", ",")
    return str(value)


def write_csv(
    header: Sequence[str],
    rows: Iterable[Sequence],
    out: BinaryIO,
    progress: Progress = None,
) -> int:
    """UTF-8 with BOM so Excel opens Vietnamese correctly; returns rows written."""
    out.write(codecs.BOM_UTF8)
    text = io.TextIOWrapper(out, encoding="utf-8", newline="", write_through=False)
    writer = csv.writer(text)
    writer.writerow([safe_text(h) for h in header])
    # Inline type tests, not a call per cell: this loop runs once per cell.
    danger, date, dates = _DANGER, dt.date, {}
    done = 0
    chunk: list[list] = []
    for row in rows:
        chunk.append(
            [
                (("'" + v) if v[:1] in danger else v)
                if (kind := type(v)) is str
                else v
                if kind is int or v is None
                else (dates.get(v) or dates.setdefault(v, _csv_cell(v)))
                if kind is date
                else _csv_cell(v)
                for v in row
            ]
        )
        done += 1
        if done % PROGRESS_EVERY == 0:
            writer.writerows(chunk)
            chunk.clear()
            if progress:
                progress(done)
    writer.writerows(chunk)
    text.flush()
    text.detach()  # leave `out` open for the caller
    if progress and done % PROGRESS_EVERY:
        progress(done)
    return done


def write_xlsx(
    header: Sequence[str],
    rows: Iterable[Sequence],
    out: BinaryIO,
    progress: Progress = None,
    *,
    sheet_name: str = "Danh sách",
) -> int:
    """Typed cells, frozen header, autofilter; constant memory: rows go to disk."""
    workbook = xlsxwriter.Workbook(out, {"constant_memory": True, "in_memory": False})
    worksheet = workbook.add_worksheet(sheet_name[:31])
    bold = workbook.add_format({"bold": True, "text_wrap": True, "valign": "top"})
    date_format = workbook.add_format({"num_format": DATE_FORMAT})
    number_format = workbook.add_format({"num_format": "#,##0"})
    decimal_format = workbook.add_format({"num_format": "#,##0.0"})
    for col, title in enumerate(header):
        worksheet.write_string(0, col, str(title), bold)
    worksheet.freeze_panes(1, 0)
    for col, title in enumerate(header):
        worksheet.set_column(col, col, max(8, min(40, len(str(title)) + 2)))

    write_string = worksheet.write_string
    write_number = worksheet.write_number
    write_datetime = worksheet.write_datetime
    done = 0
    for done, row in enumerate(rows, start=1):
        for col, value in enumerate(row):
            kind = type(value)
            if kind is str:
                write_string(done, col, value)
            elif value is None:
                continue
            elif kind is int:
                write_number(done, col, value)
            elif kind is dt.date:
                write_datetime(done, col, value, date_format)
            elif kind is Decimal:
                write_number(
                    done, col, value, decimal_format if value % 1 else number_format
                )
            else:
                write_string(done, col, str(value))
        if done % PROGRESS_EVERY == 0 and progress:
            progress(done)
    if progress and done % PROGRESS_EVERY:
        progress(done)
    worksheet.autofilter(0, 0, max(done, 1), max(len(header) - 1, 0))
    workbook.close()
    return done
