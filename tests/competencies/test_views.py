import datetime
import re

import pytest
from django.urls import reverse

from lssc.accounts.roles import StaffGroup
from lssc.competencies.models import CompetencySet
from tests.factories import staff_user

pytestmark = pytest.mark.django_db


def test_list_shows_required_and_elective_sets_with_counts(client):
    response = client.get(reverse("competencies:list"))
    assert response.status_code == 200
    html = response.content.decode()
    required, electives = html.split('id="elective-heading"')
    for name in ("Foundations of Library Service", "Communication and Teamwork"):
        assert name in required
    assert "Youth Services" in electives and "Youth Services" not in required
    assert "22 competencies" in html


def test_list_hides_retired_sets(client):
    CompetencySet.objects.filter(slug="youth-services").update(
        retired_on=datetime.date(2026, 1, 1)
    )
    response = client.get(reverse("competencies:list"))
    assert "Youth Services" not in response.content.decode()


def test_detail_lists_competencies_grouped_by_part_and_kind(client):
    response = client.get(
        reverse("competencies:detail", args=["communication-and-teamwork"])
    )
    assert response.status_code == 200
    html = response.content.decode()
    assert html.count("<h1") == 1
    communication = html.index("<h2>Communication</h2>")
    team_work = html.index("<h2>Team Work and Decision-Making</h2>")
    assert communication < team_work
    assert html.count("Library Support Staff will know:") == 2
    assert html.count("Library Support Staff will be able to:") == 2
    assert re.search(
        r'<li value="15">\s*<span[^>]*>Basic concepts of team work\.', html
    )
    assert html.index("Write clearly, logically and concisely.") < team_work


def test_unknown_set_is_404(client):
    response = client.get(reverse("competencies:detail", args=["no-such-set"]))
    assert response.status_code == 404
    assert "Page not found" in response.content.decode()


def test_list_and_detail_query_counts_are_constant(client, django_assert_num_queries):
    with django_assert_num_queries(1):
        client.get(reverse("competencies:list"))
    with django_assert_num_queries(2):
        client.get(reverse("competencies:detail", args=["supervision-and-management"]))


def test_staff_edit_a_competency_in_admin_and_the_change_is_audited(client):
    officer = staff_user(StaffGroup.PROGRAM_OFFICER)
    client.force_login(officer)
    technology = CompetencySet.objects.get(slug="technology")
    response = client.post(
        reverse("admin:competencies_competencyset_change", args=[technology.pk]),
        {
            "slug": "technology",
            "name": "Technology",
            "is_required": "on",
            "description": technology.description,
            "revised_on": "2008-06-18",
            "position": technology.position,
            "retired_on": "2030-01-01",
            "competencies-TOTAL_FORMS": "0",
            "competencies-INITIAL_FORMS": "0",
        },
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    technology.refresh_from_db()
    assert technology.retired_on == datetime.date(2030, 1, 1)
    latest = technology.history.latest()
    assert latest.history_user == officer
    assert latest.history_type == "~"


def test_no_staff_group_may_delete_a_set(client):
    client.force_login(staff_user(StaffGroup.PROGRAM_OFFICER))
    technology = CompetencySet.objects.get(slug="technology")
    response = client.post(
        reverse("admin:competencies_competencyset_delete", args=[technology.pk]),
        {"post": "yes"},
    )
    assert response.status_code == 403
    assert CompetencySet.objects.filter(pk=technology.pk).exists()


def test_a_set_in_use_cannot_be_deleted_even_by_a_superuser(client, monkeypatch):
    admin_user = staff_user(StaffGroup.PROGRAM_OFFICER, is_superuser=True)
    client.force_login(admin_user)
    technology = CompetencySet.objects.get(slug="technology")
    url = reverse("admin:competencies_competencyset_delete", args=[technology.pk])
    monkeypatch.setattr(CompetencySet, "is_in_use", lambda self: True)
    assert client.post(url, {"post": "yes"}).status_code == 403
    assert CompetencySet.objects.filter(pk=technology.pk).exists()


def test_an_unused_set_is_not_in_use():
    assert CompetencySet.objects.get(slug="technology").is_in_use() is False
