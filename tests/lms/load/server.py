"""The server: gunicorn as deploy/ runs it, against the test database."""

import os
import socket
import subprocess
import sys
import threading
import time
import uuid
from pathlib import Path

import redis
import requests
from django.conf import settings

from tests.lms.load import ROOT
from tests.worker import database_url


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class Server:
    """gunicorn as deploy/ runs it, on a loopback port, against the test database."""

    def __init__(self, var_dir: Path):
        self.port = _free_port()
        self.prefix = f"lms-load-{uuid.uuid4().hex[:12]}"
        self.log = var_dir / "gunicorn.log"
        (var_dir / "static").mkdir(parents=True)
        self.env = {
            **os.environ,
            "DJANGO_SETTINGS_MODULE": "tests.lms.load_settings",
            "SECRET_KEY": uuid.uuid4().hex * 2,
            "ALLOWED_HOSTS": "127.0.0.1",
            "DATABASE_URL": database_url(),
            "CACHE_URL": settings.TEST_BROKER_URL,
            "LMS_LOAD_CACHE_PREFIX": self.prefix,
            # No broker: a task would run inside the request. None is expected here.
            "CELERY_BROKER_URL": "",
            "LMS_VAR_DIR": str(var_dir),
            "STATIC_ROOT": str(var_dir / "static"),
            "TRUSTED_PROXY_COUNT": "1",
            "LOG_LEVEL": "ERROR",
            "GUNICORN_BIND": f"127.0.0.1:{self.port}",
            "GUNICORN_WORKERS": "2",
            "GUNICORN_ACCESS_LOG": "",
            "GUNICORN_CONTROL_SOCKET": "",
            "GUNICORN_LOG_LEVEL": "warning",
        }

    def __enter__(self) -> "Server":
        # As a deploy does before starting gunicorn: production links static files
        # by their hashed names, from the manifest collectstatic writes.
        subprocess.run(
            [sys.executable, "manage.py", "collectstatic", "--noinput", "-v", "0"],
            cwd=ROOT,
            env=self.env,
            check=True,
        )
        self.output = self.log.open("wb")
        self.process = subprocess.Popen(
            [sys.executable, "-m", "gunicorn", "-c", "deploy/gunicorn.conf.py"],
            cwd=ROOT,
            env=self.env,
            stdout=self.output,
            stderr=subprocess.STDOUT,
        )
        started = time.monotonic()
        while time.monotonic() - started < 60:
            assert self.process.poll() is None, f"gunicorn exited:\n{self.tail()}"
            try:
                socket.create_connection(("127.0.0.1", self.port), timeout=1).close()
                break
            except OSError:
                time.sleep(0.2)
        else:
            raise AssertionError(f"gunicorn did not listen in 60 s:\n{self.tail()}")
        self.warm_up()
        return self

    def warm_up(self) -> None:
        """Workers load the app after the socket opens: wait for both, off the clock."""
        statuses: list[int] = []

        def fetch() -> None:
            response = requests.get(
                f"http://127.0.0.1:{self.port}/accounts/login/",
                headers={"X-Forwarded-Proto": "https"},
                timeout=180,
            )
            statuses.append(response.status_code)

        threads = [threading.Thread(target=fetch) for _ in range(4)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        assert statuses == [200] * 4, f"warm-up got {statuses}:\n{self.tail()}"

    def __exit__(self, *exc) -> None:
        self.process.terminate()
        try:
            self.process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()
        self.output.close()
        store = redis.Redis.from_url(settings.TEST_BROKER_URL)
        keys = list(store.scan_iter(match=f"{self.prefix}:*", count=1000))
        for start in range(0, len(keys), 500):
            store.delete(*keys[start : start + 500])

    def tail(self, lines: int = 60) -> str:
        self.output.flush()
        return "\n".join(self.log.read_text(errors="replace").splitlines()[-lines:])
