from django.db import migrations

from lssc.accounts.permissions import grant_operation


def _perms(*pairs):
    return [("courses", f"{verb}_{model}") for model, verbs in pairs for verb in verbs]


GROUP_PERMISSIONS = {
    # The Program Officer runs course approvals, verifications and agreements.
    "Program Officer": _perms(
        ("provider", ("view", "add", "change")),
        ("providercontact", ("view", "add", "change", "delete")),
        ("courseapplication", ("view", "change")),
        ("course", ("view",)),
        ("completion", ("view", "change")),
        ("recognitionagreement", ("view", "add", "change")),
        ("recognitionclaim", ("view", "change")),
    ),
    # The CRC reviews course applications (approve, reject, request changes).
    "Certification Review Committee": _perms(
        ("provider", ("view",)),
        ("courseapplication", ("view", "change")),
        ("course", ("view",)),
    ),
    # The Program Assistant verifies completions and graduation claims.
    "Program Assistant": _perms(
        ("provider", ("view",)),
        ("courseapplication", ("view",)),
        ("course", ("view",)),
        ("completion", ("view", "change")),
        ("recognitionagreement", ("view",)),
        ("recognitionclaim", ("view", "change")),
    ),
}


class Migration(migrations.Migration):
    dependencies = [
        ("courses", "0001_initial"),
        ("accounts", "0002_staff_groups"),
    ]
    operations = [migrations.RunPython(*grant_operation(GROUP_PERMISSIONS))]
