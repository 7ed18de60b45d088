"""Links from one person's record to everything the program holds about them, so
staff can move from a candidate to their payments, portfolios or mail in a click.

Each link opens the other admin list filtered to that person: no query is spent
counting, which keeps the change page fast on large tables.
"""

from urllib.parse import urlencode

from django.urls import reverse
from django.utils.html import format_html, format_html_join


def changelist(model_label: str, **filters) -> str:
    app_label, model = model_label.lower().split(".")
    url = reverse(f"admin:{app_label}_{model}_changelist")
    return f"{url}?{urlencode(filters)}" if filters else url


def change(obj) -> str:
    meta = obj._meta
    return reverse(f"admin:{meta.app_label}_{meta.model_name}_change", args=[obj.pk])


def person_links(user, candidate=None) -> list[tuple[str, str]]:
    """``(label, url)`` for a person's records (``candidate`` when they have one)."""
    links = []
    if candidate is not None:
        certification = related_or_none(candidate, "certification")
        mine = {"candidate__id__exact": candidate.pk}
        links += [
            ("Candidate record", change(candidate)),
            ("Application", change(candidate.application)),
            ("Certification", change(certification) if certification else ""),
            ("Portfolios", changelist("portfolios.Portfolio", **mine)),
            ("Course completions", changelist("courses.Completion", **mine)),
            ("Recognition claims", changelist("courses.RecognitionClaim", **mine)),
        ]
        if certification:
            links.append(
                (
                    "Renewals",
                    changelist(
                        "renewals.Renewal", certification__id__exact=certification.pk
                    ),
                )
            )
    links += [
        ("Payments", changelist("payments.Payment", payer__id__exact=user.pk)),
        ("Appeals", changelist("appeals.Appeal", appellant__id__exact=user.pk)),
        ("Mail sent to them", changelist("notifications.OutgoingMail", to=user.email)),
        ("Audit trail", changelist("audit.AuditEntry", owner__id__exact=user.pk)),
    ]
    return [(label, url) for label, url in links if url]


def related_or_none(obj, attribute: str):
    """A one-to-one relation, or ``None`` where there is none yet."""
    try:
        return getattr(obj, attribute)
    except obj._meta.get_field(attribute).related_model.DoesNotExist:
        return None


def as_list(links) -> str:
    return format_html(
        '<ul class="related-links">{}</ul>',
        format_html_join(
            "", '<li><a href="{}">{}</a></li>', ((u, t) for t, u in links)
        ),
    )
