"""The demo is built through the program's services and obeys its rules: every role's
account has work waiting, ``check_data`` finds nothing wrong, running the command
again changes nothing, and ``--reset`` builds the same demo again.

The demo is built once for the module, with real commits (its certificates and mail
are made after each commit, as in production), and deleted at the end.
"""

import re
import time
from html import unescape
from io import StringIO
from types import SimpleNamespace

import pytest
from allauth.mfa.utils import is_mfa_enabled
from django.apps import apps
from django.core.management import call_command
from django.test import override_settings
from django.urls import reverse
from django.utils import timezone
from django.utils.html import escape

from candidates.enums import ExtensionStatus
from candidates.extension_model import ExtensionRequest
from candidates.models import Certification
from courses.models import Course, CourseApplication
from demo.story.accounts import DEMO_PASSWORD, ROLES
from demo.story.reset import reset
from evaluations.models import AssignmentState, Decision, Evaluator
from lssc.accounts.models import User
from lssc.accounts.roles import StaffGroup, in_group
from lssc.payments.enums import PaymentMethod, PaymentStatus
from lssc.payments.models import Payment
from lssc.reports.base import reports_for
from portfolios.models import PortfolioStatus
from tests.pdfs import pdf_text

pytestmark = pytest.mark.django_db


def counts() -> dict[str, int]:
    return {m._meta.label: m._default_manager.count() for m in apps.get_models()}


@pytest.fixture(scope="module")
def media(tmp_path_factory):
    return tmp_path_factory.mktemp("demo-media")


@pytest.fixture(autouse=True)
def _scratch_media(settings, media):
    """The demo's files stay for the whole module, not one test."""
    settings.MEDIA_ROOT = media


@pytest.fixture(scope="module")
def demo(django_db_setup, django_db_blocker, media):
    with django_db_blocker.unblock(), override_settings(DEBUG=True, MEDIA_ROOT=media):
        output = StringIO()
        started = time.monotonic()
        call_command("seed_demo", stdout=output)
        seconds = time.monotonic() - started
        first = counts()
        call_command("seed_demo", "--reset", stdout=StringIO())
        yield SimpleNamespace(
            output=output.getvalue(), seconds=seconds, first=first, again=counts()
        )
        reset()


def test_every_role_has_an_account(demo):
    emails = {email for email, _ in ROLES}
    assert set(User.objects.filter(email__endswith="@demo.lssc.test").values_list(
        "email", flat=True
    )) == emails  # fmt: skip
    officer = User.objects.get(email="officer@demo.lssc.test")
    assert officer.check_password(DEMO_PASSWORD)
    assert in_group(officer, StaffGroup.PROGRAM_OFFICER)
    assert is_mfa_enabled(officer)
    assert in_group(
        User.objects.get(email="assistant@demo.lssc.test"), StaffGroup.PROGRAM_ASSISTANT
    )
    assert in_group(
        User.objects.get(email="crc@demo.lssc.test"), StaffGroup.REVIEW_COMMITTEE
    )
    demo_evaluators = Evaluator.objects.filter(user__email__endswith="@demo.lssc.test")
    assert len({e.institution for e in demo_evaluators}) == 3
    assert all(e.sets.count() == 10 and e.trained_on for e in demo_evaluators)
    assert "officer@demo.lssc.test" in demo.output
    assert DEMO_PASSWORD in demo.output


def test_check_data_finds_nothing_wrong(demo):
    call_command("check_data", stdout=StringIO())  # raises CommandError on any


def test_running_again_changes_nothing(demo, settings):
    settings.DEBUG = True
    before = counts()
    output = StringIO()
    call_command("seed_demo", stdout=output)
    assert counts() == before
    assert "nothing changed" in output.getvalue()


def test_reset_builds_the_same_demo(demo):
    assert demo.again == demo.first
    assert demo.first["candidates.Candidate"] >= 25


def test_candidate1_is_half_way_with_a_revision_to_answer(demo):
    candidate = User.objects.get(email="candidate1@demo.lssc.test").candidacies.get()
    assert candidate.achievements.count() >= 2
    statuses = set(candidate.portfolios.values_list("status", flat=True))
    assert PortfolioStatus.REVISION_REQUESTED in statuses
    assert PortfolioStatus.DRAFT in statuses
    assert not Certification.objects.filter(candidate=candidate).exists()


def test_candidate2_is_certified_with_the_renewal_window_open(demo):
    holder = User.objects.get(email="candidate2@demo.lssc.test")
    certification = holder.candidacies.get().certification
    assert certification.in_renewal_window(timezone.localdate())
    assert certification.certificate_is_current()
    assert certification.certificate.storage.exists(certification.certificate.name)
    assert certification.activities.exists()


def test_each_evaluator_has_reviews_waiting_and_done(demo):
    for email, role in ROLES:
        if role != "Evaluator":
            continue
        states = set(
            Evaluator.objects.get(user__email=email).assignments.values_list(
                "state", flat=True
            )
        )
        assert {AssignmentState.ASSIGNED, AssignmentState.SUBMITTED} <= states, email


def test_the_provider_has_approved_pending_and_lapsed_courses(demo):
    today = timezone.localdate()
    courses = Course.objects.filter(
        provider__contacts__user__email="provider@demo.lssc.test"
    )
    assert courses.filter(expires_on__gt=today).exists()
    assert courses.filter(
        expires_on__lte=today, lapse_recorded_at__isnull=False
    ).exists()
    assert CourseApplication.objects.filter(
        provider__contacts__user__email="provider@demo.lssc.test", status="in_review"
    ).exists()


def test_the_history_shows_every_outcome(demo):
    assert Decision.objects.filter(by_third_reviewer=True).exists()
    assert Decision.objects.filter(revision_sent_at__isnull=False).exists()
    today = timezone.localdate()
    holders = Certification.objects.all()
    assert holders.current_on(today).exists()
    assert any(c.lapsed(today) for c in holders)
    assert any(c.in_grace(today) for c in holders)
    assert any(c.period_starts_on > c.certified_on for c in holders)  # renewed


def test_staff_queues_have_work(demo, client):
    client.force_login(User.objects.get(email="officer@demo.lssc.test"))
    dashboard = client.get(reverse("staff_dashboard"))
    waiting = {
        item.queue.label: item.count
        for items in dashboard.context["groups"].values()
        for item in items
    }
    for label in (
        "Overdue reviews",
        "Applications needing a decision",
        "Checks and purchase orders awaiting receipt",
        "Course applications in review",
        "Course completions to verify",
        "Revision requests for the CRC to send",
        "Requests for more time",
        "Candidacies past their deadline",
    ):
        assert waiting[label] >= 1, label


def test_an_ended_candidacy_was_given_more_time_and_goes_on(demo):
    granted = ExtensionRequest.objects.get(status=ExtensionStatus.GRANTED)
    candidate = granted.candidate
    assert candidate.deadline == granted.granted_until > timezone.localdate()
    assert candidate.portfolios.filter(
        created_at__date__gt=granted.deadline_then
    ).exists()
    waiting = ExtensionRequest.objects.get(status=ExtensionStatus.REQUESTED)
    assert waiting.candidate.deadline < timezone.localdate()


def test_an_institution_paying_by_purchase_order_has_its_invoice(demo, client):
    order = Payment.objects.get(method=PaymentMethod.PURCHASE_ORDER)
    assert order.status == PaymentStatus.PENDING and order.invoice.number
    client.force_login(order.payer)
    response = client.get(reverse("payments:invoice_pdf", args=[order.reference]))
    assert response.status_code == 200
    assert order.institution in pdf_text(response.getvalue())


def test_every_report_has_something_to_draw(demo, client):
    officer = User.objects.get(email="officer@demo.lssc.test")
    client.force_login(officer)
    for report in reports_for(officer):
        response = client.get(reverse("reports:detail", args=[report.slug]))
        result = response.context["result"]
        drawn = [v for series in result.series for v in series.values if v]
        assert drawn, f"{report.slug} has nothing to draw"


def test_the_public_registry_lists_holders(demo, client):
    listed = Certification.objects.filter(listed_publicly=True).select_related(
        "candidate__user"
    )
    assert listed.exists()
    page = client.get(reverse("candidates:registry")).content.decode()
    assert listed.first().candidate.user.full_name in page


PAGES = {
    "candidate1@demo.lssc.test": [
        "home", "candidates:car", "portfolios:list", "courses:my_courses",
        "candidates:application_status",
    ],
    "candidate2@demo.lssc.test": [
        "home", "candidates:car", "renewals:home", "candidates:publicity",
    ],
    "evaluator1@demo.lssc.test": ["home", "evaluations:dashboard"],
    "provider@demo.lssc.test": ["home", "courses:provider_dashboard"],
    "officer@demo.lssc.test": ["staff_dashboard", "admin:index"],
    "crc@demo.lssc.test": ["staff_dashboard"],
}  # fmt: skip


@pytest.mark.parametrize("email", PAGES)
def test_each_demo_account_pages_open(demo, client, email):
    client.force_login(User.objects.get(email=email))
    for name in PAGES[email]:
        response = client.get(reverse(name))
        assert response.status_code == 200, (email, name)


def test_the_portfolio_under_revision_shows_the_candidate_its_narratives(demo, client):
    user = User.objects.get(email="candidate1@demo.lssc.test")
    portfolio = user.candidacies.get().portfolios.get(
        status=PortfolioStatus.REVISION_REQUESTED
    )
    client.force_login(user)
    page = client.get(portfolio.get_absolute_url()).content.decode()
    narrative = portfolio.narratives.first().text
    assert escape(narrative.split("\n")[0][:60]) in page


# --- Copy: every page a demo account reaches reads right ---------------------------

# What no page may say: "(s)" for a plural, "None" for a missing value, a count or
# an amount of 1,000 or more without its thousands separator, an empty <dd>.
COPY_FAULTS = {
    "a plural written (s)": re.compile(r"\w\(s\)"),
    "None for a missing value": re.compile(r"\bNone\b"),
    "a number without its separator": re.compile(
        r"(?:\$\d{4,}|(?<![\w$.,/#:-])\d{4,}(?=\s+(?:days?|hours?|sets?|candidates?|"
        r"applications?|payments?|portfolios?|reviews?|courses?|people|holders?|"
        r"words?|characters?|items?|months?)\b))"
    ),
}
EMPTY_DD = re.compile(r"<dd[^>]*>\s*</dd>")
NOT_FOLLOWED = re.compile(
    r"^/(?:admin/|accounts/logout|static/|media/)|\.(?:pdf|csv|json|png|zip)$|"
    r"/(?:download|document|certificate|evidence|inline|receipt\.pdf|invoice\.pdf)"
)


def _visible_text(html: str) -> str:
    html = re.sub(r"<(script|style|svg)\b.*?</\1>", " ", html, flags=re.S)
    html = re.sub(r"<[^>]+>", " ", html)
    return " ".join(unescape(html).split())


def _crawl(client, start: list[str], most: int = 80):
    """GET every page of the site reachable from ``start`` by its links, breadth
    first, at most ``most``; yields ``(path, html)``."""
    seen, queue = set(start), list(start)
    while queue and len(seen) <= most:
        path = queue.pop(0)
        response = client.get(path)
        if response.status_code != 200 or "html" not in response["Content-Type"]:
            continue
        html = response.content.decode()
        yield path, html
        for link in re.findall(r'href="(/[^"#?]*)', html):
            if link not in seen and not NOT_FOLLOWED.search(link):
                seen.add(link)
                queue.append(link)


@pytest.mark.parametrize("email", PAGES)
def test_every_page_an_account_reaches_reads_right(demo, client, email):
    client.force_login(User.objects.get(email=email))
    faults, pages = [], 0
    start = [reverse(name) for name in PAGES[email] if name != "admin:index"]
    for path, html in _crawl(client, start):
        pages += 1
        text = _visible_text(html)
        for fault, pattern in COPY_FAULTS.items():
            if found := pattern.search(text):
                context = text[max(0, found.start() - 50) : found.end() + 30]
                faults.append(f"{path}: {fault}: …{context}…")
        if EMPTY_DD.search(html):
            faults.append(f"{path}: an empty <dd>")
    assert pages >= len(start)
    assert not faults, "\n".join(faults)
