"""A candidate starts a portfolio, writes a narrative, uploads and links evidence."""

import re

from playwright.sync_api import expect

from lssc.competencies.models import CompetencySet
from lssc.payments.services import payment_confirm
from portfolios.models import Evidence, Narrative
from portfolios.services import portfolio_open
from tests.candidates.helpers import admitted_candidate
from tests.portfolios import files
from tests.portfolios.test_submission import complete

from .people import field, sign_in

NARRATIVE = (
    "At the Oak Street branch I keep the twelve public computers running: I image "
    "them each month, help patrons print and scan, and teach a weekly class."
)


def test_build_a_portfolio(page, shoot):
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
        page.get_by_role("status").get_by_text(
            re.compile("“Computer class handout” added")
        )
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


def test_submit_a_complete_portfolio_and_pay_by_check(page, shoot):
    candidate = admitted_candidate()
    technology = CompetencySet.objects.get(slug="technology")
    portfolio = portfolio_open(candidate=candidate, competency_set=technology, by=None)
    complete(portfolio)

    sign_in(page, candidate.user.email)
    page.goto(f"/portfolios/{portfolio.pk}/")
    expect(page.get_by_text("Submitting costs $60")).to_be_visible()
    page.get_by_role("button", name="Submit for evaluation").click()
    expect(page.get_by_role("heading", level=1)).to_have_text(
        "Submit your Technology portfolio?"
    )
    shoot(page, "portfolio-submit-confirm")
    page.get_by_role("button", name="Confirm: submit for evaluation").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Pay for your portfolio")
    page.get_by_role("radio", name="Check (by mail)").check()
    shoot(page, "portfolio-pay")
    page.get_by_role("button", name="Continue to payment").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Confirm your payment")
    page.get_by_role("button", name="Confirm").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("How to pay by check")

    payment_confirm(payment_id=candidate.user.payments.get(kind="portfolio").pk)
    page.goto(f"/portfolios/{portfolio.pk}/")
    expect(page.get_by_text("Under review", exact=True)).to_be_visible()
    expect(page.get_by_role("button", name="Save narratives")).to_have_count(0)
    shoot(page, "portfolio-under-review")
