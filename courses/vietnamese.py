"""Vietnamese text rules: NFC storage, diacritic folding, name order and sort keys.

Pure functions, no ORM: the same rules serve forms, imports, search and exports.
"""

import unicodedata
from collections.abc import Callable
from functools import cache

import icu


def nfc(text: str) -> str:
    """Text as it must be stored: NFC, collapsed spaces, trimmed."""
    return " ".join(unicodedata.normalize("NFC", text).split())


def nfc_text(text: str) -> str:
    """Multi-line text as it must be stored: NFC, each line trimmed, lines kept."""
    lines = unicodedata.normalize("NFC", text).replace("\r\n", "\n").split("\n")
    return "\n".join(line.strip() for line in lines).strip()


def fold(text: str) -> str:
    """Lower-case text without diacritics: 'Hoà', 'Hòa' and 'hoa' fold alike."""
    # NFD stripping leaves đ/Đ alone (it is a letter, not a d with a mark). Replaced,
    # not str.translate()d: that looks each character up in a dict and took half the
    # time of folding a name (a 10,000-row roster folds 20,000).
    text = text.replace("đ", "d").replace("Đ", "D")
    decomposed = unicodedata.normalize("NFD", text)
    stripped = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return " ".join(stripped.casefold().split())


def given_name(full_name: str) -> str:
    """The given name (tên) is the last word of a Vietnamese full name."""
    words = nfc(full_name).split(" ")
    return words[-1] if words else ""


@cache
def _collator() -> icu.Collator:
    return icu.Collator.createInstance(icu.Locale("vi_VN"))


def sort_key(text: str) -> bytes:
    """Vietnamese alphabet order (a ă â b c d đ e ê ...), unlike Python's default."""
    return bytes(_collator().getSortKey(nfc(text)))


def name_sort_key(full_name: str) -> tuple[bytes, bytes, bytes]:
    """Sort by given name, then middle names, then family name, in Vietnamese order."""
    words = nfc(full_name).split(" ")
    if len(words) == 1:
        return (sort_key(words[0]), b"", b"")
    return (
        sort_key(words[-1]),
        sort_key(" ".join(words[1:-1])),
        sort_key(words[0]),
    )


def sorted_by_name[T](items: list[T], *, key: Callable[[T], str]) -> list[T]:
    """Items sorted by a Vietnamese full name taken from each with `key`."""
    return sorted(items, key=lambda item: name_sort_key(key(item)))
