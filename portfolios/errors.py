"""What the portfolio's rules refuse, in words the candidate can act on."""

from lssc.core.errors import DomainError


class PortfolioError(DomainError):
    """A change the portfolio's state or the upload does not allow."""


class NarrativesTooLong(PortfolioError):
    """Narratives over the length limit; ``errors`` says which, by competency id."""

    def __init__(self, errors: dict[int, str]):
        self.errors = errors
        super().__init__(" ".join(errors.values()))
