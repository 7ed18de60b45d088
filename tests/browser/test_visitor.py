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


def test_visitor_reads_the_manuals_and_downloads_them(page, shoot):
    page.goto("/")
    page.get_by_role("contentinfo").get_by_role(
        "link", name="Manuals and webinars"
    ).click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Manuals and help")
    page.get_by_role("link", name="Portfolio and Assessment Manual", exact=True).click()
    expect(page.get_by_role("heading", level=1)).to_have_text(
        "Portfolio and Assessment Manual"
    )
    page.get_by_role("navigation", name="Contents").get_by_role(
        "link", name="Evaluation guidelines"
    ).click()
    expect(page.get_by_role("heading", name="Evaluation guidelines")).to_be_visible()
    expect(
        page.get_by_text(re.compile(r"at least 70% of\s+its competencies"))
    ).to_be_visible()
    shoot(page, "manual")
    with page.expect_download() as download:
        page.evaluate(
            "url => { const a = document.createElement('a'); a.href = url; "
            "a.download = ''; document.body.append(a); a.click(); }",
            "/manuals/lssc-manuals.pdf",
        )
    assert download.value.suggested_filename.endswith(".pdf")
    page.get_by_role("navigation").get_by_role("link", name="FAQ").click()
    expect(page.get_by_role("heading", level=1)).to_have_text(
        "Frequently asked questions"
    )
