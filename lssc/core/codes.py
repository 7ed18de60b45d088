"""Codes people read aloud, type and copy onto paper: random, and unambiguous."""

import secrets

# No 0/O, 1/I/L: codes are read on the phone and copied onto checks and letters.
ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ"


def readable_code(groups: int, size: int = 4) -> str:
    """``groups`` groups of ``size`` random characters joined by dashes.

    Each character carries log2(31) ≈ 4.95 bits: three groups of four are about 59
    bits, far beyond guessing through a rate-limited page.
    """
    return "-".join(
        "".join(secrets.choice(ALPHABET) for _ in range(size)) for _ in range(groups)
    )
