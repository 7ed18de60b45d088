"""The appeals' refusal, apart so that services and transitions both raise it."""

from lssc.core.errors import DomainError


class AppealError(DomainError):
    """An appeal that cannot be filed or decided; the message says why."""
