"""Every stored file has an owner, and every owner's file is stored (``check_data``).

The owners are the ``FileField``s of the installed models, found through their
``_meta`` (so a new app's files are covered without registering), and the columns
registered with ``register_file_reference`` (a mail's attachment). Storage is walked
one directory at a time and compared in chunks, so memory stays bounded.
"""

from collections.abc import Iterator

from django.apps import apps
from django.db import models

from .invariants import (
    CHUNK,
    chunks,
    file_references,
    register_invariant,
)


def _file_fields() -> list[tuple[type, str, object]]:
    """``(model, field name, storage)`` for every concrete model's file field;
    history tables keep the name only and are not owners."""
    found = []
    for model in apps.get_models():
        if model._meta.proxy or model.__name__.startswith("Historical"):
            continue
        for field in model._meta.concrete_fields:
            if isinstance(field, models.FileField):
                found.append((model, field.name, field.storage))
    return found


def _storages(fields) -> dict:
    """One storage per location: the default and the private storage may share one."""
    by_location = {}
    for _, _, storage in fields:
        by_location.setdefault(getattr(storage, "location", id(storage)), storage)
    return by_location


def _walk(storage, directory: str = "") -> Iterator[str]:
    directories, files = storage.listdir(directory)
    for name in sorted(files):
        yield f"{directory}/{name}" if directory else name
    for sub in sorted(directories):
        yield from _walk(storage, f"{directory}/{sub}" if directory else sub)


@register_invariant(
    "stored-files",
    "every stored file has an owner, and every owner's file is in storage",
)
def stored_files(invariant):
    fields = _file_fields()
    for model, name, storage in fields:
        rows = model._default_manager.exclude(**{name: ""}).exclude(**{name: None})
        for pk, stored in rows.values_list("pk", name).order_by("pk").iterator(CHUNK):
            if not storage.exists(stored):
                yield invariant.violation(
                    model, pk, f"its {name} {stored} is not in storage"
                )
    for location, stored in unowned_files(fields):
        yield invariant.violation(
            "storage", stored, f"no record owns this file in {location}"
        )


def unowned_files(fields=None) -> Iterator[tuple[object, str]]:
    """``(location, name)`` of each stored file no record owns, walked in chunks."""
    fields = fields or _file_fields()
    owners = [(model, name) for model, name, _ in fields] + file_references()
    for location, storage in _storages(fields).items():
        if not storage.exists(""):
            continue
        for chunk in chunks(_walk(storage)):
            owned = set()
            for model, name in owners:
                owned |= set(
                    model._default_manager.filter(**{f"{name}__in": chunk}).values_list(
                        name, flat=True
                    )
                )
            yield from ((location, stored) for stored in chunk if stored not in owned)


def delete_unowned_files() -> int:
    """Remove every stored file no record owns (after the records were deleted in
    bulk, as the demo's reset does); the number removed."""
    fields = _file_fields()
    storages = _storages(fields)
    # Listed first, deleted after: deleting while a directory is walked skips names.
    found = list(unowned_files(fields))
    for location, stored in found:
        storages[location].delete(stored)
    return len(found)
