"""What the course rules refuse, in words the provider, candidate or staff can act
on."""

from lssc.core.errors import DomainError


class CourseError(DomainError):
    """A change the rules do not allow; the message tells the person why."""
