"""Every record's current state is in its audit trail (``check_data``)."""

from django.contrib.contenttypes.models import ContentType
from django.db.models import Exists, OuterRef

from lssc.core.invariants import register_invariant

from .models import AuditEntry
from .transitions import machines


@register_invariant(
    "state-audited",
    "a record past its first state has an audit entry recording the move to its "
    "current state",
)
def state_audited(invariant):
    for machine in machines():
        if not machine.audit:
            continue
        model, field = machine.model, machine.field
        recorded = AuditEntry.objects.filter(
            subject_type=ContentType.objects.get_for_model(model),
            subject_id=OuterRef("pk"),
            to_state=OuterRef(field),
        )
        rows = (
            model._default_manager.exclude(**{field: machine.initial})
            .filter(~Exists(recorded))
            .values_list("pk", field)
            .order_by("pk")
        )
        for pk, state in rows.iterator(chunk_size=2000):
            yield invariant.violation(
                model, pk, f"{field} is {state!r} but no audit entry moves it there"
            )
