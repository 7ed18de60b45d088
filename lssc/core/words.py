"""Counts in words: the number with thousands separators and a noun that agrees
with it ("1 application", "1,204 applications"), never "application(s)"."""


def counted(number: int, singular: str, plural: str | None = None) -> str:
    noun = singular if number == 1 else (plural or f"{singular}s")
    return f"{number:,} {noun}"
