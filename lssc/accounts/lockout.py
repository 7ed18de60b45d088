"""Failed sign-ins are counted per client and account, so guessing cannot lock the
real person out of their own browser.

A browser where someone has signed in before carries a signed "device" cookie naming
the accounts it signed into (hashed). Its failures count on their own (five in five
minutes, the program's ``login_failed`` limit), so a stranger's guesses elsewhere
never block it. Any other client counts per network address and account, and all such
clients together per account (``login_failed_account``), which stops guessing spread
over many addresses. A successful password reset clears the account's counts.
(The device-cookie scheme is OWASP's answer to lockout abuse.)
"""

import hashlib

from allauth.core.internal import ratelimit
from django.conf import settings
from django.core import signing

DEVICE_COOKIE = "lssc_device"
DEVICE_SALT = "lssc.accounts.device"
DEVICE_MAX_AGE = 60 * 60 * 24 * 365
# A shared computer remembers only its last few accounts.
DEVICE_MAX_ACCOUNTS = 5
APP = "allauth.account"


def account_tag(login: str) -> str:
    return hashlib.sha256(login.strip().lower().encode()).hexdigest()[:32]


def device_accounts(request) -> list[str]:
    try:
        value = signing.loads(
            request.COOKIES.get(DEVICE_COOKIE, ""),
            salt=DEVICE_SALT,
            max_age=DEVICE_MAX_AGE,
        )
    except signing.BadSignature:
        return []
    return [tag for tag in value if isinstance(tag, str)][:DEVICE_MAX_ACCOUNTS]


def remember_device(request, response, login: str) -> None:
    """After a successful sign-in: this browser is one the person uses."""
    tag = account_tag(login)
    tags = [tag, *(t for t in device_accounts(request) if t != tag)]
    response.set_cookie(
        DEVICE_COOKIE,
        signing.dumps(tags[:DEVICE_MAX_ACCOUNTS], salt=DEVICE_SALT),
        max_age=DEVICE_MAX_AGE,
        secure=settings.SESSION_COOKIE_SECURE,
        httponly=True,
        samesite="Lax",
    )


def _counts(request, login: str) -> list[tuple[str, str]]:
    """The (action, key) pairs an attempt from this client counts against."""
    tag = account_tag(login)
    if tag in device_accounts(request):
        return [("login_failed_device", tag)]
    ip = ratelimit.get_ip(request)
    return [("login_failed", f"{ip}:{tag}"), ("login_failed_account", tag)]


def consume_attempt(request, login: str):
    """Count one sign-in attempt; ``None`` when this client is over its limit.

    The result's ``rollback()`` takes the attempt back (the password was right).
    """
    taken = []
    for action, key in _counts(request, login):
        usage = ratelimit.consume(request, app=APP, action=action, key=key)
        if not usage:
            for earlier in taken:
                earlier.rollback()
            return None
        taken.append(usage)
    return ratelimit.RateLimitUsage(usage=[u for usage in taken for u in usage.usage])


def clear_attempts(request, login: str) -> None:
    """Forget the account's failures (after a successful password reset)."""
    tag = account_tag(login)
    for action in ("login_failed_device", "login_failed_account"):
        ratelimit.clear(request, app=APP, action=action, key=tag)
    ip = ratelimit.get_ip(request)
    ratelimit.clear(request, app=APP, action="login_failed", key=f"{ip}:{tag}")
