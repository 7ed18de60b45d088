"""Evidence is judged on all of its content: text must be text to the last byte,
and a PDF that runs scripts, launches programs, is encrypted or cannot be read is
refused with a message, leaving the database and the storage as they were."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from lssc.audit.models import AuditEntry
from lssc.core import pdfs
from portfolios.models import Evidence, EvidenceLink
from tests.storage import stored_files

from . import files

pytestmark = pytest.mark.django_db

CHUNK = 64 * 1024  # how much of an upload kept on disk is read at a time
PAGE = ("Reference desk log, Tuesday: three patrons, one interlibrary loan.\n" * 130)[
    :8192
].encode()


@pytest.fixture(params=["in memory", "on disk"])
def signed_in(request, settings, client, portfolio):
    """Small uploads are kept in memory, large ones on disk: both are checked."""
    if request.param == "on disk":
        settings.FILE_UPLOAD_MAX_MEMORY_SIZE = 0
    client.force_login(portfolio.candidate.user)
    return client


def upload(client, portfolio, content, name="notes.txt"):
    return client.post(
        reverse("portfolios:upload", args=[portfolio.pk]),
        {"file": SimpleUploadedFile(name, content), "title": "Desk notes"},
    )


def assert_refused(response, message):
    assert response.status_code == 400
    assert message in response.content.decode()
    assert not Evidence.objects.exists()
    assert not AuditEntry.objects.filter(action="portfolio.evidence_added").exists()
    assert stored_files() == []


NOT_ACCEPTED = "This file is not one of the kinds accepted"


# --- Plain text, to the last byte ----------------------------------------------------


@pytest.mark.parametrize(
    "rest",
    [
        b"\x00\x01\x02\x03MZ\x90\x00" * 64,
        b"\xff\xfe\xfd not UTF-8",
        b"<script>alert(document.cookie)</script>",
        b"<!DOCTYPE html><html><body>a page</body></html>",
        "café".encode()[:-1],  # ends inside a character
    ],
    ids=["binary", "not-utf8", "script", "web-page", "cut-character"],
)
def test_text_for_8_kb_then_something_else_is_refused(signed_in, portfolio, rest):
    response = upload(signed_in, portfolio, PAGE + rest)
    assert_refused(response, NOT_ACCEPTED)


def test_binary_far_into_a_large_text_is_refused(signed_in, portfolio):
    content = PAGE * 40 + b"\x00" * 16 + PAGE  # the NUL bytes about 320 KB in
    assert_refused(upload(signed_in, portfolio, content), NOT_ACCEPTED)


@pytest.mark.parametrize("split", [1, 2, 4])
def test_markup_split_between_two_reads_is_refused(settings, client, portfolio, split):
    settings.FILE_UPLOAD_MAX_MEMORY_SIZE = 0
    client.force_login(portfolio.candidate.user)
    tag = b"<  script>"
    content = b"a" * (CHUNK - split) + tag + b"alert(1)</script>\n" + PAGE
    assert content[CHUNK - split : CHUNK] == tag[:split]  # the tag spans the reads
    assert_refused(upload(client, portfolio, content), NOT_ACCEPTED)


def test_long_text_in_any_language_is_accepted(signed_in, portfolio):
    # Characters of two, three and four bytes fall across every read boundary.
    content = ("Åsa läste för barnen 図書館 📚\n" * 12_000).encode()
    assert len(content) > 5 * CHUNK

    response = upload(signed_in, portfolio, content)

    assert response.status_code == 302
    evidence = Evidence.objects.get()
    assert evidence.kind == "txt"
    with evidence.file.open("rb") as stored:
        assert stored.read() == content


# --- PDFs -----------------------------------------------------------------------------

REFUSED_PDFS = [
    *[(content, pdfs.SCRIPTED) for content in files.SCRIPTED_PDFS.values()],
    *[(content, pdfs.LAUNCHING) for content in files.LAUNCHING_PDFS.values()],
    *[(content, pdfs.ENCRYPTED) for content in files.ENCRYPTED_PDFS.values()],
    (files.DAMAGED_PDF, pdfs.UNREADABLE),
]
REFUSED_IDS = [
    *files.SCRIPTED_PDFS,
    *files.LAUNCHING_PDFS,
    *(f"encrypted {name}" for name in files.ENCRYPTED_PDFS),
    "damaged",
]


@pytest.mark.parametrize(("content", "message"), REFUSED_PDFS, ids=REFUSED_IDS)
def test_unsafe_pdfs_are_refused_with_the_reason(
    signed_in, portfolio, content, message
):
    response = upload(signed_in, portfolio, content, name="minutes.pdf")
    assert_refused(response, message)


@pytest.mark.parametrize(
    "content",
    [files.PDF, files.PDF_WITH_ATTACHMENT, files.PDF_WITH_WEB_LINK],
    ids=["plain", "with an attached file", "with a web link"],
)
def test_ordinary_pdfs_are_accepted(signed_in, portfolio, content):
    response = upload(signed_in, portfolio, content, name="minutes.pdf")
    assert response.status_code == 302
    with Evidence.objects.get().file.open("rb") as stored:
        assert stored.read() == content


def test_an_unsafe_pdf_does_not_replace_a_file(signed_in, portfolio):
    assert upload(signed_in, portfolio, files.PDF, name="minutes.pdf").status_code == (
        302
    )
    evidence = Evidence.objects.get()
    competency = portfolio.competency_set.competencies.first()
    EvidenceLink.objects.create(evidence=evidence, competency=competency)
    before = stored_files()

    response = signed_in.post(
        reverse("portfolios:replace", args=[evidence.pk]),
        {
            "file": SimpleUploadedFile(
                "minutes.pdf", files.SCRIPTED_PDFS["script on opening"]
            )
        },
        follow=True,
    )

    assert (
        f"“Desk notes” was not replaced: {pdfs.SCRIPTED}" in response.content.decode()
    )
    assert list(Evidence.objects.values_list("pk", "retired_at")) == [
        (evidence.pk, None)
    ]
    assert EvidenceLink.objects.get().evidence_id == evidence.pk
    assert stored_files() == before
