"""The manuals: staff edit Markdown in admin, the site shows it sanitised with the
program's figures, as pages and as one PDF; the evaluation guidelines shown to
candidates and to evaluators are the same section."""

import pytest
from django.urls import reverse

from lssc.accounts.roles import StaffGroup
from lssc.fees.services import public_fee_table
from lssc.manuals.models import Manual, Section
from tests.factories import UserFactory, staff_user
from tests.pdfs import pdf_text

pytestmark = pytest.mark.django_db


def change_section(client, section, **changes):
    data = {
        "manual": section.manual_id,
        "title": section.title,
        "anchor": section.anchor,
        "order": section.order,
        "body": section.body,
        **changes,
    }
    return client.post(reverse("admin:manuals_section_change", args=[section.pk]), data)


@pytest.fixture
def officer(client):
    client.force_login(staff_user(StaffGroup.PROGRAM_OFFICER))
    return client


def test_the_published_manuals_with_the_programs_figures(client):
    index = client.get(reverse("manuals:index")).content.decode()
    for title in ("Portfolio and Assessment Manual", "Frequently asked questions",
                  "Webinars and presentations"):  # fmt: skip
        assert title in index
    manual = client.get(reverse("manuals:detail", args=["portfolio-manual"]))
    html = manual.content.decode()
    assert "at least 70% of\nits competencies are rated met" in html
    assert "{{" not in html
    faq = client.get(reverse("faq")).content.decode()
    fee = public_fee_table()["application"]
    assert f"The application fee is ${fee / 100:,.0f}" in faq
    assert "1,820 hours" in faq


def test_a_fee_change_shows_in_the_faq_without_editing_it(client):
    from lssc.fees.models import Fee

    Fee.objects.filter(kind="application").exclude(audience="ala_member").update(
        amount_cents=41000
    )
    assert "The application fee is $410" in client.get(reverse("faq")).content.decode()


def test_an_edit_is_sanitised(officer, client):
    section = Section.objects.get(manual__slug="webinars", anchor="upcoming")
    response = change_section(
        officer, section,
        body='Next: **May 5**.\n\n<script>alert(1)</script>\n\n'
        '[join](javascript:alert(1)) <a href="/x" onclick="steal()">x</a>\n\n# Big',
    )  # fmt: skip
    assert response.status_code == 302
    html = client.get(reverse("manuals:detail", args=["webinars"])).content.decode()
    assert "Next: <strong>May 5</strong>." in html
    assert "<script>alert" not in html
    assert "javascript:" not in html
    assert "onclick" not in html
    assert "<h3>Big</h3>" in html  # the section's title is the h2


@pytest.mark.parametrize(
    ("body", "message"),
    [
        ("Costs {{ aplication_fee }}.", "Unknown placeholder {{ aplication_fee }}"),
        ("Costs {{ application_fee .", "A placeholder is not closed"),
        ("{% load x %}", "Template tags"),
    ],
)
def test_a_broken_placeholder_is_refused_and_nothing_changes(officer, body, message):
    section = Section.objects.get(manual__slug="faq", anchor="cost")
    before = section.body
    response = change_section(officer, section, body=body)
    assert response.status_code == 200
    assert message in response.content.decode()
    section.refresh_from_db()
    assert section.body == before


def test_the_admin_lists_the_placeholders_and_previews(officer):
    section = Section.objects.get(key="evaluation-guidelines")
    page = officer.get(reverse("admin:manuals_section_change", args=[section.pk]))
    html = page.content.decode()
    assert "{{ portfolio_pass_met_percent }}" in html
    assert "{{ application_fee }}" in html
    assert "<strong>The pass rule.</strong>" in html  # the preview
    # The guidelines are shown elsewhere: they can be edited, not deleted.
    assert not page.context["has_delete_permission"]


def test_the_guidelines_candidates_and_evaluators_read_are_one_text(
    officer, client, commit
):

    section = Section.objects.get(key="evaluation-guidelines")
    change_section(officer, section, body=section.body + "\n\nBring examples.")
    submission = _paid_submission(commit)
    portfolio = submission.portfolio
    client.force_login(portfolio.candidate.user)
    builder = client.get(reverse("portfolios:builder", args=[portfolio.pk]))
    assert "Bring examples." in builder.content.decode()
    assignment = submission.assignments.first()
    client.force_login(assignment.evaluator.user)
    review = client.get(reverse("evaluations:review", args=[assignment.pk]))
    assert "Bring examples." in review.content.decode()


def _paid_submission(commit):
    import datetime

    from evaluations.models import Evaluator
    from lssc.competencies.models import CompetencySet
    from tests.candidates.helpers import admitted_candidate
    from tests.evaluations.test_views import submitted_and_paid

    technology = CompetencySet.objects.get(slug="technology")
    for name in ("Ann", "Bob"):
        evaluator = Evaluator.objects.create(
            user=UserFactory(full_name=name), institution="Lakeside",
            trained_on=datetime.date(2026, 1, 1),
        )  # fmt: skip
        evaluator.sets.set([technology])
    return submitted_and_paid(admitted_candidate(), technology, commit)


def test_each_manual_and_all_of_them_as_pdf(client, officer):
    one = client.get(reverse("manuals:pdf", args=["portfolio-manual"]))
    assert one["Content-Type"] == "application/pdf"
    text = pdf_text(one.content)
    assert "Portfolio and Assessment Manual" in text
    assert "Evaluation guidelines" in text
    assert "Frequently asked questions" not in text
    everything = pdf_text(client.get(reverse("manuals:all_pdf")).content)
    for title in ("Portfolio and Assessment Manual", "Frequently asked questions",
                  "Webinars and presentations"):  # fmt: skip
        assert title in everything
    # An edit makes a new PDF, not the one made before.
    section = Section.objects.get(manual__slug="portfolio-manual", anchor="appeals")
    change_section(officer, section, body="Appeals go to the committee in writing.")
    client.logout()
    again = pdf_text(
        client.get(reverse("manuals:pdf", args=["portfolio-manual"])).content
    )
    assert "Appeals go to the committee in writing." in again
    # So does a section taken out, though no remaining section changed.
    Section.objects.filter(manual__slug="portfolio-manual", anchor="outcomes").delete()
    url = reverse("manuals:pdf", args=["portfolio-manual"])
    assert "After you submit" not in pdf_text(client.get(url).content)


def test_an_unpublished_manual_is_for_staff_only(client):
    Manual.objects.filter(slug="webinars").update(published=False)
    for url in (reverse("manuals:detail", args=["webinars"]),
                reverse("manuals:pdf", args=["webinars"])):  # fmt: skip
        assert client.get(url).status_code == 404
    assert "Webinars" not in client.get(reverse("manuals:index")).content.decode()
    client.force_login(staff_user(StaffGroup.PROGRAM_ASSISTANT))
    page = client.get(reverse("manuals:detail", args=["webinars"]))
    assert "Not published: only staff see this page." in page.content.decode()


def test_who_may_edit(client):
    section = Section.objects.get(key="evaluation-guidelines")
    url = reverse("admin:manuals_section_change", args=[section.pk])
    client.force_login(UserFactory())
    assert client.get(url).status_code == 302  # not staff: to the login page
    client.force_login(staff_user(StaffGroup.REVIEW_COMMITTEE))
    assert change_section(client, section, body="Read closely.").status_code == 302
    assert client.get(reverse("admin:manuals_manual_add")).status_code == 403
    section.refresh_from_db()
    assert section.body == "Read closely."


def test_the_manuals_give_the_time_to_appeal_more_time_and_the_evidence_kinds(
    client, settings
):
    settings.LSSC_RULES = {"APPEAL_DAYS": 45, "EXTENSION_MAX_MONTHS": 9}
    manual = client.get(reverse("manuals:detail", args=["portfolio-manual"]))
    html = " ".join(manual.content.decode().split())
    assert "The notice is given within 45 days of the day you were told" in html
    assert "PowerPoint, Excel, OpenDocument" in html and "HEIC" in html
    assert "(100 MB for a recording or video)" in html
    faq = " ".join(client.get(reverse("faq")).content.decode().split())
    assert "up to 90 days after it" in faq and "at most 9 months" in faq
    assert "within the 5 years before your new admission" in faq


def test_the_update_leaves_a_section_staff_rewrote_and_goes_back_cleanly():
    from importlib import import_module

    from django.apps import apps

    step = import_module("lssc.manuals.migrations.0003_deadlines_appeals_and_evidence")
    appeals = Section.objects.get(manual__slug="portfolio-manual", anchor="appeals")
    Section.objects.filter(pk=appeals.pk).update(body="Our own words on appeals.")
    step.backwards(apps, None)
    step.forwards(apps, None)
    appeals.refresh_from_db()
    assert appeals.body == "Our own words on appeals."
    step.backwards(apps, None)
    how_long = Section.objects.get(manual__slug="faq", anchor="how-long")
    assert how_long.body.startswith("From your admission you have {{ candidacy_years")
    assert "more time" not in how_long.body
