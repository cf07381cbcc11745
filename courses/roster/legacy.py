"""Legacy Vietnamese font encodings still found in rosters: TCVN3 (.VnTime) and VNI.

Text typed in those fonts reaches us as Latin-1 look-alikes ("NguyÔn ThÞ Hoµ" is
"Nguyễn Thị Hoà" in TCVN3). TCVN3 is converted; VNI is only recognised, and the file
is refused with the way to fix it: its marks follow the letter as separate characters,
and guessing them wrong would store mojibake.

Pure functions; the TCVN3 table is written here from TCVN 5712:1993 (VN3).
"""

import re

# TCVN 5712:1993, table VN3: one byte per letter. Capital letters with a tone are not
# in VN3: .VnTimeH fonts draw the lower-case codes as capitals.
_TCVN3_BYTES = {
    0xA1: "Ă", 0xA2: "Â", 0xA3: "Ê", 0xA4: "Ô", 0xA5: "Ơ", 0xA6: "Ư", 0xA7: "Đ",
    0xA8: "ă", 0xA9: "â", 0xAA: "ê", 0xAB: "ô", 0xAC: "ơ", 0xAD: "ư", 0xAE: "đ",
    0xB5: "à", 0xB6: "ả", 0xB7: "ã", 0xB8: "á", 0xB9: "ạ",
    0xBB: "ằ", 0xBC: "ẳ", 0xBD: "ẵ", 0xBE: "ắ", 0xC6: "ặ",
    0xC7: "ầ", 0xC8: "ẩ", 0xC9: "ẫ", 0xCA: "ấ", 0xCB: "ậ",
    0xCC: "è", 0xCE: "ẻ", 0xCF: "ẽ", 0xD0: "é", 0xD1: "ẹ",
    0xD2: "ề", 0xD3: "ể", 0xD4: "ễ", 0xD5: "ế", 0xD6: "ệ",
    0xD7: "ì", 0xD8: "ỉ", 0xDC: "ĩ", 0xDD: "í", 0xDE: "ị",
    0xDF: "ò", 0xE1: "ỏ", 0xE2: "õ", 0xE3: "ó", 0xE4: "ọ",
    0xE5: "ồ", 0xE6: "ổ", 0xE7: "ỗ", 0xE8: "ố", 0xE9: "ộ",
    0xEA: "ờ", 0xEB: "ở", 0xEC: "ỡ", 0xED: "ớ", 0xEE: "ợ",
    0xEF: "ù", 0xF1: "ủ", 0xF2: "ũ", 0xF3: "ú", 0xF4: "ụ",
    0xF5: "ừ", 0xF6: "ử", 0xF7: "ữ", 0xF8: "ứ", 0xF9: "ự",
    0xFA: "ỳ", 0xFB: "ỷ", 0xFC: "ỹ", 0xFD: "ý", 0xFE: "ỵ",
}  # fmt: skip

# Excel shows those bytes through the Western code page, so a cell holds chr(byte).
TCVN3_TO_UNICODE = {chr(byte): letter for byte, letter in _TCVN3_BYTES.items()}

# Latin-1 letters that are also genuine Vietnamese letters in Unicode.
_VIETNAMESE_LATIN1 = set("ÀÁÂÃÈÉÊÌÍÒÓÔÕÙÚÝàáâãèéêìíòóôõùúý")

# VNI Windows: a base letter followed by mark characters (tone, hat, breve, horn),
# đ as ñ, ư as ö, ơ as ô, ị as ò and so on.
_VNI_MARKS = "ùøûõïáàåãäéèúüëâêôöÙØÛÕÏÁÀÅÃÄÉÈÚÜËÂÊÔÖ"
_VNI_ONLY = set("øûïåäëüöñæîØÛÏÅÄËÜÖÑÆÎ")
_VNI_PATTERN = re.compile(rf"[aeiouyAEIOUY][{_VNI_MARKS}]|(?:^|\s)[ñÑ]")

# TCVN3 characters no Unicode Vietnamese text and no VNI text contains.
_TCVN3_ONLY = set(TCVN3_TO_UNICODE) - _VIETNAMESE_LATIN1 - _VNI_ONLY - set(_VNI_MARKS)
# A cell looks TCVN3 or VNI only if it holds one of these (see looks_tcvn3, looks_vni).
_LEGACY_ONLY = re.compile(f"[{re.escape(''.join(sorted(_TCVN3_ONLY | _VNI_ONLY)))}]")
_UNICODE_VIETNAMESE = re.compile(r"[^\x00-\xff\u2018-\u201e\u2020-\u2122\u0152\u0153]")


class Unconvertible(ValueError):
    """Legacy-looking text with characters that have no TCVN3 meaning."""


def has_unicode_vietnamese(text: str) -> bool:
    """Letters beyond Latin-1 (ạ, ư, ễ ...): the text is already Unicode."""
    return bool(_UNICODE_VIETNAMESE.search(text))


def looks_tcvn3(text: str) -> bool:
    return not has_unicode_vietnamese(text) and any(ch in _TCVN3_ONLY for ch in text)


def looks_vni(text: str) -> bool:
    if has_unicode_vietnamese(text) or looks_tcvn3(text):
        return False
    return bool(_VNI_PATTERN.search(text)) and any(ch in _VNI_ONLY for ch in text)


def detect_encoding(texts: list[str]) -> str:
    """'tcvn3', 'vni' or 'unicode' for the text cells of one file."""
    # Most files are Unicode: when no cell holds a character that either check below
    # needs, both are false for every cell. One search of the whole text instead of two
    # checks per cell: 2 ms instead of 55 for 10,000 rows, most of reading a CSV.
    if not _LEGACY_ONLY.search("\n".join(texts)):
        return "unicode"
    tcvn3 = sum(looks_tcvn3(text) for text in texts)
    vni = sum(looks_vni(text) for text in texts)
    if tcvn3 and tcvn3 >= vni:
        return "tcvn3"
    if vni:
        return "vni"
    return "unicode"


def _restore_capitals(word: str) -> str:
    letters = [ch for ch in word if ch.isascii() and ch.isalpha()]
    if len(letters) >= 2 and all(ch.isupper() for ch in letters):
        return word.upper()
    return word


def tcvn3_to_unicode(text: str) -> str:
    """Unicode text from TCVN3 look-alikes; raises Unconvertible on stray bytes."""
    converted = []
    for ch in text:
        if ch in TCVN3_TO_UNICODE:
            converted.append(TCVN3_TO_UNICODE[ch])
        elif "\x80" <= ch <= "\xff" and ch not in _VIETNAMESE_LATIN1:
            raise Unconvertible(text)
        else:
            converted.append(ch)
    # A word typed in .VnTimeH (the capitals font) comes back in lower case.
    return " ".join(_restore_capitals(word) for word in "".join(converted).split(" "))
