"""Invoices for checks and purchase orders, receipts for paid payments: numbered
without gaps, downloaded by the payer and payment staff, mailed to who pays."""

import threading

import pytest
from django.core import mail
from django.db import connection, connections, transaction
from django.urls import reverse

from lssc.accounts.roles import StaffGroup
from lssc.audit.models import AuditEntry
from lssc.celery import app
from lssc.core.invariants import invariants
from lssc.fees.models import FeeKind
from lssc.notifications.models import OutgoingMail
from lssc.payments.enums import PaymentMethod, PaymentStatus
from lssc.payments.invoices import SEND_TASK, invoice_send
from lssc.payments.models import (
    INVOICE_COUNTER,
    Invoice,
    InvoiceCounter,
    Payment,
    PurchaseOrder,
)
from lssc.payments.services import payment_confirm, payment_create
from lssc.payments.tasks import invoice_mail
from tests.candidates.helpers import submitted
from tests.factories import UserFactory, staff_user
from tests.pdfs import pdf_text

from .conftest import start_card_payment

pytestmark = pytest.mark.django_db

SPRINGFIELD = "Springfield Library System"


def choose(client, user, method, institution=""):
    """The applicant chooses how to pay on their application page."""
    client.force_login(user)
    data = {"method": method, "institution": institution, "confirm": "yes"}
    response = client.post(reverse("candidates:application_status"), data)
    assert response.status_code == 302, response.content.decode()
    return Payment.objects.get(payer=user, method=method)


def applicant():
    user = UserFactory(full_name="Rosa Parks Lee")
    submitted(user)
    return user


def download(client, name, payment):
    return client.get(reverse(name, args=[payment.reference]))


def last_number() -> int:
    counter = InvoiceCounter.objects.filter(name=INVOICE_COUNTER).first()
    return counter.last if counter else 0


def test_a_check_payment_is_invoiced_and_mailed_to_the_payer(client, commit):
    user = applicant()
    before = last_number()
    with commit():
        payment = choose(client, user, "check")
    invoice = payment.invoice
    assert invoice.number == before + 1
    assert (invoice.bill_to_name, invoice.bill_to_email) == (user.full_name, user.email)
    assert (invoice.due_on - invoice.issued_at.date()).days == 30

    [sent] = [m for m in mail.outbox if "Invoice" in m.subject]
    assert sent.to == [user.email]
    assert invoice.display_number in sent.subject
    assert "$350" in sent.body and invoice.due_on.strftime("%B") in sent.body
    [(filename, content, _)] = sent.attachments
    assert filename == f"LSSC-invoice-{invoice.display_number}.pdf"
    text = pdf_text(content)
    for words in (
        f"Invoice {invoice.display_number}",
        "50 East Huron Street",  # the program's address
        "Rosa Parks Lee",
        "LSSC application fee",
        "Amount due $350.00",
        "Payment is due by",
        payment.reference,
    ):
        assert words in text, words
    audit = AuditEntry.objects.get(action="payment.invoiced")
    assert invoice.display_number in audit.summary


def test_the_invoice_is_mailed_once_however_often_the_task_runs(client, commit):
    with commit():
        payment = choose(client, applicant(), "check")
    assert invoice_send(payment.invoice.pk) is False
    assert OutgoingMail.objects.filter(template="invoice").count() == 1
    assert app.tasks[SEND_TASK].run is invoice_mail.run


def test_a_purchase_order_invoice_bills_the_institution_and_the_payer_downloads_it(
    client,
):
    payment = choose(client, applicant(), "purchase_order", SPRINGFIELD)
    page = client.get(reverse("payments:instructions", args=[payment.reference]))
    assert payment.invoice.display_number in page.text
    assert "Download the invoice (PDF)" in page.text

    response = download(client, "payments:invoice_pdf", payment)
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert "attachment" in response["Content-Disposition"]
    text = pdf_text(response.getvalue())
    assert f"{SPRINGFIELD} Attn: Rosa Parks Lee" in text
    assert "Total $350.00 Amount due $350.00" in text


def test_the_payer_sends_the_invoice_to_their_billing_office(client, commit):
    payment = choose(client, applicant(), "purchase_order", SPRINGFIELD)
    number = payment.invoice.number
    url = reverse("payments:invoice_bill_to", args=[payment.reference])
    with commit():
        response = client.post(
            url,
            {
                "bill_to_institution": SPRINGFIELD,
                "bill_to_name": "Pat Buyer",
                "bill_to_email": "ap@sls.example.org",
            },
            follow=True,
        )
    assert "is on its way to Pat Buyer at ap@sls.example.org" in response.text
    invoice = Invoice.objects.get(payment=payment)
    assert (invoice.number, invoice.revision) == (number, 2)
    assert invoice.bill_to_email == "ap@sls.example.org"
    [sent] = [m for m in mail.outbox if m.to == ["ap@sls.example.org"]]
    assert "Rosa Parks Lee" in sent.body
    assert "Attn: Pat Buyer" in pdf_text(sent.attachments[0][1])
    assert AuditEntry.objects.filter(action="payment.invoice_readdressed").exists()


@pytest.mark.parametrize(
    ("data", "problem"),
    [
        ({"bill_to_name": "Pat Buyer", "bill_to_email": "not an address"}, "valid"),
        ({"bill_to_name": "", "bill_to_email": "ap@sls.example.org"}, "required"),
    ],
)
def test_a_bad_billing_contact_is_refused_on_the_form(client, data, problem):
    payment = choose(client, applicant(), "purchase_order", SPRINGFIELD)
    url = reverse("payments:invoice_bill_to", args=[payment.reference])
    response = client.post(url, {"bill_to_institution": SPRINGFIELD, **data})
    assert response.status_code == 200
    assert problem in response.text
    invoice = Invoice.objects.get(payment=payment)
    assert (invoice.revision, invoice.bill_to_name) == (1, "Rosa Parks Lee")


def test_a_paid_invoice_is_not_sent_to_someone_else(client):
    payment = choose(client, applicant(), "check")
    payment_confirm(payment_id=payment.pk, note="Check 1001")
    url = reverse("payments:invoice_bill_to", args=[payment.reference])
    response = client.post(
        url, {"bill_to_name": "Pat", "bill_to_email": "pat@example.org"}, follow=True
    )
    assert "no longer awaited" in response.text
    assert Invoice.objects.get(payment=payment).revision == 1
    text = pdf_text(download(client, "payments:invoice_pdf", payment).getvalue())
    assert "nothing is owed" in text and "Amount due $0.00" in text


def test_a_purchase_order_bills_its_contact_and_shows_its_number(client, commit):
    payments = [
        choose(client, applicant(), "purchase_order", SPRINGFIELD) for _ in range(2)
    ]
    client.force_login(staff_user(StaffGroup.PROGRAM_ASSISTANT))
    with commit():
        response = client.post(
            reverse("admin:payments_purchaseorder_add"),
            {
                "number": "PO-2026-117",
                "institution": SPRINGFIELD,
                "contact_name": "Pat Buyer",
                "contact_email": "buyer@sls.example.org",
                "amount_cents": "700",
                "covered": [p.pk for p in payments],
            },
        )
    assert response.status_code == 302, response.content.decode()
    invoices = Invoice.objects.filter(payment__in=payments)
    assert {i.bill_to_email for i in invoices} == {"buyer@sls.example.org"}
    to_buyer = [m for m in mail.outbox if m.to == ["buyer@sls.example.org"]]
    assert len(to_buyer) == 2
    text = pdf_text(to_buyer[0].attachments[0][1])
    assert "Purchase order PO-2026-117" in text

    # The order is taken off one payment: its invoice goes back to the payer.
    order = PurchaseOrder.objects.get()
    client.post(
        reverse("admin:payments_purchaseorder_change", args=[order.pk]),
        {
            "number": "PO-2026-117",
            "institution": SPRINGFIELD,
            "contact_name": "Pat Buyer",
            "contact_email": "buyer@sls.example.org",
            "amount_cents": "350.00",
            "covered": [payments[0].pk],
        },
    )
    back = Invoice.objects.get(payment=payments[1])
    assert back.bill_to_email == payments[1].payer.email


def test_a_card_payment_has_no_invoice(client, stripe_on):
    user = applicant()
    start_card_payment(client, user)
    payment = Payment.objects.get(payer=user, method=PaymentMethod.CARD)
    before = last_number()
    response = download(client, "payments:invoice_pdf", payment)
    assert response.status_code == 404
    assert "A card payment has no invoice" in response.text
    assert not Invoice.objects.exists()
    assert last_number() == before


def test_a_receipt_pdf_for_every_paid_payment_and_none_before(client, stripe_on):
    user = applicant()
    start_card_payment(client, user)
    card = Payment.objects.get(payer=user)
    assert download(client, "payments:receipt_pdf", card).status_code == 404
    payment_confirm(payment_id=card.pk, note="Stripe")
    response = download(client, "payments:receipt_pdf", card)
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    text = pdf_text(response.getvalue())
    assert card.reference in text and "Amount paid $350.00" in text
    assert "Card (online)" in text
    receipt_page = client.get(reverse("payments:receipt", args=[card.reference]))
    assert "Download the receipt (PDF)" in receipt_page.text


@pytest.mark.parametrize("document", ["payments:invoice_pdf", "payments:receipt_pdf"])
@pytest.mark.parametrize(
    ("who", "expected"),
    [
        ("payer", 200),
        ("another candidate", 404),
        (StaffGroup.REVIEW_COMMITTEE, 404),
        (StaffGroup.PROGRAM_ASSISTANT, 200),
        (StaffGroup.PROGRAM_OFFICER, 200),
    ],
)
def test_documents_open_for_their_payer_and_payment_staff_only(
    client, document, who, expected
):
    payer = applicant()
    payment = choose(client, payer, "check")
    payment_confirm(payment_id=payment.pk, note="Check 1001")
    if who == "payer":
        user = payer
    elif who == "another candidate":
        user = UserFactory()
    else:
        user = staff_user(who)
    client.force_login(user)
    assert download(client, document, payment).status_code == expected


def test_staff_find_the_invoice_in_the_admin(client):
    payment = choose(client, applicant(), "check")
    invoice = payment.invoice
    client.force_login(staff_user(StaffGroup.PROGRAM_OFFICER))
    change = client.get(reverse("admin:payments_payment_change", args=[payment.pk]))
    pdf_url = reverse("payments:invoice_pdf", args=[payment.reference])
    assert f'href="{pdf_url}"' in change.text
    assert f"Invoice {invoice.display_number} (PDF)" in change.text
    listing = client.get(
        reverse("admin:payments_invoice_changelist"), {"q": invoice.display_number}
    )
    assert listing.status_code == 200
    assert payment.reference in listing.text
    assert download(client, "payments:invoice_pdf", payment).status_code == 200


def test_a_payment_made_before_invoices_gets_its_number_when_first_asked(client):
    user = applicant()
    payment = choose(client, user, "check")
    Invoice.objects.filter(payment=payment).delete()  # as if made before invoices
    response = download(client, "payments:invoice_pdf", payment)
    assert response.status_code == 200
    assert Invoice.objects.get(payment=payment).number == last_number()


def check_payment(user):
    return payment_create(
        payer=user,
        purpose=user,
        kind=FeeKind.APPLICATION,
        description="LSSC application fee",
        method=PaymentMethod.CHECK,
    )


def test_numbers_follow_each_other_and_a_rolled_back_invoice_leaves_no_gap():
    users = [UserFactory() for _ in range(3)]
    first = check_payment(users[0]).invoice.number
    with pytest.raises(RuntimeError), transaction.atomic():
        check_payment(users[1])
        raise RuntimeError("the request failed after the invoice was numbered")
    assert check_payment(users[2]).invoice.number == first + 1
    assert not Payment.objects.filter(payer=users[1]).exists()


def test_check_data_reports_a_gap_and_an_invoiced_card_payment():
    [rule] = [i for i in invariants() if i.name == "invoice-numbers"]
    payment = check_payment(UserFactory())
    assert list(rule.check()) == []
    Invoice.objects.filter(pk=payment.invoice.pk).update(number=last_number() + 1)
    Payment.objects.filter(pk=payment.pk).update(method=PaymentMethod.CARD)
    found = [v.detail for v in rule.check()]
    assert any("numbers up to" in d for d in found), found
    assert any("the counter is at" in d for d in found), found
    assert any("a card payment" in d for d in found), found


needs_postgres = pytest.mark.skipif(
    connection.vendor != "postgresql", reason="needs PostgreSQL row locks (CI)"
)


def _in_threads(work, count):
    start = threading.Barrier(count)
    errors = []

    def run(index):
        try:
            start.wait()
            work(index)
        except Exception as error:
            errors.append(error)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=run, args=(i,)) for i in range(count)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return errors


@pytest.mark.django_db(transaction=True)
@needs_postgres
def test_invoices_made_at_the_same_instant_get_distinct_consecutive_numbers():
    users = [UserFactory() for _ in range(8)]
    before = last_number()
    errors = _in_threads(lambda i: check_payment(users[i]), len(users))
    assert errors == []
    numbers = sorted(Invoice.objects.values_list("number", flat=True))
    assert numbers == list(range(before + 1, before + 9))
    assert last_number() == before + 8


@pytest.mark.django_db(transaction=True)
@needs_postgres
def test_an_invoice_rolled_back_while_another_waits_leaves_no_gap():
    first, second = UserFactory(), UserFactory()
    before = last_number()
    numbered = threading.Event()

    def work(index):
        if index == 0:
            with pytest.raises(RuntimeError), transaction.atomic():
                check_payment(first)
                numbered.set()
                # The other request is now waiting on the counter.
                threading.Event().wait(0.5)
                raise RuntimeError("rolled back")
        else:
            numbered.wait(5)
            check_payment(second)

    assert _in_threads(work, 2) == []
    assert list(Invoice.objects.values_list("number", flat=True)) == [before + 1]
    assert Invoice.objects.get().payment.payer == second
    assert Payment.objects.filter(status=PaymentStatus.PENDING).count() == 1
