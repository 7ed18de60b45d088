"""The admin as the program officer uses it: from a person to all their records,
money and reviews that cannot be edited by hand, and lists that cost the same
however many rows they hold."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from candidates.models import Candidate
from lssc.accounts.roles import StaffGroup
from lssc.notifications.models import OutgoingMail
from lssc.notifications.services import mail_queue
from lssc.payments.models import Payment
from tests.candidates.helpers import admitted_candidate
from tests.factories import staff_user

pytestmark = pytest.mark.django_db


@pytest.fixture
def officer(client):
    client.force_login(staff_user(StaffGroup.PROGRAM_OFFICER))
    return client


def links_on(html: str) -> dict[str, str]:
    import re

    block = html[html.index('<ul class="related-links">') :]
    block = block[: block.index("</ul>")]
    return {
        text: href.replace("&amp;", "&")
        for href, text in re.findall(r'<a href="([^"]+)">([^<]+)</a>', block)
    }


def test_from_a_candidate_to_all_their_records(officer, client):
    candidate = admitted_candidate(client)  # pays by check: a payment and mail
    other = admitted_candidate()
    officer.force_login(staff_user(StaffGroup.PROGRAM_OFFICER))
    page = officer.get(
        reverse("admin:candidates_candidate_change", args=[candidate.pk])
    )
    links = links_on(page.content.decode())
    assert set(links) >= {
        "Candidate record", "Application", "Portfolios", "Course completions",
        "Recognition claims", "Payments", "Appeals", "Mail sent to them",
        "Audit trail",
    }  # fmt: skip
    assert "Certification" not in links  # not certified yet
    program_wide = ["Payments", "Appeals", "Mail sent to them", "Audit trail"]
    assert list(links)[-4:] == program_wide  # after the apps' own records
    for label, url in links.items():
        assert officer.get(url).status_code == 200, label

    payments = officer.get(links["Payments"])
    shown = list(payments.context["cl"].result_list)
    assert shown == list(Payment.objects.filter(payer=candidate.user))
    assert shown  # the application fee
    mails = officer.get(links["Mail sent to them"])
    assert {m.to for m in mails.context["cl"].result_list} == {candidate.user.email}
    assert other.user.email not in mails.content.decode()

    account = officer.get(
        reverse("admin:accounts_user_change", args=[candidate.user.pk])
    )
    assert links_on(account.content.decode())["Candidate record"] == reverse(
        "admin:candidates_candidate_change", args=[candidate.pk]
    )


def test_money_paid_and_submitted_reviews_cannot_be_edited(officer):
    candidate = admitted_candidate()
    payment = Payment.objects.filter(payer=candidate.user).first() or _payment(
        candidate
    )
    page = officer.get(reverse("admin:payments_payment_change", args=[payment.pk]))
    assert 'name="amount_cents"' not in page.content.decode()
    record = officer.get(
        reverse("admin:candidates_candidate_change", args=[candidate.pk])
    )
    html = record.content.decode()
    assert 'name="achievements-0-method"' not in html  # achievements: read only
    assert 'name="deadline"' not in html  # changed only by the extension action


def _payment(candidate):
    from lssc.payments.services import payment_create

    return payment_create(
        payer=candidate.user, purpose=candidate.user, kind="application",
        description="Application", method="check",
    )  # fmt: skip


CHANGELISTS = [
    "admin:candidates_candidate_changelist",
    "admin:candidates_application_changelist",
    "admin:payments_payment_changelist",
    "admin:notifications_outgoingmail_changelist",
    "admin:audit_auditentry_changelist",
    "admin:accounts_user_changelist",
]


def test_lists_cost_the_same_for_5_or_25_people(officer):
    def queries():
        counts = {}
        for name in CHANGELISTS:
            with CaptureQueriesContext(connection) as ctx:
                assert officer.get(reverse(name)).status_code == 200
            counts[name] = len(ctx.captured_queries)
        return counts

    def people(n):
        for _ in range(n):
            candidate = admitted_candidate()
            mail_queue(
                key=f"k{candidate.pk}",
                to=candidate.user.email,
                template="admitted",
                context={"candidate": candidate},
            )

    people(5)
    few = queries()
    people(20)
    assert Candidate.objects.count() == 25
    assert OutgoingMail.objects.count() >= 25
    assert queries() == few


def test_searching_people_s_records_by_name_email_or_number(officer):
    from candidates.models import Application

    ana, bo = admitted_candidate(), admitted_candidate()
    ana.user.full_name, ana.user.email = "Ana Garcia", "ana.garcia@library.example.org"
    ana.user.save()
    # Named here, not by the factory: a made-up name may contain "Garcia" too.
    bo.user.full_name = "Bo Lindqvist"
    bo.user.save()
    Application.objects.filter(pk=bo.application_id).update(
        library_name="Hill County Library"
    )
    payment = _payment(ana)

    def found(changelist, term):
        response = officer.get(reverse(changelist), {"q": term})
        assert response.status_code == 200
        return set(response.context["cl"].result_list)

    candidates = "admin:candidates_candidate_changelist"
    assert found(candidates, "garcia") == {ana}  # by name
    assert found(candidates, "GARCIA@LIBRARY") == {ana}  # by email, any case
    assert found(candidates, bo.number[-6:]) == {bo}  # by part of the number
    assert found(candidates, "nobody-has-this") == set()
    applications = "admin:candidates_application_changelist"
    assert found(applications, "hill county") == {bo.application}
    assert found(applications, ana.number) == {ana.application}
    payments = "admin:payments_payment_changelist"
    assert found(payments, payment.reference) == {payment}
    assert payment in found(payments, "ana.garcia")
    audit = found("admin:audit_auditentry_changelist", "ana.garcia")
    assert audit and all(e.owner_id == ana.user_id or e.actor_id == ana.user_id
                         for e in audit)  # fmt: skip


def test_every_admin_list_opens_and_searches(client):
    from django.contrib import admin

    admitted_candidate()
    client.force_login(staff_user(StaffGroup.PROGRAM_OFFICER, is_superuser=True))
    for model, model_admin in admin.site._registry.items():
        meta = model._meta
        url = reverse(f"admin:{meta.app_label}_{meta.model_name}_changelist")
        assert client.get(url).status_code == 200, url
        if model_admin.search_fields:
            assert client.get(url, {"q": "garcia"}).status_code == 200, url
