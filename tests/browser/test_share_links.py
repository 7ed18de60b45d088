"""A candidate shares their record with a link, and takes it back."""

import datetime
import re

from django.utils import timezone
from playwright.sync_api import expect

from tests.candidates.helpers import admitted_candidate

from .people import sign_in


def test_share_link_opens_for_anyone_until_revoked(open_page, shoot):
    candidate = admitted_candidate()
    page = open_page()
    sign_in(page, candidate.user.email)
    page.get_by_role("link", name="My certification").click()
    page.get_by_role("link", name="Your full record").click()
    page.get_by_role("link", name="Manage share links").click()

    expect(page.get_by_role("heading", level=1)).to_have_text("Share your record")
    page.get_by_label("Who is it for?").fill("Hiring committee")
    valid_until = timezone.localdate() + datetime.timedelta(days=30)
    page.get_by_label("Valid through").fill(valid_until.isoformat())
    page.get_by_role("button", name="Create link").click()
    link = page.get_by_role("textbox", name="Link").input_value()
    shoot(page, "share-links")

    # Someone on the hiring committee, not signed in, opens the link.
    visitor = open_page()
    response = visitor.goto(link)
    assert response.status == 200
    expect(visitor.get_by_role("heading", level=1)).to_have_text(
        "Candidate Achievement Record"
    )
    expect(visitor.get_by_text(candidate.user.full_name)).to_be_visible()
    shoot(visitor, "shared-record")

    page.get_by_role("button", name="Revoke Hiring committee").click()
    expect(page.get_by_text(re.compile("^Revoked on"))).to_be_visible()

    response = visitor.goto(link)
    assert response.status == 404
    expect(visitor.get_by_role("heading", level=1)).to_have_text("Page not found")
