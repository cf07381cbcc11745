"""An uploaded .xlsx opened so that no file can make openpyxl run away.

openpyxl parses through defusedxml's pure-Python parser at 20-80 µs an XML element,
keeps a row's elements in memory until the row ends, pads each row out to its last
cell's column (or to the width the sheet claims) and yields an empty row for every row
number skipped. A 100 KB zip can hold 50 MB of tiny elements, a cell in column XFD
on every row, or a row numbered two billion: hours of work or gigabytes of memory,
none of it stopped by the zip directory check. So before openpyxl parses anything,
one streaming pass with expat over every part of the package counts what openpyxl
would build (rows, strings, styles and other structure, the cells rows are padded
to), refuses DTDs (the entity bombs) and rows or columns beyond Excel's own limits
(check_package); then the first sheet is read with its stated size ignored
(first_sheet_rows). filled_rows does all of it and gives the non-empty rows.

Pure: no ORM. Both imports (rosters and question banks) read their sheet through here.
"""

import io
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any
from xml.parsers import expat

import openpyxl
from django.utils.translation import gettext as _

# Budgets by what openpyxl does with an element, each well above what a 10,000-row
# roster or a 2,000-question bank needs (10,000 rows of 14 columns: about 420,000
# elements, 140,000 strings) and, all together, under a minute and 300 MB even on a
# busy machine (a file just under every budget: 26 s and 63 MB on two loaded cores):
# - any element (counted at C speed first);
# - rows, 15-25 µs each, parsed in every sheet when the workbook opens;
# - strings (shared "si", inline "is"), some 60 µs each;
# - structure, anything but cell and string content (styles, defined names, merged
#   cells, validations...): up to 50 µs and 700 bytes each, kept for the whole read.
MAX_PARTS = 1_000
MAX_ELEMENTS = 1_000_000
MAX_ROWS = 200_000
MAX_STRINGS = 250_000
MAX_STRUCTURE = 100_000
MAX_PADDED_CELLS = 2_000_000
# Excel keeps a cell under 32,767 characters; a tag or text run with no ">" for a
# megabyte is not a spreadsheet (expat would buffer it whole, attributes and all).
MAX_BYTES_WITHOUT_TAG_END = 1 << 20
EXCEL_MAX_ROW = 1_048_576
EXCEL_MAX_COLUMN = 16_384
_CHUNK = 1 << 16


@dataclass(frozen=True)
class Formula:
    """A cell holding a formula: reported, never evaluated nor stored."""

    text: str


class WorkbookDamaged(Exception):
    """The package or the XML openpyxl needs cannot be read as a workbook."""


class TooManyRows(Exception):
    """More filled rows than the caller allows (filled_rows' `most`)."""


class WorkbookTooLarge(Exception):
    """The parts add up to more than the caller allows once inflated."""


class WorkbookTooComplex(Exception):
    """Perhaps readable, but beyond what an import may cost; `message` says so."""

    def __init__(self) -> None:
        self.message = _(
            "Tệp Excel có quá nhiều ô, dòng hoặc định dạng thừa. Hãy chép riêng bảng "
            "cần nhập sang một tệp Excel mới rồi tải lên."
        )
        super().__init__(self.message)


def _check_row_number(text: str) -> None:
    # openpyxl accepts "7", "7.0" and "7e0"; Excel writes none beyond its last row.
    try:
        value = float(text)
    except ValueError as exc:
        raise WorkbookDamaged(text[:20]) from exc
    if not (value.is_integer() and 1 <= value <= EXCEL_MAX_ROW):
        raise WorkbookDamaged(text[:20])


_COLUMNS: dict[str, int] = {}


def _column_number(reference: str) -> int:
    """The column of a cell reference ("B7" → 2); openpyxl judges the row part."""
    letters = reference.rstrip("0123456789").replace("$", "")
    column = _COLUMNS.get(letters)
    if column is None:
        if not (1 <= len(letters) <= 3 and letters.isascii() and letters.isalpha()):
            raise WorkbookDamaged(reference[:20])
        column = 0
        for letter in letters.upper():
            column = column * 26 + ord(letter) - ord("A") + 1
        if column > EXCEL_MAX_COLUMN:
            raise WorkbookDamaged(reference[:20])
        _COLUMNS[letters] = column
    return column


def _count_tags(archive: zipfile.ZipFile, parts: list[zipfile.ZipInfo]) -> None:
    # At C speed, before any parser runs: a tag bomb is refused in a fraction of a
    # second. "<" less "</" counts every element once (and a little more).
    tags = 0
    for info in parts:
        with archive.open(info) as stream:
            while chunk := stream.read(_CHUNK):
                tags += chunk.count(b"<") - chunk.count(b"</")
                if tags > MAX_ELEMENTS:
                    raise WorkbookTooComplex


# Elements of cell and string content, not structure ("row", "c", "si" and "is" have
# budgets of their own).
_CONTENT = frozenset(
    {"v", "f", "t", "r", "rPr", "rPh", "phoneticPr", "b", "i", "u", "sz", "color"}
    | {"rFont", "family", "charset", "scheme", "vertAlign", "strike", "outline"}
    | {"shadow", "condense", "extend"}
)


class _Scan:
    """What openpyxl will build, counted over every part with expat (no tree)."""

    def __init__(self) -> None:
        self.rows = self.strings = self.structure = self.padded_cells = 0
        self._row_width = 0
        self._column = 0

    def part(self, stream) -> None:
        parser = expat.ParserCreate()
        parser.StartElementHandler = self._start
        parser.StartDoctypeDeclHandler = self._doctype
        without_tag_end = 0
        try:
            while chunk := stream.read(_CHUNK):
                if b">" in chunk:
                    without_tag_end = 0
                else:
                    without_tag_end += len(chunk)
                    if without_tag_end > MAX_BYTES_WITHOUT_TAG_END:
                        raise WorkbookTooComplex
                parser.Parse(chunk, False)
            parser.Parse(b"", True)
        except expat.ExpatError:
            # Not XML (an image) or broken XML: openpyxl fails on the parts it needs,
            # at the same byte, having parsed no more than was counted here.
            pass
        self._end_row()

    def _doctype(self, *_args) -> None:
        raise WorkbookDamaged("DOCTYPE")  # OOXML has none; entity bombs need one

    def _end_row(self) -> None:
        # openpyxl pads a row with empty cells up to its last cell's column.
        self.padded_cells += self._row_width
        self._row_width = self._column = 0
        if self.padded_cells > MAX_PADDED_CELLS:
            raise WorkbookTooComplex

    def _start(self, name: str, attributes: dict[str, str]) -> None:
        local = name.rpartition(":")[2] if ":" in name else name
        if local == "c":
            reference = attributes.get("r")
            self._column = _column_number(reference) if reference else self._column + 1
            if self._column > self._row_width:
                self._row_width = self._column
        elif local == "row":
            self._end_row()
            if "r" in attributes:
                _check_row_number(attributes["r"])
            self.rows += 1
            if self.rows > MAX_ROWS:
                raise WorkbookTooComplex
        elif local == "si" or local == "is":
            self.strings += 1
            if self.strings > MAX_STRINGS:
                raise WorkbookTooComplex
        elif local not in _CONTENT:
            self.structure += 1
            if self.structure > MAX_STRUCTURE:
                raise WorkbookTooComplex


def check_package(data: bytes, *, max_uncompressed: int) -> None:
    """Raise WorkbookTooLarge, WorkbookTooComplex or WorkbookDamaged unless openpyxl
    may open `data`. Cheapest checks first: nothing is inflated before the directory
    says the parts fit in `max_uncompressed` bytes."""
    # zipfile reads its directory at some 30 µs an entry and every entry starts with
    # this signature: count them at C speed first (5 MB can list 100,000 entries).
    if data.count(b"PK\x01\x02") > MAX_PARTS:
        raise WorkbookTooComplex
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            parts = archive.infolist()
            if sum(info.file_size for info in parts) > max_uncompressed:
                raise WorkbookTooLarge
            _count_tags(archive, parts)
            scan = _Scan()
            for info in parts:
                with archive.open(info) as stream:
                    scan.part(stream)
    except (WorkbookDamaged, WorkbookTooComplex, WorkbookTooLarge):
        raise
    except Exception as exc:  # zipfile, zlib and struct raise many kinds on bad bytes
        raise WorkbookDamaged(type(exc).__name__) from exc


def first_sheet_rows(workbook) -> Iterator[tuple[int, tuple[Any, ...]]]:
    """(row number, cells) of a read-only workbook's first worksheet (opened after
    check_package), numbered as in the sheet, rows without cells left out. Raises
    WorkbookDamaged when the sheet turns out broken while it is read."""
    if not workbook.worksheets:
        raise WorkbookDamaged("no worksheet")
    sheet = workbook.worksheets[0]
    # The stated size may lie ("A1:XFD1048576"): openpyxl would pad each row to it.
    sheet.reset_dimensions()
    rows = sheet.iter_rows()
    number = 0
    while True:
        try:
            cells = next(rows)
        except StopIteration:
            return
        except Exception as exc:  # openpyxl, expat, zipfile, zlib: many kinds
            raise WorkbookDamaged(type(exc).__name__) from exc
        number += 1
        if cells:  # a skipped row number comes as an empty row: 10⁶ of them, cheaply
            yield number, cells


def filled_rows(
    data: bytes, *, max_uncompressed: int, most: int
) -> list[tuple[int, list[object]]]:
    """The first sheet's non-empty rows as (sheet row number, cell values), a formula
    cell as a Formula (never evaluated). Raises WorkbookTooLarge, WorkbookTooComplex,
    WorkbookDamaged (whatever openpyxl raises on bad bytes included) and, past `most`
    filled rows, TooManyRows."""
    check_package(data, max_uncompressed=max_uncompressed)
    try:
        workbook = openpyxl.load_workbook(
            io.BytesIO(data), read_only=True, data_only=False
        )
    except Exception as exc:  # openpyxl's many kinds
        raise WorkbookDamaged(type(exc).__name__) from exc
    try:
        rows: list[tuple[int, list[object]]] = []
        for number, cells in first_sheet_rows(workbook):
            values = [
                Formula(str(cell.value))
                if getattr(cell, "data_type", None) == "f"
                else cell.value
                for cell in cells
            ]
            if any(value not in (None, "") for value in values):
                rows.append((number, values))
                if len(rows) > most:
                    raise TooManyRows
        return rows
    finally:
        workbook.close()
