"""A new user signs up, confirms their address from the mail, and signs in."""

import re

from playwright.sync_api import expect

from lssc.accounts.models import User
from tests.factories import PASSWORD

from .people import field

CONFIRM_LINK = re.compile(r"https?://[^\s]+/accounts/confirm-email/[^\s]+/")


def confirmation_path(mailoutbox, address):
    message = next(m for m in reversed(mailoutbox) if address in m.to)
    return "/" + CONFIRM_LINK.search(message.body).group(0).split("/", 3)[3]


def test_sign_up_confirm_email_and_sign_in(page, shoot, mailoutbox):
    page.goto("/")
    page.get_by_role("link", name="Create an account").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Create an account")
    page.get_by_label("Full name").fill("Rosa Parks-Lee")
    page.get_by_label("Email").fill("rosa@example.org")
    field(page, "Password").fill(PASSWORD)
    page.get_by_label("Password (again)").fill(PASSWORD)
    shoot(page, "sign-up")
    page.get_by_role("button", name="Create an account").click()

    expect(page.get_by_role("heading", level=1)).to_have_text(
        re.compile("Confirm your email address")
    )
    shoot(page, "verify-email-sent")

    # The person opens the link from the mail and confirms the address.
    page.goto(confirmation_path(mailoutbox, "rosa@example.org"))
    page.get_by_role("button", name="Confirm").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Sign in")

    page.get_by_label("Email").fill("rosa@example.org")
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    expect(page.get_by_role("button", name="Sign out")).to_be_visible()
    assert User.objects.get(email="rosa@example.org").full_name == "Rosa Parks-Lee"


def test_sign_up_with_bad_input_shows_the_problem(page):
    page.goto("/accounts/signup/")
    page.get_by_label("Full name").fill("   ")
    page.get_by_label("Email").fill("someone@example.org")
    field(page, "Password").fill("short")
    page.get_by_label("Password (again)").fill("different")
    page.get_by_role("button", name="Create an account").click()
    # The browser's own checks pass (the fields are filled); the server answers.
    expect(page.get_by_role("textbox", name="Full name")).to_have_attribute(
        "aria-invalid", "true"
    )
    expect(page.get_by_text("This field is required.")).to_be_visible()
    expect(page.get_by_text(re.compile("password is too short"))).to_be_visible()
    assert not User.objects.filter(email="someone@example.org").exists()
