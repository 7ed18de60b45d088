import os

import pytest
from django.core.cache import cache
from django.db import connections

from tests.factories import UserFactory


@pytest.hookimpl(trylast=True)
def pytest_collection_modifyitems(items):
    committing = set()
    for item in items:
        marker = item.get_closest_marker("django_db")
        if {"transactional_db", "live_server"} & set(item.fixturenames) or (
            marker is not None and marker.kwargs.get("transaction")
        ):
            # A test that really commits ends with the tables emptied; the rows the
            # migrations load (competency sets, fees, staff groups) are put back at
            # the start of the next such test. Said on the marker, which is what
            # decides whether the database is serialized when it is set up
            # (whichever tests are selected).
            kwargs = {**(marker.kwargs if marker else {})}
            kwargs.update(transaction=True, serialized_rollback=True)
            item.add_marker(pytest.mark.django_db(**kwargs), append=False)
            committing.add(item)
    # They run last, as Django orders them: a test in a rolled-back transaction
    # after them would find the tables empty. Last also after pytest's own
    # reordering around session-scoped parameters (the browser suite's), which
    # can move them between the others.
    items.sort(key=lambda item: item in committing)


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup):
    """Let every connection object restore the migrations' rows.

    Django keeps that snapshot on the connection that created the test database.
    Connections are context-local: once the browser suite's event loop runs, the
    main thread gets a new connection object, which would silently restore
    nothing. The snapshot is the same for all, so it is shared on the class.
    """
    for connection in connections.all(initialized_only=True):
        contents = getattr(connection, "_test_serialized_contents", None)
        if contents is not None:
            type(connection)._test_serialized_contents = contents


@pytest.fixture(autouse=True)
def _scratch_media(settings, tmp_path):
    """Uploaded files go to a scratch folder, never the project's media."""
    settings.MEDIA_ROOT = tmp_path / "media"


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
