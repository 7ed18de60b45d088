"""Plain copies of a message's values, for the sandbox (``sandbox.py``).

The objects a message is sent about never reach its template: each placeholder its
shape lists is looked up here, in Python, the way Django's templates look it up, and
only the value is kept. A record holds only its listed fields.
"""

import datetime
import decimal
import inspect
from collections.abc import Iterable, Mapping

from django.db.models import QuerySet

from .sandbox import Shape

_PLAIN = (
    bool,
    int,
    float,
    decimal.Decimal,
    datetime.date,
    datetime.time,
    datetime.timedelta,
)
_MISSING = object()


class Record:
    """An object in a message: only its listed fields, read by ``record.field``.

    Shows as the object did when a message may show it, as nothing otherwise; true or
    false as the object was. Looping over it gives nothing."""

    __slots__ = ("_fields", "_text", "_true")

    def __init__(self, fields: dict, *, text: str, true: bool):
        self._fields = fields
        self._text = text
        self._true = true

    def __getitem__(self, name):
        return self._fields[name]

    def __iter__(self):
        return iter(())

    def __bool__(self):
        return self._true

    def __str__(self):
        return self._text

    __repr__ = __str__


def values(shape: Shape, context: dict) -> dict:
    """The plain values of ``context`` that ``shape`` names, and nothing else."""
    plain = {}
    for name, below in shape.fields.items():
        if name in context:
            value = _called(context[name])
            if value is not _MISSING:
                plain[name] = _plain(value, below)
    return plain


def _plain(value, shape: Shape):
    if value is None:
        return None
    if shape.items is not None and _iterable(value):
        return [_plain(item, shape.items) for item in value]
    if not shape.fields or isinstance(value, (str, *_PLAIN)):
        return _leaf(value)
    fields = {}
    for name, below in shape.fields.items():
        found = _lookup(value, name)
        if found is not _MISSING:
            fields[name] = _plain(found, below)
    return Record(fields, text=str(value) if shape.listed else "", true=bool(value))


def _leaf(value):
    """A value as a message shows it: text, a number, a date, or a list of them."""
    if value is None or isinstance(value, bool):
        return value
    if isinstance(value, str):
        return str.__str__(value)  # a TextChoices member or a safe string, as text
    if isinstance(value, int):
        return int(value)  # an IntegerChoices member, as its number
    if isinstance(value, _PLAIN):
        return value
    if isinstance(value, list | tuple | set | frozenset | QuerySet):
        return [_leaf(item) for item in value]
    return str(value) if value else ""


def _iterable(value) -> bool:
    return isinstance(value, Iterable) and not isinstance(value, str | bytes | Mapping)


def _lookup(current, name):
    """``current.name`` as Django's templates read it: key, attribute, then index;
    a method is called, one that changes data is not."""
    try:
        try:
            if not hasattr(type(current), "__getitem__"):
                raise TypeError
            current = current[name]
        except (TypeError, AttributeError, KeyError, ValueError, IndexError):
            try:
                current = getattr(current, name)
            except (TypeError, AttributeError):
                try:
                    current = current[int(name)]
                except (IndexError, ValueError, KeyError, TypeError, AttributeError):
                    return _MISSING
        return _called(current)
    except Exception as error:
        if getattr(error, "silent_variable_failure", False):
            return _MISSING  # a missing related object
        raise


def _called(value):
    if not callable(value) or getattr(value, "do_not_call_in_templates", False):
        return value
    if getattr(value, "alters_data", False):
        return _MISSING
    try:
        return value()
    except TypeError:
        try:
            inspect.signature(value).bind()
        except (TypeError, ValueError):
            return _MISSING  # it needs arguments
        raise
