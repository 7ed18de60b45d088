"""The public pages through HTTP: the approved-course catalog, its filters and
pages, a course's page and the recognition agreements."""

import datetime

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from courses.models import (
    Delivery,
    Pacing,
    Provider,
    ProviderType,
)
from lssc.competencies.models import CompetencySet
from lssc.core.dates import add_years
from tests.courses.conftest import (
    approved_course,
    complete_application,
    in_review,
    lakeside_agreement,
    make_provider,
)
from tests.courses.view_helpers import catalog_course
from tests.factories import UserFactory
from tests.portfolios import files

pytestmark = pytest.mark.django_db

CATALOG = reverse("courses:catalog")
DAY = datetime.timedelta(days=1)


def titles(response) -> list[str]:
    return [course.title for course in response.context["page"].object_list]


def search(client, **params):
    response = client.get(CATALOG, params)
    assert response.status_code == 200, params
    return titles(response)


# --- Which courses are listed ---------------------------------------------------------


def test_the_catalog_lists_only_courses_approved_today(
    client, provider, technology, cataloging, officer
):
    today = timezone.localdate()
    approved_course(provider, technology, officer=officer, title="Tech basics")
    lapsed = approved_course(
        provider,
        cataloging,
        officer=officer,
        day=add_years(today, -4),
        title="Old cataloging course",
    )
    in_review(complete_application(provider, cataloging, title="Still in review"))
    complete_application(provider, technology, title="Only a draft")
    assert lapsed.expires_on == add_years(today, -1)

    response = client.get(CATALOG)

    assert response.status_code == 200
    assert titles(response) == ["Tech basics"]
    html = response.content.decode()
    assert "1 course</h2>" in html
    assert "Tech basics" in html
    for hidden in ("Old cataloging course", "Still in review", "Only a draft"):
        assert hidden not in html


def test_a_course_is_listed_through_its_last_approved_day_and_not_after(
    client, technology
):
    today = timezone.localdate()
    catalog_course(technology, title="Ends tomorrow", expires_on=today + 2 * DAY)
    catalog_course(technology, title="Ends today", expires_on=today + DAY)
    catalog_course(technology, title="Ended yesterday", expires_on=today)
    catalog_course(
        technology,
        title="Not yet",
        approved_on=today + DAY,
        first_approved_on=today + DAY,
    )
    assert search(client) == ["Ends today", "Ends tomorrow"]


@pytest.fixture
def varied(db, technology, cataloging):
    """Five courses that differ in one way each from the first."""
    illinois = Provider.objects.create(
        name="Prairie Library Cooperative", type=ProviderType.COOPERATIVE, state="IL"
    )
    california = Provider.objects.create(
        name="Golden State Library School",
        type=ProviderType.LIBRARY_SCHOOL,
        state="CA",
    )
    catalog_course(
        technology,
        provider=illinois,
        title="Networks for libraries",
        description="Routers, switches and the branch network.",
    )
    catalog_course(
        cataloging,
        provider=illinois,
        title="Copy cataloging",
        description="MARC records and RDA in practice.",
    )
    catalog_course(
        technology,
        provider=illinois,
        title="Hands-on computers",
        delivery=Delivery.IN_PERSON,
    )
    catalog_course(
        technology,
        provider=illinois,
        title="Live webinars on software",
        pacing=Pacing.SYNCHRONOUS,
    )
    catalog_course(technology, provider=california, title="Library systems")


def test_filters_by_set_delivery_pacing_provider_type_and_state(client, varied):
    everything = [
        "Copy cataloging",
        "Hands-on computers",
        "Library systems",
        "Live webinars on software",
        "Networks for libraries",
    ]
    assert search(client) == everything
    assert search(client, competency_set="cataloging-and-classification") == [
        "Copy cataloging"
    ]
    assert "Copy cataloging" not in search(client, competency_set="technology")
    assert len(search(client, competency_set="technology")) == 4
    assert search(client, competency_set="youth-services") == []
    assert search(client, delivery="in_person") == ["Hands-on computers"]
    assert search(client, pacing="synchronous") == ["Live webinars on software"]
    assert search(client, provider_type="library_school") == ["Library systems"]
    assert search(client, state="CA") == ["Library systems"]
    assert search(client, state="IL", pacing="asynchronous", delivery="online") == [
        "Copy cataloging",
        "Networks for libraries",
    ]
    # Empty values are "any".
    assert search(client, delivery="", pacing="", state="", q="") == everything


def test_search_reads_title_description_and_provider_name(client, varied):
    assert search(client, q="webinars") == ["Live webinars on software"]
    assert search(client, q="ROUTERS") == ["Networks for libraries"]  # description
    assert search(client, q="golden") == ["Library systems"]  # the provider's name
    # Every word must match somewhere.
    assert search(client, q="marc practice") == ["Copy cataloging"]
    assert search(client, q="marc routers") == []
    assert search(client, q="%_'\";") == []


def test_invalid_filter_values_show_no_course_rather_than_an_error(client, varied):
    for params in [
        {"delivery": "bogus"},
        {"pacing": "sometimes"},
        {"provider_type": "pirate"},
        {"state": "ZZ"},
        {"competency_set": "no-such-set"},
        {"competency_set": "'; DROP TABLE courses_course; --"},
    ]:
        response = client.get(CATALOG, params)
        assert response.status_code == 200, params
        assert titles(response) == [], params
        html = response.content.decode()
        assert "No approved course matches." in html
        # The field says what is wrong, tied to it for screen readers.
        assert "Select a valid choice" in html and "-error" in html
    assert search(client, page="2", delivery="bogus") == []


def test_the_filters_keep_what_was_chosen(client, varied, technology):
    html = client.get(
        CATALOG, {"competency_set": technology.slug, "delivery": "online", "q": "x<y"}
    ).content.decode()
    assert f'<option value="{technology.slug}" selected>' in html
    assert '<option value="online" selected>' in html
    assert 'value="x&lt;y"' in html


def test_a_retired_set_is_not_offered_as_a_filter(client, varied, cataloging):
    CompetencySet.objects.filter(pk=cataloging.pk).update(
        retired_on=timezone.localdate()
    )
    response = client.get(CATALOG, {"competency_set": cataloging.slug})
    assert response.status_code == 200
    assert titles(response) == []
    options = response.context["filter"].form.fields["competency_set"].queryset
    assert cataloging not in options


# --- Pages ----------------------------------------------------------------------------


@pytest.fixture
def thirty(db, technology):
    provider = Provider.objects.create(
        name="Prairie Library Cooperative", type=ProviderType.COOPERATIVE, state="IL"
    )
    for n in range(1, 31):
        catalog_course(technology, provider=provider, title=f"Course {n:02d}")


def test_twenty_five_courses_a_page(client, thirty):
    first = client.get(CATALOG)
    assert titles(first) == [f"Course {n:02d}" for n in range(1, 26)]
    html = first.content.decode()
    assert "30 courses</h2>" in html
    assert "Page 1 of 2" in html and 'href="?page=2"' in html

    second = client.get(CATALOG, {"page": "2"})
    assert titles(second) == [f"Course {n:02d}" for n in range(26, 31)]
    assert 'href="?page=1"' in second.content.decode()


def test_bad_page_numbers_are_not_errors(client, thirty):
    for page, expected in [("99", 2), ("0", 2), ("-1", 2), ("abc", 1), ("", 1)]:
        response = client.get(CATALOG, {"page": page})
        assert response.status_code == 200, page
        assert response.context["page"].number == expected, page


def test_the_page_links_keep_the_filters(client, thirty):
    response = client.get(CATALOG, {"delivery": "online", "page": "1"})
    html = response.content.decode()
    assert 'href="?delivery=online&amp;page=2"' in html
    assert titles(client.get(CATALOG, {"delivery": "online", "page": "2"})) == [
        f"Course {n:02d}" for n in range(26, 31)
    ]


def test_the_catalog_costs_the_same_queries_for_3_or_30_courses(
    client, technology, cataloging
):
    def count(**params):
        with CaptureQueriesContext(connection) as queries:
            assert client.get(CATALOG, params).status_code == 200
        return len(queries.captured_queries)  # read now: the next request clears it

    providers = [
        Provider.objects.create(
            name=f"Provider {n}", type=ProviderType.COOPERATIVE, state="IL"
        )
        for n in range(3)
    ]
    for n in range(3):
        catalog_course(technology, provider=providers[n], title=f"Course {n:02d}")
    few, few_filtered = count(), count(competency_set="technology", q="course")

    for n in range(3, 30):
        catalog_course(
            (technology, cataloging)[n % 2],
            provider=providers[n % 3],
            title=f"Course {n:02d}",
        )
    assert count() == few
    assert count(competency_set="technology", q="course") == few_filtered
    assert count(page="2") == few


# --- A course's page ------------------------------------------------------------------


def test_an_approved_courses_page(client, provider, technology, officer):
    course = approved_course(provider, technology, officer=officer, title="Tech basics")
    url = reverse("courses:detail", args=[course.pk])

    response = client.get(url)

    assert response.status_code == 200
    assert response.context["approved"] is True
    html = response.content.decode()
    assert "<h1>Tech basics</h1>" in html
    assert "An approved course for the" in html and technology.name in html
    assert provider.name in html and provider.website in html
    assert "Rosa Diaz" in html  # the instructor
    assert "Weekly assignments and a final project." in html
    offering = course.approvals.get().application.offerings.get()
    assert f"{offering.starts_on:%B} {offering.starts_on.day}, " in html
    coverage = list(response.context["coverage"])
    assert [row.competency.number for row in coverage] == list(range(1, 14))
    for row in coverage:
        assert row.where_taught in html
    # Signed out: a sign-in link that comes back here.
    assert f"?next={url}" in html
    assert reverse("courses:complete", args=[course.pk]) not in html

    client.force_login(UserFactory())
    html = client.get(url).content.decode()
    assert reverse("courses:complete", args=[course.pk]) in html
    assert reverse("courses:official_form", args=[course.pk]) in html


def test_a_lapsed_courses_page_says_it_ended(client, provider, technology, officer):
    today = timezone.localdate()
    course = approved_course(
        provider,
        technology,
        officer=officer,
        day=add_years(today, -4),
        title="Old tech course",
    )
    response = client.get(reverse("courses:detail", args=[course.pk]))
    assert response.status_code == 200
    assert response.context["approved"] is False
    html = response.content.decode()
    last_day = course.last_approved_day
    assert (
        f"This course was approved through {last_day:%B} {last_day.day}, "
        f"{last_day.year}; its approval has ended" in html
    )
    assert "An approved course for the" not in html


def test_no_page_for_a_course_that_does_not_exist(client):
    assert client.get(reverse("courses:detail", args=[999999])).status_code == 404


# --- Recognition agreements -----------------------------------------------------------


def test_the_agreements_page_is_public_and_lists_the_agreements(client):
    assert client.get(reverse("courses:agreements")).status_code == 200
    assert "No agreement has been signed yet." in (
        client.get(reverse("courses:agreements")).content.decode()
    )
    agreement = lakeside_agreement(
        effective_until=datetime.date(2030, 12, 31),
        document=SimpleUploadedFile("agreement.pdf", files.PDF),
    )
    sets = list(CompetencySet.objects.order_by("position")[:6])
    agreement.competency_sets.set(sets)

    response = client.get(reverse("courses:agreements"))

    assert response.status_code == 200
    html = response.content.decode()
    assert "Library Technical Assistant AAS, Lakeside Community College (MN)" in html
    assert "Graduates from January 1, 2020 to December 31, 2030." in html
    for competency_set in sets:
        assert competency_set.name.replace("'", "&#x27;") in html
    claim = reverse("courses:claim", args=[agreement.pk])
    assert claim not in html  # signed out: nothing to claim with
    client.force_login(UserFactory())
    assert claim in client.get(reverse("courses:agreements")).content.decode()


def test_the_catalog_links_each_course_and_names_its_provider(client, technology):
    provider = make_provider("Golden State Library School", contacts=1)
    course = catalog_course(technology, provider=provider, title="Systems")
    html = client.get(CATALOG).content.decode()
    assert f'href="{course.get_absolute_url()}"' in html
    assert "Golden State Library School (Regional library cooperative, IL)" in html


def test_the_word_search_is_served_by_trigram_indexes(db):
    """PostgreSQL gets the three indexes the search needs; SQLite gets none."""
    from importlib import import_module

    from django.db import connection

    wanted = {
        name
        for name, _, _ in import_module(
            "courses.migrations.0003_catalog_search_indexes"
        ).INDEXES
    }
    with connection.cursor() as cursor:
        found = {
            name
            for table in ("courses_course", "courses_provider")
            for name in connection.introspection.get_constraints(cursor, table)
            if name in wanted
        }
    assert found == (wanted if connection.vendor == "postgresql" else set())
