"""Each role's home, and the public home, hold their layout at a phone's, a
tablet's and a laptop's width: nothing scrolls sideways, the navigation stays on
one line when it is spread out and folds behind the menu button when it is not.

With LSSC_SCREENSHOTS set to a folder, the test also saves each home at 1280 px
there (the README's pictures come from ``docs/screenshots/``):

    LSSC_SCREENSHOTS=docs/screenshots pytest tests/browser/test_layout.py
"""

import os
import re
from io import StringIO
from pathlib import Path

from django.core.management import call_command
from django.urls import reverse
from playwright.sync_api import Page, expect

from demo.story.accounts import DEMO_PASSWORD, DEMO_TOTP_SECRET, OFFICER

from .people import authenticator_code, field, sign_in

WIDTHS = (360, 768, 1280)
HEIGHT = 800
WIDE = 1280  # the navigation is spread out from 1200 px

CANDIDATE = "candidate1@demo.lssc.test"
EVALUATOR = "evaluator1@demo.lssc.test"
PROVIDER = "provider@demo.lssc.test"

# Where the layout went wrong: a list of sentences, or an empty one.
_CHECK_LAYOUT = """(wide) => {
  const problems = [];
  const root = document.documentElement;
  if (root.scrollWidth > window.innerWidth) {
    const wide = [...document.querySelectorAll("body *")]
      .filter((el) => el.getBoundingClientRect().right > window.innerWidth)
      .slice(-3)
      .map((el) => el.outerHTML.slice(0, 100));
    problems.push(`scrolls sideways (${root.scrollWidth} px): ${wide.join(" | ")}`);
  }
  const navbar = document.querySelector(".site-header .navbar");
  const brand = navbar.querySelector(".navbar-brand").getBoundingClientRect();
  const toggler = navbar.querySelector(".navbar-toggler");
  const menu = navbar.querySelector(".navbar-collapse");
  const shown = (el) => el.getClientRects().length > 0;
  if (wide) {
    if (shown(toggler)) problems.push("the menu button shows on a wide screen");
    const items = [...menu.querySelectorAll(":scope > .navbar-nav > .nav-item")]
      .map((el) => el.getBoundingClientRect());
    if (!items.length) problems.push("no navigation links");
    // One line: every link overlaps every other vertically, and the logo.
    const top = Math.max(brand.top, ...items.map((r) => r.top));
    const bottom = Math.min(brand.bottom, ...items.map((r) => r.bottom));
    if (top >= bottom) {
      const tops = items.map((r) => Math.round(r.top)).join(", ");
      problems.push(`the navigation wraps (link tops at ${tops} px)`);
    }
    const lastRight = Math.max(...items.map((r) => r.right));
    if (lastRight > window.innerWidth) problems.push("links run off the screen");
  } else {
    if (!shown(toggler)) problems.push("no menu button on a narrow screen");
    if (shown(menu)) problems.push("the menu is open before it is asked for");
    const button = toggler.getBoundingClientRect();
    if (button.top >= brand.bottom) problems.push("the menu button wraps below");
  }
  return problems;
}"""


def check(page: Page, who: str, problems: list[str]):
    """Check ``page`` at each width; save it at 1280 px if asked to."""
    folder = os.environ.get("LSSC_SCREENSHOTS")
    for width in WIDTHS:
        page.set_viewport_size({"width": width, "height": HEIGHT})
        found = page.evaluate(_CHECK_LAYOUT, width >= WIDE)
        problems += [f"{who} at {width} px: {problem}" for problem in found]
        if width < WIDE:
            # The folded menu opens below the logo, still within the width.
            toggler = page.get_by_role("button", name="Show or hide the menu")
            toggler.click()
            expect(page.locator("#main-nav")).to_be_visible()
            expect(page.locator("#main-nav.collapsing")).to_have_count(0)
            found = page.evaluate(_CHECK_LAYOUT, False)
            problems += [
                f"{who} at {width} px, menu open: {problem}"
                for problem in found
                if "open before" not in problem
            ]
            toggler.click()
            expect(page.locator("#main-nav")).to_be_hidden()
        elif folder:
            Path(folder).mkdir(parents=True, exist_ok=True)
            page.screenshot(path=Path(folder) / f"home-{who}.png")


def test_every_home_holds_its_layout_at_three_widths(open_page, settings):
    settings.DEBUG = True  # seed_demo refuses to set known passwords otherwise
    call_command("seed_demo", stdout=StringIO())
    settings.DEBUG = False
    problems: list[str] = []

    visitor = open_page()
    visitor.goto("/")
    check(visitor, "public", problems)

    for who, email, home in (
        ("candidate", CANDIDATE, "candidates:home"),
        ("evaluator", EVALUATOR, "evaluations:dashboard"),
        ("provider", PROVIDER, "courses:provider_dashboard"),
    ):
        page = open_page()
        sign_in(page, email, DEMO_PASSWORD)
        # Signing in lands on the person's own home.
        expect(page).to_have_url(re.compile(re.escape(reverse(home)) + "$"))
        expect(page.get_by_role("heading", level=1)).to_be_visible()
        page.reload()  # without the "signed in" message
        check(page, who, problems)

    officer = open_page()
    sign_in(officer, OFFICER, DEMO_PASSWORD, start=reverse("staff_dashboard"))
    field(officer, "Code").fill(authenticator_code(DEMO_TOTP_SECRET))
    officer.get_by_role("button", name="Sign in").click()
    expect(officer.get_by_role("heading", level=1)).to_have_text("Work waiting")
    officer.reload()  # without the "signed in" message, as the others are seen
    check(officer, "staff", problems)

    assert not problems, "\n".join(problems)
