"""Pages open with the shared header (breadcrumbs, title, lead), and an empty list
says what to do; on paper the verification page writes its addresses out."""

import pytest
from django.template import Context, Template, TemplateSyntaxError
from django.urls import reverse
from django.utils.html import escape

from tests.candidates.helpers import admitted_candidate
from tests.candidates.test_certificates import certify

pytestmark = pytest.mark.django_db


def test_breadcrumbs_lead_to_the_page_and_mark_it_current(client):
    candidate = admitted_candidate()
    client.force_login(candidate.user)
    html = client.get(reverse("portfolios:list")).content.decode()
    start = html.index('<nav aria-label="Breadcrumb">')
    trail = html[start : html.index("</nav>", start)]
    assert f'<a href="{reverse("home")}">Home</a>' in trail
    assert f'<a href="{reverse("candidates:car")}">' in trail
    assert '<li class="breadcrumb-item active" aria-current="page">Your portfolios' in (
        trail
    )
    assert html.count("<h1>") == 1


def test_the_lead_may_hold_the_pages_own_words(client):
    candidate = admitted_candidate()
    client.force_login(candidate.user)
    html = client.get(reverse("candidates:car")).content.decode()
    header = html[html.index('<div class="page-header">') :]
    header = header[: header.index("</div>")]
    assert "<h1>Candidate Achievement Record</h1>" in header
    assert f'<p class="lead">{escape(candidate.user.full_name)} · candidate' in header


def test_an_empty_list_says_what_to_do(client):
    candidate = admitted_candidate()
    client.force_login(candidate.user)
    html = client.get(reverse("portfolios:list")).content.decode()
    assert "You have not started a portfolio yet." in html
    assert "Choose a set under “Start a portfolio” below." in html
    assert "None yet" not in html


def test_the_verification_page_writes_its_addresses_out_on_paper(client):
    certification = certify(admitted_candidate())
    url = reverse("candidates:verify", args=[certification.number])
    html = client.get(url).content.decode()
    json_url = reverse("candidates:verify_json", args=[certification.number])
    assert f'data-print-url="http://testserver{json_url}"' in html
    assert (
        '<p class="print-only print-source">Check this certificate at any time at '
        f"http://testserver{url}</p>"
    ) in html


def test_a_trail_to_a_page_that_does_not_exist_is_refused():
    template = Template('{% load page_header %}{% trail "Lost" "no-such-page" as c %}')
    with pytest.raises(TemplateSyntaxError, match="no URL named 'no-such-page'"):
        template.render(Context())


def test_every_page_names_both_icons_and_the_print_styles(client):
    html = client.get(reverse("home")).content.decode()
    assert 'type="image/svg+xml"' in html and 'sizes="32x32"' in html
    assert 'css/print.css" media="print"' in html
    assert 'img/logo.svg" alt="LSSC: Library Support Staff Certification, home"' in (
        html
    )
