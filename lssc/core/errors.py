"""The one kind of error a rule raises to refuse a request.

Every app's own error (``PortfolioError``, ``RenewalError``…) is a ``DomainError``: its
message is written for the person who asked, and changes nothing. Views show it on
the form or as a message; ``DomainErrorMiddleware`` catches any a view left uncaught,
so a refused rule is never a server error.
"""


class DomainError(Exception):
    """A program rule refused the request; the message says why, in plain words."""

    @property
    def message(self) -> str:
        return str(self.args[0]) if self.args else "This cannot be done now."
