"""What a person does in the browser, written once for all journeys.

Elements are found by role and accessible name, as a person (or a screen reader)
finds them, never by CSS id.
"""

import re
import time

from allauth.mfa import app_settings
from allauth.mfa.totp.internal.auth import format_hotp_value, hotp_value
from playwright.sync_api import Page, expect

from tests.factories import PASSWORD, TOTP_SECRET


def field(page: Page, label: str):
    """The form field labelled exactly ``label`` (a required field's label ends "*")."""
    return page.get_by_label(re.compile(rf"^\s*{re.escape(label)}\W*$"))


def sign_in(page: Page, email: str, password: str = PASSWORD, *, start: str = "/"):
    page.goto(start)
    if start == "/":
        page.get_by_role("link", name="Sign in").click()
    page.get_by_label("Email").fill(email)
    page.get_by_label("Password").fill(password)
    page.get_by_role("button", name="Sign in").click()


def authenticator_code(secret: str = TOTP_SECRET) -> str:
    """The code an authenticator shows now. Near the end of its period it waits
    for the next one, so the code cannot expire between typing and sending (the
    oldest code the server still tolerates would expire first)."""
    period = app_settings.TOTP_PERIOD
    left = period - time.time() % period
    if left < 5:
        time.sleep(left + 0.2)
    return format_hotp_value(hotp_value(secret, int(time.time()) // period))


def staff_sign_in(page: Page, email: str):
    """Staff reach the admin through the sign-in page and their authenticator."""
    sign_in(page, email, start="/admin/")
    field(page, "Code").fill(authenticator_code())
    page.get_by_role("button", name="Sign in").click()
    expect(page.get_by_role("heading", name="Program administration")).to_be_visible()


def fill_application(page: Page, *, started: str, hours: str = "40", shoot=None):
    """Walk the four application steps with the mouse, up to the review page."""
    page.get_by_role("link", name="My certification").click()
    page.get_by_role("button", name="Start my application").click()

    expect(page.get_by_role("heading", level=1)).to_have_text("Contact details")
    page.get_by_label("Phone").fill("555-0142")
    field(page, "Address").fill("12 Elm Street")
    page.get_by_label("City").fill("Springfield")
    page.get_by_label("State or province").fill("IL")
    page.get_by_label("ZIP or postal code").fill("62701")
    if shoot:
        shoot(page, "apply-contact")
    page.get_by_role("button", name="Save and continue").click()

    expect(page.get_by_role("heading", level=1)).to_have_text("Your library")
    page.get_by_label("Library where you work now").fill("Springfield Public Library")
    page.get_by_label("Type of library").select_option(label="Public")
    page.get_by_label("Position").fill("Circulation assistant")
    page.get_by_role("button", name="Save and continue").click()

    expect(page.get_by_role("heading", level=1)).to_have_text(
        "Education and library work"
    )
    page.get_by_role("radio", name="High-school diploma").check()
    field(page, "Library").fill("Springfield Public Library")
    page.get_by_label("Position").fill("Circulation assistant")
    page.get_by_label("Start date").fill(started)
    page.get_by_label("I still work here").check()
    page.get_by_label("Average hours per week").fill(hours)
    if shoot:
        shoot(page, "apply-education")
    page.get_by_role("button", name="Save and continue").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Review and submit")


class Keyboard:
    """Drive a page with the keyboard alone: Tab to a control, then type or press.

    ``tab_to`` fails when the control cannot be reached with Tab, which is what a
    page usable only with a mouse looks like.
    """

    def __init__(self, page: Page):
        self.page = page

    def tab_to(self, locator, *, limit: int = 120):
        for _ in range(limit):
            self.page.keyboard.press("Tab")
            if locator.evaluate("el => el === document.activeElement"):
                return locator
        raise AssertionError(f"Tab never reaches {locator}")

    def type_into(self, locator, text: str):
        self.tab_to(locator)
        self.page.keyboard.type(text)

    def press(self, locator, key: str = "Enter"):
        """Activate a link or button (Enter) or tick a checkbox or radio (Space)."""
        self.tab_to(locator)
        self.page.keyboard.press(key)

    def pick(self, radio):
        """Tab into a radio group, then arrow to the option (which selects it)."""
        in_group = "(el) => document.activeElement?.name === el.name"
        for _ in range(120):
            self.page.keyboard.press("Tab")
            if radio.evaluate(in_group):
                break
        else:
            raise AssertionError(f"Tab never reaches the group of {radio}")
        for _ in range(20):
            if radio.evaluate("el => el === document.activeElement"):
                self.page.keyboard.press("Space")
                expect(radio).to_be_checked()
                return
            self.page.keyboard.press("ArrowDown")
        raise AssertionError(f"The arrow keys never reach {radio}")

    def choose(self, select, label: str):
        """Pick an option of a closed select by typing its first letters."""
        self.tab_to(select)
        self.page.keyboard.type(label)
        expect(select.locator("option:checked")).to_have_text(label)

    def date(self, locator, day):
        """A date field takes the digits month, day, year (US format)."""
        self.tab_to(locator)
        self.page.keyboard.type(day.strftime("%m%d%Y"))
        expect(locator).to_have_value(day.isoformat())
