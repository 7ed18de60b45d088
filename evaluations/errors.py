"""What evaluation's rules refuse, in words for the evaluator or the committee."""

from lssc.core.errors import DomainError


class EvaluationError(DomainError):
    """A request the assignment's state does not allow."""
