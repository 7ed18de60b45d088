import re

import pytest
from django.urls import reverse

from lssc.fees.models import Audience, Fee, FeeKind

pytestmark = pytest.mark.django_db

PUBLIC_PAGES = [
    ("home", [], 0),
    ("how_it_works", [], 2),
    ("faq", [], 3),  # the manual, its sections, the fees it quotes
    ("manuals:index", [], 1),
    ("manuals:detail", ["portfolio-manual"], 3),
    ("competencies:list", [], 1),
    ("competencies:detail", ["technology"], 2),
]


@pytest.mark.parametrize(("name", "args", "queries"), PUBLIC_PAGES)
def test_public_pages_are_accessible_landmarked_and_cheap(
    client, django_assert_num_queries, name, args, queries
):
    with django_assert_num_queries(queries):
        response = client.get(reverse(name, args=args))
    assert response.status_code == 200
    html = response.content.decode()
    assert len(re.findall(r"<h1[\s>]", html)) == 1
    assert '<html lang="en">' in html
    assert 'href="#main"' in html and 'id="main"' in html
    for landmark in ("<header", "<main", "<footer", '<nav class="navbar'):
        assert landmark in html
    assert "cdn" not in html.lower()


def test_pages_send_a_content_security_policy(client):
    response = client.get(reverse("home"))
    assert "default-src 'self'" in response["Content-Security-Policy"]


def test_how_it_works_reads_fees_from_the_schedule(client):
    html = client.get(reverse("how_it_works")).content.decode()
    for text in ("$350", "$325", "$60", "$50", "$100", "1st to 2nd", "3rd and later"):
        assert text in html, text
    assert "1,820 hours" in html


def test_a_fee_change_shows_on_the_page_without_code_changes(client):
    Fee.objects.create(
        kind=FeeKind.APPLICATION,
        audience=Audience.NON_MEMBER,
        amount_cents=36000,
        effective_from="2020-01-01",
    )
    html = client.get(reverse("how_it_works")).content.decode()
    assert "$360" in html
    assert "$350" not in html


def test_program_rules_come_from_settings(client, settings):
    settings.LSSC_RULES = {"ELIGIBILITY_HOURS": 2000, "CANDIDACY_YEARS": 5}
    html = client.get(reverse("how_it_works")).content.decode()
    assert "2,000 hours" in html
    assert "you have 5 years" in html


def test_unknown_program_rule_is_an_error(settings):
    from lssc.core.program import rules

    settings.LSSC_RULES = {"NO_SUCH_RULE": 1}
    with pytest.raises(ValueError, match="NO_SUCH_RULE"):
        rules()


def test_unknown_page_is_a_friendly_404(client):
    response = client.get("/no-such-page/")
    assert response.status_code == 404
    assert "Page not found" in response.content.decode()


def test_favicon_ico_points_at_the_site_icon(client):
    response = client.get("/favicon.ico")
    assert response.status_code == 301
    assert response["Location"].endswith("img/favicon.svg")
