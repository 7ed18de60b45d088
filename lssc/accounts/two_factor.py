"""Two-factor authentication is a precondition of every staff power.

The rule lives here and is applied where Django asks about powers, not page by page:
``User.has_perm`` and ``User.has_module_perms`` answer no for an account without a
second factor (superusers included), and ``staff_powers`` answers no for the admin site
and the staff pages. A view that checks a permission is covered without naming
two-factor, so a stolen password alone opens nothing private.
"""

from allauth.mfa.utils import is_mfa_enabled


def two_factor_enabled(user) -> bool:
    """Whether ``user`` has enrolled a second factor; asked once per user object."""
    if not user.is_authenticated:
        return False
    enabled = getattr(user, "_two_factor_enabled", None)
    if enabled is None:
        enabled = user._two_factor_enabled = is_mfa_enabled(user)
    return enabled


def needs_two_factor(user) -> bool:
    """A staff account that must enrol in two-factor before any staff page opens."""
    return bool(
        user.is_authenticated
        and user.is_active
        and (user.is_staff or user.is_superuser)
        and not two_factor_enabled(user)
    )


def staff_powers(user) -> bool:
    """Whether ``user`` may use the admin and the staff pages at all."""
    return bool(
        user.is_authenticated
        and user.is_active
        and user.is_staff
        and two_factor_enabled(user)
    )
