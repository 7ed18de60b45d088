"""Every transition of every state machine, from every state, on PostgreSQL.

The cases are drawn from the machines themselves, so a transition added tomorrow is
tried here without a line of test code (its app's world only has to make records).
"""

import threading

import pytest
from django.contrib.contenttypes.models import ContentType
from django.db import connection, connections

from lssc.audit.models import AuditEntry
from lssc.audit.transitions import TransitionNotAllowed, machines
from lssc.core.errors import DomainError
from lssc.notifications.models import OutgoingMail

from .worlds import load_worlds

WORLDS = load_worlds()


def _cases(allowed: bool):
    for machine in machines():
        for transition in machine.transitions.values():
            for state in machine.choices:
                if transition.allowed_from(state) != allowed:
                    continue
                targets = transition.targets if allowed else transition.targets[:1]
                for target in targets:
                    yield pytest.param(
                        machine, transition, state, target,
                        id=f"{machine.label}:{transition.name}:{state}->{target}",
                    )  # fmt: skip


def _audits(obj):
    return AuditEntry.objects.filter(
        subject_type=ContentType.objects.get_for_model(obj), subject_id=obj.pk
    )


def _call_kwargs(machine, transition, obj, target):
    kwargs = WORLDS[machine.label].kwargs(transition, obj)
    if len(transition.targets) > 1:
        kwargs["to"] = target
    return kwargs


def test_every_state_machine_has_a_world():
    missing = [m.label for m in machines() if m.label not in WORLDS]
    assert not missing, f"Add a state_world for {missing}"


@pytest.mark.django_db
@pytest.mark.parametrize("machine, transition, source, target", list(_cases(True)))
def test_an_allowed_transition_moves_audits_once_and_mails_once(
    machine, transition, source, target, django_capture_on_commit_callbacks
):
    obj = WORLDS[machine.label].make(source)
    kwargs = _call_kwargs(machine, transition, obj, target)
    audits, mails = _audits(obj).count(), set(OutgoingMail.objects.values_list("pk"))

    with django_capture_on_commit_callbacks(execute=True):
        transition(obj.pk, **kwargs)

    obj.refresh_from_db()
    assert machine.state_of(obj) == target
    new = [
        (e.action, e.from_state, e.to_state)
        for e in _audits(obj)[: _audits(obj).count() - audits]
    ]
    assert new == ([(transition.action, source, target)] if machine.audit else [])
    new_mails = OutgoingMail.objects.exclude(pk__in=[pk for (pk,) in mails])
    keys = [(m.to, m.template) for m in new_mails]
    assert len(keys) == len(set(keys)), f"a mail queued twice: {keys}"


@pytest.mark.django_db
@pytest.mark.parametrize("machine, transition, source, target", list(_cases(False)))
def test_a_disallowed_transition_is_refused_and_changes_nothing(
    machine, transition, source, target
):
    obj = WORLDS[machine.label].make(source)
    kwargs = _call_kwargs(machine, transition, obj, target)
    audits, mails = _audits(obj).count(), OutgoingMail.objects.count()

    with pytest.raises(TransitionNotAllowed) as refused:
        transition(obj.pk, **kwargs)

    assert isinstance(refused.value, machine.error)
    assert isinstance(refused.value, DomainError) and refused.value.message
    obj.refresh_from_db()
    assert machine.state_of(obj) == source
    assert _audits(obj).count() == audits
    assert OutgoingMail.objects.count() == mails


def _first_move(machine):
    """An allowed move that leaves its source: the second caller must be refused."""
    for transition in machine.transitions.values():
        for source in sorted(transition.sources):
            for target in transition.targets:
                if not transition.allowed_from(target):
                    return transition, source, target
    return None


@pytest.mark.django_db(transaction=True)
@pytest.mark.parametrize("machine", machines(), ids=lambda m: m.label)
def test_two_transitions_at_once_on_one_row_leave_one_result(machine):
    move = _first_move(machine)
    assert move is not None, f"{machine.label} has no transition out of a state"
    transition, source, target = move
    obj = WORLDS[machine.label].make(source)
    kwargs = _call_kwargs(machine, transition, obj, target)
    start = threading.Barrier(2)
    outcomes = []

    def attempt():
        try:
            start.wait()
            transition(obj.pk, **kwargs)
            outcomes.append("moved")
        except TransitionNotAllowed:
            outcomes.append("refused")
        finally:
            connections.close_all()

    threads = [threading.Thread(target=attempt) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    assert sorted(outcomes) == ["moved", "refused"]
    obj.refresh_from_db()
    assert machine.state_of(obj) == target
    if machine.audit:
        assert _audits(obj).filter(action=transition.action).count() == 1
    assert connection.vendor == "postgresql"
