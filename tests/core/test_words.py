"""Counts read as words: "1 application", "1,204 applications", never "(s)"."""

import io
import re
import tokenize
from pathlib import Path

import pytest

from lssc.core.words import counted

ROOT = Path(__file__).resolve().parents[2]
APPS = (
    "candidates",
    "courses",
    "evaluations",
    "portfolios",
    "renewals",
    "lssc",
    "demo",
)


@pytest.mark.parametrize(
    ("number", "singular", "plural", "words"),
    [
        (0, "application", None, "0 applications"),
        (1, "application", None, "1 application"),
        (2, "payment", None, "2 payments"),
        (1204, "application", None, "1,204 applications"),
        (1, "was", "were", "1 was"),
        (3, "Program Officer", None, "3 Program Officers"),
    ],
)
def test_the_noun_agrees_with_the_number(number, singular, plural, words):
    assert counted(number, singular, plural) == words


def _strings(path: Path):
    tokens = tokenize.generate_tokens(io.StringIO(path.read_text()).readline)
    for token in tokens:
        if token.type in (tokenize.STRING, tokenize.FSTRING_MIDDLE):
            yield token.start[0], token.string


def test_no_message_or_page_says_s_in_brackets():
    found = []
    for app in APPS:
        for path in (ROOT / app).rglob("*.py"):
            if "migrations" in path.parts:
                continue
            found += [
                f"{path.relative_to(ROOT)}:{line}"
                for line, text in _strings(path)
                if re.search(r"[a-z]\(s\)", text) and "never" not in text
            ]
    for path in (ROOT / "templates").rglob("*.*"):
        for line, text in enumerate(path.read_text().splitlines(), 1):
            if re.search(r"[a-z]\(s\)", text):
                found.append(f"{path.relative_to(ROOT)}:{line}")
    assert not found, "Use counted() or pluralize: " + ", ".join(found)
