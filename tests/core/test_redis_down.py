"""Redis down, nothing else breaks: sign-in and pages work, and work for the broker
waits in the database until it is back, then happens exactly once."""

import contextlib
import datetime
import time

import pytest
import time_machine
from celery.contrib.testing.worker import start_worker
from django.core import mail
from django.urls import reverse
from django.utils import timezone

from evaluations.models import Assignment, Evaluator
from lssc.accounts.roles import StaffGroup
from lssc.celery import app
from lssc.competencies.models import CompetencySet
from lssc.notifications.models import MailState, OutgoingMail
from lssc.outbox import services as outbox
from lssc.outbox.models import PendingTask
from lssc.payments.enums import PaymentStatus
from lssc.payments.models import Payment
from portfolios.models import PortfolioStatus
from portfolios.services import portfolio_open, portfolio_pay, portfolio_submit
from tests.candidates.helpers import admitted_candidate
from tests.factories import PASSWORD, UserFactory, staff_user
from tests.portfolios.test_submission import complete

pytestmark = pytest.mark.django_db

DOWN = "redis://127.0.0.1:1/0"  # nothing listens on port 1


@contextlib.contextmanager
def broker(url, *, eager=False):
    """Point Celery at ``url`` (a closed port: the broker is down)."""
    saved = {key: app.conf[key] for key in ("broker_url", "task_always_eager")}

    def reset_pools():
        app._pool = None
        app.amqp._producer_pool = None
        outbox._broker_paused_until = 0.0

    app.conf.update(broker_url=url, task_always_eager=eager)
    reset_pools()
    try:
        yield
    finally:
        app.conf.update(saved)
        reset_pools()


@pytest.fixture
def cache_down(settings):
    settings.CACHES = {
        "default": {
            "BACKEND": "lssc.core.cache.ResilientRedisCache",
            "LOCATION": DOWN,
            "OPTIONS": {"socket_connect_timeout": 1, "socket_timeout": 1},
        }
    }


def timed(call):
    started = time.perf_counter()
    result = call()
    return result, time.perf_counter() - started


def test_sign_in_sign_up_and_reset_work_with_the_cache_down(client, cache_down):
    user = UserFactory()
    assert client.get(reverse("account_login")).status_code == 200
    response, seconds = timed(
        lambda: client.post(
            reverse("account_login"), {"login": user.email, "password": PASSWORD}
        )
    )
    assert response.status_code == 302
    assert client.session["_auth_user_id"] == str(user.pk)
    assert seconds < 2
    assert client.get(reverse("competencies:list")).status_code == 200
    client.logout()

    response = client.post(
        reverse("account_signup"),
        {
            "full_name": "Robin Redis",
            "email": "robin@example.org",
            "password1": "a long enough password",
            "password2": "a long enough password",
        },
    )
    assert response.status_code == 302
    response = client.post(reverse("account_reset_password"), {"email": user.email})
    assert response.status_code == 302
    assert any("robin@example.org" in m.to for m in mail.outbox)
    assert any(user.email in m.to for m in mail.outbox)


def test_rate_limits_still_count_while_the_cache_is_down(client, cache_down):
    user = UserFactory()
    wrong = {"login": user.email, "password": "not the password"}
    answers = [client.post(reverse("account_login"), wrong) for _ in range(6)]
    # Counted in local memory: the limit still stops a guesser.
    assert "Too many failed sign-ins" not in answers[4].content.decode()
    assert "Too many failed sign-ins" in answers[5].content.decode()


@pytest.fixture
def check_payment():
    """A Technology portfolio, submitted, to be paid by check; two evaluators ready."""
    technology = CompetencySet.objects.get(slug="technology")
    for name in ("Ann Reviewer", "Bob Reviewer"):
        evaluator = Evaluator.objects.create(
            user=UserFactory(full_name=name),
            institution="Lakeside College",
            trained_on=datetime.date(2026, 3, 1),
        )
        evaluator.sets.set([technology])
    candidate = admitted_candidate()
    portfolio = portfolio_open(candidate=candidate, competency_set=technology, by=None)
    complete(portfolio)
    portfolio_submit(portfolio_id=portfolio.pk, by=None)
    payment, _ = portfolio_pay(portfolio=portfolio, method="check")
    return payment


def record_received(client, payment, commit):
    client.force_login(staff_user(StaffGroup.PROGRAM_OFFICER))
    changelist = reverse("admin:payments_payment_changelist")
    form = {"action": "record_received", "_selected_action": [payment.pk]}
    assert client.post(changelist, form).status_code == 200  # asks for a note
    with commit():
        return timed(
            lambda: client.post(changelist, {**form, "apply": "1", "note": "Check #7"})
        )


def test_a_check_recorded_with_the_broker_down_loses_nothing(
    client, check_payment, commit
):
    mail.outbox.clear()
    with broker(DOWN):
        response, seconds = record_received(client, check_payment, commit)
    assert response.status_code == 302
    print(f"recorded with the broker down in {seconds:.2f} s")
    assert seconds < 2.5
    check_payment.refresh_from_db()
    assert check_payment.status == PaymentStatus.PAID
    portfolio = check_payment.purpose
    portfolio.refresh_from_db()
    assert portfolio.status == PortfolioStatus.UNDER_REVIEW
    # The after-commit work that needs no broker still ran: evaluators assigned.
    assert Assignment.objects.filter(submission__portfolio=portfolio).count() == 2
    queued = OutgoingMail.objects.filter(state=MailState.QUEUED).count()
    assert queued >= 3  # the candidate and both evaluators, at least
    # Waiting too: the invoice queued when the payer chose to pay by check (it
    # finds the payment paid when it runs, and sends nothing).
    waiting = PendingTask.objects.filter(dispatched_at__isnull=True)
    assert waiting.count() == queued + 1
    assert "127.0.0.1:1" in waiting.exclude(last_error="").first().last_error
    assert mail.outbox == []

    # The broker is back: the sweep sends each waiting task once.
    later = timezone.now() + datetime.timedelta(minutes=2)
    with broker(DOWN, eager=True), time_machine.travel(later):
        assert outbox.dispatch_pending() == queued + 1
        assert outbox.dispatch_pending() == 0
    assert not PendingTask.objects.filter(dispatched_at__isnull=True).exists()
    sent = OutgoingMail.objects.all()
    assert all(m.state == MailState.SENT and m.attempts == 1 for m in sent)
    assert sorted(m.to[0] for m in mail.outbox) == sorted(m.to for m in sent)
    assert Assignment.objects.filter(submission__portfolio=portfolio).count() == 2


@pytest.mark.django_db(transaction=True)
def test_a_real_worker_sends_what_waited_for_the_broker(
    client, check_payment, redis_url
):
    mail.outbox.clear()
    with broker(DOWN):
        client.force_login(staff_user(StaffGroup.PROGRAM_OFFICER))
        response = client.post(
            reverse("admin:payments_payment_changelist"),
            {
                "action": "record_received",
                "_selected_action": [check_payment.pk],
                "apply": "1",
                "note": "Check #8",
            },
        )
    assert response.status_code == 302
    assert Payment.objects.get().status == PaymentStatus.PAID
    waiting = set(
        PendingTask.objects.filter(dispatched_at__isnull=True).values_list(
            "pk", flat=True
        )
    )
    assert waiting
    held = set(
        OutgoingMail.objects.filter(state=MailState.QUEUED).values_list("pk", flat=True)
    )
    assert len(held) >= 3
    assert mail.outbox == []

    with broker(redis_url):
        # A worker that starts sends what is waiting (past the sweep's grace).
        PendingTask.objects.update(created_at=timezone.now() - outbox.SWEEP_GRACE)
        with start_worker(app, pool="solo", perform_ping_check=False):
            deadline = time.monotonic() + 20
            while (
                time.monotonic() < deadline
                and OutgoingMail.objects.filter(
                    pk__in=held, state=MailState.QUEUED
                ).exists()
            ):
                time.sleep(0.2)
            outbox.dispatch_pending()  # a sweep after the start changes nothing
            time.sleep(0.5)
    sent = OutgoingMail.objects.filter(pk__in=held)
    assert all(m.state == MailState.SENT and m.attempts == 1 for m in sent)
    assert sorted(m.to[0] for m in mail.outbox) == sorted(m.to for m in sent)
    assert not PendingTask.objects.filter(dispatched_at__isnull=True).exists()
