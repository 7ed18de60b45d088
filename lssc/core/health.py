"""Health of the services the app depends on, for load balancers and monitoring."""

import redis
from django.conf import settings
from django.db import connection
from django.db.utils import DatabaseError


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
        settings.REDIS_URL, socket_connect_timeout=1, socket_timeout=1
    )
    try:
        client.ping()
    except redis.RedisError as exc:
        return f"error: {exc.__class__.__name__}"
    finally:
        client.close()
    return "ok"
