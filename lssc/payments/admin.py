from django import forms
from django.contrib import admin, messages
from django.core.exceptions import ValidationError
from django.template.defaultfilters import pluralize
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.html import format_html, format_html_join

from lssc.audit.admin_history import AuditTrailHistory
from lssc.core.admin_actions import (
    ReadOnlyRecord,
    ReasonForm,
    RecordedByTheProgram,
    action_with_form,
)
from lssc.core.admin_columns import shortened
from lssc.core.admin_history import SimpleHistoryAdmin
from lssc.core.admin_money import DollarsAdmin, money_column
from lssc.core.admin_search import PersonSearch
from lssc.core.money import dollars
from lssc.core.words import counted
from lssc.core.worklist import QueueFilter

from .enums import OFFLINE_METHODS, PaymentMethod, PaymentStatus
from .models import Invoice, Payment, PurchaseOrder, StripeEvent
from .services import (
    payment_cancel,
    payment_confirm,
    payment_flag_clear,
    payment_refund,
    purchase_order_cover,
    purchase_order_record_receipt,
)
from .stripe_gateway import CardPaymentUnavailable


class ReceiptForm(forms.Form):
    note = forms.CharField(
        label="Check number or note",
        max_length=200,
        required=False,
        help_text="Printed on nothing public; kept with the payment.",
    )


def payment_documents(payment):
    """Links to the payment's invoice (checks and purchase orders) and receipt (once
    paid) PDFs: the pages the payer downloads them from, which staff may open."""
    links = []
    if payment.method in OFFLINE_METHODS:
        invoice = Invoice.objects.filter(payment_id=payment.pk).first()
        label = f"Invoice {invoice.display_number}" if invoice else "Invoice"
        links.append((reverse("payments:invoice_pdf", args=[payment.reference]), label))
    if payment.status in (PaymentStatus.PAID, PaymentStatus.REFUNDED):
        links.append(
            (reverse("payments:receipt_pdf", args=[payment.reference]), "Receipt")
        )
    return format_html_join(" · ", '<a href="{}">{} (PDF)</a>', links)


def _day(moment) -> str:
    return date_format(timezone.localtime(moment), "M j, Y")


# The methods' names as a narrow column shows them.
METHOD_SHORT = {PaymentMethod.PURCHASE_ORDER: "Purchase order"}


class FlaggedFilter(admin.SimpleListFilter):
    title = "flagged for a check"
    parameter_name = "flagged"

    def lookups(self, request, model_admin):
        return [("yes", "Flagged"), ("no", "Not flagged")]

    def queryset(self, request, queryset):
        if self.value() == "yes":
            return queryset.exclude(flagged_reason="")
        if self.value() == "no":
            return queryset.filter(flagged_reason="")
        return queryset


@admin.register(Payment)
class PaymentAdmin(
    PersonSearch, RecordedByTheProgram, DollarsAdmin, SimpleHistoryAdmin
):
    # Large table: no COUNT(*) of every row under a filtered list.
    show_full_result_count = False
    # No date_hierarchy: its year list scans every payment (110 ms at 100,000); the
    # "created" filter narrows by date without it.
    # Columns fit a 1280-pixel screen beside the admin's menu: long names and
    # descriptions are cut, whole on hover and on the payment's page.
    list_display = (
        "reference",
        "payer_name",
        "paid_for",
        money_column("amount_cents", "amount"),
        "method_short",
        "status_and_flag",
        "created_on",
    )
    list_filter = (
        QueueFilter,
        "status",
        "method",
        "kind",
        FlaggedFilter,
        "created_at",
    )
    list_select_related = ("payer",)
    search_fields = ("reference", "payer__email", "payer__full_name", "institution")
    person_fields = ("payer",)
    own_search_fields = ("reference", "institution")
    actions = ["record_received", "refund", "cancel", "clear_flag"]
    readonly_fields = [f.name for f in Payment._meta.fields] + [
        "purpose_link",
        "documents",
    ]
    exclude = ("purpose_type", "purpose_id")
    list_per_page = 100

    class Media:
        css = {"all": ["css/admin_lists.css"]}

    @admin.display(description="payer", ordering="payer__full_name")
    def payer_name(self, obj):
        payer = obj.payer
        return shortened(
            payer.full_name or payer.email, 28, title=f"{payer} <{payer.email}>"
        )

    @admin.display(description="description", ordering="description")
    def paid_for(self, obj):
        whole = obj.description
        if obj.institution:
            whole = f"{whole} (paid by {obj.institution})"
        return shortened(obj.description, 40, title=whole)

    @admin.display(description="method", ordering="method")
    def method_short(self, obj):
        return METHOD_SHORT.get(obj.method) or obj.get_method_display()

    @admin.display(description="status", ordering="status")
    def status_and_flag(self, obj):
        status = obj.get_status_display()
        if obj.paid_at is not None and obj.status == PaymentStatus.PAID:
            status = f"{status} {_day(obj.paid_at)}"
        return f"{status}, flagged" if obj.is_flagged else status

    @admin.display(description="created", ordering="created_at")
    def created_on(self, obj):
        return _day(obj.created_at)

    @admin.display(description="paid for")
    def purpose_link(self, obj):
        return str(obj.purpose)

    @admin.display(description="invoice and receipt")
    def documents(self, obj):
        return payment_documents(obj) or "None: a card payment not yet paid."

    @admin.action(
        description="Record check / purchase order received", permissions=["change"]
    )
    def record_received(self, request, queryset):
        payments = list(queryset.filter(method__in=OFFLINE_METHODS))

        def apply(data):
            done = sum(
                payment_confirm(payment_id=p.pk, actor=request.user, note=data["note"])
                for p in payments
            )
            self.message_user(
                request, f"{counted(done, 'payment')} recorded as received."
            )
            skipped = len(queryset) - done
            if skipped:
                self.message_user(
                    request,
                    f"{skipped} skipped: card payments, or already received.",
                    messages.WARNING,
                )

        return action_with_form(
            self,
            request,
            queryset,
            form_class=ReceiptForm,
            title="Record payment received",
            apply=apply,
        )

    @admin.action(description="Refund", permissions=["change"])
    def refund(self, request, queryset):
        def apply(data):
            done = 0
            for payment in queryset:
                try:
                    done += payment_refund(
                        payment=payment, actor=request.user, reason=data["reason"]
                    )
                except CardPaymentUnavailable as error:
                    self.message_user(
                        request,
                        f"{payment}: the card processor refused the refund ({error}).",
                        messages.ERROR,
                    )
            self.message_user(request, f"{counted(done, 'payment')} refunded.")

        return action_with_form(
            self, request, queryset, form_class=ReasonForm, title="Refund", apply=apply
        )

    @admin.action(description="Cancel (never paid)", permissions=["change"])
    def cancel(self, request, queryset):
        def apply(data):
            done = sum(
                payment_cancel(payment=p, actor=request.user, reason=data["reason"])
                for p in queryset
            )
            self.message_user(request, f"{counted(done, 'pending payment')} cancelled.")

        return action_with_form(
            self, request, queryset, form_class=ReasonForm, title="Cancel", apply=apply
        )

    @admin.action(description="Clear the flag (checked)", permissions=["change"])
    def clear_flag(self, request, queryset):
        def apply(data):
            done = sum(
                payment_flag_clear(payment=p, actor=request.user, reason=data["reason"])
                for p in queryset
            )
            self.message_user(request, f"{done} flag{pluralize(done)} cleared.")

        return action_with_form(
            self,
            request,
            queryset,
            form_class=ReasonForm,
            title="Clear the flag",
            apply=apply,
        )


class PurchaseOrderForm(forms.ModelForm):
    covered = forms.ModelMultipleChoiceField(
        label="Applicants covered",
        queryset=Payment.objects.none(),
        widget=forms.CheckboxSelectMultiple,
        help_text="The pending check or purchase-order payments this order pays for.",
    )

    class Meta:
        model = PurchaseOrder
        fields = [
            "number",
            "institution",
            "contact_name",
            "contact_email",
            "amount_cents",
            "note",
        ]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        pending = Payment.objects.filter(
            method__in=OFFLINE_METHODS, status=PaymentStatus.PENDING
        ).select_related("payer")
        if self.instance.pk:
            pending = pending.filter(
                purchase_order__isnull=True
            ) | self.instance.payments.select_related("payer")
            self.fields["covered"].initial = list(self.instance.payments.all())
        else:
            pending = pending.filter(purchase_order__isnull=True)
        self.fields["covered"].queryset = pending
        self.fields["covered"].label_from_instance = lambda p: (
            f"{p.reference} · {p.payer.full_name} <{p.payer.email}> · "
            f"{dollars(p.amount_cents)}"
        )

    def clean(self):
        data = super().clean()
        covered = data.get("covered")
        if covered and data.get("amount_cents") is not None:
            total = sum(p.amount_cents for p in covered)
            if total != data["amount_cents"]:
                raise ValidationError(
                    f"The applicants selected owe {dollars(total)} in all; the "
                    f"order's total is {dollars(data['amount_cents'])}."
                )
        return data


@admin.register(PurchaseOrder)
class PurchaseOrderAdmin(DollarsAdmin, SimpleHistoryAdmin):
    form = PurchaseOrderForm
    list_display = (
        "number",
        "institution",
        "contact_name",
        money_column("amount_cents", "total"),
        "status",
        "created_at",
    )
    list_filter = ("status",)
    search_fields = ("number", "institution", "contact_email", "payments__reference")
    readonly_fields = ("status", "received_at", "received_by")
    actions = ["record_receipt"]

    def has_delete_permission(self, request, obj=None):
        return False

    def get_readonly_fields(self, request, obj=None):
        if obj is not None and obj.status != "open":
            return self.in_dollars(f.name for f in PurchaseOrder._meta.fields)
        return super().get_readonly_fields(request, obj)

    def save_related(self, request, form, formsets, change):
        super().save_related(request, form, formsets, change)
        if "covered" in form.cleaned_data:
            purchase_order_cover(
                purchase_order=form.instance,
                payments=form.cleaned_data["covered"],
                actor=request.user,
            )

    @admin.action(description="Record payment received", permissions=["change"])
    def record_receipt(self, request, queryset):
        for order in queryset:
            try:
                count = purchase_order_record_receipt(
                    purchase_order=order, actor=request.user
                )
            except ValidationError as error:
                self.message_user(request, " ".join(error.messages), messages.ERROR)
            else:
                self.message_user(
                    request,
                    f"{order}: {counted(count, 'payment')} recorded as received.",
                )


@admin.register(StripeEvent)
class StripeEventAdmin(RecordedByTheProgram, AuditTrailHistory, admin.ModelAdmin):
    list_display = ("received_at", "type", "event_id", "payment", "outcome")
    list_select_related = ("payment",)
    search_fields = ("event_id", "payment__reference")
    readonly_fields = [f.name for f in StripeEvent._meta.fields]

    def history_subjects(self, obj):
        # What an event did is recorded on its payment.
        return [(obj, None), (obj.payment, None)]


@admin.register(Invoice)
class InvoiceAdmin(ReadOnlyRecord, SimpleHistoryAdmin):
    """Invoices are made by the program and never deleted: their numbers run without
    a gap. Staff find one by its number (``INV-000123`` or ``123``) or payment."""

    list_display = (
        "display_number",
        "payment",
        "bill_to_institution",
        "bill_to_name",
        "issued_at",
        "due_on",
        "pdf_link",
    )
    list_select_related = ("payment",)
    search_fields = ("payment__reference", "bill_to_email", "bill_to_institution")
    readonly_fields = (
        "display_number",
        "payment",
        "issued_at",
        "due_on",
        "bill_to_institution",
        "bill_to_name",
        "bill_to_email",
        "revision",
        "pdf_link",
    )
    fields = readonly_fields
    show_full_result_count = False

    @admin.display(description="number", ordering="number")
    def display_number(self, obj):
        return obj.display_number

    @admin.display(description="PDF")
    def pdf_link(self, obj):
        return format_html(
            '<a href="{}">{}</a>',
            reverse("payments:invoice_pdf", args=[obj.payment.reference]),
            obj.filename,
        )

    def get_search_results(self, request, queryset, search_term):
        found, duplicates = super().get_search_results(request, queryset, search_term)
        digits = search_term.strip().upper().removeprefix("INV-")
        if digits.isdigit():
            found |= queryset.filter(number=int(digits))
        return found, duplicates
