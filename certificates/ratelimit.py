"""A fixed-window request counter per client address, kept in the cache."""

import time

from django.conf import settings
from django.core.cache import cache
from django.http import HttpRequest


def client_ip(request: HttpRequest) -> str:
    """The caller's address; behind N trusted proxies, the one they saw."""
    hops = settings.TRUSTED_PROXY_COUNT
    if hops:
        forwarded = [
            part.strip()
            for part in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")
            if part.strip()
        ]
        if len(forwarded) >= hops:
            return forwarded[-hops]
    return request.META.get("REMOTE_ADDR", "")


def is_over_limit(request: HttpRequest, *, scope: str, limit: int, window: int) -> bool:
    """Count this request; True once the address passed `limit` in this window."""
    key = f"rate:{scope}:{client_ip(request)}:{int(time.time()) // window}"
    if cache.add(key, 1, timeout=window + 1):
        return False
    try:
        return cache.incr(key) > limit
    except ValueError:  # expired between add and incr
        cache.add(key, 1, timeout=window + 1)
        return False
