"""What the candidacy's rules refuse, in words the applicant or staff can act on."""

from lssc.core.errors import DomainError


class ApplicationError(DomainError):
    """A request that the application's state or content does not allow."""


class CertificationError(DomainError):
    """A change to a certification the rules refuse; the message says why."""


class ExtensionDateRefused(ApplicationError):
    """The new deadline asked for or granted is outside what the program allows."""
