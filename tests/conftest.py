import os

import pytest
from django.core.cache import cache

from tests.factories import UserFactory


@pytest.fixture(autouse=True)
def _fresh_cache():
    """Rate limits and cached pages live in the cache; no test inherits another's."""
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def user(db):
    return UserFactory()


@pytest.fixture
def redis_url():
    """The real Redis to test against.

    Locally the test is skipped when ``REDIS_URL`` is unset; in CI (``CI`` set) a
    missing Redis is a failure, so nothing is silently skipped there.
    """
    url = os.environ.get("REDIS_URL")
    if not url:
        if os.environ.get("CI"):
            pytest.fail("REDIS_URL must be set in CI.")
        pytest.skip("REDIS_URL is not set: no Redis to test against.")
    return url


@pytest.fixture
def commit(django_capture_on_commit_callbacks):
    """``with commit(): ...`` runs the on-commit work (mail, tasks) of the block.

    Tests run inside a transaction that never commits; this plays the commit.
    """
    return lambda: django_capture_on_commit_callbacks(execute=True)
