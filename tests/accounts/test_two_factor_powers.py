"""Two-factor is a precondition of every staff power, wherever the power is used."""

import pytest
from allauth.mfa.totp.internal.auth import TOTP
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import RequestFactory
from django.urls import reverse

from lssc.accounts.admin_site import ProgramAdminSite
from lssc.accounts.roles import StaffGroup, in_group
from lssc.competencies.models import CompetencySet
from portfolios.content import evidence_add
from portfolios.services import portfolio_open
from tests.candidates.helpers import admitted_candidate
from tests.factories import TOTP_SECRET, UserFactory, staff_user
from tests.portfolios import files

pytestmark = pytest.mark.django_db


@pytest.fixture
def evidence():
    candidate = admitted_candidate()
    portfolio = portfolio_open(
        candidate=candidate,
        competency_set=CompetencySet.objects.get(slug="technology"),
        by=candidate.user,
    )
    return evidence_add(
        portfolio_id=portfolio.pk,
        upload=SimpleUploadedFile("log.pdf", files.PDF),
        title="Desk log",
        by=candidate.user,
    )


@pytest.mark.parametrize("superuser", [False, True])
def test_no_permission_without_two_factor(superuser):
    officer = staff_user(StaffGroup.PROGRAM_OFFICER, mfa=False, is_superuser=superuser)
    assert not officer.has_perm("portfolios.view_evidence")
    assert not officer.has_perms(["payments.view_payment"])
    assert not officer.has_module_perms("candidates")
    assert officer.get_all_permissions() == set()
    assert not in_group(officer, StaffGroup.PROGRAM_OFFICER)

    TOTP.activate(officer, TOTP_SECRET)
    officer = type(officer).objects.get(pk=officer.pk)  # a new request's user
    assert officer.has_perm("portfolios.view_evidence")
    assert officer.has_module_perms("candidates")
    assert "payments.view_payment" in officer.get_all_permissions()
    assert in_group(officer, StaffGroup.PROGRAM_OFFICER)


def test_the_admin_site_refuses_staff_without_two_factor():
    request = RequestFactory().get("/admin/")
    request.user = staff_user(StaffGroup.PROGRAM_OFFICER, mfa=False)
    assert not ProgramAdminSite().has_permission(request)
    request.user = staff_user(StaffGroup.PROGRAM_OFFICER)
    assert ProgramAdminSite().has_permission(request)


def test_private_evidence_is_refused_to_staff_without_two_factor(client, evidence):
    url = reverse("portfolios:download", args=[evidence.pk])
    client.force_login(staff_user(StaffGroup.PROGRAM_OFFICER, mfa=False))
    assert client.get(url).status_code == 404
    client.force_login(staff_user(StaffGroup.PROGRAM_OFFICER))
    assert client.get(url).status_code == 200


@pytest.mark.parametrize(
    "url",
    [
        reverse("staff_dashboard"),
        reverse("reports:list"),
        reverse("admin:index"),
        reverse("admin:candidates_candidate_changelist"),
    ],
)
def test_staff_pages_send_staff_without_two_factor_to_enrol(client, url):
    client.force_login(staff_user(StaffGroup.PROGRAM_OFFICER, mfa=False))
    response = client.get(url)
    assert response.status_code == 302
    assert response["Location"] == reverse("mfa_activate_totp")


def test_staff_pages_send_others_to_sign_in(client):
    client.force_login(UserFactory())
    response = client.get(reverse("reports:list"))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("account_login"))
    # The staff home, a role's home, sends them to the public one and says why.
    response = client.get(reverse("staff_dashboard"))
    assert response["Location"] == reverse("home")


def test_unpublished_manuals_are_hidden_from_staff_without_two_factor(client):
    from lssc.manuals.models import Manual

    manual = Manual.objects.first()
    manual.published = False
    manual.save(update_fields=["published"])
    url = reverse("manuals:detail", args=[manual.slug])
    client.force_login(staff_user(StaffGroup.PROGRAM_OFFICER, mfa=False))
    assert client.get(url).status_code == 404
    client.force_login(staff_user(StaffGroup.PROGRAM_OFFICER))
    assert client.get(url).status_code == 200


OFFER = "Set up two-factor authentication"


def test_evaluators_work_without_two_factor_and_are_offered_it(client):
    import datetime

    from evaluations.models import Evaluator

    evaluator = Evaluator.objects.create(
        user=UserFactory(),
        institution="Lakeside College",
        trained_on=datetime.date(2026, 3, 1),
    )
    client.force_login(evaluator.user)
    page = client.get(reverse("evaluations:dashboard"))
    assert page.status_code == 200
    assert OFFER in page.content.decode()
    TOTP.activate(evaluator.user, TOTP_SECRET)
    assert OFFER not in client.get(reverse("evaluations:dashboard")).content.decode()


def test_providers_work_without_two_factor_and_are_offered_it(client):
    from tests.courses.conftest import contact_of, make_provider

    contact = contact_of(make_provider(contacts=1))
    client.force_login(contact)
    page = client.get(reverse("courses:provider_dashboard"))
    assert page.status_code == 200
    assert OFFER in page.content.decode()
    TOTP.activate(contact, TOTP_SECRET)
    assert (
        OFFER not in client.get(reverse("courses:provider_dashboard")).content.decode()
    )
