"""Rotating check-in codes for a session's QR screen, pure: no database, no clock.

A code is an HMAC of the session id and a 30-second window, so the server keeps no
state to check it, a photo of the screen goes stale within a minute, and a code
copied from one session's screen is worth nothing at another.
"""

import datetime as dt
import hashlib
import hmac

import qrcode
import qrcode.image.svg
from django.conf import settings

WINDOW_SECONDS = 30
CODE_LENGTH = 10
# How far back a code is still recognised as this session's, to say "expired"
# rather than "wrong session": a whole day of windows.
EXPIRED_LOOKBACK_WINDOWS = 24 * 60 * 60 // WINDOW_SECONDS

MORNING_START = dt.time(7, 30)
AFTERNOON_START = dt.time(13, 30)


def window_of(now: dt.datetime) -> int:
    return int(now.timestamp()) // WINDOW_SECONDS


def seconds_left(now: dt.datetime) -> int:
    """Seconds until the code on screen changes."""
    return WINDOW_SECONDS - int(now.timestamp()) % WINDOW_SECONDS


def code_for(session_id: int, window: int, *, secret: str | None = None) -> str:
    key = (secret if secret is not None else settings.SECRET_KEY).encode()
    message = f"qr-check-in:{session_id}:{window}".encode()
    return hmac.new(key, message, hashlib.sha256).hexdigest()[:CODE_LENGTH]


def current_code(
    session_id: int, now: dt.datetime, *, secret: str | None = None
) -> str:
    return code_for(session_id, window_of(now), secret=secret)


def verify(
    code: str, session_id: int, now: dt.datetime, *, secret: str | None = None
) -> int | None:
    """The window the code belongs to if it is this session's current or previous
    code (a scan just after the screen changed still counts), else None."""
    window = window_of(now)
    for candidate in (window, window - 1):
        if hmac.compare_digest(code_for(session_id, candidate, secret=secret), code):
            return candidate
    return None


def is_expired(
    code: str, session_id: int, now: dt.datetime, *, secret: str | None = None
) -> bool:
    """Whether the code was this session's earlier today: stale, not forged."""
    window = window_of(now)
    return any(
        hmac.compare_digest(code_for(session_id, window - age, secret=secret), code)
        for age in range(2, EXPIRED_LOOKBACK_WINDOWS)
    )


def scheduled_start(part: str, starts_at: dt.time | None) -> dt.time:
    """When a session starts: its own time, else 07:30 mornings and 13:30 afternoons."""
    if starts_at is not None:
        return starts_at
    return AFTERNOON_START if part == "afternoon" else MORNING_START


def is_late(
    *,
    held_on: dt.date,
    part: str,
    starts_at: dt.time | None,
    late_after_minutes: int,
    at: dt.datetime,
) -> bool:
    """Whether a check-in at `at` (aware, local time) is after the grace period."""
    start = dt.datetime.combine(held_on, scheduled_start(part, starts_at), at.tzinfo)
    return at > start + dt.timedelta(minutes=late_after_minutes)


def svg(data: str) -> str:
    """An inline SVG QR code, drawn here: no image service sees the URL."""
    image = qrcode.make(
        data, image_factory=qrcode.image.svg.SvgPathImage, box_size=10, border=2
    )
    return image.to_string(encoding="unicode")
