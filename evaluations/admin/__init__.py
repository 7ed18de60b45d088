"""The evaluation admin: decisions and revision requests, evaluators and their
recruitment, assignments, reviews and submissions. Importing the modules registers
their pages."""

from . import assignments, decisions, evaluators  # noqa: F401
