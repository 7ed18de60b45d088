import factory
from allauth.account.models import EmailAddress
from allauth.mfa.totp.internal.auth import TOTP
from django.contrib.auth.models import Group

from lssc.accounts.models import User

PASSWORD = "a-Long-test-passw0rd"
TOTP_SECRET = "JBSWY3DPEHPK3PXPTESTSECR"


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = User
        skip_postgeneration_save = True

    email = factory.Sequence(lambda n: f"person{n}@example.org")
    full_name = factory.Faker("name")
    password = factory.PostGenerationMethodCall("set_password", PASSWORD)

    @factory.post_generation
    def verified(self, create, extracted, **kwargs):
        """A verified primary email unless ``verified=False`` is passed."""
        if create:
            EmailAddress.objects.create(
                user=self,
                email=self.email,
                primary=True,
                verified=extracted is not False,
            )
            self.save()


def staff_user(group_name: str, *, mfa: bool = True, **kwargs) -> User:
    user = UserFactory(is_staff=True, **kwargs)
    user.groups.add(Group.objects.get(name=group_name))
    if mfa:
        TOTP.activate(user, TOTP_SECRET)
    return user
