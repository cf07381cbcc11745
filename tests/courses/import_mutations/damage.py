"""Byte-level damage, and zips rewritten part by part or field by field."""

import io
import random
import struct
import zipfile
import zlib
from collections.abc import Callable


def truncated(data: bytes, rnd: random.Random) -> bytes:
    return data[: rnd.randrange(len(data))]


def flipped(data: bytes, rnd: random.Random, flips: int) -> bytes:
    damaged = bytearray(data)
    for _ in range(flips):
        damaged[rnd.randrange(len(damaged))] ^= rnd.randrange(1, 256)
    return bytes(damaged)


def inserted(data: bytes, rnd: random.Random) -> bytes:
    at = rnd.randrange(len(data) + 1)
    return data[:at] + rnd.randbytes(rnd.randint(1, 64)) + data[at:]


def deleted(data: bytes, rnd: random.Random) -> bytes:
    at = rnd.randrange(len(data))
    return data[:at] + data[at + rnd.randint(1, 256) :]


BYTE_DAMAGE: dict[str, Callable[[bytes, random.Random], bytes]] = {
    "truncated": truncated,
    "flipped": lambda data, rnd: flipped(data, rnd, rnd.randint(1, 12)),
    "inserted": inserted,
    "deleted": deleted,
}


def rezipped(data: bytes, change: Callable[[str, bytes], bytes | None]) -> bytes:
    """The same package with each part passed through `change` (None drops it);
    the zip itself stays valid, so the damage reaches the XML parser."""
    source = zipfile.ZipFile(io.BytesIO(data))
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for info in source.infolist():
            content = change(info.filename, source.read(info.filename))
            if content is not None:
                archive.writestr(info.filename, content)
    return buffer.getvalue()


def first_sheet_changed(data: bytes, change: Callable[[bytes], bytes]) -> bytes:
    return rezipped(
        data,
        lambda name, content: (
            change(content) if name == "xl/worksheets/sheet1.xml" else content
        ),
    )


def raw_zip(members: list[tuple[str, bytes, int, int, int]]) -> bytes:
    """A zip written field by field: (name, stored bytes, method, CRC, size claimed)."""
    local, central = bytearray(), bytearray()
    for name, payload, method, crc, size in members:
        encoded = name.encode()
        offset = len(local)
        local += struct.pack(
            "<4s5H3L2H",
            b"PK\x03\x04",
            20,
            0,
            method,
            0,
            0x21,
            crc,
            len(payload),
            size,
            len(encoded),
            0,
        )
        local += encoded + payload
        central += struct.pack(
            "<4s6H3L5H2L",
            b"PK\x01\x02",
            20,
            20,
            0,
            method,
            0,
            0x21,
            crc,
            len(payload),
            size,
            len(encoded),
            0,
            0,
            0,
            0,
            0,
            offset,
        )
        central += encoded
    end = struct.pack(
        "<4s4H2LH",
        b"PK\x05\x06",
        0,
        0,
        len(members),
        len(members),
        len(central),
        len(local),
        0,
    )
    return bytes(local + central + end)


def deflated_repeats(
    chunk: bytes, times: int, *, head: bytes = b"", tail: bytes = b""
) -> bytes:
    """Raw deflate of head, `times` copies of chunk, tail, made without inflating:
    after a full flush a compressor starts afresh, so one block serves every copy."""

    def block(data: bytes, end: int) -> bytes:
        compressor = zlib.compressobj(9, zlib.DEFLATED, -15)
        return compressor.compress(data) + compressor.flush(end)

    return (
        block(head, zlib.Z_FULL_FLUSH)
        + block(chunk, zlib.Z_FULL_FLUSH) * times
        + block(tail, zlib.Z_FINISH)
    )
