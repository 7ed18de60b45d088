"""A narrative is at most PORTFOLIO_NARRATIVE_MAX_CHARS characters (20,000 unless
set otherwise): the builder says so and counts as the candidate types, and a save
with any narrative over the limit saves nothing and keeps what was typed."""

import re

import pytest
from django.contrib.staticfiles import finders
from django.urls import reverse

from portfolios.content import narrative_save
from portfolios.errors import NarrativesTooLong
from portfolios.models import Narrative
from portfolios.services import portfolio_withdraw

pytestmark = pytest.mark.django_db


@pytest.fixture
def signed_in(client, portfolio):
    client.force_login(portfolio.candidate.user)
    return client


@pytest.fixture
def first_two(portfolio):
    return list(portfolio.competency_set.competencies.order_by("number")[:2])


def save(client, portfolio, texts: dict):
    return client.post(
        reverse("portfolios:narratives", args=[portfolio.pk]),
        {f"narrative-{competency.pk}": text for competency, text in texts.items()},
    )


def builder(client, portfolio) -> str:
    return client.get(
        reverse("portfolios:builder", args=[portfolio.pk])
    ).content.decode()


def test_one_narrative_over_the_limit_saves_none_and_keeps_the_typing(
    signed_in, portfolio, first_two
):
    first, second = first_two
    narrative_save(
        portfolio_id=portfolio.pk, competency_id=first.pk, text="Saved before.", by=None
    )
    too_long = "x" * 20_001

    response = save(
        signed_in, portfolio, {first: "A new first narrative.", second: too_long}
    )

    assert response.status_code == 400
    html = response.content.decode()
    message = (
        f"Competency {second.number}: The narrative has 20,001 characters; at most "
        "20,000 are allowed. Shorten it by 1."
    )
    assert message in html
    assert "Nothing was saved: 1 narrative is too long." in html
    # Nothing changed, the narrative that fits included.
    assert list(Narrative.objects.values_list("competency_id", "text")) == [
        (first.pk, "Saved before.")
    ]
    # What was typed comes back, so the candidate can shorten it.
    assert ">A new first narrative.</textarea>" in html
    assert f">{too_long}</textarea>" in html
    field = re.search(rf'<textarea id="narrative-{second.pk}"[^>]*>', html).group()
    assert 'aria-invalid="true"' in field and "is-invalid" in field
    assert f"competency-{second.pk}-error" in field
    assert f'<p id="competency-{second.pk}-error"' in html
    assert "20,001 of 20,000 characters" in html


def test_a_narrative_of_exactly_the_limit_is_saved_counting_line_breaks_as_one(
    signed_in, portfolio, first_two
):
    first, _ = first_two
    # Browsers send line breaks as CR LF but count them as one character.
    text = "a" * 9_999 + "\r\n" + "b" * 10_000

    response = save(signed_in, portfolio, {first: text})

    assert response.status_code == 302
    assert Narrative.objects.get(competency=first).text == text


def test_the_service_refuses_a_narrative_over_the_limit(portfolio, first_two):
    first, _ = first_two
    with pytest.raises(NarrativesTooLong) as refused:
        narrative_save(
            portfolio_id=portfolio.pk,
            competency_id=first.pk,
            text="y" * 20_001,
            by=None,
        )
    assert refused.value.errors == {
        first.pk: f"Competency {first.number}: The narrative has 20,001 characters; "
        "at most 20,000 are allowed. Shorten it by 1."
    }
    assert not Narrative.objects.exists()


def test_the_builder_shows_the_limit_and_a_live_count(signed_in, portfolio, first_two):
    first, second = first_two
    narrative_save(
        portfolio_id=portfolio.pk, competency_id=first.pk, text="z" * 1_234, by=None
    )

    response = signed_in.get(reverse("portfolios:builder", args=[portfolio.pk]))
    html = response.content.decode()

    field = re.search(rf'<textarea id="narrative-{first.pk}"[^>]*>', html).group()
    assert 'maxlength="20000"' in field
    assert f'data-character-count="competency-{first.pk}-characters"' in field
    assert f"competency-{first.pk}-characters" in re.search(
        r'aria-describedby="([^"]*)"', field
    ).group(1)
    assert (
        f'<p id="competency-{first.pk}-characters" class="form-text mb-0" '
        'data-max="20000">1,234 of 20,000 characters</p>'
    ) in html
    assert (
        f'<p id="competency-{second.pk}-characters" class="form-text mb-0" '
        'data-max="20000">0 of 20,000 characters</p>'
    ) in html
    assert (
        '<p class="visually-hidden" aria-live="polite" '
        f'data-announce="competency-{first.pk}-characters"></p>'
    ) in html
    # The counting script is a file the page's policy allows, with its nonce.
    script = re.search(r'<script src="([^"]+)" nonce="([^"]+)" defer>', html)
    assert script.group(1) == "/static/js/character-count.js"
    assert f"'nonce-{script.group(2)}'" in response["Content-Security-Policy"]
    assert finders.find("js/character-count.js")
    assert not re.search(r"\son[a-z]+=", html)  # no inline event handlers


def test_the_limit_is_a_setting(settings, signed_in, portfolio, first_two):
    settings.LSSC_RULES = {"PORTFOLIO_NARRATIVE_MAX_CHARS": 100}
    first, _ = first_two

    html = builder(signed_in, portfolio)
    assert 'maxlength="100"' in html and "0 of 100 characters" in html

    response = save(signed_in, portfolio, {first: "w" * 101})
    assert response.status_code == 400
    assert "at most 100 are allowed" in response.content.decode()
    assert not Narrative.objects.exists()
    assert save(signed_in, portfolio, {first: "w" * 100}).status_code == 302
    assert Narrative.objects.get().text == "w" * 100


def test_a_submitted_portfolio_has_no_count_script(signed_in, portfolio, first_two):
    portfolio.status = "awaiting_payment"
    portfolio.save(update_fields=["status"])
    html = builder(signed_in, portfolio)
    assert "character-count.js" not in html and "<textarea" not in html
    portfolio_withdraw(portfolio_id=portfolio.pk, by=None)
    assert "character-count.js" in builder(signed_in, portfolio)
