"""Recruiting evaluators: an offer to evaluate, the CRC's choice, the training.

A selected applicant becomes an ``Evaluator`` without a training date; assignment
requires one (``services.eligible_evaluators``), so nobody evaluates before the CRC
records the portfolio-assessment training.
"""

from django.db import transaction

from lssc.accounts.roles import StaffGroup, staff_emails
from lssc.audit.services import audit_log
from lssc.notifications.services import mail_queue

from . import transitions
from .errors import EvaluationError
from .models import ApplicationState, Evaluator, EvaluatorApplication


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
        selected = transitions.select_offer.if_allowed(application, by=by)
        if selected is None:
            return None
        return Evaluator.objects.get(user_id=selected.user_id)


def evaluator_decline(*, application: EvaluatorApplication, by, reason: str) -> bool:
    """Not taken up, with the reason sent to them; ``False`` if decided already."""
    if not reason.strip():
        raise EvaluationError("Give a reason: it is sent to the applicant.")
    declined = transitions.decline_offer.if_allowed(
        application, by=by, reason=reason.strip()
    )
    return declined is not None


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
