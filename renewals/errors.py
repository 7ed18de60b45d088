"""The renewals' refusal, apart so that services and transitions both raise it."""

from lssc.core.errors import DomainError


class RenewalError(DomainError):
    """A change the renewal rules refuse; the message says why."""
