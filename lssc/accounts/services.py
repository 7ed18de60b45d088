"""Account writes shared by admin tooling, management commands and tests."""

from allauth.account.models import EmailAddress
from django.contrib.auth.models import Group
from django.db import transaction

from .models import User
from .roles import StaffGroup


@transaction.atomic
def user_ensure(
    *,
    email: str,
    full_name: str,
    password: str | None,
    groups: tuple[StaffGroup, ...] = (),
    is_superuser: bool = False,
) -> tuple[User, bool]:
    """Create the user with a verified primary email, or return the existing one.

    Staff groups make the user staff. Returns ``(user, created)``; an existing user's
    password and details are left alone.
    """
    email = email.strip().lower()
    user, created = User.objects.get_or_create(
        email=email,
        defaults={
            "full_name": full_name,
            "is_staff": bool(groups) or is_superuser,
            "is_superuser": is_superuser,
        },
    )
    if created:
        if password:
            user.set_password(password)
        else:
            user.set_unusable_password()
        user.save(update_fields=["password"])
    EmailAddress.objects.get_or_create(
        user=user, email=email, defaults={"verified": True, "primary": True}
    )
    for group in groups:
        user.groups.add(Group.objects.get(name=group.value))
    return user, created
