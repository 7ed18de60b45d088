"""The Celery application: broker and results on Redis, configured from settings."""

import os

from celery import Celery

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "lssc.settings")

app = Celery("lssc")
app.config_from_object("django.conf:settings", namespace="CELERY")
app.autodiscover_tasks()
