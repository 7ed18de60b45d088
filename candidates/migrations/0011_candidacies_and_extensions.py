"""A person may have several candidacies, one after another (``Candidate.user`` is
no longer one-to-one); sets carried over from an earlier candidacy name their
original; requests for more time, decided by staff, with the staff groups'
permissions on them."""

import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models

import candidates.extension_model
import lssc.core.storage
from lssc.accounts.permissions import grant_operation

METHODS = [
    ("course", "Approved course"),
    ("portfolio", "Portfolio"),
    ("recognition", "Recognition agreement"),
    ("carried_over", "Carried over from an earlier candidacy"),
]
VIEW = [("candidates", "view_extensionrequest")]
GROUP_PERMISSIONS = {
    # The Program Officer decides requests; the others look them up.
    "Program Officer": [*VIEW, ("candidates", "change_extensionrequest")],
    "Program Assistant": VIEW,
    "Certification Review Committee": VIEW,
    "Certification Program Committee": VIEW,
}


class Migration(migrations.Migration):
    dependencies = [
        ("candidates", "0010_certification_status"),
        ("accounts", "0002_staff_groups"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.AlterField(
            model_name="candidate",
            name="user",
            field=models.ForeignKey(
                on_delete=django.db.models.deletion.PROTECT,
                related_name="candidacies",
                to=settings.AUTH_USER_MODEL,
            ),
        ),
        migrations.AddField(
            model_name="achievement",
            name="carried_from",
            field=models.ForeignKey(
                blank=True,
                null=True,
                on_delete=django.db.models.deletion.PROTECT,
                related_name="carried_to",
                to="candidates.achievement",
            ),
        ),
        migrations.AddField(
            model_name="historicalachievement",
            name="carried_from",
            field=models.ForeignKey(
                blank=True,
                db_constraint=False,
                null=True,
                on_delete=django.db.models.deletion.DO_NOTHING,
                related_name="+",
                to="candidates.achievement",
            ),
        ),
        migrations.AlterField(
            model_name="achievement",
            name="method",
            field=models.CharField(choices=METHODS, max_length=20),
        ),
        migrations.AlterField(
            model_name="historicalachievement",
            name="method",
            field=models.CharField(choices=METHODS, max_length=20),
        ),
        migrations.CreateModel(
            name="ExtensionRequest",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True,
                        primary_key=True,
                        serialize=False,
                        verbose_name="ID",
                    ),
                ),
                ("decided_at", models.DateTimeField(blank=True, null=True)),
                ("decision_reason", models.TextField(blank=True)),
                (
                    "status",
                    models.CharField(
                        choices=[
                            ("requested", "Waiting for a decision"),
                            ("granted", "Granted"),
                            ("refused", "Refused"),
                        ],
                        db_index=True,
                        default="requested",
                        max_length=20,
                    ),
                ),
                ("reason", models.TextField(verbose_name="why more time is needed")),
                (
                    "deadline_then",
                    models.DateField(
                        help_text="The candidacy's deadline on the day asked.",
                        verbose_name="deadline when asked",
                    ),
                ),
                (
                    "asked_until",
                    models.DateField(verbose_name="new deadline asked for"),
                ),
                (
                    "granted_until",
                    models.DateField(
                        blank=True,
                        editable=False,
                        null=True,
                        verbose_name="new deadline granted",
                    ),
                ),
                (
                    "document",
                    models.FileField(
                        blank=True,
                        editable=False,
                        storage=lssc.core.storage.PrivateStorage(),
                        upload_to=candidates.extension_model._document_path,
                    ),
                ),
                (
                    "document_name",
                    models.CharField(blank=True, editable=False, max_length=200),
                ),
                ("created_at", models.DateTimeField(auto_now_add=True)),
                (
                    "candidate",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="extension_requests",
                        to="candidates.candidate",
                    ),
                ),
                (
                    "decided_by",
                    models.ForeignKey(
                        blank=True,
                        null=True,
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="+",
                        to=settings.AUTH_USER_MODEL,
                    ),
                ),
            ],
            options={
                "verbose_name": "request for more time",
                "verbose_name_plural": "requests for more time",
                "ordering": ["-created_at", "-pk"],
                "constraints": [
                    models.UniqueConstraint(
                        condition=models.Q(("status", "requested")),
                        fields=("candidate",),
                        name="one_waiting_extension_request",
                    )
                ],
            },
        ),
        migrations.RunPython(*grant_operation(GROUP_PERMISSIONS)),
    ]
