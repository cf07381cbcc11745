"""Keep the Vietnamese catalogue an exact copy of the (Vietnamese) source strings.

`python -m lms.i18n_tools fill-vi locale/vi/LC_MESSAGES/django.po` is run by
`make catalogues` after `makemessages`: every entry's msgstr becomes its msgid and no
entry stays fuzzy, so a changed source string can never show stale text.
"""

import re
import sys
from pathlib import Path

_KEYWORD = re.compile(r"^(msgid|msgid_plural|msgstr(?:\[\d+\])?|msgctxt) ")


def _fields(lines: list[str]) -> dict[str, list[str]]:
    """Field name -> its string lines (continuations included) for one entry."""
    fields: dict[str, list[str]] = {}
    current = None
    for line in lines:
        match = _KEYWORD.match(line)
        if match:
            current = match.group(1)
            fields[current] = [line[match.end() :]]
        elif current and line.startswith('"'):
            fields[current].append(line)
    return fields


def fill_entry(block: str) -> str:
    lines = block.split("\n")
    fields = _fields(lines)
    if fields.get("msgid") == ['""'] and "msgctxt" not in fields:
        return block.replace("#, fuzzy\n", "", 1)  # the header
    comments = [
        line
        for line in lines
        if line.startswith("#") and not line.startswith(("#|", "#~"))
    ]
    comments = [
        re.sub(r",? ?fuzzy", "", line) if line.startswith("#,") else line
        for line in comments
    ]
    comments = [line for line in comments if line.strip() not in ("#,", "#")]
    out = list(comments)
    if "msgctxt" in fields:
        out += _emit("msgctxt", fields["msgctxt"])
    out += _emit("msgid", fields["msgid"])
    if "msgid_plural" in fields:
        out += _emit("msgid_plural", fields["msgid_plural"])
        out += _emit("msgstr[0]", fields["msgid"])
    else:
        out += _emit("msgstr", fields["msgid"])
    return "\n".join(out)


def _emit(keyword: str, value: list[str]) -> list[str]:
    return [f"{keyword} {value[0]}", *value[1:]]


def fill_vi(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    blocks = [b for b in text.strip().split("\n\n") if not b.lstrip().startswith("#~")]
    path.write_text("\n\n".join(fill_entry(b) for b in blocks) + "\n", encoding="utf-8")


if __name__ == "__main__":
    if len(sys.argv) != 3 or sys.argv[1] != "fill-vi":
        sys.exit("usage: python -m lms.i18n_tools fill-vi PATH")
    fill_vi(Path(sys.argv[2]))
