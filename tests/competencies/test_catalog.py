"""The catalog loaded by migration matches the program's published competency sets."""

import pytest

from lssc.competencies.models import Competency, CompetencySet

pytestmark = pytest.mark.django_db

EXPECTED_COUNTS = [
    ("foundations-of-library-service", "Foundations of Library Service", True, 11),
    ("communication-and-teamwork", "Communication and Teamwork", True, 22),
    ("technology", "Technology", True, 13),
    ("access-services", "Access Services", False, 16),
    ("adult-readers-advisory", "Adult Readers' Advisory", False, 15),
    ("cataloging-and-classification", "Cataloging and Classification", False, 10),
    ("collection-management", "Collection Management", False, 14),
    (
        "reference-and-information-services",
        "Reference and Information Services",
        False,
        13,
    ),
    ("supervision-and-management", "Supervision and Management", False, 21),
    ("youth-services", "Youth Services", False, 16),
]

# One competency per set, checked word for word against Appendix B.
SPOT_CHECKS = [
    (
        "foundations-of-library-service",
        9,
        "",
        "able",
        "Practice quality customer service.",
    ),
    (
        "communication-and-teamwork",
        9,
        "Communication",
        "able",
        "Write clearly, logically and concisely.",
    ),
    (
        "communication-and-teamwork",
        15,
        "Team Work and Decision-Making",
        "know",
        "Basic concepts of team work.",
    ),
    (
        "technology",
        13,
        "",
        "able",
        "Access and use basic assistive technologies, where appropriate, to ensure "
        "that all users have equitable access to technology.",
    ),
    (
        "access-services",
        1,
        "",
        "know",
        "Classification and organization schemes for collections.",
    ),
    (
        "adult-readers-advisory",
        10,
        "",
        "able",
        "Make recommendations without judgment regarding reading, listening or "
        "viewing preferences.",
    ),
    (
        "cataloging-and-classification",
        9,
        "",
        "able",
        "Perform basic copy cataloging, including reviewing and editing cataloging "
        "records.",
    ),
    (
        "collection-management",
        2,
        "",
        "know",
        "The general purpose of collection management in libraries.",
    ),
    (
        "reference-and-information-services",
        2,
        "",
        "know",
        "Legal issues involved in reference services, including user privacy, "
        "confidentiality and copyright.",
    ),
    (
        "supervision-and-management",
        5,
        "Supervision",
        "able",
        "Demonstrate leadership in a team environment.",
    ),
    (
        "supervision-and-management",
        7,
        "Management",
        "know",
        "The value of written, approved policies and the difference between policies "
        "and procedures.",
    ),
    (
        "youth-services",
        1,
        "",
        "know",
        "A general understanding of the stages of childhood and adolescent development "
        "and factors contributing to the development of early literacy skills.",
    ),
]


def test_ten_sets_in_published_order_with_three_required():
    sets = list(CompetencySet.objects.all())
    assert [(s.slug, s.name, s.is_required) for s in sets] == [
        (slug, name, required) for slug, name, required, _ in EXPECTED_COUNTS
    ]
    assert CompetencySet.objects.required().count() == 3
    assert CompetencySet.objects.electives().count() == 7


def test_151_competencies_with_the_published_count_per_set():
    assert Competency.objects.count() == 151
    for slug, _, _, count in EXPECTED_COUNTS:
        assert Competency.objects.filter(competency_set__slug=slug).count() == count, (
            slug
        )


def test_numbering_is_contiguous_from_one_in_every_set():
    for competency_set in CompetencySet.objects.all():
        numbers = list(
            competency_set.competencies.order_by("number").values_list(
                "number", flat=True
            )
        )
        assert numbers == list(range(1, len(numbers) + 1)), competency_set.slug


def test_every_set_has_a_description_and_both_kinds():
    for competency_set in CompetencySet.objects.all():
        assert len(competency_set.description) > 80
        kinds = set(competency_set.competencies.values_list("kind", flat=True))
        assert kinds == {Competency.Kind.KNOW, Competency.Kind.ABLE}


def test_only_the_two_divided_sets_have_parts():
    parts = {
        s.slug: list(
            dict.fromkeys(
                s.competencies.order_by("number").values_list("part", flat=True)
            )
        )
        for s in CompetencySet.objects.all()
    }
    assert parts.pop("communication-and-teamwork") == [
        "Communication",
        "Team Work and Decision-Making",
    ]
    assert parts.pop("supervision-and-management") == ["Supervision", "Management"]
    assert all(value == [""] for value in parts.values())


@pytest.mark.parametrize(("slug", "number", "part", "kind", "text"), SPOT_CHECKS)
def test_competency_text_is_verbatim(slug, number, part, kind, text):
    competency = Competency.objects.get(competency_set__slug=slug, number=number)
    assert competency.text == text
    assert competency.part == part
    assert competency.kind == kind


def test_bulleted_sub_lists_keep_one_bullet_per_line():
    competency = Competency.objects.get(
        competency_set__slug="foundations-of-library-service", number=5
    )
    lines = competency.text.split("\n")
    assert lines[0] == "Basic principles of:"
    assert lines[1] == "• reference and information services;"
    assert len(lines) == 5


def test_no_pdf_artefacts_remain_in_any_text():
    for competency in Competency.objects.all():
        text = competency.text
        assert "EBD" not in text
        assert "2008 - 2009" not in text
        assert "  " not in text
        assert text == text.strip()
        assert text[0].isupper(), text
