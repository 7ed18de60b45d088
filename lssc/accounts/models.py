"""People: one user model for everyone; roles come from groups and profile rows.

Candidate, evaluator and provider-contact profiles are one-to-one rows owned by their
apps (``candidates``, ``evaluations``, ``courses``), so a person may hold several roles.
"""

from asgiref.sync import sync_to_async
from django.contrib.auth.base_user import BaseUserManager
from django.contrib.auth.models import AbstractUser
from django.db import models
from django.db.models.functions import Lower
from simple_history.models import HistoricalRecords

from .two_factor import two_factor_enabled


class UserManager(BaseUserManager):
    use_in_migrations = True

    def _create_user(self, email, password, **extra_fields):
        if not email:
            raise ValueError("An email address is required.")
        user = self.model(email=self.normalize_email(email).lower(), **extra_fields)
        user.set_password(password)
        user.save(using=self._db)
        return user

    def create_user(self, email, password=None, **extra_fields):
        extra_fields.setdefault("is_staff", False)
        extra_fields.setdefault("is_superuser", False)
        return self._create_user(email, password, **extra_fields)

    def create_superuser(self, email, password=None, **extra_fields):
        extra_fields.setdefault("is_staff", True)
        extra_fields.setdefault("is_superuser", True)
        if not extra_fields["is_staff"] or not extra_fields["is_superuser"]:
            raise ValueError("A superuser must have is_staff and is_superuser set.")
        return self._create_user(email, password, **extra_fields)


class User(AbstractUser):
    """A person who signs in with their email address."""

    username = None
    first_name = None
    last_name = None
    email = models.EmailField("email address", unique=True)
    full_name = models.CharField(
        "full name",
        max_length=200,
        help_text="As it should appear on letters and on a certificate.",
    )

    history = HistoricalRecords(excluded_fields=["password", "last_login"])

    objects = UserManager()

    USERNAME_FIELD = "email"
    EMAIL_FIELD = "email"
    REQUIRED_FIELDS = ["full_name"]

    class Meta:
        verbose_name = "user"
        verbose_name_plural = "users"
        ordering = ["full_name", "email"]
        constraints = [
            models.UniqueConstraint(Lower("email"), name="user_email_ci_unique"),
        ]

    def __str__(self):
        return self.full_name or self.email

    def get_full_name(self):
        return self.full_name

    def get_short_name(self):
        return self.full_name.split(" ", 1)[0] if self.full_name else self.email

    # Every permission is a staff power, and every staff power needs two-factor
    # (``two_factor``). Superusers are no exception: Django grants them everything
    # before asking the backends, so the rule is applied here.
    def has_perm(self, perm, obj=None):
        return super().has_perm(perm, obj) and two_factor_enabled(self)

    def has_module_perms(self, app_label):
        return super().has_module_perms(app_label) and two_factor_enabled(self)

    async def ahas_perm(self, perm, obj=None):
        return await sync_to_async(self.has_perm)(perm, obj)

    async def ahas_module_perms(self, app_label):
        return await sync_to_async(self.has_module_perms)(app_label)

    def get_all_permissions(self, obj=None):
        permissions = super().get_all_permissions(obj)
        return permissions if permissions and two_factor_enabled(self) else set()
