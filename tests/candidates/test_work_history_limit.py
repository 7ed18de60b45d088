"""The work-history step takes a bounded number of rows: a post claiming a hundred
thousand forms is answered at once with a form error, and nothing is saved.

The bound is timed in the server's CPU seconds (``time.process_time``): wall time
on a busy shared runner also counts other processes. Without the bound, this post
built and rendered 2,000 forms.
"""

import datetime
import time

import pytest
from django.urls import reverse
from django.utils import timezone

from candidates.forms import MAX_WORK_PERIODS
from candidates.models import Application, WorkHistory
from tests.factories import UserFactory

from .test_application_flow import work_row

pytestmark = pytest.mark.django_db

URL = reverse("candidates:apply_step", args=["education"])
START = (timezone.localdate() - datetime.timedelta(days=400)).isoformat()


def periods(count):
    data = work_row()
    data["work-TOTAL_FORMS"] = str(count)
    for n in range(count):
        data |= {
            f"work-{n}-library": f"Branch {n}",
            f"work-{n}-position": "Page",
            f"work-{n}-paid": "True",
            f"work-{n}-start_date": START,
            f"work-{n}-current": "on",
            f"work-{n}-hours_per_week": "2",
        }
    return data


@pytest.fixture
def draft(client):
    user = UserFactory()
    client.force_login(user)
    return Application.objects.create(user=user, steps_done=2)


def assert_unchanged(draft):
    assert not WorkHistory.objects.exists()
    draft.refresh_from_db()
    assert draft.steps_done == 2
    assert draft.education == ""


@pytest.mark.parametrize("initial", ["0", "100000"])
def test_a_post_claiming_100000_rows_gets_a_form_error_at_once(client, draft, initial):
    data = work_row()
    data["work-TOTAL_FORMS"] = "100000"
    data["work-INITIAL_FORMS"] = initial
    client.get(URL)  # templates loaded: the timing is the post's alone

    began = time.process_time()
    response = client.post(URL, data)
    elapsed = time.process_time() - began

    assert response.status_code == 200
    assert elapsed < 1
    assert len(response.context["formset"].forms) <= MAX_WORK_PERIODS
    html = response.content.decode()
    assert f"List at most {MAX_WORK_PERIODS} periods of library work." in html
    assert_unchanged(draft)


def test_the_most_periods_are_saved_and_one_more_is_refused(client, draft):
    response = client.post(URL, periods(MAX_WORK_PERIODS + 1))
    assert response.status_code == 200
    assert f"List at most {MAX_WORK_PERIODS} periods" in response.content.decode()
    assert_unchanged(draft)

    response = client.post(URL, periods(MAX_WORK_PERIODS))
    assert response.status_code == 302
    assert WorkHistory.objects.filter(application=draft).count() == MAX_WORK_PERIODS
    # The page then offers no blank row and no button to add one.
    page = client.get(URL).content.decode()
    assert "New period of work" not in page
    assert 'name="add_row"' not in page
