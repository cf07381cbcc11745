"""Page-serving benchmarks, all measured in one run against one gunicorn server.

- lesson_page_anon_vs_bare_django: an anonymous visitor's lesson page (whole-page
  cache) against a bare Django view on the same server; target >= 0.8.
- lesson_page_trainee_vs_bare_wagtail: a signed-in trainee's lesson page against a
  bare Wagtail page (stock `Page`, stock routing) on the same server; target >= 2.
- lesson_page_queries: queries for a trainee's lesson page rendered by Wagtail (page
  cache empty) in a 40-lesson course; baseline the same in a 5-lesson course; <= 8.
"""

import http.client
import os
import re
import socket
import subprocess
import sys
import tempfile
import threading
import time
from http.cookies import SimpleCookie
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SECONDS = float(os.environ.get("BENCH_SECONDS", "6"))
CONCURRENCY = int(os.environ.get("BENCH_CONCURRENCY", "4"))
MAX_REQUESTS = 200_000  # bounded load, whatever the duration


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _request(port: int, path: str, headers: dict[str, str]) -> int:
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
    try:
        connection.request("GET", path, headers=headers)
        response = connection.getresponse()
        response.read()
        return response.status
    finally:
        connection.close()


def throughput(port: int, path: str, headers: dict[str, str] | None = None) -> float:
    """Requests per second over SECONDS from CONCURRENCY threads; 200s only."""
    headers = headers or {}
    for _ in range(20):  # warm every worker's caches
        assert _request(port, path, headers) == 200, path
    done, errors = [0], [0]
    deadline = time.perf_counter() + SECONDS
    lock = threading.Lock()

    def worker() -> None:
        while time.perf_counter() < deadline and done[0] < MAX_REQUESTS:
            ok = _request(port, path, headers) == 200
            with lock:
                done[0] += ok
                errors[0] += not ok

    started = time.perf_counter()
    threads = [threading.Thread(target=worker) for _ in range(CONCURRENCY)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    if errors[0]:
        raise RuntimeError(f"{errors[0]} failed requests on {path}")
    return done[0] / (time.perf_counter() - started)


def _login(port: int, username: str, password: str) -> str:
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
    connection.request("GET", "/accounts/login/")
    response = connection.getresponse()
    html = response.read().decode()
    csrf_cookie = SimpleCookie(response.getheader("Set-Cookie"))["csrftoken"].value
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', html).group(1)
    body = f"csrfmiddlewaretoken={token}&username={username}&password={password}"
    connection.request(
        "POST",
        "/accounts/login/",
        body=body,
        headers={
            "Content-Type": "application/x-www-form-urlencoded",
            "Cookie": f"csrftoken={csrf_cookie}",
            "Referer": f"http://127.0.0.1:{port}/accounts/login/",
        },
    )
    response = connection.getresponse()
    response.read()
    cookies = SimpleCookie()
    for header, value in response.getheaders():
        if header.lower() == "set-cookie":
            cookies.load(value)
    return f"sessionid={cookies['sessionid'].value}; csrftoken={csrf_cookie}"


def _prepare(port: int) -> dict:
    """Migrate, seed and measure query counts in this process; returns fixtures."""
    import django

    django.setup()
    from django.core.management import call_command
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext
    from wagtail.models import Page, Site

    from cms import page_cache
    from cms.models import CoursePage, LessonPage
    from courses.models import Course, User

    call_command("migrate", verbosity=0)
    call_command("seed_demo", verbosity=0)

    bare_root = Page.get_first_root_node().add_child(title="Bare root", slug="bare")
    bare_root.add_child(title="Bare page", slug="page")
    Site.objects.create(hostname="bare.localhost", port=port, root_page=bare_root)

    catalogue = CoursePage.objects.first().get_parent()
    big = CoursePage(
        title="Khoá học 40 bài",
        slug="khoa-40-bai",
        course=Course.objects.create(
            code="BIG",
            title="Khoá học 40 bài",
            topic="statistics",
            audience="population_collaborator",
        ),
    )
    catalogue.add_child(instance=big)
    for number in range(40):
        lesson = LessonPage(
            title=f"Bài {number + 1}", slug=f"bai-{number + 1}", body=[]
        )
        big.add_child(instance=lesson)

    small_lesson = LessonPage.objects.child_of(
        CoursePage.objects.get(slug="nghiep-vu-ctv-dan-so")
    ).order_by("path")[2]
    big_lesson = LessonPage.objects.child_of(big).order_by("path")[20]
    # The measured trainee is enrolled in the lesson's course, as a trainee reading
    # lessons is: their page records progress and shows the done button.
    from courses.models import Enrollment, TrainingClass
    from courses.services import enroll, trainee_for_user

    hocvien = User.objects.get(username="hocvien")
    enroll(
        trainee=trainee_for_user(hocvien),
        training_class=TrainingClass.objects.get(code="DEMO-DS-01"),
        method=Enrollment.Method.SELF,
    )
    client = Client()
    client.force_login(hocvien)

    def queries(url: str) -> int:
        client.get(url)  # warm the derived caches (routes, navigation)
        page_cache.purge()
        client.get(url)
        with CaptureQueriesContext(connection) as captured:
            assert client.get(url).status_code == 200
        return len(captured)

    return {
        "lesson_url": small_lesson.url,
        "queries_small": queries(small_lesson.url),
        "queries_big": queries(big_lesson.url),
    }


def run() -> dict:
    port = _free_port()
    var_dir = tempfile.mkdtemp(prefix="lms-bench-")
    env = {
        **os.environ,
        "LMS_VAR_DIR": var_dir,
        "DJANGO_SETTINGS_MODULE": "bench.settings",
        "DATABASE_URL": f"sqlite:///{var_dir}/bench.sqlite3",
        "CELERY_BROKER_URL": "",
    }
    os.environ.update(env)
    prepared = _prepare(port)
    subprocess.run(
        [sys.executable, "manage.py", "collectstatic", "--noinput", "-v", "0"],
        cwd=ROOT,
        env=env,
        check=True,
    )
    server = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "gunicorn",
            "lms.wsgi:application",
            "--workers",
            "2",
            "--bind",
            f"127.0.0.1:{port}",
            "--log-level",
            "warning",
        ],
        cwd=ROOT,
        env=env,
    )
    try:
        for _ in range(100):
            try:
                socket.create_connection(("127.0.0.1", port), timeout=1).close()
                break
            except OSError:
                time.sleep(0.1)
        lesson = prepared["lesson_url"]
        bare_django = throughput(port, "/bare-django/")
        anonymous = throughput(port, lesson)
        bare_wagtail = throughput(port, "/page/", {"Host": "bare.localhost"})
        trainee = throughput(
            port, lesson, {"Cookie": _login(port, "hocvien", "changeme")}
        )
    finally:
        server.terminate()
        server.wait(timeout=20)

    def figure(value, baseline, unit, target):
        return {
            "value": round(value, 1),
            "baseline": round(baseline, 1),
            "ratio": round(value / baseline, 2),
            "unit": unit,
            "target": target,
        }

    return {
        "lesson_page_anon_vs_bare_django": figure(
            anonymous, bare_django, "requests/s", ">= 0.8"
        ),
        "lesson_page_trainee_vs_bare_wagtail": figure(
            trainee, bare_wagtail, "requests/s", ">= 2"
        ),
        "lesson_page_queries": figure(
            prepared["queries_big"], prepared["queries_small"], "queries", "<= 8"
        ),
    }
