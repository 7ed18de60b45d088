"""The evidence library workers have: office documents, phone photos (HEIC too),
recordings, videos and links to web pages, each judged by its content; and each
bad one refused with a message that says why, leaving nothing behind."""

import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone
from PIL import Image

from lssc.audit.models import AuditEntry
from lssc.core import images, office
from portfolios.models import Evidence, EvidenceLink
from portfolios.services import submission_gaps
from tests.storage import stored_files

from . import evidence_files as make
from . import files

pytestmark = pytest.mark.django_db

MB = 1024 * 1024


@pytest.fixture
def signed_in(client, portfolio):
    client.force_login(portfolio.candidate.user)
    return client


@pytest.fixture(params=["in memory", "on disk"])
def kept_either_way(request, settings):
    """Small uploads are kept in memory, large ones on disk: both are read."""
    if request.param == "on disk":
        settings.FILE_UPLOAD_MAX_MEMORY_SIZE = 0


def upload(client, portfolio, content, name, title="Evidence"):
    return client.post(
        reverse("portfolios:upload", args=[portfolio.pk]),
        {"file": SimpleUploadedFile(name, content), "title": title},
    )


def add_link(client, portfolio, url, **fields):
    data = {
        "link-url": url,
        "link-title": fields.get("title", "Summer reading page"),
        "link-checked_on": fields.get("checked_on", timezone.localdate().isoformat()),
        "link-description": fields.get("description", ""),
    }
    return client.post(reverse("portfolios:web_link_add", args=[portfolio.pk]), data)


def assert_refused(response, message):
    assert response.status_code == 400
    assert message in response.content.decode()
    assert not Evidence.objects.exists()
    assert not AuditEntry.objects.filter(action="portfolio.evidence_added").exists()
    assert stored_files() == []


def stored(evidence) -> bytes:
    with evidence.file.open("rb") as kept:
        return kept.read()


# --- Each kind accepted ---------------------------------------------------------------

ACCEPTED = {
    "Word": ("log.docx", make.docx, "docx"),
    "Excel": ("loans.xlsx", make.xlsx, "xlsx"),
    "PowerPoint": ("story time.pptx", make.pptx, "pptx"),
    "OpenDocument text": ("club.odt", make.odt, "odt"),
    "OpenDocument spreadsheet": ("visits.ods", make.ods, "ods"),
    "OpenDocument presentation": ("welcome.odp", make.odp, "odp"),
    "JPEG": ("display.jpg", make.jpeg_from_phone, "jpg"),
    "PNG": ("flyer.png", make.png_with_text, "png"),
    "HEIC, kept as JPEG": ("IMG_0042.HEIC", make.heic_from_phone, "jpg"),
    "MP3": ("interview.mp3", make.mp3, "mp3"),
    "M4A": ("voice memo.m4a", make.m4a, "m4a"),
    "MP4": ("tour.mp4", make.mp4, "mp4"),
    "QuickTime": ("IMG_0043.MOV", make.mov, "mov"),
}


@pytest.mark.parametrize(
    ("name", "build", "kind"), ACCEPTED.values(), ids=ACCEPTED.keys()
)
def test_each_kind_people_have_is_accepted(
    signed_in, kept_either_way, portfolio, name, build, kind
):
    response = upload(signed_in, portfolio, build(), name)

    assert response.status_code == 302
    evidence = Evidence.objects.get()
    assert evidence.kind == kind
    assert evidence.name.endswith(f".{kind}")
    assert evidence.size == len(stored(evidence))
    assert AuditEntry.objects.filter(action="portfolio.evidence_added").count() == 1


def test_a_document_named_wrongly_is_kept_as_what_it_is(signed_in, portfolio):
    """Word's own package says what it is; a zip's name and first parts do not."""
    response = upload(signed_in, portfolio, make.xlsx(), "loans.docx")
    assert response.status_code == 302
    assert Evidence.objects.get().name == "loans.xlsx"


# --- Photos lose where and by whom they were taken ------------------------------------


def _exif(content: bytes):
    return Image.open(io.BytesIO(content)).getexif()


def test_a_phone_photo_keeps_its_picture_and_orientation_not_its_metadata(
    signed_in, portfolio
):
    original = make.jpeg_from_phone(orientation=6)
    assert make.GPS_IFD in _exif(original) and b"Elm Street" in original

    upload(signed_in, portfolio, original, "display.jpg")

    kept = stored(Evidence.objects.get())
    exif = _exif(kept)
    assert dict(exif) == {make.ORIENTATION: 6}  # upright as taken, nothing else
    assert b"Jane Q. Candidate" not in kept and b"Elm Street" not in kept
    picture = Image.open(io.BytesIO(kept))
    assert picture.size == (64, 48)
    left, right = picture.getpixel((5, 20)), picture.getpixel((60, 20))
    assert left[2] > 150 and right[0] > 150  # still blue on the left, red on the right


def test_a_png_loses_its_text_and_exif(signed_in, portfolio):
    upload(signed_in, portfolio, make.png_with_text(), "flyer.png")
    kept = stored(Evidence.objects.get())
    assert b"Jane Q. Candidate" not in kept and b"Elm Street" not in kept
    picture = Image.open(io.BytesIO(kept))
    assert picture.format == "PNG" and not picture.text and not picture.getexif()


def test_a_heic_photo_is_kept_as_a_jpeg_without_its_metadata(signed_in, portfolio):
    upload(signed_in, portfolio, make.heic_from_phone(), "IMG_0042.HEIC")
    evidence = Evidence.objects.get()
    assert evidence.name == "IMG_0042.jpg"
    kept = stored(evidence)
    picture = Image.open(io.BytesIO(kept))
    assert picture.format == "JPEG" and picture.size == (64, 48)
    assert not picture.getexif()
    assert b"Jane Q. Candidate" not in kept


# --- Bad ones refused, nothing saved --------------------------------------------------

REFUSED = {
    "Word with macros": ("report.docm", make.docm, office.MACROS),
    "macros under a .docx's type": (
        "report.docx",
        make.docx_with_hidden_macros,
        office.MACROS,
    ),
    "OpenDocument with Basic macros": ("club.odt", make.odt_with_macros, office.MACROS),
    "a HEIC that is not one": (
        "IMG_0042.heic",
        make.heic_that_is_not_one,
        images.UNREADABLE_HEIC,
    ),
    "text named as a photo": (
        "IMG_0042.heic",
        lambda: b"Not a photo at all.\n",
        "name ends in “.heic”, but its content is plain text",
    ),
    "an executable named as a photo": (
        "IMG_0042.heic",
        lambda: files.EXE,
        "Its name ends in “.heic”, but its content is not of that kind.",
    ),
    "a damaged JPEG": ("display.jpg", lambda: files.JPEG, images.UNREADABLE),
    "an old Word document": (
        "minutes.doc",
        lambda: b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 600,
        "not one of the kinds accepted",
    ),
}


@pytest.mark.parametrize(
    ("name", "build", "message"), REFUSED.values(), ids=REFUSED.keys()
)
def test_bad_files_are_refused_with_the_reason(
    signed_in, kept_either_way, portfolio, name, build, message
):
    assert_refused(upload(signed_in, portfolio, build(), name), message)


def test_a_zip_bomb_of_a_gigabyte_is_refused_unopened(
    signed_in, kept_either_way, portfolio
):
    bomb = make.zip_bomb()  # about 1 MB, unpacking to 1 GiB
    assert len(bomb) < 2 * MB

    response = upload(signed_in, portfolio, bomb, "report.docx")

    assert_refused(response, "Unpacked, this document would take 1,024 MB; at most")
    assert "250 MB are accepted" in response.content.decode()


def test_a_document_of_too_many_parts_is_refused(signed_in, portfolio, settings):
    settings.LSSC_RULES = {"EVIDENCE_ZIP_MAX_ENTRIES": 10}
    response = upload(signed_in, portfolio, make.many_parts(20), "report.docx")
    assert_refused(response, "made of 23 parts; at most 10 are accepted")


def test_a_part_that_unpacks_to_more_than_it_declares_is_refused(signed_in, portfolio):
    """The directory says the bomb's part is small: unpacking it shows otherwise."""
    bomb = bytearray(make.zip_bomb(4 * MB))
    # Each record of the document part: its declared size, the last field before
    # the name lengths, in both the part's own header and the directory.
    declared = (4 * MB).to_bytes(4, "little")
    assert bomb.count(declared) == 2
    bomb[:] = bomb.replace(declared, (1000).to_bytes(4, "little"))
    assert_refused(upload(signed_in, portfolio, bytes(bomb), "a.docx"), office.DAMAGED)


def test_recordings_and_videos_have_their_own_size_limit(
    signed_in, portfolio, settings
):
    settings.LSSC_RULES = {"EVIDENCE_MAX_FILE_MB": 1, "EVIDENCE_MAX_MEDIA_MB": 2}

    response = upload(signed_in, portfolio, make.mp4(2 * MB + 1), "tour.mp4")
    assert_refused(
        response,
        "The file is 2.0 MB; files may be at most 1 MB, recordings and videos at "
        "most 2 MB.",
    )

    response = upload(signed_in, portfolio, make.m4a(int(1.5 * MB)), "memo.m4a")
    assert response.status_code == 302  # over the file limit, within the media one
    response = upload(signed_in, portfolio, files.PDF + b" " * MB, "notes.pdf")
    assert response.status_code == 400
    assert "each file may be at most 1 MB" in response.content.decode()
    assert Evidence.objects.count() == 1


def test_media_may_also_be_held_to_less_than_other_files(
    signed_in, portfolio, settings
):
    settings.LSSC_RULES = {"EVIDENCE_MAX_FILE_MB": 3, "EVIDENCE_MAX_MEDIA_MB": 2}
    response = upload(signed_in, portfolio, make.mov(int(2.5 * MB)), "tour.mov")
    assert_refused(response, "The recording or video is 2.5 MB; each may be at most 2")


def test_a_photo_too_large_to_decode_is_refused(signed_in, portfolio, settings):
    settings.LSSC_RULES = {"EVIDENCE_IMAGE_MAX_MEGAPIXELS": 0}
    response = upload(signed_in, portfolio, make.jpeg_from_phone(), "display.jpg")
    assert_refused(response, "64 × 48 pixels")


# --- Links to web pages ---------------------------------------------------------------


def test_a_link_is_kept_with_its_title_and_the_day_it_was_checked(signed_in, portfolio):
    response = add_link(
        signed_in,
        portfolio,
        "  HTTPS://springfieldlibrary.org/summer-reading?year=2026  ",
        checked_on="2026-05-04",
        description="The page I wrote for the program.",
    )

    assert response.status_code == 302
    link = Evidence.objects.get()
    assert (link.kind, link.url, link.checked_on.isoformat()) == (
        "link",
        "https://springfieldlibrary.org/summer-reading?year=2026",
        "2026-05-04",
    )
    assert not link.file and link.size == 0
    entry = AuditEntry.objects.get(action="portfolio.evidence_added")
    assert "springfieldlibrary.org" in entry.summary
    builder = signed_in.get(reverse("portfolios:builder", args=[portfolio.pk]))
    page = builder.content.decode()
    assert 'href="https://springfieldlibrary.org/summer-reading?year=2026"' in page
    assert "checked on" in page and "May 4, 2026" in page
    assert stored_files() == []


BAD_LINKS = {
    "script": ("javascript:alert(document.cookie)", "must start with http://"),
    "file": ("file:///etc/passwd", "must start with http:// or https://"),
    "ftp": ("ftp://files.example.org/report.pdf", "must start with http://"),
    "data": ("data:text/html,<script>alert(1)</script>", "must start with http://"),
    "no scheme": ("www.springfieldlibrary.org/page", "for example https://"),
    "password": ("https://jane:secret@example.org/", "Leave any user name"),
    "not an address": ("https://exa mple", "not a valid web address"),
    "empty": ("   ", "This field is required."),
}


@pytest.mark.parametrize(("url", "message"), BAD_LINKS.values(), ids=BAD_LINKS.keys())
def test_a_link_that_is_not_a_web_page_is_refused(signed_in, portfolio, url, message):
    response = add_link(signed_in, portfolio, url)
    assert response.status_code == 400
    assert message in response.content.decode()
    assert not Evidence.objects.exists()
    assert not AuditEntry.objects.filter(action="portfolio.evidence_added").exists()


def test_a_link_checked_in_the_future_is_refused(signed_in, portfolio):
    tomorrow = timezone.localdate() + timezone.timedelta(days=1)
    response = add_link(
        signed_in, portfolio, "https://example.org/", checked_on=tomorrow.isoformat()
    )
    assert response.status_code == 400
    assert "cannot be in the future" in response.content.decode()
    assert not Evidence.objects.exists()


def test_a_link_is_evidence_like_a_file_but_has_no_file(signed_in, portfolio):
    add_link(signed_in, portfolio, "https://example.org/page", checked_on="2026-01-10")
    link = Evidence.objects.get()
    competencies = list(portfolio.competency_set.competencies.all())
    for competency in competencies:
        EvidenceLink.objects.create(
            evidence=link, competency=competency, role="primary"
        )
    assert not [gap for gap in submission_gaps(portfolio) if "evidence" in gap]

    # Checked again: the new day is kept.
    today = timezone.localdate()
    signed_in.post(
        reverse("portfolios:web_link_checked", args=[link.pk]),
        {f"checked-{link.pk}-checked_on": today.isoformat()},
    )
    link.refresh_from_db()
    assert link.checked_on == today

    # No file to replace, none to download.
    response = signed_in.post(
        reverse("portfolios:replace", args=[link.pk]),
        {"file": SimpleUploadedFile("a.pdf", files.PDF)},
        follow=True,
    )
    assert "A link has no file to replace" in response.content.decode()
    assert Evidence.objects.count() == 1
    assert signed_in.get(
        reverse("portfolios:download", args=[link.pk])
    ).status_code == (404)
