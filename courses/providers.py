"""Course providers: registering one, the people who act for it, and writing to
them."""

from django.contrib.auth import get_user_model
from django.db import transaction

from lssc.audit.services import audit_log
from lssc.notifications.services import mail_queue

from .errors import CourseError
from .models import Provider, ProviderContact


def provider_of(user) -> Provider | None:
    contact = ProviderContact.objects.filter(user=user).select_related("provider")
    contact = contact.first()
    return contact.provider if contact else None


def provider_register(*, user, name, type, state, website="") -> Provider:
    """A signed-in person registers their organisation and becomes its contact.
    (``state`` is where the provider is based.)"""
    with transaction.atomic():
        if ProviderContact.objects.filter(user=user).exists():
            raise CourseError("You already act for a provider.")
        provider = Provider.objects.create(
            name=name, type=type, state=state, website=website
        )
        ProviderContact.objects.create(provider=provider, user=user)
        audit_log(
            subject=provider,
            action="provider.registered",
            summary=f"Provider {provider.name} registered by {user.email}",
            actor=user,
            owner=user,
        )
    return provider


def provider_add_contact(*, provider: Provider, email: str, by) -> ProviderContact:
    """Let another person with an account act for the provider."""
    user = get_user_model().objects.filter(email__iexact=email.strip()).first()
    if user is None:
        raise CourseError(
            "No account uses that address. Ask them to create an account first, "
            "then add them again."
        )
    with transaction.atomic():
        if ProviderContact.objects.filter(user=user).exists():
            raise CourseError(f"{user.email} already acts for a provider.")
        contact = ProviderContact.objects.create(provider=provider, user=user)
        audit_log(
            subject=provider,
            action="provider.contact_added",
            summary=f"{user.email} added as a contact of {provider.name}",
            actor=by,
            owner=user,
        )
    return contact


def provider_emails(provider: Provider) -> list[str]:
    return sorted(provider.contacts.values_list("user__email", flat=True))


def mail_provider(provider: Provider, key: str, template: str, context: dict) -> None:
    """One mail to each person who acts for the provider (``key`` made per person)."""
    for email in provider_emails(provider):
        mail_queue(
            key=f"{key}:{email}",
            to=email,
            template=template,
            context={"provider": provider, **context},
        )
