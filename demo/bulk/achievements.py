"""Sets achieved and what they lead to: course completions and recognition claims
as candidates record them and staff (or a provider's roster) decide them, the
achievements every route records, the certification the sixth set awards, and
the deadlines staff extended."""

from candidates.enums import AchievementMethod, CertificationStatus
from candidates.models import (
    Achievement,
    Candidate,
    Certification,
    new_certificate_number,
)
from courses.models import Completion, RecognitionClaim, ReviewState
from lssc.core.dates import period_end

from . import text
from .journeys import Journey
from .program import Program
from .writes import copy_rows, dates_as_given, insert

PENDING = ReviewState.PENDING
RESULTS = ("Pass", "Pass", "A", "A-", "B+", "B", "Complete")
EXTENSION_REASONS = (
    "Medical leave documented by the candidate.",
    "Family leave; the candidate asked before the deadline.",
    "The candidate's library closed for renovation for several months.",
)


class Achievements:
    def __init__(self, program: Program, trail):
        self.program = program
        self.trail = trail

    def write(self, journeys: list[Journey]) -> list[int]:
        """Write the batch's rows; the ids of the certifications made."""
        with dates_as_given(Completion, RecognitionClaim, Certification):
            self._completions(journeys)
            self._claims(journeys)
            self._achievements(journeys)
            certified = self._certifications(journeys)
        self._extensions(journeys)
        return certified

    def _completions(self, journeys) -> None:
        program = self.program
        rng = program.rng
        field = Completion._meta.get_field("form")
        rows, plans = [], []
        for j in journeys:
            for c in j.completions:
                row = Completion(
                    candidate_id=j.candidate.pk,
                    course_id=c.course.pk,
                    completed_on=c.completed_on,
                    result=rng.choice(RESULTS),
                    confirmed_by_provider=c.decision == ReviewState.VERIFIED
                    and not c.form,
                    state=c.decision,
                    created_at=c.recorded_at,
                    decided_at=c.decided_at if c.decision != PENDING else None,
                    decision_reason=c.reason,
                )
                if c.decision != PENDING:
                    row.decided_by_id = (
                        program.officer.pk if c.form else c.course.contact_id
                    )
                if c.form:
                    form = text.signed_form(
                        c.course.title, j.candidate.name, c.completed_on
                    )
                    row.form_name = form.name
                    row.form = program.files.store(
                        field.generate_filename(row, form.name), form.data
                    )
                rows.append(row)
                plans.append((j, c))
        for (j, c), row in zip(plans, insert(Completion, rows), strict=True):
            self._completion_trail(j, c, row)

    def _completion_trail(self, j, c, row) -> None:
        add, user, title = self.trail.add, j.candidate.user_id, c.course.title
        add(
            Completion,
            row.pk,
            c.recorded_at,
            "completion.recorded",
            f"Completion of {title} on {c.completed_on:%B %-d, %Y} recorded",
            owner=user,
            actor=user,
            target=PENDING,
        )
        if c.decision == ReviewState.VERIFIED:
            summary = (
                f"Completion of {title} verified"
                if c.form
                else f"Completion of {title} confirmed on the provider's roster"
            )
            add(
                Completion,
                row.pk,
                c.decided_at,
                "completion.verified",
                summary,
                owner=user,
                actor=row.decided_by_id,
                source=PENDING,
                target=c.decision,
            )
        elif c.decision == ReviewState.REJECTED:
            add(
                Completion,
                row.pk,
                c.decided_at,
                "completion.rejected",
                f"Completion of {title} not accepted",
                owner=user,
                actor=row.decided_by_id,
                source=PENDING,
                target=c.decision,
                reason=c.reason,
            )

    def _claims(self, journeys) -> None:
        program = self.program
        field = RecognitionClaim._meta.get_field("document")
        rows, plans = [], []
        for j in journeys:
            for c in j.claims:
                document = text.transcript(
                    c.agreement.name, j.candidate.name, c.graduated_on
                )
                row = RecognitionClaim(
                    candidate_id=j.candidate.pk,
                    agreement_id=c.agreement.pk,
                    graduated_on=c.graduated_on,
                    document_name=document.name,
                    state=c.decision,
                    created_at=c.filed_at,
                    decided_at=c.decided_at if c.decision != PENDING else None,
                    decided_by=program.officer if c.decision != PENDING else None,
                    decision_reason=c.reason,
                )
                row.document = program.files.store(
                    field.generate_filename(row, document.name), document.data
                )
                rows.append(row)
                plans.append((j, c))
        for (j, c), row in zip(plans, insert(RecognitionClaim, rows), strict=True):
            add, user = self.trail.add, j.candidate.user_id
            name = c.agreement.name
            add(
                RecognitionClaim,
                row.pk,
                c.filed_at,
                "recognition_claim.filed",
                f"Graduation from {name} claimed",
                owner=user,
                actor=user,
                target=PENDING,
            )
            if c.decision == ReviewState.VERIFIED:
                add(
                    RecognitionClaim,
                    row.pk,
                    c.decided_at,
                    "recognition_claim.verified",
                    f"Graduation from {name} verified",
                    owner=user,
                    actor=program.officer.pk,
                    source=PENDING,
                    target=c.decision,
                )
            elif c.decision == ReviewState.REJECTED:
                add(
                    RecognitionClaim,
                    row.pk,
                    c.decided_at,
                    "recognition_claim.rejected",
                    f"Claim of graduation from {name} not accepted",
                    owner=user,
                    actor=program.officer.pk,
                    source=PENDING,
                    target=c.decision,
                    reason=c.reason,
                )

    def _achievements(self, journeys) -> None:
        local = self.program.local
        rows = []
        for j in journeys:
            for a in j.achieved:
                rows.append(
                    (
                        j.candidate.pk,
                        a.set.pk,
                        a.method,
                        local(a.at),
                        a.note[:200],
                        a.at,
                    )
                )
                label = AchievementMethod(a.method).label.lower()
                self.trail.add(
                    Candidate,
                    j.candidate.pk,
                    a.at,
                    "candidate.set_achieved",
                    f"{a.set.name} achieved by {label}",
                    owner=j.candidate.user_id,
                    actor=a.actor,
                )
        fields = [
            "candidate_id",
            "competency_set_id",
            "method",
            "achieved_on",
            "note",
            "created_at",
        ]
        copy_rows(Achievement, fields, rows)

    def _certifications(self, journeys) -> list[int]:
        program = self.program
        years = program.rules.CERTIFICATION_YEARS
        holders = [j for j in journeys if j.certified_at]
        rows = []
        for j in holders:
            day = program.local(j.certified_at)
            revoked = j.revoked_at is not None
            rows.append(
                Certification(
                    candidate_id=j.candidate.pk,
                    number=new_certificate_number(),
                    certified_on=day,
                    period_starts_on=day,
                    expires_on=period_end(day, years),
                    status=CertificationStatus.REVOKED
                    if revoked
                    else CertificationStatus.ISSUED,
                    revoked_at=j.revoked_at,
                    revoked_by=program.officer if revoked else None,
                    revoke_reason="The candidate's portfolio evidence was found to be "
                    "another person's work."
                    if revoked
                    else "",
                    created_at=j.certified_at,
                    listed_publicly=j.listed_at is not None,
                )
            )
        created = insert(Certification, rows)
        for j, c in zip(holders, created, strict=True):
            self._certification_trail(j, c)
        return [c.pk for c in created]

    def _certification_trail(self, j: Journey, c: Certification) -> None:
        add, user, pk = self.trail.add, j.candidate.user_id, j.candidate.pk
        add(
            Candidate,
            pk,
            j.certified_at,
            "candidate.certified",
            f"Certified: certificate {c.number}, "
            f"valid through {c.last_valid_day:%B %-d, %Y}",
            owner=user,
            actor=j.achieved[-1].actor,
            target="certified",
        )
        if j.listed_at:
            add(
                Candidate,
                pk,
                j.listed_at,
                "candidate.registry_listing",
                "Listed in the public registry",
                owner=user,
                actor=user,
            )
        if j.revoked_at:
            add(
                Certification,
                c.pk,
                j.revoked_at,
                "candidate.certification_revoked",
                f"Certificate {c.number} revoked",
                owner=user,
                actor=self.program.officer.pk,
                source=CertificationStatus.ISSUED,
                target=CertificationStatus.REVOKED,
                reason=c.revoke_reason,
            )

    def _extensions(self, journeys) -> None:
        extended = [j for j in journeys if j.extension]
        rng = self.program.rng
        rows = []
        for j in extended:
            new, at = j.extension
            old = j.candidate.deadline
            rows.append(Candidate(pk=j.candidate.pk, deadline=new))
            self.trail.add(
                Candidate,
                j.candidate.pk,
                at,
                "candidate.deadline_extended",
                f"Deadline extended from {old:%B %-d, %Y} to {new:%B %-d, %Y}",
                owner=j.candidate.user_id,
                actor=self.program.officer.pk,
                source=old.isoformat(),
                target=new.isoformat(),
                reason=rng.choice(EXTENSION_REASONS),
            )
        Candidate.objects.bulk_update(rows, ["deadline"])
