"""Production passes Django's deploy checks; every page carries the browser policies."""

import json
import os
import re
import secrets
import subprocess
import sys
from pathlib import Path

import pytest
from django.http import HttpResponse
from django.test import RequestFactory

from lms.security import ContentSecurityPolicyMiddleware
from tests.cms.factories import course_page, lesson_page

ROOT = Path(__file__).resolve().parents[2]


def production_env(tmp_path) -> dict[str, str]:
    env = {
        k: v
        for k, v in os.environ.items()
        # The browser tests set DJANGO_ALLOW_ASYNC_UNSAFE for Playwright in this
        # process; production never has it, and the deploy check refuses it.
        if k
        not in (
            "CACHE_URL",
            "CELERY_BROKER_URL",
            "TRUSTED_PROXY_COUNT",
            "DJANGO_ALLOW_ASYNC_UNSAFE",
        )
    }
    env.update(
        DJANGO_SETTINGS_MODULE="lms.settings.production",
        SECRET_KEY=secrets.token_urlsafe(50),
        ALLOWED_HOSTS="tap-huan.example.vn",
        DATABASE_URL=f"sqlite:///{tmp_path / 'prod.sqlite3'}",
        LMS_VAR_DIR=str(tmp_path),
    )
    return env


def test_production_settings_pass_the_deploy_checks(tmp_path):
    result = subprocess.run(
        [
            sys.executable,
            "manage.py",
            "check",
            "--deploy",
            "--fail-level",
            "WARNING",
        ],
        cwd=ROOT,
        env=production_env(tmp_path),
        capture_output=True,
        text=True,
        check=False,
    )

    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


def test_production_links_static_files_by_content_hashed_names(tmp_path):
    env = {**production_env(tmp_path), "STATIC_ROOT": str(tmp_path / "static")}
    subprocess.run(
        [sys.executable, "manage.py", "collectstatic", "--noinput", "-v", "0"],
        cwd=ROOT,
        env=env,
        check=True,
    )
    code = (
        "import django; django.setup(); "
        "from django.templatetags.static import static; "
        "print(static('css/site.css'))"
    )
    result = subprocess.run(
        [sys.executable, "-c", code],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        check=True,
    )

    url = result.stdout.strip().splitlines()[-1]
    assert re.fullmatch(r"/static/css/site\.[0-9a-f]{12}\.css", url), url
    hashed = tmp_path / "static" / url.removeprefix("/static/")
    assert hashed.read_bytes() == (ROOT / "lms/static/css/site.css").read_bytes()
    # Whitenoise's compressed copy, which nginx's gzip_static sends.
    assert hashed.with_name(hashed.name + ".gz").exists()


def test_production_is_https_only_behind_nginx(tmp_path):
    code = (
        "import django, json; django.setup(); from django.conf import settings as s; "
        "print(json.dumps({n: getattr(s, n) for n in ["
        "'SECURE_HSTS_SECONDS', 'SECURE_HSTS_INCLUDE_SUBDOMAINS', "
        "'SECURE_SSL_REDIRECT', 'SECURE_PROXY_SSL_HEADER', 'SESSION_COOKIE_SECURE', "
        "'CSRF_COOKIE_SECURE', 'SESSION_COOKIE_HTTPONLY', 'CSRF_COOKIE_HTTPONLY', "
        "'SESSION_COOKIE_SAMESITE', 'CSRF_COOKIE_SAMESITE', 'TRUSTED_PROXY_COUNT']}))"
    )
    result = subprocess.run(
        [sys.executable, "-c", code],
        cwd=ROOT,
        env=production_env(tmp_path),
        capture_output=True,
        text=True,
        check=True,
    )

    assert json.loads(result.stdout.strip().splitlines()[-1]) == {
        "SECURE_HSTS_SECONDS": 365 * 24 * 3600,
        "SECURE_HSTS_INCLUDE_SUBDOMAINS": True,
        "SECURE_SSL_REDIRECT": True,
        "SECURE_PROXY_SSL_HEADER": ["HTTP_X_FORWARDED_PROTO", "https"],
        "SESSION_COOKIE_SECURE": True,
        "CSRF_COOKIE_SECURE": True,
        "SESSION_COOKIE_HTTPONLY": True,
        "CSRF_COOKIE_HTTPONLY": True,
        "SESSION_COOKIE_SAMESITE": "Lax",
        "CSRF_COOKIE_SAMESITE": "Lax",
        "TRUSTED_PROXY_COUNT": 1,
    }


def policy(response) -> dict[str, list[str]]:
    directives = {}
    for part in response["Content-Security-Policy"].split(";"):
        name, *values = part.split()
        directives[name] = values
    return directives


def assert_public_policy(response):
    csp = policy(response)
    assert csp["default-src"] == ["'self'"]
    assert csp["script-src"] == ["'self'"]
    assert csp["object-src"] == ["'none'"]
    assert csp["frame-ancestors"] == ["'none'"]
    assert csp["base-uri"] == ["'self'"]
    assert csp["img-src"] == ["'self'", "data:"]
    # Stylesheets only from the site's files; style attributes (video embeds) allowed.
    assert csp["style-src-elem"] == ["'self'"]
    assert csp["style-src-attr"] == ["'unsafe-inline'"]
    assert response["X-Frame-Options"] == "DENY"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"] == "same-origin"


@pytest.mark.django_db
def test_public_pages_run_only_the_sites_own_scripts(client):
    course = course_page()

    response = client.get(course.url)

    assert response.status_code == 200
    assert_public_policy(response)


@pytest.mark.django_db
def test_a_lesson_keeps_the_policy_when_served_from_the_page_cache(client):
    lesson = lesson_page(course_page(), slug="bai-1")

    first = client.get(lesson.url)
    second = client.get(lesson.url)

    assert first["X-Page-Cache"] == "miss"
    assert second["X-Page-Cache"] == "hit"
    assert_public_policy(first)
    assert_public_policy(second)


@pytest.mark.django_db
def test_the_login_page_carries_the_public_policy(client):
    assert_public_policy(client.get("/accounts/login/"))


@pytest.mark.django_db
def test_the_wagtail_admin_gets_its_looser_policy_and_may_frame_itself(
    client, organizer
):
    client.force_login(organizer)

    response = client.get("/admin/")

    assert response.status_code == 200
    csp = policy(response)
    assert "'unsafe-inline'" in csp["script-src"]
    assert "'unsafe-eval'" not in csp["script-src"]
    assert csp["frame-ancestors"] == ["'self'"]
    assert csp["object-src"] == ["'none'"]
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"] == "same-origin"


def test_downloads_get_no_policy_so_browsers_can_show_pdfs():
    middleware = ContentSecurityPolicyMiddleware(
        lambda request: HttpResponse(b"%PDF-1.7", content_type="application/pdf")
    )

    response = middleware(RequestFactory().get("/chung-chi/abc.pdf"))

    assert "Content-Security-Policy" not in response


@pytest.mark.django_db
def test_a_page_previewed_in_the_admin_may_be_framed_by_the_admin(client, organizer):
    # Wagtail runs the page's own address through the middleware inside the admin
    # request; the public policy would forbid the preview panel's frame.
    lesson = lesson_page(course_page(), slug="bai-1")
    client.force_login(organizer)

    response = client.get(f"/admin/pages/{lesson.pk}/view_draft/")

    assert response.status_code == 200
    assert policy(response)["frame-ancestors"] == ["'self'"]
