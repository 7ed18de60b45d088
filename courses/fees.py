"""What a course application costs.

A provider's new-course applications are numbered in the order they are submitted;
the n-th takes the course-approval fee row for item n (FAQ: $100 each for the first
two, $50 each for the third to tenth; staff set the row for the eleventh on). The
number is fixed on submission; the amount is that of the row in effect when the
payment is created, and the payment keeps it.

What counts: every application submitted for payment, except one withdrawn before it
was paid. A rejected application counts (it was reviewed and its fee is not
refunded); one withdrawn unpaid gives its place back to the provider's next
submission. A renewal of an approved course is not a new course: it takes the
course-renewal fee row and does not move the count.
"""

from django.db.models import Q

from lssc.fees.models import FeeKind

from .models import ApplicationStatus, CourseApplication


def fee_kind(application: CourseApplication) -> str:
    if application.is_renewal:
        return FeeKind.COURSE_RENEWAL
    return FeeKind.COURSE_APPROVAL


def next_fee_position(provider) -> int:
    """The place of the provider's next new-course application. Call with the
    provider row locked, so two submissions never take the same place."""
    counted = CourseApplication.objects.filter(
        provider=provider, renewal_of=None, fee_position__isnull=False
    ).exclude(Q(status=ApplicationStatus.WITHDRAWN) & Q(paid_at=None))
    # The first place no counted application holds: a place given back between
    # others is taken again, never shared with a later one.
    taken = set(counted.values_list("fee_position", flat=True))
    position = 1
    while position in taken:
        position += 1
    return position
