"""Course providers, their applications for course approval, approved courses, the
completions candidates record, and recognition agreements with LTA programs.

One module per concept; every model is imported here, where Django looks for them.
"""

from .achievements import (
    Completion,
    RecognitionAgreement,
    RecognitionClaim,
    ReviewState,
    VerifiedByStaff,
    _upload_to,  # named by migration 0001
)
from .applications import (
    APPLICATION_FIELDS,
    COURSE_FIELDS,
    EDITABLE_STATES,
    WITHDRAWABLE_STATES,
    ApplicationStatus,
    CourseApplication,
    Coverage,
    Instructor,
    Offering,
)
from .catalog import (
    Course,
    CourseApproval,
    CourseFormat,
    Delivery,
    LengthUnit,
    Pacing,
)
from .providers import Provider, ProviderContact, ProviderType

__all__ = [
    "APPLICATION_FIELDS",
    "COURSE_FIELDS",
    "EDITABLE_STATES",
    "WITHDRAWABLE_STATES",
    "ApplicationStatus",
    "Completion",
    "Course",
    "CourseApplication",
    "CourseApproval",
    "CourseFormat",
    "Coverage",
    "Delivery",
    "Instructor",
    "LengthUnit",
    "Offering",
    "Pacing",
    "Provider",
    "ProviderContact",
    "ProviderType",
    "RecognitionAgreement",
    "RecognitionClaim",
    "ReviewState",
    "VerifiedByStaff",
    "_upload_to",
]
