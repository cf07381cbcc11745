"""Probes used by the test settings and fixtures to find the real services."""

import socket
from urllib.parse import urlsplit


def _port_open(url: str, default_port: int) -> bool:
    parts = urlsplit(url)
    try:
        with socket.create_connection(
            (parts.hostname or "127.0.0.1", parts.port or default_port), timeout=1
        ):
            return True
    except OSError:
        return False


def postgres_reachable(url: str) -> bool:
    return url.startswith(("postgres://", "postgresql://")) and _port_open(url, 5432)


def redis_reachable(url: str) -> bool:
    return url.startswith("redis://") and _port_open(url, 6379)


def test_database_is_intact() -> bool:
    """Whether the reusable test database still holds Wagtail's root page."""
    from django.conf import settings

    db = settings.DATABASES["default"]
    name = db.get("TEST", {}).get("NAME")
    query = "SELECT COUNT(*) FROM wagtailcore_page WHERE depth = 1"
    try:
        if db["ENGINE"].endswith("sqlite3"):
            import sqlite3

            with sqlite3.connect(f"file:{name}?mode=ro", uri=True) as conn:
                return conn.execute(query).fetchone()[0] > 0
        import psycopg

        with psycopg.connect(
            dbname=name,
            user=db.get("USER") or "postgres",
            host=db.get("HOST") or "127.0.0.1",
            port=db.get("PORT") or 5432,
            password=db.get("PASSWORD") or None,
            connect_timeout=3,
        ) as conn:
            return conn.execute(query).fetchone()[0] > 0
    except Exception:
        return False
