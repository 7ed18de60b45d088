"""Money as people read and type it: dollars, while the database keeps integer cents.

``DollarsField`` is the form field for any ``*_cents`` column: it shows ``350.00``,
accepts ``350``, ``350.00`` or ``$1,250.50`` and gives back cents. ``dollars`` is the
one way amounts are printed in lists and read-only fields: ``$1,250.50``.
"""

import re
from decimal import Decimal, InvalidOperation

from django import forms
from django.core.exceptions import ValidationError

# Digits with optional thousands separators in the right places, or plain digits.
_AMOUNT = re.compile(r"^(\d{1,3}(,\d{3})+|\d+)(\.\d*)?$|^\.\d+$")


def dollars(cents: int | None) -> str:
    """``125050`` -> ``"$1,250.50"``; an empty amount reads as an empty string."""
    if cents is None or cents == "":
        return ""
    return f"${int(cents) / 100:,.2f}"


def cents_from_dollars(text: str) -> int:
    """``"$1,250.50"`` -> ``125050``; a clear ``ValidationError`` for anything else."""
    cleaned = str(text).strip().removeprefix("$").strip()
    if cleaned.startswith("-"):
        raise ValidationError("Enter an amount of zero or more.", code="negative")
    if not _AMOUNT.match(cleaned):
        raise ValidationError(
            "Enter an amount in dollars, such as 350 or 1,250.50.", code="invalid"
        )
    try:
        amount = Decimal(cleaned.replace(",", ""))
    except InvalidOperation:  # pragma: no cover - the pattern admits only numbers
        raise ValidationError("Enter an amount in dollars.", code="invalid") from None
    if amount.as_tuple().exponent < -2:
        raise ValidationError(
            "Enter at most two digits after the decimal point (cents).",
            code="precision",
        )
    return int(amount * 100)


def dollars_label(verbose_name: str) -> str:
    """``"amount (cents)"`` -> ``"Amount ($)"``: the label of a field in dollars."""
    name = re.sub(r"\s*\(cents\)\s*$", "", str(verbose_name)).strip()
    return f"{name[:1].upper()}{name[1:]} ($)"


class DollarsInput(forms.TextInput):
    """A text box for dollars; phones offer the keypad with a decimal point."""

    def __init__(self, attrs=None):
        super().__init__(
            {"inputmode": "decimal", "autocomplete": "off", **(attrs or {})}
        )


class DollarsField(forms.Field):
    """Dollars in the form, integer cents in ``cleaned_data``."""

    widget = DollarsInput
    default_error_messages = {
        "too_large": "Enter an amount of at most %(most)s.",
    }

    def __init__(self, *, max_cents: int = 2_147_483_647, **kwargs):
        self.max_cents = max_cents
        super().__init__(**kwargs)

    def prepare_value(self, value):
        # Cents from the database show as dollars; typed text shows as typed.
        if isinstance(value, int):
            return f"{value / 100:.2f}"
        return value

    def to_python(self, value):
        if value in self.empty_values or str(value).strip() == "":
            return None
        if isinstance(value, int):
            return value
        return cents_from_dollars(value)

    def validate(self, value):
        super().validate(value)
        if value is not None and value > self.max_cents:
            raise ValidationError(
                self.error_messages["too_large"],
                code="too_large",
                params={"most": dollars(self.max_cents)},
            )

    def has_changed(self, initial, data):
        try:
            return self.to_python(data) != (
                initial if initial in (None, "") else int(initial)
            )
        except (ValidationError, ValueError):
            return True


def is_cents_field(db_field) -> bool:
    return db_field.name.endswith("_cents") and db_field.get_internal_type() in (
        "IntegerField",
        "PositiveIntegerField",
        "BigIntegerField",
        "PositiveBigIntegerField",
    )
