"""CSV imports in the browser: a provider's roster on its own page, and the
committee's evaluators in admin; each previewed, errors shown row by row."""

import re

from playwright.sync_api import expect

from courses.models import Completion, ReviewState
from evaluations.models import Evaluator
from lssc.accounts.roles import StaffGroup
from lssc.competencies.models import CompetencySet
from tests.candidates.helpers import admitted_candidate
from tests.courses.conftest import MARCH_10, approved_course, contact_of, make_provider
from tests.factories import staff_user

from .people import sign_in, staff_sign_in


def csv_file(text: str) -> dict:
    return {"name": "list.csv", "mimeType": "text/csv", "buffer": text.encode()}


def test_a_provider_uploads_its_roster(open_page, shoot):
    technology = CompetencySet.objects.get(slug="technology")
    officer = staff_user(StaffGroup.PROGRAM_OFFICER)
    course = approved_course(
        make_provider(), technology, officer=officer, day=MARCH_10, title="Tech basics"
    )
    learner = admitted_candidate()
    name = learner.user.full_name

    page = open_page()
    sign_in(page, contact_of(course.provider).email, start="/courses/provider/")
    page.get_by_role("link", name="Upload a roster of Tech basics").click()
    header = "candidate_number,name,completed_on,result\n"
    page.get_by_label("CSV file").set_input_files(
        csv_file(header + f"{learner.number},{name},2026-05-01,Pass\nLSSC-0,X,,\n")
    )
    page.get_by_role("button", name="Check the file").click()
    expect(page.get_by_role("alert")).to_contain_text("1 row of 2 cannot be imported.")
    expect(page.get_by_text("No candidate has the number LSSC-0.")).to_be_visible()
    expect(page.get_by_role("button", name=re.compile("^Save"))).to_have_count(0)
    shoot(page, "roster-errors")

    page.get_by_label("CSV file").set_input_files(
        csv_file(header + f"{learner.number},{name},05/01/2026,Pass\n")
    )
    page.get_by_role("button", name="Check the file").click()
    expect(page.get_by_role("status")).to_contain_text("All 1 row pass")
    page.get_by_role("button", name="Save 1 row").click()
    expect(page.get_by_text("Roster: 1 saved.")).to_be_visible()
    assert Completion.objects.get(candidate=learner).state == ReviewState.VERIFIED


def test_the_committee_imports_its_evaluators(open_page):
    staff_user(StaffGroup.REVIEW_COMMITTEE, email="crc@example.org")
    desk = open_page()
    staff_sign_in(desk, "crc@example.org")
    desk.goto("/admin/evaluations/evaluator/")
    desk.get_by_role("link", name="Import from a CSV file").click()
    header = "email,name,institution,sets,trained_on,max_assignments\n"
    desk.get_by_label("CSV file").set_input_files(
        csv_file(header + "ann@example.org,Ann Lee,Lakeside,Technology,2026-02-30,\n")
    )
    desk.get_by_role("button", name="Check the file").click()
    expect(desk.get_by_text("“2026-02-30” is not a date")).to_be_visible()
    desk.get_by_label("CSV file").set_input_files(
        csv_file(header + "ann@example.org,Ann Lee,Lakeside,Technology,,\n")
    )
    desk.get_by_role("button", name="Check the file").click()
    desk.get_by_role("button", name="Save 1 row").click()
    expect(desk.get_by_text("Evaluators: 1 saved.")).to_be_visible()
    assert Evaluator.objects.get().user.email == "ann@example.org"
