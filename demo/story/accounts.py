"""The demo's sign-in accounts, one or more per role, with known local-only
credentials; staff also get a known second factor."""

from allauth.mfa.models import Authenticator
from allauth.mfa.totp.internal.auth import TOTP

from lssc.accounts.roles import StaffGroup
from lssc.accounts.services import user_ensure

# Known, local-only credentials. The command refuses to run with DEBUG off.
DEMO_PASSWORD = "lssc-demo-password"  # noqa: S105
# Staff must use two-factor authentication; this base32 secret goes into any
# authenticator app (or ``oathtool --totp -b``) to produce their codes.
DEMO_TOTP_SECRET = "JBSWY3DPEHPK3PXPLSSCDEMO"  # noqa: S105

OFFICER = "officer@demo.lssc.test"
ASSISTANT = "assistant@demo.lssc.test"
COMMITTEE = "crc@demo.lssc.test"
PROVIDER_CONTACT = "provider@demo.lssc.test"
# Demo evaluators: trained, for every set, each from a different workplace.
EVALUATORS = {
    "evaluator1@demo.lssc.test": ("Eva Evaluator", "Lakeside Community College"),
    "evaluator2@demo.lssc.test": ("Evan Evaluator", "Riverside Public Library"),
    "evaluator3@demo.lssc.test": ("Ezra Evaluator", "State Library of Illinois"),
}

# (email, name, staff groups, role as the README's table names it)
STAFF = [
    (OFFICER, "Olivia Officer", (StaffGroup.PROGRAM_OFFICER,), "Program Officer"),
    (
        ASSISTANT,
        "Paula Assistant",
        (StaffGroup.PROGRAM_ASSISTANT,),
        "Program Assistant",
    ),
    (COMMITTEE, "Carlos Committee", (StaffGroup.REVIEW_COMMITTEE,), "CRC member"),
]
ROLES = [
    *((email, role) for email, _, _, role in STAFF),
    *((email, "Evaluator") for email in EVALUATORS),
    (PROVIDER_CONTACT, "Course provider contact"),
    ("candidate1@demo.lssc.test", "Candidate"),
    ("candidate2@demo.lssc.test", "Certified holder"),
]


def staff_accounts() -> dict:
    """The staff accounts, with their second factor; by email."""
    made = {}
    for email, name, groups, _ in STAFF:
        user, _ = user_ensure(
            email=email, full_name=name, password=DEMO_PASSWORD, groups=groups
        )
        if not Authenticator.objects.filter(
            user=user, type=Authenticator.Type.TOTP
        ).exists():
            TOTP.activate(user, DEMO_TOTP_SECRET)
        made[email] = user
    return made
