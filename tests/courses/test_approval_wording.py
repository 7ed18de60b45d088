"""Course approvals say "approved through" their last day (issue 19), on the
catalog, the course's page and the provider's dashboard, and the catalog lists a
course through that day and not after."""

import re

import pytest
from django.urls import reverse

from tests.courses.conftest import DAY, EXPIRES, contact_of, on

pytestmark = pytest.mark.django_db

LAST_DAY = "March 9, 2029"  # approved on March 10, 2026 for three years


def text(response) -> str:
    html = response.content.decode()
    return " ".join(re.sub(r"<[^>]+>", " ", html).split())


def test_the_last_approved_day_and_the_day_after(client, course):
    assert course.expires_on == EXPIRES  # stored: the first day not approved
    assert course.last_approved_day == EXPIRES - DAY
    detail = reverse("courses:detail", args=[course.pk])

    with on(EXPIRES - DAY):
        catalog = text(client.get(reverse("courses:catalog")))
        page = text(client.get(detail))
    assert "Tech basics" in catalog
    assert f"approved through {LAST_DAY}" in catalog
    assert f"approved from March 10, 2026 through {LAST_DAY}" in page

    with on(EXPIRES):
        catalog = text(client.get(reverse("courses:catalog")))
        page = text(client.get(detail))
    assert "Tech basics" not in catalog
    assert f"This course was approved through {LAST_DAY}; its approval has ended" in (
        page
    )
    for words in (catalog, page):
        assert "until" not in words


def test_the_provider_dashboard_names_the_last_approved_day(client, course):
    with on(EXPIRES - DAY):
        client.force_login(contact_of(course.provider))
        dashboard = text(client.get(reverse("courses:provider_dashboard")))
    assert "Approved through" in dashboard
    assert "March 9, 2029" in dashboard and "Lapsed" not in dashboard
