"""Test settings: the production settings with test-only conveniences.

Tests run on the database named by ``DATABASE_URL`` (PostgreSQL in CI) and, when
``REDIS_URL`` is set, talk to a real Redis for the Celery worker tests.
"""

import os

os.environ.setdefault("SECRET_KEY", "test-only-secret-key-not-for-production")

from lssc.settings import *  # noqa: F403
from lssc.settings import STORAGES

PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
MAILERS = {"default": {"BACKEND": "django.core.mail.backends.locmem.EmailBackend"}}
STORAGES = {
    **STORAGES,
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
WHITENOISE_USE_FINDERS = True
SECURE_SSL_REDIRECT = False
# Celery runs eagerly in tests unless a test starts a real worker itself.
CELERY_TASK_ALWAYS_EAGER = True
CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
STRIPE_MAX_NETWORK_RETRIES = 0
