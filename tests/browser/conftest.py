"""Real Chromium (Debian's package) driven by Playwright; never a downloaded browser."""

import os
import shutil
from pathlib import Path

import pytest

CHROMIUM = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")
ARTIFACTS = Path(__file__).resolve().parent.parent / "artifacts"
PHONE = {"width": 360, "height": 740}
LAUNCH_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]

# Playwright's sync API runs an event loop in the test thread; the ORM calls made by
# the test itself are still synchronous and safe.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")


def pytest_collection_modifyitems(config, items):
    if shutil.which(CHROMIUM) or Path(CHROMIUM).exists():
        return
    skip = pytest.mark.skip(
        reason=f"Chromium not found at {CHROMIUM} (make test installs it)"
    )
    for item in items:
        if "browser" in item.keywords:
            item.add_marker(skip)


@pytest.fixture
def browser():
    # Function-scoped on purpose: while Playwright's loop runs, Django hands out
    # per-context connections that lack the serialized test data, so a session-wide
    # browser would leave the next transactional test with an empty database.
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM, headless=True, args=LAUNCH_ARGS
        )
        violations = _watch_policy_violations(browser)
        yield browser
        browser.close()
    # A page the policy breaks (a blocked style or script) still loads, half working:
    # every journey also checks that nothing it visited was refused.
    assert not violations, "\n".join(violations)


def _watch_policy_violations(browser) -> list[str]:
    """Collect Chromium's Content Security Policy refusals on every page opened."""
    violations: list[str] = []

    def watch(page) -> None:
        def on_console(message) -> None:
            if "Content Security Policy" in message.text:
                violations.append(f"{page.url}: {message.text}")

        page.on("console", on_console)

    new_context, new_page = browser.new_context, browser.new_page

    def watched_context(**options):
        context = new_context(**options)
        context.on("page", watch)
        return context

    def watched_page(**options):
        page = new_page(**options)
        watch(page)
        return page

    browser.new_context, browser.new_page = watched_context, watched_page
    return violations


@pytest.fixture
def phone(browser):
    """A page in a 360 x 740 phone viewport."""
    context = browser.new_context(viewport=PHONE, device_scale_factor=2, is_mobile=True)
    page = context.new_page()
    page.set_default_timeout(15_000)
    yield page
    context.close()


@pytest.fixture
def artifacts() -> Path:
    ARTIFACTS.mkdir(exist_ok=True)
    return ARTIFACTS
