"""Characters that no person types, and that text must not carry into the database.

PostgreSQL refuses NUL in text outright; the other control characters of the C0 range
break exports, PDFs and mail headers further on. Tab, line feed and carriage return
are not among them: text areas hold them.
"""

import re

CONTROL_CHARACTERS = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")


def has_control_characters(text: str) -> bool:
    return CONTROL_CHARACTERS.search(text) is not None
