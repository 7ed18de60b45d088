"""A candidate starts a portfolio, writes a narrative, uploads and links evidence."""

import re

from playwright.sync_api import expect

from portfolios.models import Evidence, Narrative
from tests.candidates.helpers import admitted_candidate
from tests.portfolios import files

from .people import field, sign_in

NARRATIVE = (
    "At the Oak Street branch I keep the twelve public computers running: I image "
    "them each month, help patrons print and scan, and teach a weekly class."
)


def test_build_a_portfolio(page, shoot, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    candidate = admitted_candidate()
    sign_in(page, candidate.user.email)
    page.get_by_role("link", name="My certification").click()
    page.get_by_role("link", name="Your portfolios").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Your portfolios")
    page.get_by_role("button", name="Start a portfolio for Technology").click()

    expect(page.get_by_role("heading", level=1)).to_have_text("Technology portfolio")
    page.get_by_label("Competency 1", exact=True).fill(NARRATIVE)
    page.get_by_role("button", name="Save narratives").click()
    expect(page.get_by_text("Narratives saved.")).to_be_visible()

    field(page, "File").set_input_files(
        files=[
            {
                "name": "class-handout.pdf",
                "mimeType": "application/pdf",
                "buffer": files.PDF,
            }
        ]
    )
    field(page, "Title").fill("Computer class handout")
    page.get_by_role("button", name="Upload").click()
    expect(
        page.get_by_text(re.compile("“Computer class handout” added"))
    ).to_be_visible()

    link_form = page.get_by_role(
        "group", name="Link “Computer class handout” to a competency"
    )
    link_form.get_by_label("Competency").select_option(index=0)
    link_form.get_by_role("radio", name=re.compile("Primary")).check()
    link_form.get_by_role("button", name="Link").click()
    expect(page.get_by_text("Competency 1: primary (direct evidence)")).to_be_visible()
    expect(
        page.get_by_text("Competency 1: link at least one evidence file.")
    ).to_have_count(0)
    shoot(page, "portfolio-builder")

    assert Narrative.objects.get(competency__number=1).text == NARRATIVE
    assert Evidence.objects.get().links.get().competency.number == 1
