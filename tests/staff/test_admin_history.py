"""Every record of a decision has its history a click from its admin page: the
versions of its fields where the model keeps them, and what the audit trail says
of it (who decided what, when and why)."""

import pytest
from django.contrib import admin
from django.test import Client
from django.urls import reverse
from django.utils.html import escape

from lssc.audit.admin_history import AuditTrailHistory, trail, trail_of_record
from lssc.core.admin_history import SimpleHistoryAdmin
from tests.security.matrix_world import build_world

pytestmark = pytest.mark.django_db

# The models that record a decision or a step toward one.
DECISION_MODELS = {
    "appeals.appeal",
    "appeals.lateappeal",
    "candidates.application",
    "candidates.candidate",
    "candidates.certification",
    "candidates.extensionrequest",
    "courses.completion",
    "courses.courseapplication",
    "courses.recognitionclaim",
    "evaluations.assignment",
    "evaluations.decision",
    "evaluations.evaluatorapplication",
    "evaluations.review",
    "fees.fee",
    "payments.payment",
    "payments.purchaseorder",
    "payments.stripeevent",
    "portfolios.portfolio",
    "portfolios.prereview",
    "portfolios.submission",
    "renewals.renewal",
}
# Models with a state that is not a decision: mail being sent, providers and
# agreements staff keep, agencies and their digests.
NOT_DECISIONS = {
    "notifications.outgoingmail",
    "courses.provider",
    "courses.recognitionagreement",
    "candidates.statelibraryagency",
    "candidates.statelibrarydigest",
}
# Which record of a model to open: one with something recorded.
PICK = {"evaluations.review": {"submitted_at__isnull": False}}
STATE_FIELDS = {"status", "state", "outcome", "verdict", "decided_at"}


def _registered():
    return {m._meta.label_lower: (m, a) for m, a in admin.site._registry.items()}


def test_every_model_with_a_state_or_a_decision_is_listed_here():
    stateful = {
        label
        for label, (model, _) in _registered().items()
        if STATE_FIELDS & {f.name for f in model._meta.get_fields()}
    }
    assert stateful - NOT_DECISIONS <= DECISION_MODELS, "Walk their history below."
    assert set(_registered()) >= DECISION_MODELS


def _expected_entries(model_admin, obj):
    if isinstance(model_admin, AuditTrailHistory):
        return trail(model_admin.history_subjects(obj))
    return trail_of_record(type(obj), obj.pk)


def test_each_decision_s_history_opens_from_its_page_with_its_trail():
    world = build_world()
    officer = Client()
    officer.force_login(world.users["officer"])
    with_entries = set()
    for label in sorted(DECISION_MODELS):
        model, model_admin = _registered()[label]
        assert isinstance(model_admin, SimpleHistoryAdmin | AuditTrailHistory), label
        rows = model._default_manager.filter(**PICK.get(label, {}))
        obj = rows.order_by("pk").first()
        assert obj is not None, f"The world has no {label}."
        opts = model._meta
        history = reverse(
            f"admin:{opts.app_label}_{opts.model_name}_history", args=[obj.pk]
        )

        page = officer.get(
            reverse(f"admin:{opts.app_label}_{opts.model_name}_change", args=[obj.pk])
        )
        assert page.status_code == 200, label
        assert f'href="{history}"' in page.content.decode(), label

        response = officer.get(history)
        assert response.status_code == 200, label
        html = response.content.decode()
        assert "What the program recorded" in html, label
        entries = _expected_entries(model_admin, obj)
        for entry in entries[:5]:
            assert escape(entry.summary) in html, (label, entry)
        if entries:
            with_entries.add(label)
        if hasattr(opts, "simple_history_manager_attribute") and obj.history.exists():
            assert "This object doesn" not in html, label  # its versions listed
    # Most decisions are audited against the record itself or its parent.
    assert {
        "candidates.application",
        "candidates.extensionrequest",
        "courses.courseapplication",
        "evaluations.review",
        "payments.payment",
        "portfolios.portfolio",
        "portfolios.prereview",
        "portfolios.submission",
    } <= with_entries


def test_a_history_page_for_no_record_answers_not_found(client):
    from lssc.accounts.roles import StaffGroup
    from tests.factories import staff_user

    client.force_login(staff_user(StaffGroup.PROGRAM_OFFICER))
    for name in (
        "admin:candidates_extensionrequest_history",
        "admin:payments_payment_history",
    ):
        response = client.get(reverse(name, args=["abc"]))
        assert response.status_code in (302, 404), name
        assert response.status_code != 500
