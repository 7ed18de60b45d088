from allauth.account.signals import user_logged_in
from django.dispatch import receiver

from .lockout import remember_device


@receiver(user_logged_in, dispatch_uid="lssc.accounts.remember_device")
def _remember_device(sender, request, user, response=None, **kwargs):
    if response is not None:
        remember_device(request, response, user.email)
