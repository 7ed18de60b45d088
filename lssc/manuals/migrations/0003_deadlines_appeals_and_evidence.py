"""The manuals say what the program now does: the time to appeal, what happens at
the candidacy's deadline (more time, applying again), and the kinds of evidence a
portfolio takes. A section staff have already edited is left as they wrote it."""

from importlib import import_module

from django.db import migrations

FIRST = import_module("lssc.manuals.migrations.0002_program_manuals")

EVIDENCE_KINDS_BEFORE = """
One file may support several competencies. Files may be PDF, Word, OpenDocument or
plain text documents, JPEG or PNG images, MP3 audio or MP4 video, up to
{{ evidence_max_file_mb }} MB each and {{ portfolio_max_total_mb }} MB for the
whole portfolio."""

EVIDENCE_KINDS = """
One file may support several competencies. Files may be PDF, Word, PowerPoint,
Excel, OpenDocument or plain text documents; JPEG, PNG or HEIC photos (a phone's
HEIC photo is kept as a JPEG); MP3 or M4A recordings and MP4 or MOV videos. Each
file may be up to {{ evidence_max_file_mb }} MB ({{ evidence_max_media_mb }} MB for
a recording or video), and the whole portfolio up to {{ portfolio_max_total_mb }}
MB. Documents with macros are refused, and photos lose their location and other
hidden details when they are uploaded. A page on the web, such as your library's
page for a program you ran, can be evidence too: give its address, its title and
the day you last checked it."""

APPEALS = """
A candidate or a provider may appeal a decision of program staff or of the
Certification Review Committee: first a notice of intent, then the grounds and
any documents. The notice is given within {{ appeal_days }} days of the day you
were told of the decision, that day included; the decision's page and its email
give the last day. After it, program staff may still accept an appeal if
something kept you from giving notice in time: write to them with the reason.
The Certification Program Committee reviews the appeal, upholds or denies it, and
tells the appellant by mail at each step. Start an appeal from the page that shows
the decision.
"""

HOW_LONG = """
From your admission you have {{ candidacy_years }} years to complete the six
competency sets. If you need more time, ask for it from your achievement record,
with your reason, before your deadline or up to
{{ extension_request_days_after_deadline }} days after it. Program staff decide;
an extension is at most {{ extension_max_months }} months, and a candidacy is
extended at most {{ extension_max_count }} times. When a candidacy ends, you may
apply again: sets you achieved within the {{ carry_over_years }} years before your
new admission count in the new candidacy.
"""


def _body(sections, anchor):
    return next(body for a, _title, *rest, body in sections if a == anchor).strip()


def _changes():
    old_contents = _body(FIRST.PORTFOLIO_MANUAL, "portfolio-contents")
    return [
        (
            "portfolio-manual",
            "portfolio-contents",
            old_contents,
            old_contents.replace(EVIDENCE_KINDS_BEFORE.strip(), EVIDENCE_KINDS.strip()),
        ),
        (
            "portfolio-manual",
            "appeals",
            _body(FIRST.PORTFOLIO_MANUAL, "appeals"),
            APPEALS.strip(),
        ),
        ("faq", "how-long", _body(FIRST.FAQ, "how-long"), HOW_LONG.strip()),
    ]


def _rewrite(apps, backwards=False):
    Section = apps.get_model("manuals", "Section")
    for manual, anchor, before, after in _changes():
        if backwards:
            before, after = after, before
        # Only a section still as the program first wrote it: staff's own words stay.
        Section.objects.filter(manual__slug=manual, anchor=anchor, body=before).update(
            body=after
        )


def forwards(apps, schema_editor):
    _rewrite(apps)


def backwards(apps, schema_editor):
    _rewrite(apps, backwards=True)


class Migration(migrations.Migration):
    dependencies = [("manuals", "0002_program_manuals")]

    operations = [migrations.RunPython(forwards, backwards)]
