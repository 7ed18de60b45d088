"""Evidence files are recognised by their content, never by their name."""

import pytest

from portfolios.filetypes import ACCEPTED, TEXT, safe_name, sniff

from . import files


@pytest.mark.parametrize(
    ("content", "kind"),
    [
        (files.PDF, "pdf"),
        (files.docx(), "docx"),
        (files.odt(), "odt"),
        (files.PNG, "png"),
        (files.JPEG, "jpg"),
        (files.MP3, "mp3"),
        (files.MP4, "mp4"),
    ],
)
def test_accepted_kinds_are_recognised(content, kind):
    assert sniff(content) == ACCEPTED[kind]


def test_plain_text_in_utf8_is_text():
    assert sniff(files.TEXT) == TEXT


@pytest.mark.parametrize(
    "content",
    [files.EXE, files.ELF, files.HTML, files.SVG, files.BINARY_TEXT, b""],
    ids=["exe", "elf", "html", "svg", "binary", "empty"],
)
def test_impostors_and_empty_files_are_refused(content):
    assert sniff(content) is None


def test_a_head_cut_inside_a_character_is_still_text():
    head = ("word " * 10 + "é").encode()[:-1]  # the é's second byte is missing
    assert sniff(head) == TEXT


@pytest.mark.parametrize(
    ("original", "expected"),
    [
        ("Reference desk log.pdf", "Reference_desk_log.pdf"),
        ("../../etc/passwd", "passwd.pdf"),
        ("..\\..\\windows\\evil.exe", "evil.pdf"),
        ("bad\x00name\x1b[31m.pdf", "badname31m.pdf"),
        ("..", "evidence.pdf"),
        ("", "evidence.pdf"),
        ("report.html", "report.pdf"),
    ],
)
def test_safe_names_keep_no_path_or_control_characters(original, expected):
    assert safe_name(original, ACCEPTED["pdf"]) == expected
