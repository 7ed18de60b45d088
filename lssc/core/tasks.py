from celery import shared_task


# Its result is read (by the worker check), unlike every other task.
@shared_task(name="lssc.core.ping", ignore_result=False)
def ping() -> str:
    """A no-op task that proves a worker is consuming from the broker."""
    return "pong"
