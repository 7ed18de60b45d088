"""Staff-edited messages are sandboxed: a small set of tags and filters, and plain
values for the listed placeholders only, never the program's objects."""

import datetime
import decimal
import html

import pytest
from django.template import Context
from django.urls import reverse

from candidates.models import Candidate
from evaluations.recruitment import evaluator_add
from lssc.accounts.roles import StaffGroup
from lssc.competencies.models import CompetencySet
from lssc.notifications import plain, sandbox
from lssc.notifications.models import MailTemplate, OutgoingMail
from lssc.notifications.templates import _default
from tests.candidates.helpers import admitted_candidate
from tests.factories import staff_user

pytestmark = pytest.mark.django_db

ADD = reverse("admin:notifications_mailtemplate_add")
ADMITTED = "Welcome {{ person.full_name }}\nCandidate {{ candidate.number }}.\n"


def change_url(template):
    return reverse("admin:notifications_mailtemplate_change", args=[template.pk])


@pytest.fixture
def officer(client):
    client.force_login(staff_user(StaffGroup.PROGRAM_OFFICER))
    return client


@pytest.mark.parametrize(
    ("name", "escape", "named"),
    [
        (
            "admitted",
            "{% for x in site_url %}{{ x }}{% endfor %}",
            "{% for x in site_url %}: {{ site_url }} is not a list",
        ),
        ("admitted", "{{ user.password }}", "Unknown placeholder {{ user.password }}"),
        (
            "admitted",
            "{{ person.password }}",
            "Unknown placeholder {{ person.password }}",
        ),
        (
            "admitted",
            "{{ candidate.user.password }}",
            "Unknown placeholder {{ candidate.user.password }}",
        ),
        (
            "admitted",
            "{{ site_url.__class__ }}",
            "Unknown placeholder {{ site_url.__class__ }}",
        ),
        ("admitted", '{% include "/etc/passwd" %}', "The tag {% include %}"),
        ("admitted", "{% debug %}", "The tag {% debug %}"),
        ("admitted", "{% load lssc %}", "The tag {% load %}"),
        ("admitted", '{% extends "base.html" %}', "The tag {% extends %}"),
        ("admitted", '{% ssi "/etc/passwd" %}', "The tag {% ssi %}"),
        (
            "admitted",
            "{% with p=person.password %}{{ p }}{% endwith %}",
            "The tag {% with %}",
        ),
        ("admitted", "{{ person|pprint }}", "The filter |pprint"),
        (
            "admitted",
            "{{ candidate.number|default:person.password }}",
            "Unknown placeholder {{ person.password }}",
        ),
        (
            "course_applications_waiting",
            "{% for a in applications %}{{ a.provider.contact.password }}{% endfor %}",
            "Unknown placeholder {{ a.provider.contact.password }}",
        ),
        (
            "evaluator_added",
            "{% for s in evaluator.user %}{{ s }}{% endfor %}",
            "{% for s in evaluator.user %}: {{ evaluator.user }} is not a list",
        ),
    ],
)
def test_an_escape_is_refused_on_save_by_name_and_the_row_is_unchanged(
    officer, name, escape, named
):
    officer.post(ADD, {"name": name, "text": "Hello\nThe staff wording."})
    template = MailTemplate.objects.get(name=name)
    versions = template.history.count()

    response = officer.post(
        change_url(template), {"name": name, "text": f"Hello\n{escape}\n"}
    )

    assert response.status_code == 200
    assert named in html.unescape(response.content.decode())
    template.refresh_from_db()
    assert template.text == "Hello\nThe staff wording."
    assert template.history.count() == versions


def test_a_new_message_with_a_forbidden_tag_is_not_saved(officer):
    response = officer.post(
        ADD, {"name": "admitted", "text": 'Hello\n{% include "/etc/passwd" %}'}
    )
    assert response.status_code == 200
    assert "The tag {% include %}" in html.unescape(response.content.decode())
    assert not MailTemplate.objects.exists()


def test_the_form_lists_the_tags_and_filters_a_message_may_use(officer):
    page = html.unescape(officer.get(ADD, {"name": "admitted"}).content.decode())
    assert "Tags a message may use: {% if %}, {% for %}, {% url %}, {% comment %}" in (
        page
    )
    assert "|date" in page and "|usd" in page


def test_a_valid_edit_sends_the_real_values(officer, settings):
    text = (
        "Welcome {{ person.full_name|upper }}\n"
        "Candidate {{ candidate.number }}, until "
        '{{ candidate.deadline|date:"Y-m-d" }}.'
        "{% if candidate.number %} Yes.{% endif %}\n"
        "{{ site_url }}{% url 'candidates:car' %}\n"
    )
    assert officer.post(ADD, {"name": "admitted", "text": text}).status_code == 302

    candidate = admitted_candidate()  # the program admits them and writes

    mail = OutgoingMail.objects.get(template="admitted", to=candidate.user.email)
    assert mail.subject == f"Welcome {candidate.user.full_name.upper()}"
    assert mail.body == (
        f"Candidate {candidate.number}, until {candidate.deadline:%Y-%m-%d}. Yes.\n"
        f"{settings.SITE_URL}{reverse('candidates:car')}\n"
    )


def test_a_valid_edit_loops_over_the_real_list(officer):
    text = (
        "Welcome aboard, {{ evaluator.user.full_name }}\n"
        "Your sets: {% for s in evaluator.sets.all %}{{ s.name }}"
        "{% if not forloop.last %}; {% endif %}{% empty %}none{% endfor %}."
        "{% if new_account %} Choose a password.{% endif %}\n"
    )
    assert officer.post(ADD, {"name": "evaluator_added", "text": text}).status_code == (
        302
    )
    sets = list(CompetencySet.objects.order_by("pk")[:2])

    evaluator = evaluator_add(
        email="ruth@example.org",
        full_name="Ruth Ranganathan",
        institution="Lakeside College",
        sets=sets,
        by=None,
    )

    mail = OutgoingMail.objects.get(template="evaluator_added")
    assert mail.subject == "Welcome aboard, Ruth Ranganathan"
    names = "; ".join(s.name for s in evaluator.sets.all())
    assert mail.body == f"Your sets: {names}. Choose a password.\n"


@pytest.mark.parametrize(
    "escape",
    [
        "{{ person.password }}",
        "{{ candidate.user.password }}",
        "{% for x in site_url %}{{ x }}{% endfor %}",
        '{% include "/etc/passwd" %}',
        "{% debug %}",
        "{{ site_url.__class__ }}",
    ],
)
def test_a_row_written_around_the_admin_is_not_used(officer, escape, caplog):
    template = MailTemplate.objects.create(name="admitted", text=f"Hi\n{escape}")

    candidate = admitted_candidate()

    mail = OutgoingMail.objects.get(template="admitted", to=candidate.user.email)
    assert mail.subject == "Welcome: you are an LSSC candidate"  # the default
    assert candidate.user.password not in mail.body
    assert "root:" not in mail.body
    assert "Mail template admitted is not used" in caplog.text
    change = html.unescape(officer.get(change_url(template)).content.decode())
    assert "This wording is not used; the default is sent instead" in change


def test_rendering_never_reaches_beyond_the_placeholders():
    """The second wall: even a text compiled without the check sees plain copies
    of the listed placeholders, and nothing else of the candidate or the person."""
    admitted_candidate()
    candidate = Candidate.objects.select_related("user").get()
    user = candidate.user
    _, shape = _default("admitted")
    values = plain.values(
        shape, {"candidate": candidate, "person": user, "site_url": "https://x"}
    )

    escape = sandbox.engine().from_string(
        "{{ person.password }}|{{ candidate.user.password }}|{{ person.email }}|"
        "{{ candidate }}|{{ person }}|{{ candidate.pk }}|{{ person.is_superuser }}|"
        "{% for x in candidate %}{{ x }}{% endfor %}|{{ candidate.user.full_name }}|"
        "{{ person.full_name }}|{{ candidate.number }}"
    )
    rendered = escape.render(Context(values))
    assert rendered == "|" * 9 + f"{user.full_name}|{candidate.number}"
    assert _plain_only(values)


def _plain_only(value) -> bool:
    if isinstance(value, dict):
        return all(_plain_only(v) for v in value.values())
    if isinstance(value, list):
        return all(_plain_only(v) for v in value)
    if isinstance(value, plain.Record):
        return all(_plain_only(v) for v in value._fields.values())
    return value is None or type(value) in {
        str,
        int,
        bool,
        float,
        decimal.Decimal,
        datetime.date,
        datetime.datetime,
    }
