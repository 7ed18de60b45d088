"""Browser tests: Debian's Chromium driven by Playwright against the live server.

Every page a test's browser visits is audited (see ``audit.py``); the findings of
a test fail it when it ends. ``shoot`` saves screenshots of key pages at desktop
and phone widths, and ``keyboard`` drives a form with the keyboard alone.
"""

import os
import shutil
import subprocess
from pathlib import Path

import pytest

from bench.server import free_port, wait_for_port

from .audit import AXE_JS, NU_JAR, ROOT, AxeChecker, NuChecker, PageAudit

# Playwright's synchronous API runs an event loop in the test thread; the ORM calls
# the tests make between browser steps are synchronous and safe.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
CHROMIUM_FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-dev-shm-usage",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
]
SCREENSHOTS = ROOT / "test-artifacts" / "screenshots"
DESKTOP = {"width": 1280, "height": 900}
PHONE = {"width": 390, "height": 844}


def _missing(what: str):
    """A missing tool skips the suite on a laptop but fails it in CI."""
    if os.environ.get("CI"):
        pytest.fail(f"{what} (CI installs it: see .ci/run).")
    pytest.skip(what)


def pytest_collection_modifyitems(items):
    for item in items:
        if "tests/browser/" in str(item.path):
            item.add_marker(pytest.mark.browser)


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    if not Path(CHROMIUM).exists():
        _missing(f"Chromium is not installed at {CHROMIUM}")
    return {
        **browser_type_launch_args,
        "executable_path": CHROMIUM,
        "args": CHROMIUM_FLAGS,
        "headless": True,
    }


@pytest.fixture
def browser_context_args(browser_context_args, live_server):
    return {
        **browser_context_args,
        "base_url": live_server.url,
        "viewport": DESKTOP,
        "locale": "en-US",
        "timezone_id": "America/Chicago",
    }


@pytest.fixture(scope="session")
def nu_checker():
    """The Nu HTML checker as a local web service, started once per run."""
    java = shutil.which("java")
    if not java:
        _missing("Java is needed for the Nu HTML checker")
    if not NU_JAR.exists():
        _missing("The Nu HTML checker is not installed: run `npm ci`")
    port = free_port()
    server = subprocess.Popen(  # noqa: S603
        [
            java,
            "-Xss4m",  # the schema compiler recurses deeply
            "-Dnu.validator.servlet.bind-address=127.0.0.1",
            "-cp",
            str(NU_JAR),
            "nu.validator.servlet.Main",
            str(port),
        ],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        if not wait_for_port(port, server):
            pytest.fail("The Nu HTML checker did not start.")
        yield NuChecker(f"http://127.0.0.1:{port}/")
    finally:
        server.terminate()
        server.wait(timeout=10)


@pytest.fixture(scope="session")
def axe_js():
    if not AXE_JS.exists():
        _missing("axe-core is not installed: run `npm ci`")
    return AXE_JS.read_text()


@pytest.fixture
def axe_checker(browser, axe_js, live_server):
    context = browser.new_context(viewport=DESKTOP)
    yield AxeChecker(context, axe_js)
    context.close()


@pytest.fixture
def open_page(browser, browser_context_args, live_server, nu_checker, axe_checker):
    """``open_page()`` -> a new audited page in a browser of its own (own cookies).

    Two people in one test (a candidate and the program officer) each get one.
    """
    audits: list[PageAudit] = []
    contexts = []

    def open_page():
        context = browser.new_context(**browser_context_args)
        context.set_default_timeout(10_000)
        contexts.append(context)
        page = context.new_page()
        audits.append(
            PageAudit(page, live_server.url, nu_checker, axe_checker).attach()
        )
        return page

    yield open_page

    for audit in audits:
        audit.settle()
    for context in contexts:
        context.close()
    findings = [finding for audit in audits for finding in audit.check()]
    if findings:
        pytest.fail("Page audit failed:\n" + "\n".join(findings), pytrace=False)


@pytest.fixture
def page(open_page):
    return open_page()


@pytest.fixture
def shoot(request):
    """``shoot(page, "name")``: full-page screenshots at 1280 and 390 px wide.

    At phone width the page must not scroll sideways.
    """
    folder = SCREENSHOTS / request.node.name

    def shoot(page, name: str):
        folder.mkdir(parents=True, exist_ok=True)
        for size in (DESKTOP, PHONE):
            page.set_viewport_size(size)
            page.screenshot(path=folder / f"{name}-{size['width']}.png", full_page=True)
        overflow = page.evaluate(
            """() => {
              const root = document.documentElement;
              if (root.scrollWidth <= root.clientWidth) return null;
              return [...document.querySelectorAll("body *")]
                .filter((el) => el.getBoundingClientRect().right > root.clientWidth)
                .slice(-3)
                .map((el) => el.outerHTML.slice(0, 120));
            }"""
        )
        page.set_viewport_size(DESKTOP)
        assert overflow is None, f"{name} scrolls sideways at 390 px: {overflow}"

    return shoot
