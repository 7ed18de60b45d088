"""Counts equal lists: every count on the staff dashboard is the number of rows the
list it links to shows (issue 18, item 5).

The data has records of every stateful model in every state, plus the cases where
a filter re-expressed in the admin's query string used to disagree with the count:
assigned reviews not yet due beside overdue ones, submitted and withdrawn reviews
past their date, pending card payments and cancelled checks beside checks to
record, inactive evaluators without training, decided disagreements. Every queue
registered, today or tomorrow, is checked by following its own link.
"""

import datetime
import html
import re

import pytest
from django.urls import reverse
from django.utils import timezone

from candidates.enums import ApplicationStatus
from courses.lapses import waiting_applications_reminder
from courses.models import CourseApplication
from evaluations.models import (
    Assignment,
    AssignmentState,
    Decision,
    Evaluator,
    Outcome,
)
from lssc.accounts.roles import StaffGroup
from lssc.audit.transitions import machines
from lssc.core import worklist
from lssc.notifications.models import OutgoingMail
from lssc.payments.enums import PaymentMethod, PaymentStatus
from lssc.payments.models import Payment, PurchaseOrder
from lssc.payments.services import payment_create
from tests.candidates.helpers import submitted
from tests.factories import UserFactory, staff_user
from tests.portfolios.state_world import _decision
from tests.transitions.worlds import load_worlds

pytestmark = pytest.mark.django_db

DASHBOARD = reverse("staff_dashboard")
# One dashboard line: the queue's link and label, then its count.
TILE = re.compile(
    r'<th scope="row"><a href="(?P<url>[^"]+)">(?P<label>[^<]+)</a></th>\s*'
    r'<td class="text-end">(?P<count>\d+)</td>'
)


LONG_AGO = timezone.now() - datetime.timedelta(days=90)
LATE = {
    Assignment: {"due_on": LONG_AGO.date()},
    CourseApplication: {"in_review_since": LONG_AGO},
}


def tiles(page: str) -> dict[str, tuple[str, int]]:
    """{label: (url, count)} as the dashboard's HTML shows them."""
    return {
        html.unescape(m["label"]): (html.unescape(m["url"]), int(m["count"]))
        for m in TILE.finditer(page)
    }


def _payment(method, status=PaymentStatus.PENDING, flagged=""):
    payer = UserFactory()
    payment = payment_create(
        payer=payer,
        purpose=payer,
        kind="application",
        description="Application fee",
        method=method,
    )
    Payment.objects.filter(pk=payment.pk).update(status=status, flagged_reason=flagged)


@pytest.fixture
def every_kind_of_work():
    worlds = load_worlds()
    for machine in machines():
        for state in machine.choices:
            made = worlds[machine.label].make(state)
            if isinstance(made, Assignment | CourseApplication):
                # One of each state long ago too: only some of these are late.
                late = worlds[machine.label].make(state)
                type(late).objects.filter(pk=late.pk).update(**LATE[type(late)])
    # An application in staff review from a US high-school graduate.
    application = submitted(UserFactory())
    application.status = ApplicationStatus.STAFF_REVIEW
    application.save()
    # Card payments, pending and flagged, beside the checks of every state.
    _payment(PaymentMethod.CARD)
    _payment(PaymentMethod.CARD, PaymentStatus.PAID, flagged="Amount differs.")
    _payment(PaymentMethod.PURCHASE_ORDER)
    # Evaluators without training: active (waiting) and no longer active.
    for active in (True, False):
        Evaluator.objects.create(
            user=UserFactory(), institution="Lakeside College", active=active
        )
    # Disagreements: one waiting for the third evaluator, one already decided.
    third = Assignment.objects.filter(state=AssignmentState.ASSIGNED)[:2]
    Assignment.objects.filter(pk__in=[a.pk for a in third]).update(third_reviewer=True)
    Decision.objects.create(submission=third[1].submission, outcome=Outcome.ACHIEVED)
    portfolio = third[1].submission.portfolio
    # Revision requests: one to send, one sent, and an achievement.
    _decision(portfolio, Outcome.REVISION)
    sent = _decision(portfolio, Outcome.REVISION)
    sent.revision_sent_at = timezone.now()
    sent.save()
    _decision(portfolio, Outcome.ACHIEVED)


@pytest.fixture
def officer(client):
    # A superuser sees every queue; two-factor on, as every staff member has.
    client.force_login(staff_user(StaffGroup.PROGRAM_OFFICER, is_superuser=True))
    return client


def test_every_count_equals_the_rows_its_link_opens(officer, every_kind_of_work):
    found = tiles(officer.get(DASHBOARD).content.decode())
    assert set(found) == {queue.label for queue in worklist.queues()}
    wrong = {}
    for label, (url, count) in found.items():
        response = officer.get(url)
        assert response.status_code == 200, url  # not a redirect to ?e=1
        shown = response.context["cl"].result_count
        if shown != count:
            wrong[label] = f"dashboard {count}, {url} lists {shown}"
    assert not wrong
    # The data fills the queues, so the equality above is not zero equals zero.
    empty = [label for label, (_, count) in found.items() if count == 0]
    assert not empty, empty

    # Where the old links' query strings listed more than the count said.
    def listed(url):
        return officer.get(url).context["cl"].result_count

    overdue = found["Overdue reviews"][1]
    assert overdue == 1  # assigned and past due: not submitted, withdrawn or future
    assignments = reverse("admin:evaluations_assignment_changelist")
    assert listed(assignments + "?state__exact=assigned") > overdue
    checks = found["Checks and purchase orders awaiting receipt"][1]
    payments = reverse("admin:payments_payment_changelist")
    assert listed(payments + "?status__exact=pending") > checks  # with the card


def test_every_queue_is_offered_as_a_filter_on_its_own_list(officer):
    for queue in worklist.queues():
        page = officer.get(queue.url.split("?")[0]).content.decode()
        assert html.escape(queue.label) in page, queue.label
    assert worklist.check_queue_filters() == []


def test_a_queue_whose_list_lacks_the_filter_is_reported(monkeypatch):
    # Purchase orders have an admin list without QueueFilter: its link would fail.
    stray = worklist.Queue(
        "Purchase orders to chase", PurchaseOrder.objects.all, "created_at", "chase"
    )
    monkeypatch.setattr(worklist, "_queues", [*worklist.queues(), stray])
    errors = worklist.check_queue_filters()
    assert [error.id for error in errors] == ["core.E001"]
    assert "Purchase orders to chase" in errors[0].msg


def test_two_queues_cannot_share_a_name(monkeypatch):
    monkeypatch.setattr(worklist, "_queues", list(worklist.queues()))
    with pytest.raises(ValueError):
        worklist.register(
            worklist.Queue("Another", Payment.objects.all, "created_at", "overdue")
        )


def test_a_queue_of_another_list_shows_no_rows(officer):
    _payment(PaymentMethod.CHECK)
    payments = reverse("admin:payments_payment_changelist")
    assert (
        officer.get(payments + "?queue=awaiting_receipt").context["cl"].result_count
        == 1
    )
    assert officer.get(payments + "?queue=overdue").context["cl"].result_count == 0


def test_the_waiting_mail_counts_what_its_link_lists(officer, every_kind_of_work):
    waiting_applications_reminder()
    mail = OutgoingMail.objects.filter(subject__contains="waiting more than").first()
    count = int(mail.subject.split()[0])
    url = re.search(r"https?://[^/\s]+(/admin/\S+)", mail.body)[1]
    assert count == 1  # of the course applications in review, one is late
    assert officer.get(url).context["cl"].result_count == count
