"""A candidate adds a photo and a link to their library's page; an evaluator
previews each kind of evidence: a picture, a PDF, a document's text, a video to
download, the web page to open."""

import re

from django.core.files.uploadedfile import SimpleUploadedFile
from playwright.sync_api import expect

from lssc.competencies.models import CompetencySet
from lssc.payments.services import payment_confirm
from portfolios.content import evidence_add, evidence_link
from portfolios.models import Evidence, Submission
from portfolios.services import portfolio_open, portfolio_pay, portfolio_submit
from tests.candidates.helpers import admitted_candidate
from tests.portfolios import evidence_files as make
from tests.portfolios.test_submission import complete

from .people import field, sign_in
from .test_evaluation import evaluator


def test_a_candidate_adds_a_phone_photo_and_a_link(page, shoot):
    candidate = admitted_candidate()
    portfolio = portfolio_open(
        candidate=candidate,
        competency_set=CompetencySet.objects.get(slug="technology"),
        by=None,
    )
    sign_in(page, candidate.user.email, start=f"/portfolios/{portfolio.pk}/")

    field(page, "File").set_input_files(
        files=[
            {
                "name": "IMG_0042.HEIC",
                "mimeType": "image/heic",
                "buffer": make.heic_from_phone(),
            }
        ]
    )
    field(page, "Title").fill("New books display")
    page.get_by_role("button", name="Upload").click()
    expect(page.get_by_role("status").get_by_text(re.compile("added"))).to_be_visible()
    expect(page.get_by_text("JPEG image")).to_be_visible()

    field(page, "Web address").fill("https://springfieldlibrary.org/tech-help")
    field(page, "Page title").fill("Tech help sessions page")
    page.get_by_role("button", name="Add the link").click()
    expect(
        page.get_by_role("link", name="https://springfieldlibrary.org/tech-help")
    ).to_be_visible()
    shoot(page, "portfolio-evidence-kinds")

    field(page, "Web address").fill("javascript:alert(1)")
    field(page, "Page title").fill("Not a page")
    page.get_by_role("button", name="Add the link").click()
    expect(page.get_by_text("Only web pages can be linked")).to_be_visible()
    assert sorted(Evidence.objects.values_list("kind", flat=True)) == ["jpg", "link"]


def test_an_evaluator_previews_each_kind(page, shoot):
    ann, _ = evaluator("Ann Reviewer"), evaluator("Bob Reviewer")
    technology = CompetencySet.objects.get(slug="technology")
    portfolio = portfolio_open(
        candidate=admitted_candidate(), competency_set=technology, by=None
    )
    complete(portfolio)  # a PDF handout for every competency
    first = technology.competencies.get(number=1)
    for title, name, content in [
        ("Display photo", "display.jpg", make.jpeg_from_phone()),
        ("Board minutes", "minutes.docx", make.docx(["Board minutes", "Item 4"])),
        ("Library tour", "tour.mp4", make.mp4()),
    ]:
        item = evidence_add(
            portfolio_id=portfolio.pk,
            upload=SimpleUploadedFile(name, content),
            title=title,
            by=None,
        )
        evidence_link(
            evidence_id=item.pk, competency_id=first.pk, role="primary", by=None
        )
    portfolio_submit(portfolio_id=portfolio.pk, by=None)
    payment, _ = portfolio_pay(portfolio=portfolio, method="check")
    payment_confirm(payment_id=payment.pk)
    code = f"P-{Submission.objects.get().pk:05d}"

    sign_in(page, ann.user.email, start="/evaluations/")
    page.get_by_role("link", name=code).click()

    page.get_by_role("link", name="Display photo", exact=True).click()
    expect(page.get_by_role("img", name="Display photo")).to_be_visible()
    shoot(page, "evidence-photo")
    page.get_by_role("link", name=f"Back to portfolio {code}").click()

    page.get_by_role("link", name="Board minutes", exact=True).click()
    expect(page.get_by_text("Item 4")).to_be_visible()
    shoot(page, "evidence-document-text")
    page.get_by_role("link", name=f"Back to portfolio {code}").click()

    page.get_by_role("link", name="Class handout", exact=True).first.click()
    expect(page.locator("iframe[title='Class handout (PDF)']")).to_be_attached()
    page.get_by_role("link", name=f"Back to portfolio {code}").click()

    page.get_by_role("link", name="Library tour", exact=True).click()
    expect(page.get_by_text("cannot be shown here")).to_be_visible()
    expect(page.get_by_role("link", name="Download tour.mp4")).to_be_visible()
