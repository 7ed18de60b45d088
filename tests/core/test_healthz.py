"""/healthz: up or down for everyone, the detail for staff and monitoring only."""

import pytest
from django.db import connection
from django.db.utils import OperationalError
from django.urls import reverse

from lssc.accounts.roles import StaffGroup
from tests.factories import UserFactory, staff_user

pytestmark = pytest.mark.django_db

DOWN = "redis://127.0.0.1:1/0"


def test_healthy_with_tasks_running_eagerly(client, settings):
    settings.REDIS_URL = ""
    response = client.get(reverse("healthz"))
    assert response.status_code == 200
    assert response.json() == {"status": "ok"}


def test_healthy_with_a_real_redis(client, settings, redis_url):
    settings.REDIS_URL = redis_url
    settings.HEALTHZ_TOKEN = "monitor-token"
    response = client.get(
        reverse("healthz"), headers={"Authorization": "Bearer monitor-token"}
    )
    assert response.status_code == 200
    assert response.json() == {"status": "ok", "database": "ok", "broker": "ok"}


def test_the_public_learns_only_that_it_is_down(client, settings):
    settings.REDIS_URL = DOWN
    settings.HEALTHZ_TOKEN = "monitor-token"
    for headers in ({}, {"Authorization": "Bearer wrong"}, {"Authorization": ""}):
        response = client.get(reverse("healthz"), headers=headers)
        assert response.status_code == 503
        assert response.json() == {"status": "error"}
    client.force_login(UserFactory())
    assert client.get(reverse("healthz")).json() == {"status": "error"}
    # Staff without two-factor hold no staff power, this one included.
    client.force_login(staff_user(StaffGroup.PROGRAM_OFFICER, mfa=False))
    assert client.get(reverse("healthz")).json() == {"status": "error"}


def test_staff_and_monitoring_see_which_dependency_failed(client, settings):
    settings.REDIS_URL = DOWN
    settings.HEALTHZ_TOKEN = "monitor-token"
    response = client.get(
        reverse("healthz"), headers={"Authorization": "Bearer monitor-token"}
    )
    assert response.status_code == 503
    assert response.json()["database"] == "ok"
    assert response.json()["broker"].startswith("error")
    client.force_login(staff_user(StaffGroup.PROGRAM_ASSISTANT))
    assert client.get(reverse("healthz")).json()["broker"].startswith("error")


def test_no_token_configured_means_no_bearer_detail(client, settings):
    settings.REDIS_URL = DOWN
    settings.HEALTHZ_TOKEN = ""
    response = client.get(reverse("healthz"), headers={"Authorization": "Bearer "})
    assert response.json() == {"status": "error"}


def test_broker_down_and_pages_still_work(client, settings):
    settings.REDIS_URL = DOWN
    assert client.get(reverse("healthz")).status_code == 503
    assert client.get(reverse("competencies:list")).status_code == 200


def test_database_down_is_reported(client, settings, monkeypatch):
    settings.REDIS_URL = ""
    settings.HEALTHZ_TOKEN = "monitor-token"

    def broken_cursor(*args, **kwargs):
        raise OperationalError("connection refused")

    monkeypatch.setattr(connection, "cursor", broken_cursor)
    response = client.get(
        reverse("healthz"), headers={"Authorization": "Bearer monitor-token"}
    )
    assert response.status_code == 503
    assert response.json()["database"] == "error: OperationalError"
