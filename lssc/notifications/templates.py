"""The program's messages, editable by staff.

Each message has a default in ``templates/mail/<name>.txt`` (first line the subject,
the rest the body). Staff may replace the text in admin (``MailTemplate``); the
placeholders allowed are those the default uses, so an edited message can never ask
for data the program does not give it.

Every message, default or edited, is rendered in the sandbox (``sandbox.py``,
``plain.py``): a small set of tags and filters, and plain copies of the
placeholders' values instead of the program's objects. An edited text that breaks
those rules is refused when staff save it; one that reaches the database some other
way is not used (the default is sent, and the refusal logged).
"""

import logging
from functools import cache, lru_cache
from pathlib import Path

from django.conf import settings
from django.core.cache import cache as shared_cache
from django.db import transaction
from django.template import Context, TemplateSyntaxError

from . import plain, sandbox

logger = logging.getLogger(__name__)

MAIL_DIR = Path(settings.BASE_DIR) / "templates" / "mail"


def names() -> list[str]:
    return sorted(p.stem for p in MAIL_DIR.glob("*.txt"))


def default_text(name: str) -> str:
    return (MAIL_DIR / f"{name}.txt").read_text()


@cache
def _default(name: str):
    """The default wording compiled, and the shape of the values it uses."""
    template = sandbox.compile_text(default_text(name))
    return template, sandbox.learn(template)


@cache
def placeholders(name: str) -> tuple[str, ...]:
    """The placeholders message ``name`` may use: those its default uses, as it
    writes them (a loop's items by the default's name for them)."""
    template, _ = _default(name)
    written = {use.written for use in sandbox.uses(template.nodelist)}
    return tuple(sorted(written | {"site_url"}))


def check(name: str, text: str) -> list[str]:
    """What is wrong with staff's ``text`` for message ``name``; empty when it is
    fine. A placeholder is allowed when the default uses it, or a shorter path of
    one the default uses (``candidate.user`` when it uses ``candidate.user.email``);
    a loop may go over a list the default loops over, and read in its items what
    the default reads. Tags and filters are those of ``sandbox``."""
    if "\n" not in text.strip():
        return ["Write the subject on the first line and the message below it."]
    for opening, closing in (("{{", "}}"), ("{%", "%}")):
        if text.count(opening) != text.count(closing):
            return [f"A placeholder is not closed: each {opening} needs its {closing}."]
    try:
        template = sandbox.compile_text(text)
    except sandbox.Refused as error:
        return [str(error)]
    except TemplateSyntaxError as error:
        return [f"The text cannot be read: {error}"]
    return sandbox.problems(template, _default(name)[1], list(placeholders(name)))


@lru_cache(maxsize=256)
def _staff_template(name: str, text: str):
    """Staff's ``text`` compiled, or ``None`` when it breaks the rules (a row
    written around the admin's check): then the default is sent. Kept, so a
    sweep of thousands of messages checks the text once."""
    problems = check(name, text)
    if problems:
        logger.error("Mail template %s is not used: %s", name, " ".join(problems))
        return None
    return sandbox.compile_text(text)


def _cache_key(name: str) -> str:
    return f"mail-template:{name}"


def staff_text(name: str) -> str | None:
    """Staff's wording of message ``name``, or ``None`` for the default. Kept in the
    cache until a template is saved or deleted: a reminder sweep sends thousands
    of the same message and would otherwise read the same row for each."""
    from .models import MailTemplate

    cached = shared_cache.get(_cache_key(name))
    if cached is None:
        custom = MailTemplate.objects.filter(name=name).only("text").first()
        cached = custom.text if custom else ""
        shared_cache.set(_cache_key(name), cached, timeout=None)
    return cached or None


def forget_staff_text(sender, instance, **kwargs):
    """``post_save``/``post_delete`` receiver: the next message reads the new text.
    After the commit, so no one caches the old row meanwhile."""
    transaction.on_commit(lambda: shared_cache.delete(_cache_key(instance.name)))


def render(name: str, context: dict, text: str | None = None) -> tuple[str, str]:
    """``(subject, body)`` of message ``name``: staff's text if any, else the
    default. Plain text: no HTML escaping of names like "O'Brien". A ``text`` given
    (a preview) that breaks the rules raises ``ValueError`` with what is wrong."""
    if text is None:
        text = staff_text(name)
    elif problems := check(name, text):
        raise ValueError(" ".join(problems))
    default, shape = _default(name)
    template = (text is not None and _staff_template(name, text)) or default
    rendered = template.render(Context(plain.values(shape, context), autoescape=False))
    subject, _, body = rendered.partition("\n")
    return subject.strip(), body.strip() + "\n"


# --- Preview with sample data --------------------------------------------------

_DATE_ENDINGS = ("_on", "_at", "_day", "deadline", "since", "_date")


class Sample:
    """Stands for any object in a preview: ``candidate.user.full_name`` shows as
    "[candidate.user.full_name]"; ids are 1 and dates a fixed day, so links and
    date formats work."""

    def __init__(self, path: str):
        self._path = path

    def __getattr__(self, name):
        if name.startswith("_"):
            raise AttributeError(name)
        return sample(f"{self._path}.{name}")

    def __str__(self):
        return f"[{self._path}]"

    def __iter__(self):
        return iter([sample(f"{self._path}[1]"), sample(f"{self._path}[2]")])

    def __len__(self):
        return 2


def sample(path: str):
    import datetime

    last = path.rsplit(".", 1)[-1]
    if last in ("pk", "id"):
        return 1
    if last.endswith("url"):
        return f"/[{path}]/"  # a path, as the message puts it after the site
    if last.endswith(_DATE_ENDINGS):
        return datetime.date(2027, 3, 1)
    if last.startswith("days") or last in ("hours", "count"):
        return 30
    if last.endswith("_cents"):
        return 35000
    return Sample(path)


def preview(name: str, text: str | None = None) -> tuple[str, str]:
    """``(subject, body)`` rendered with sample data."""
    roots = _default(name)[1].fields
    context = {root: sample(root) for root in roots}
    context["site_url"] = settings.SITE_URL
    return render(name, context, text=text if text is not None else default_text(name))
