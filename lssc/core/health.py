"""Health of the services the app depends on, for load balancers and monitoring."""

import redis
from django.conf import settings
from django.db import connection
from django.db.utils import DatabaseError
from django.utils.crypto import constant_time_compare

from lssc.accounts.two_factor import staff_powers


def database_status() -> str:
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except DatabaseError as exc:
        return f"error: {exc.__class__.__name__}"
    return "ok"


def broker_status() -> str:
    """Whether the Celery broker answers; "eager" when tasks run in-process."""
    if not settings.REDIS_URL:
        return "eager"
    client = redis.Redis.from_url(
        settings.REDIS_URL,
        socket_connect_timeout=settings.REDIS_TIMEOUT_SECONDS,
        socket_timeout=settings.REDIS_TIMEOUT_SECONDS,
    )
    try:
        client.ping()
    except redis.RedisError as exc:
        return f"error: {exc.__class__.__name__}"
    finally:
        client.close()
    return "ok"


def may_see_health_detail(request) -> bool:
    token = settings.HEALTHZ_TOKEN
    given = request.headers.get("Authorization", "")
    if token and constant_time_compare(given, f"Bearer {token}"):
        return True
    return staff_powers(request.user)
