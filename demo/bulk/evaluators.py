"""The evaluators who review portfolios, and choosing them as
``evaluations.services.eligible_evaluators`` does: trained, qualified for the set,
not from the candidate's library, never twice on one submission, and for an open
assignment under their own limit of open assignments."""

from collections import defaultdict
from dataclasses import dataclass

from django.db.models import Count, Q

from demo import content
from evaluations.models import AssignmentState, Evaluator

from .people import new_users
from .program import Program, SetInfo
from .writes import dates_as_given


@dataclass(eq=False)  # compared by identity: one per evaluator
class EvaluatorInfo:
    pk: int
    user_id: int
    institution: str
    set_pks: frozenset
    max_open: int
    open: int = 0


class Evaluators:
    def __init__(self, program: Program):
        self.program = program
        self.by_set: dict[int, list[EvaluatorInfo]] = defaultdict(list)

    def ensure(self, count: int) -> None:
        """At least ``count`` trained evaluators, each qualified for three to six
        sets; then load them all."""
        program = self.program
        rng = program.rng
        have = Evaluator.objects.count()
        if have < count:
            joined = [
                program.moment(program.today - program.days(1800, 3600))
                for _ in range(count - have)
            ]
            users = new_users(
                program,
                [
                    (f"evaluator{n:05d}@example.org", content.person_name(rng), at)
                    for n, at in zip(range(have, count), joined, strict=True)
                ],
            )
            with dates_as_given(Evaluator):
                evaluators = Evaluator.objects.bulk_create(
                    Evaluator(
                        user=u,
                        institution=rng.choice(content.LIBRARIES).name,
                        trained_on=program.local(at) + program.days(10, 120),
                        max_assignments=rng.choice((2, 3, 3, 3, 4, 5)),
                    )
                    for u, at in zip(users, joined, strict=True)
                )
            through = Evaluator.sets.through
            through.objects.bulk_create(
                through(evaluator_id=e.pk, competencyset_id=s.pk)
                for e in evaluators
                for s in rng.sample(program.sets, rng.randint(3, 6))
            )
        self._load()

    def _load(self) -> None:
        sets = defaultdict(set)
        for evaluator_id, set_id in Evaluator.sets.through.objects.values_list(
            "evaluator_id", "competencyset_id"
        ):
            sets[evaluator_id].add(set_id)
        rows = Evaluator.objects.filter(active=True, trained_on__isnull=False).annotate(
            open_count=Count(
                "assignments", filter=Q(assignments__state=AssignmentState.ASSIGNED)
            )
        )
        self.by_set.clear()
        for e in rows:
            info = EvaluatorInfo(
                e.pk,
                e.user_id,
                e.institution.strip().lower(),
                frozenset(sets[e.pk]),
                e.max_assignments,
                e.open_count,
            )
            for set_pk in info.set_pks:
                self.by_set[set_pk].append(info)

    def choose(
        self, competency_set: SetInfo, library: str, taken: list, *, stays_open: bool
    ) -> EvaluatorInfo | None:
        """An eligible evaluator not in ``taken``, or ``None`` when nobody is (the
        place stays empty: the submission waits in the "needs evaluator" queue)."""
        pool = self.by_set.get(competency_set.pk, [])
        library = library.strip().lower()
        rng = self.program.rng
        for _ in range(20):
            if not pool:
                return None
            e = rng.choice(pool)
            if self._fits(e, library, taken, stays_open):
                break
        else:
            fitting = [e for e in pool if self._fits(e, library, taken, stays_open)]
            if not fitting:
                return None
            e = rng.choice(fitting)
        if stays_open:
            e.open += 1
        return e

    @staticmethod
    def _fits(e: EvaluatorInfo, library: str, taken: list, stays_open: bool) -> bool:
        return (
            e not in taken
            and e.institution != library
            and (not stays_open or e.open < e.max_open)
        )
