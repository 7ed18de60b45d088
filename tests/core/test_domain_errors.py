"""A rule's refusal that a view did not catch is shown, never a server error."""

import pytest
from django.contrib.messages import get_messages

pytestmark = [pytest.mark.django_db, pytest.mark.urls("tests.core.refusing_urls")]

MESSAGE = "This portfolio is under review: it cannot be submitted now."


def test_a_refused_page_answers_409_with_the_message(client):
    response = client.get("/refuse/")

    assert response.status_code == 409
    assert MESSAGE in response.content.decode()
    assert b'role="alert"' in response.content


def test_a_refused_form_goes_back_to_its_page_with_the_message(client):
    response = client.post("/refuse/", HTTP_REFERER="http://testserver/how-it-works/")

    assert response.status_code == 302
    assert response["Location"] == "http://testserver/how-it-works/"
    assert [m.message for m in get_messages(response.wsgi_request)] == [MESSAGE]


def test_a_foreign_referer_is_not_followed(client):
    response = client.post("/refuse/", HTTP_REFERER="https://evil.example/")

    assert response.status_code == 409
    assert b'href="/"' in response.content
