from celery import shared_task


@shared_task(name="lssc.core.ping")
def ping() -> str:
    """A no-op task that proves a worker is consuming from the broker."""
    return "pong"
