"""The credential's life: certified at the sixth set, the certificate PDF and its
verification page; renewed 47 months later; an unrenewed holder expires."""

import datetime
import re

import time_machine
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone
from playwright.sync_api import expect

from candidates.certification import achievement_record
from candidates.enums import AchievementMethod
from courses.achievements import completion_record
from lssc.accounts.roles import StaffGroup
from lssc.competencies.models import CompetencySet
from tests.candidates.helpers import admitted_candidate
from tests.courses.conftest import approved_course, make_provider
from tests.factories import staff_user
from tests.pdfs import pdf_text
from tests.portfolios import files

from .people import field, sign_in, staff_sign_in
from .test_courses import run_admin_action

FIVE = [
    "communication-and-teamwork",
    "foundations-of-library-service",
    "technology",
    "youth-services",
    "access-services",
]


def five_sets(candidate):
    for slug in FIVE:
        achievement_record(
            candidate=candidate,
            competency_set=CompetencySet.objects.get(slug=slug),
            method=AchievementMethod.PORTFOLIO,
        )


def test_certified_renewed_and_expired(open_page, shoot, tmp_path):
    officer = staff_user(StaffGroup.PROGRAM_OFFICER, email="officer@example.org")
    holder = admitted_candidate()
    other = admitted_candidate()
    five_sets(holder)
    five_sets(other)
    cataloging = CompetencySet.objects.get(slug="cataloging-and-classification")
    course = approved_course(
        make_provider(), cataloging, officer=officer, title="Cataloging I"
    )
    today = timezone.localdate()
    for candidate in (holder, other):
        completion_record(
            candidate=candidate,
            course=course,
            completed_on=today,
            result="Pass",
            form=SimpleUploadedFile("signed.pdf", files.PDF, "application/pdf"),
        )

    # Staff verify the completions: the sixth set certifies both.
    desk = open_page()
    staff_sign_in(desk, officer.email)
    desk.goto("/admin/courses/completion/")
    desk.get_by_role("checkbox", name="Select all objects on this page").check()
    desk.get_by_role("combobox", name=re.compile("^Action")).select_option(
        label="Verify: achieves the course's set"
    )
    desk.get_by_role("button", name="Run").click()
    expect(desk.get_by_text("2 completions verified.")).to_be_visible()

    page = open_page()
    sign_in(page, holder.user.email, start="/car/")
    expect(page.get_by_role("heading", name="Certified")).to_be_visible()
    with page.expect_download() as download:
        page.get_by_role("link", name="Download your certificate (PDF)").click()
    saved = tmp_path / "certificate.pdf"
    download.value.save_as(saved)
    pdf = saved.read_bytes()
    number = holder.certification.number
    assert number in pdf_text(pdf) and holder.user.full_name in pdf_text(pdf)
    shoot(page, "car-certified")
    page.get_by_role("link", name="Verification page").click()
    expect(page.get_by_role("status")).to_contain_text("Valid.")
    shoot(page, "verify-valid")

    # 47 months on: the holder logs 32 hours, 4 on technology, and applies.
    later = today + datetime.timedelta(days=47 * 30)
    with time_machine.travel(
        datetime.datetime.combine(later, datetime.time(15)), tick=True
    ):
        page = open_page()
        sign_in(page, holder.user.email, start="/renewal/")
        expect(page.get_by_role("heading", level=1)).to_have_text(
            "Renew your certification"
        )
        for n, technology in enumerate([True, False, False, False]):
            field(page, "Title of the activity").fill(f"Workshop {n + 1}")
            field(page, "Offered by").fill("State library")
            field(page, "Date (the last day, for a course)").fill(
                (later - datetime.timedelta(days=10 + n)).isoformat()
            )
            field(page, "Amount").fill("8")
            page.get_by_role("radio", name="Contact hours").check()
            if technology:
                page.get_by_role("checkbox", name="Related to technology").check()
            page.get_by_role("checkbox", name="Technology", exact=True).check()
            page.get_by_role("button", name="Log this activity").click()
            expect(page.get_by_role("status")).to_contain_text(f"Workshop {n + 1}")
        expect(page.get_by_text("32 of 32").first).to_be_visible()
        shoot(page, "renewal-ready")
        page.get_by_role("button", name="Apply to renew").click()
        expect(page.get_by_role("status")).to_contain_text("Renewal submitted")

        desk = open_page()
        staff_sign_in(desk, officer.email)
        desk.goto("/admin/renewals/renewal/")
        run_admin_action(
            desk,
            re.compile(number),
            "Approve: start the next period",
            submit="Run",
        )
        expect(desk.get_by_text("1 renewal approved.")).to_be_visible()
        holder.certification.refresh_from_db()
        last_day = holder.certification.last_valid_day
        page.goto(f"/verify/{number}/")
        expect(page.get_by_role("status")).to_contain_text("Valid.")
        expect(page.get_by_role("status")).to_contain_text(
            f"valid through {last_day:%B} {last_day.day}, {last_day.year}"
        )

    # Past the grace period, the holder who did not renew has expired.
    past_grace = other.certification.expires_on + datetime.timedelta(days=70)
    with time_machine.travel(
        datetime.datetime.combine(past_grace, datetime.time(15)), tick=True
    ):
        visitor = open_page()
        visitor.goto(f"/verify/{other.certification.number}/")
        expect(visitor.get_by_role("status")).to_contain_text("Expired.")
        shoot(visitor, "verify-expired")
