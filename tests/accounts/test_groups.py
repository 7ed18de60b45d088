import pytest
from django.contrib.auth.models import Group

from lssc.accounts.roles import StaffGroup, in_group
from tests.factories import UserFactory, staff_user

pytestmark = pytest.mark.django_db


def test_the_four_staff_groups_exist_after_migrate():
    assert set(Group.objects.values_list("name", flat=True)) >= set(StaffGroup.values)


@pytest.mark.parametrize(
    ("group", "allowed", "refused"),
    [
        (
            StaffGroup.PROGRAM_OFFICER,
            ["fees.add_fee", "fees.change_fee", "competencies.change_competency"],
            ["fees.delete_fee", "competencies.delete_competencyset"],
        ),
        (
            StaffGroup.PROGRAM_ASSISTANT,
            ["fees.view_fee", "accounts.change_user"],
            ["fees.change_fee", "competencies.change_competency"],
        ),
        (
            StaffGroup.REVIEW_COMMITTEE,
            ["competencies.view_competency"],
            ["fees.view_fee", "accounts.change_user"],
        ),
        (
            StaffGroup.PROGRAM_COMMITTEE,
            ["competencies.view_competency"],
            ["fees.view_fee", "accounts.change_user"],
        ),
    ],
)
def test_group_permissions(group, allowed, refused):
    user = staff_user(group)
    for perm in allowed:
        assert user.has_perm(perm), perm
    for perm in refused:
        assert not user.has_perm(perm), perm


def test_in_group_needs_active_staff_membership():
    officer = staff_user(StaffGroup.PROGRAM_OFFICER)
    assert in_group(officer, StaffGroup.PROGRAM_OFFICER)
    assert not in_group(officer, StaffGroup.REVIEW_COMMITTEE)
    assert not in_group(UserFactory(), StaffGroup.PROGRAM_OFFICER)
    officer.is_active = False
    assert not in_group(officer, StaffGroup.PROGRAM_OFFICER)


def test_user_changes_are_audited_without_the_password():
    user = UserFactory()
    user.full_name = "Corrected Name"
    user.save()
    record = user.history.latest()
    assert record.full_name == "Corrected Name"
    assert not hasattr(record, "password")
