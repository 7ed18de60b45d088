"""Each person lands on their own home after signing in, and the navigation lists
their homes: one link for one role, a "Your pages" menu for several."""

import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from evaluations.models import Evaluator
from lssc.accounts.roles import StaffGroup
from tests.accounts.test_mfa import current_code
from tests.candidates.helpers import admitted_candidate, complete_draft
from tests.courses.conftest import contact_of, make_provider
from tests.factories import PASSWORD, UserFactory, staff_user

pytestmark = pytest.mark.django_db

LOGIN = reverse("account_login")
CANDIDATE_HOME = reverse("candidates:home")
EVALUATOR_HOME = reverse("evaluations:dashboard")
PROVIDER_HOME = reverse("courses:provider_dashboard")
STAFF_HOME = reverse("staff_dashboard")


def evaluator_of(user) -> Evaluator:
    return Evaluator.objects.create(user=user, institution="Lakeside College")


def sign_in(client, user):
    response = client.post(LOGIN, {"login": user.email, "password": PASSWORD})
    assert response.status_code == 302
    return response["Location"]


def test_a_candidate_lands_on_their_certification(client):
    assert sign_in(client, admitted_candidate().user) == CANDIDATE_HOME


def test_an_applicant_with_a_draft_lands_on_their_certification(client):
    user = UserFactory()
    complete_draft(user)
    assert sign_in(client, user) == CANDIDATE_HOME


def test_an_evaluator_lands_on_their_reviews(client):
    user = UserFactory()
    evaluator_of(user)
    assert sign_in(client, user) == EVALUATOR_HOME


def test_a_provider_contact_lands_on_the_providers_dashboard(client):
    assert sign_in(client, contact_of(make_provider(contacts=1))) == PROVIDER_HOME


def test_staff_with_two_factor_land_on_work_waiting_after_their_code(client):
    officer = staff_user(StaffGroup.PROGRAM_OFFICER)
    assert sign_in(client, officer) == reverse("mfa_authenticate")
    response = client.post(reverse("mfa_authenticate"), {"code": current_code()})
    assert response["Location"] == STAFF_HOME
    assert client.get(STAFF_HOME).status_code == 200


def test_staff_without_two_factor_are_sent_on_to_enrol(client):
    officer = staff_user(StaffGroup.PROGRAM_OFFICER, mfa=False)
    assert sign_in(client, officer) == STAFF_HOME
    response = client.get(STAFF_HOME)
    assert response["Location"] == reverse("mfa_activate_totp")


def test_someone_with_no_role_lands_on_the_public_home(client):
    assert sign_in(client, UserFactory()) == reverse("home")


def test_someone_with_two_roles_lands_on_the_first_and_may_go_to_either(client):
    candidate = admitted_candidate()
    evaluator_of(candidate.user)
    assert sign_in(client, candidate.user) == EVALUATOR_HOME
    assert client.get(CANDIDATE_HOME).status_code == 200
    assert client.get(EVALUATOR_HOME).status_code == 200


def test_an_address_asked_for_before_signing_in_still_wins(client):
    user = admitted_candidate().user
    response = client.post(
        LOGIN,
        {"login": user.email, "password": PASSWORD, "next": reverse("portfolios:list")},
    )
    assert response["Location"] == reverse("portfolios:list")


# --- The navigation -------------------------------------------------------------------


def nav(html: str) -> str:
    """The second list of the main navigation: the person's own links."""
    lists = re.findall(r'<ul class="navbar-nav[^"]*">(.*?)</ul>\s*</div>', html, re.S)
    return lists[-1]


def links(html: str) -> dict[str, tuple[str, bool]]:
    """``{label: (href, current)}`` of the person's own links."""
    found = {}
    for attrs, label in re.findall(r"<a ([^>]*)>([^<]+)</a>", nav(html)):
        href = re.search(r'href="([^"]+)"', attrs)[1]
        found[label.strip()] = (href, 'aria-current="page"' in attrs)
    return found


def test_one_role_is_one_link_marked_current_on_its_page(client):
    client.force_login(admitted_candidate().user)
    html = client.get(CANDIDATE_HOME).content.decode()
    mine = links(html)
    assert mine["My certification"] == (CANDIDATE_HOME, True)
    assert "Your pages" not in nav(html)
    # Away from the home, the link is not marked.
    away = links(client.get(reverse("how_it_works")).content.decode())
    assert away["My certification"] == (CANDIDATE_HOME, False)


def test_two_roles_are_switched_between_from_your_pages(client):
    candidate = admitted_candidate()
    evaluator_of(candidate.user)
    client.force_login(candidate.user)

    on_reviews = client.get(EVALUATOR_HOME).content.decode()
    assert "Your pages" in nav(on_reviews)
    mine = links(on_reviews)
    assert mine["My evaluations"] == (EVALUATOR_HOME, True)
    assert mine["My certification"] == (CANDIDATE_HOME, False)

    mine = links(client.get(CANDIDATE_HOME).content.decode())
    assert mine["My evaluations"] == (EVALUATOR_HOME, False)
    assert mine["My certification"] == (CANDIDATE_HOME, True)


def test_a_provider_contact_who_has_not_applied_may_still_apply(client):
    client.force_login(contact_of(make_provider(contacts=1)))
    mine = links(client.get(PROVIDER_HOME).content.decode())
    assert mine["Course provider"] == (PROVIDER_HOME, True)
    assert mine["Apply for certification"] == (reverse("candidates:apply"), False)


def test_someone_with_no_role_is_offered_their_certification_to_start(client):
    client.force_login(UserFactory())
    mine = links(client.get(reverse("home")).content.decode())
    assert mine["My certification"] == (reverse("candidates:apply"), False)
    assert "Work waiting" not in mine and "My evaluations" not in mine


def test_staff_see_their_desk_and_not_the_application_form(client):
    client.force_login(staff_user(StaffGroup.PROGRAM_OFFICER))
    mine = links(client.get(STAFF_HOME).content.decode())
    assert mine["Work waiting"] == (STAFF_HOME, True)
    assert "Administration" in mine
    assert "My certification" not in mine
    assert "Apply for certification" not in mine


def test_the_homes_cost_the_same_queries_however_many_roles(client):
    def queries(user):
        client.force_login(user)
        with CaptureQueriesContext(connection) as captured:
            assert client.get(reverse("how_it_works")).status_code == 200
        return len(captured.captured_queries)

    nobody = queries(UserFactory())
    provider = make_provider(contacts=1)
    candidate = admitted_candidate()
    evaluator_of(candidate.user)
    provider.contacts.update(user=candidate.user)
    # One query answers for every role, held or not.
    assert queries(candidate.user) == nobody


# --- A role's home opened by someone without the role -------------------------------


@pytest.mark.parametrize(
    ("url", "explanation"),
    [
        (CANDIDATE_HOME, "You have not applied for certification yet"),
        (EVALUATOR_HOME, "Only evaluators have reviews to do."),
        (STAFF_HOME, "The “Work waiting” page is for program staff only."),
    ],
)
def test_a_role_home_sends_someone_without_the_role_home_with_a_word_why(
    client, url, explanation
):
    client.force_login(UserFactory())
    response = client.get(url, follow=True)
    assert response.redirect_chain == [(reverse("home"), 302)]
    assert explanation in response.content.decode()
