from django.db import models


class LibraryType(models.TextChoices):
    PUBLIC = "public", "Public"
    ACADEMIC = "academic", "Academic"
    SCHOOL = "school", "School"
    SPECIAL = "special", "Special"
    OTHER = "other", "Other"


class Education(models.TextChoices):
    HIGH_SCHOOL = "high_school", "High-school diploma"
    GED = "ged", "GED or equivalent"
    COLLEGE = "college", "College degree"
    OUTSIDE_US = "outside_us", "Education outside the United States"
    NONE = "none", "None of these"


# Education that meets the requirement without a staff decision.
QUALIFYING_EDUCATION = (Education.HIGH_SCHOOL, Education.GED, Education.COLLEGE)


class HowHeard(models.TextChoices):
    EMPLOYER = "employer", "My employer or supervisor"
    COLLEAGUE = "colleague", "A colleague or friend"
    ASSOCIATION = "association", "A library association or conference"
    STATE_LIBRARY = "state_library", "My state library"
    EDUCATION = "education", "A college or course provider"
    WEB = "web", "A web search or website"
    SOCIAL = "social", "Social media"
    PUBLICATION = "publication", "A newsletter or publication"
    OTHER = "other", "Other"


class ApplicationStatus(models.TextChoices):
    DRAFT = "draft", "Draft"
    AWAITING_PAYMENT = "awaiting_payment", "Submitted, awaiting payment"
    STAFF_REVIEW = "staff_review", "Submitted, under staff review"
    ADMITTED = "admitted", "Admitted"
    REJECTED = "rejected", "Not admitted"


OPEN_STATES = (
    ApplicationStatus.DRAFT,
    ApplicationStatus.AWAITING_PAYMENT,
    ApplicationStatus.STAFF_REVIEW,
)
SUBMITTED_STATES = (ApplicationStatus.AWAITING_PAYMENT, ApplicationStatus.STAFF_REVIEW)


class AchievementMethod(models.TextChoices):
    COURSE = "course", "Approved course"
    PORTFOLIO = "portfolio", "Portfolio"
    RECOGNITION = "recognition", "Recognition agreement"
    # Achieved in an earlier candidacy of the same person and counted in a later
    # one (``candidates.reenrolment``); ``Achievement.carried_from`` is the original.
    CARRIED_OVER = "carried_over", "Carried over from an earlier candidacy"


class CertificationStatus(models.TextChoices):
    ISSUED = "issued", "Issued"
    REVOKED = "revoked", "Revoked"


class ExtensionStatus(models.TextChoices):
    REQUESTED = "requested", "Waiting for a decision"
    GRANTED = "granted", "Granted"
    REFUSED = "refused", "Refused"
