"""Recruiting evaluators: an offer to evaluate, the CRC's choice, the training.

A selected applicant becomes an ``Evaluator`` without a training date; assignment
requires one (``services.eligible_evaluators``), so nobody evaluates before the CRC
records the portfolio-assessment training.
"""

from django.db import transaction
from django.utils import timezone

from lssc.accounts.roles import StaffGroup, staff_emails
from lssc.audit.services import audit_log
from lssc.notifications.services import mail_queue

from .models import ApplicationState, Evaluator, EvaluatorApplication
from .services import EvaluationError


def evaluator_apply(*, user, sets, **fields) -> EvaluatorApplication:
    with transaction.atomic():
        if Evaluator.objects.filter(user=user).exists():
            raise EvaluationError("You are an evaluator already.")
        if EvaluatorApplication.objects.filter(
            user=user, state=ApplicationState.PENDING
        ).exists():
            raise EvaluationError("Your offer is already with the committee.")
        application = EvaluatorApplication.objects.create(user=user, **fields)
        application.sets.set(sets)
        audit_log(
            subject=application,
            action="evaluator_application.received",
            summary=f"Offer to evaluate from {user.email}",
            actor=user,
            owner=user,
            to_state=application.state,
        )
        for email in staff_emails(StaffGroup.REVIEW_COMMITTEE):
            mail_queue(
                key=f"evaluator-offer:{application.pk}:{email}",
                to=email,
                template="evaluator_offer",
                context={"application": application},
            )
    return application


def evaluator_select(*, application: EvaluatorApplication, by) -> Evaluator | None:
    """Create the evaluator profile (not yet trained); ``None`` if decided already."""
    with transaction.atomic():
        application = (
            EvaluatorApplication.objects.select_for_update(of=("self",))
            .select_related("user")
            .get(pk=application.pk)
        )
        if application.state != ApplicationState.PENDING:
            return None
        evaluator, _ = Evaluator.objects.get_or_create(
            user=application.user, defaults={"institution": application.institution}
        )
        evaluator.sets.add(*application.sets.all())
        _decide(application, by, ApplicationState.SELECTED, "")
        mail_queue(
            key=f"evaluator-selected:{application.pk}",
            to=application.user.email,
            template="evaluator_selected",
            context={"application": application},
        )
    return evaluator


def evaluator_decline(*, application: EvaluatorApplication, by, reason: str) -> bool:
    if not reason.strip():
        raise EvaluationError("Give a reason: it is sent to the applicant.")
    with transaction.atomic():
        application = (
            EvaluatorApplication.objects.select_for_update(of=("self",))
            .select_related("user")
            .get(pk=application.pk)
        )
        if application.state != ApplicationState.PENDING:
            return False
        _decide(application, by, ApplicationState.DECLINED, reason.strip())
        mail_queue(
            key=f"evaluator-declined:{application.pk}",
            to=application.user.email,
            template="evaluator_declined",
            context={"application": application},
        )
    return True


def _decide(application, by, state, reason):
    application.state = state
    application.decided_by = by
    application.decided_at = timezone.now()
    application.reason = reason
    application.save(update_fields=["state", "decided_by", "decided_at", "reason"])
    audit_log(
        subject=application,
        action=f"evaluator_application.{state}",
        summary=f"Offer to evaluate from {application.user.email}: "
        f"{application.get_state_display().lower()}",
        actor=by,
        owner=application.user,
        from_state=ApplicationState.PENDING,
        to_state=state,
        reason=reason,
    )


def training_record(*, evaluator: Evaluator, on, by) -> None:
    """The CRC records the portfolio-assessment training: from then on the evaluator
    can be assigned."""
    with transaction.atomic():
        evaluator = Evaluator.objects.select_for_update().get(pk=evaluator.pk)
        evaluator.trained_on = on
        evaluator.save(update_fields=["trained_on"])
        audit_log(
            subject=evaluator,
            action="evaluator.trained",
            summary=f"Portfolio-assessment training completed on {on:%B %-d, %Y}",
            actor=by,
            owner=evaluator.user,
        )


def evaluator_add(
    *, email, full_name, institution, sets, trained_on=None, max_assignments=None, by
) -> Evaluator:
    """Add an evaluator the committee chose outside the offer form (its list,
    imported): their account is created when they have none, and they are told
    how to sign in."""
    from django.contrib.auth import get_user_model

    User = get_user_model()
    with transaction.atomic():
        user = User.objects.filter(email__iexact=email).first()
        created = user is None
        if created:
            user = User.objects.create_user(email=email, full_name=full_name)
        if Evaluator.objects.filter(user=user).exists():
            raise EvaluationError(f"{email} is an evaluator already.")
        fields = {"institution": institution, "trained_on": trained_on}
        if max_assignments:
            fields["max_assignments"] = max_assignments
        evaluator = Evaluator.objects.create(user=user, **fields)
        evaluator.sets.set(sets)
        audit_log(
            subject=evaluator,
            action="evaluator.added",
            summary=f"Added as an evaluator for {', '.join(s.name for s in sets)}"
            + (f", trained on {trained_on:%B %-d, %Y}" if trained_on else ""),
            actor=by,
            owner=user,
        )
        mail_queue(
            key=f"evaluator-added:{evaluator.pk}",
            to=user.email,
            template="evaluator_added",
            context={"evaluator": evaluator, "new_account": created},
        )
    return evaluator
