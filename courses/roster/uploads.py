"""Uploaded rosters kept between preview and confirm, and purged when left behind.

Files live in the private storage under `roster-uploads/`, named by a random token
the uploader's session holds. Nothing else points at them: a preview never confirmed
leaves a file that `purge_stale_uploads` removes once it is an hour old.
"""

import datetime as dt
import secrets

from django.core.files.base import ContentFile
from django.core.files.storage import storages
from django.utils import timezone

UPLOAD_DIR = "roster-uploads"
MAX_AGE = dt.timedelta(hours=1)


def _storage():
    # Uploads awaiting confirmation hold personal data: the private storage has no URL.
    return storages["private"]


def _path(token: str) -> str:
    if not token.isalnum():
        raise ValueError("bad token")
    return f"{UPLOAD_DIR}/{token}"


def keep_upload(data: bytes) -> str:
    """Store the bytes; return the token that finds them again."""
    token = secrets.token_hex(16)
    _storage().save(_path(token), ContentFile(data))
    return token


def read_upload(token: str) -> bytes | None:
    try:
        path = _path(token)
    except ValueError:
        return None
    if not _storage().exists(path):
        return None
    with _storage().open(path, "rb") as stored:
        return stored.read()


def discard_upload(token: str) -> None:
    try:
        _storage().delete(_path(token))
    except ValueError:
        return


def purge_stale_uploads(*, now: dt.datetime | None = None) -> int:
    """Delete uploads older than MAX_AGE; return how many went."""
    now = now or timezone.now()
    try:
        _dirs, files = _storage().listdir(UPLOAD_DIR)
    except FileNotFoundError:
        return 0
    purged = 0
    for name in files:
        path = f"{UPLOAD_DIR}/{name}"
        if now - _storage().get_modified_time(path) > MAX_AGE:
            _storage().delete(path)
            purged += 1
    return purged
