"""A visitor, not signed in, reads about the program and its competency sets."""

import re

from playwright.sync_api import expect


def test_visitor_reads_the_competency_sets(page, shoot):
    page.goto("/")
    expect(page.get_by_role("heading", level=1)).to_be_visible()
    shoot(page, "home")

    page.get_by_role("navigation").get_by_role("link", name="Competency sets").click()
    expect(page.get_by_role("heading", level=1)).to_have_text(
        re.compile("competenc", re.I)
    )
    shoot(page, "competency-sets")

    page.get_by_role("link", name=re.compile("Technology")).first.click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Technology")
    expect(page.get_by_role("listitem").first).to_be_visible()
    shoot(page, "competency-set-technology")
