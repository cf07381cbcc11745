"""Wiring for sign-in, sessions and browser policy: django-csp, django-axes, resets."""

import datetime as dt
import hashlib
import logging
import time

from csp.middleware import CSPMiddleware, PolicyParts
from django.conf import settings
from django.contrib.auth import logout
from django.contrib.auth.views import PasswordResetView
from django.core.cache import cache
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import render

from certificates.ratelimit import client_ip
from courses.forms import QueuedPasswordResetForm

logger = logging.getLogger(__name__)

# CSP governs documents. On a PDF it would only get in the way: Chrome's built-in
# viewer is an <embed> that `object-src 'none'` blocks.
_DOCUMENT_TYPES = ("text/html", "application/xhtml+xml", "image/svg+xml")


class ContentSecurityPolicyMiddleware(CSPMiddleware):
    """django-csp with the admin's looser policy under the admin prefixes."""

    def process_response(
        self, request: HttpRequest, response: HttpResponse
    ) -> HttpResponse:
        if getattr(request, "is_dummy", False):
            # Wagtail renders a preview by running the page's own address through the
            # middleware inside the admin request; the admin request sets the policy,
            # which lets the preview panel frame the page.
            return response
        content_type = response.get("Content-Type", "").split(";")[0].strip()
        if content_type not in _DOCUMENT_TYPES:
            response._csp_exempt = True  # type: ignore[attr-defined]
        return super().process_response(request, response)

    def get_policy_parts(
        self,
        request: HttpRequest,
        response: HttpResponse,
        report_only: bool = False,
    ) -> PolicyParts:
        parts = super().get_policy_parts(request, response, report_only)
        if (
            not report_only
            and parts.config is None
            and request.path_info.startswith(settings.ADMIN_CSP_URL_PREFIXES)
        ):
            parts.config = settings.ADMIN_CONTENT_SECURITY_POLICY["DIRECTIVES"]
        return parts


def is_staff_account(user) -> bool:
    """Anyone who can reach an admin: staff flag, superuser or any role group."""
    return user.is_staff or user.is_superuser or user.groups.exists()


# Session key: the POSIX time a staff session ends, None for a trainee's session.
STAFF_UNTIL = "lms_staff_until"


class SessionLifetimeMiddleware:
    """Ends a staff session STAFF_SESSION_SECONDS after sign-in, whatever happens.

    Trainees keep SESSION_COOKIE_AGE, counted from their last visit. A session is
    classified when someone signs in (the session key changes) and staff sessions are
    checked on every request: the deadline holds even when the cookie lives until the
    browser closes (Wagtail's sign-in without "remember me"), which on an office
    computer may be never.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        session = request.session  # type: ignore[attr-defined]
        key_at_start = session.session_key
        if key_at_start and (session.get(STAFF_UNTIL) or float("inf")) < time.time():
            logout(request)
        response = self.get_response(request)
        if session.session_key != key_at_start:  # signed in or out just now
            session.pop(STAFF_UNTIL, None)
        # Only when the request already read the session: evaluating request.user on
        # an anonymous page would add `Vary: Cookie` to it for nothing.
        if not session.accessed or STAFF_UNTIL in session:
            return response
        user = getattr(request, "user", None)
        if user is None or not user.is_authenticated:
            return response
        if is_staff_account(user):
            ends_at = time.time() + settings.STAFF_SESSION_SECONDS
            session[STAFF_UNTIL] = ends_at
            if not session.get_expire_at_browser_close():
                session.set_expiry(dt.datetime.fromtimestamp(ends_at, tz=dt.UTC))
        else:
            session[STAFF_UNTIL] = None
        return response


def lockout_response(
    request: HttpRequest,
    original_response: HttpResponse | None = None,
    credentials: dict | None = None,
) -> HttpResponse:
    """django-axes' answer once a username is locked from this address."""
    minutes = int(settings.AXES_COOLOFF_TIME.total_seconds() // 60)
    return render(
        request,
        "registration/locked_out.html",
        {"minutes": minutes, "failure_limit": settings.AXES_FAILURE_LIMIT},
        status=429,
    )


def _count_hit(key: str, window: int) -> int:
    """Add one to a counter that starts at the first hit and lasts `window` seconds."""
    if cache.add(key, 1, timeout=window):
        return 1
    try:
        return cache.incr(key)
    except ValueError:  # expired between add and incr
        cache.add(key, 1, timeout=window)
        return 1


def password_reset_is_throttled(request: HttpRequest, email: str) -> bool:
    """Count a reset request for its address and its email; True past either limit."""
    email_digest = hashlib.sha256(email.strip().casefold().encode()).hexdigest()
    by_address = _count_hit(f"pwreset:ip:{client_ip(request)}", 3600)
    by_email = _count_hit(f"pwreset:email:{email_digest}", 3600)
    return (
        by_address > settings.PASSWORD_RESET_PER_ADDRESS_PER_HOUR
        or by_email > settings.PASSWORD_RESET_PER_EMAIL_PER_HOUR
    )


class ThrottledPasswordResetView(PasswordResetView):
    """Django's reset view; past the limits it sends nothing and answers the same.

    Within them a worker sends the mail, so known and unknown emails also get the
    answer in the same time.
    """

    form_class = QueuedPasswordResetForm

    def form_valid(self, form):
        if password_reset_is_throttled(self.request, form.cleaned_data["email"]):
            logger.warning("Password reset throttled for %s", client_ip(self.request))
            return HttpResponseRedirect(self.get_success_url())
        return super().form_valid(form)
