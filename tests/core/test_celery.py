"""A real Celery worker consumes from the real Redis broker."""

from celery.contrib.testing.worker import start_worker

from lssc.celery import app
from lssc.core.tasks import ping


def test_tasks_run_eagerly_without_a_broker(settings):
    assert settings.CELERY_TASK_ALWAYS_EAGER
    assert ping.delay().get(timeout=1) == "pong"


def test_a_real_worker_runs_a_task_end_to_end(redis_url):
    saved = {
        key: app.conf[key]
        for key in ("broker_url", "result_backend", "task_always_eager")
    }
    app.conf.update(
        broker_url=redis_url, result_backend=redis_url, task_always_eager=False
    )
    try:
        with start_worker(
            app, pool="solo", perform_ping_check=False, shutdown_timeout=10
        ):
            result = ping.delay()
            assert result.get(timeout=20) == "pong"
            assert result.status == "SUCCESS"
    finally:
        app.conf.update(saved)


def test_services_name_tasks_that_exist():
    """Services queue work by a task's name; a renamed task must not go unnoticed."""
    from candidates.certificates import MAKE_TASK
    from candidates.tasks import certificate_make
    from lssc.notifications.services import SEND_TASK
    from lssc.notifications.tasks import mail_send

    assert app.tasks[SEND_TASK].run is mail_send.run
    assert app.tasks[MAKE_TASK].run is certificate_make.run
