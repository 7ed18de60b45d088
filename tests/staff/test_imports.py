"""Importing the committee's list of evaluators: a preview with each row's errors,
nothing saved unless every row passes, and saved once."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from evaluations.models import Evaluator
from lssc.accounts.models import User
from lssc.accounts.roles import StaffGroup
from lssc.audit.models import AuditEntry
from lssc.notifications.models import OutgoingMail
from tests.factories import UserFactory, staff_user

pytestmark = pytest.mark.django_db

URL = "admin:evaluations_evaluator_import"
HEADER = "email,name,institution,sets,trained_on,max_assignments\n"


def upload(client, text, *, encoding="utf-8"):
    file = SimpleUploadedFile("list.csv", text.encode(encoding), "text/csv")
    return client.post(reverse(URL), {"file": file})


def confirm(client, response):
    return client.post(reverse(URL), {"payload": response.context["payload"]})


@pytest.fixture
def committee(client):
    client.force_login(staff_user(StaffGroup.REVIEW_COMMITTEE))
    return client


def test_a_good_list_is_previewed_then_saved(committee, commit):
    UserFactory(email="ruth@lakeside.edu", full_name="Ruth Reyes")
    text = HEADER + (
        "ruth@lakeside.edu,,Lakeside College,Technology,2026-03-01,\n"
        "Sam@Hill.org,Sam Hill,Hill County Library,"
        "cataloging and classification; Technology,,4\n"
    )
    preview = upload(committee, text)
    assert preview.status_code == 200
    html = preview.content.decode()
    assert "All 2 rows pass: 2 to save" in html
    assert "Has an account already." in html
    assert "A new account will be opened." in html
    assert not Evaluator.objects.exists()  # nothing until confirmed

    with commit():
        done = confirm(committee, preview)
    assert done.status_code == 302
    assert done["Location"] == reverse("admin:evaluations_evaluator_changelist")
    ruth = Evaluator.objects.get(user__email="ruth@lakeside.edu")
    assert str(ruth.trained_on) == "2026-03-01"
    assert [s.name for s in ruth.sets.all()] == ["Technology"]
    sam = Evaluator.objects.get(user__email__iexact="sam@hill.org")
    assert sam.user.full_name == "Sam Hill"
    assert sam.max_assignments == 4
    assert sam.trained_on is None
    assert sam.sets.count() == 2
    assert not sam.user.has_usable_password()
    mails = {m.to: m for m in OutgoingMail.objects.filter(template="evaluator_added")}
    assert "Choose your password" in mails[sam.user.email].body
    assert "Choose your password" not in mails["ruth@lakeside.edu"].body
    assert AuditEntry.objects.filter(action="evaluator.added").count() == 2

    # A second click on the same preview adds nobody twice.
    again = confirm(committee, preview)
    assert again.status_code == 302
    assert Evaluator.objects.count() == 2
    assert OutgoingMail.objects.filter(template="evaluator_added").count() == 2


def test_each_bad_row_is_shown_and_nothing_is_saved(committee):
    text = HEADER + (
        "ann@example.org,Ann Lee,Lakeside College,Technology,2026-02-30,\n"
        "ANN@example.org,Ann Lee,Lakeside College,Technology,,\n"
        "not-an-email,Bo,Lakeside College,Technology,,\n"
        "cy@example.org,Cy,,Astronomy,,\n"
        "dee@example.org,Dee,Hill College,Technology,2999-01-01,200\n"
        "eve@example.org,Eve,Hill College,Technology,,\n"
    )
    response = upload(committee, text)
    html = response.content.decode()
    assert "5 rows of 6 cannot be imported." in html
    assert "Nothing has been saved." in html
    assert "“2026-02-30” is not a date" in html
    assert "ANN@example.org appears twice in the file (line 2 too)." in html
    assert "“not-an-email” is not an email address." in html
    assert "The institution is missing." in html
    assert "“Astronomy” is not a competency set." in html
    assert "The training date is in the future." in html
    assert "whole number from 1 to 50" in html
    assert response.context["payload"] == ""  # no way to confirm
    assert 'name="payload"' not in html
    assert not Evaluator.objects.exists()
    assert not User.objects.filter(email="eve@example.org").exists()


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("mail,name\nann@example.org,Ann\n", "The columns are not right (missing: "),
        ("", "The submitted file is empty."),
        (HEADER, "The file has a header but no rows."),
    ],
)
def test_a_file_that_cannot_be_read_is_refused(committee, text, message):
    response = upload(committee, text)
    assert message in response.content.decode()
    assert response.context["preview"] is None
    assert not Evaluator.objects.exists()


def test_a_spreadsheet_file_with_a_byte_order_mark_and_us_dates(committee):
    text = "\ufeff" + HEADER + "ann@example.org,Ann Lee,Lakeside,Technology,3/1/2026,\n"
    response = upload(committee, text)
    assert response.context["preview"].errors == 0
    confirm(committee, response)
    assert str(Evaluator.objects.get().trained_on) == "2026-03-01"


def test_a_file_not_in_utf8_is_refused(committee):
    response = upload(committee, HEADER + "zoë@example.org,Zoë,Lakeside,Technology,,\n",
                      encoding="latin-1")  # fmt: skip
    assert "The file is not UTF-8 text." in response.content.decode()


def test_a_changed_or_expired_preview_saves_nothing(committee):
    response = upload(committee, HEADER + "ann@example.org,Ann,Lakeside,Technology,,\n")
    payload = response.context["payload"]
    forged = payload[:-4] + ("AAAA" if not payload.endswith("AAAA") else "BBBB")
    refused = committee.post(reverse(URL), {"payload": forged}, follow=True)
    assert "This preview has expired" in refused.content.decode()
    assert not Evaluator.objects.exists()


def test_the_blank_file_names_the_columns(committee):
    response = committee.get(reverse(URL) + "?blank=1")
    assert response["Content-Type"].startswith("text/csv")
    assert response.content.decode().strip() == HEADER.strip()


def test_only_staff_who_may_add_evaluators(client):
    assert client.get(reverse(URL)).status_code == 302  # to the login page
    client.force_login(UserFactory())
    assert client.get(reverse(URL)).status_code == 302
    client.force_login(staff_user(StaffGroup.PROGRAM_ASSISTANT))  # may only view
    assert client.get(reverse(URL)).status_code == 403
    client.force_login(staff_user(StaffGroup.REVIEW_COMMITTEE))
    page = client.get(reverse("admin:evaluations_evaluator_changelist"))
    assert reverse(URL) in page.content.decode()  # the link on the list


def test_an_email_matches_its_account_whatever_the_case(committee):
    ruth = UserFactory(email="Ruth@Lakeside.edu", full_name="Ruth Reyes")
    text = HEADER + "ruth@lakeside.edu,,Lakeside College,Technology,,\n"
    preview = upload(committee, text)
    assert "Has an account already." in preview.content.decode()
    confirm(committee, preview)
    assert Evaluator.objects.get().user == ruth

    again = upload(committee, text.replace("ruth@", "RUTH@"))
    assert "is an evaluator already: left as is." in again.content.decode()
    assert again.context["preview"].errors == 0
