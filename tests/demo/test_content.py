"""The demo's content: every set and competency of the catalog has text that
meets the program's rules, every generated file passes the upload checks, and a
seed always gives the same content."""

import datetime
import random
import re
from decimal import Decimal

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from localflavor.us.us_states import STATE_CHOICES

from candidates.enums import LibraryType
from courses.models import ProviderType
from demo import content
from demo.files import evidence_file, pdf_document, png_image, text_document
from lssc.competencies.models import Competency, CompetencySet
from lssc.core.filetypes import BY_NAME, identify
from lssc.core.program import rules
from portfolios.services import narrative_length_problem, word_count
from renewals.models import Unit


@pytest.fixture
def competencies(db):
    return list(
        Competency.objects.filter(competency_set__retired_on=None).select_related(
            "competency_set"
        )
    )


def _sentences(text: str) -> int:
    return len(re.findall(r"[.!?](\s|$)", text))


def test_every_set_has_course_titles_and_descriptions(db):
    sets = list(CompetencySet.objects.current())
    assert len(sets) == 10
    rng = random.Random(1)
    for competency_set in sets:
        titles = content.COURSE_TITLES[competency_set.slug]
        assert len(titles) >= 5
        for title in titles:
            assert len(title) <= 200
            description = content.course_description(title, competency_set.name, rng)
            assert 2 <= _sentences(description) <= 3, description
    assert set(content.COURSE_TITLES) == {s.slug for s in sets}


def test_narratives_meet_the_rules_for_every_competency(competencies):
    minimum = max(60, rules().PORTFOLIO_NARRATIVE_MIN_WORDS)
    for i, competency in enumerate(competencies):
        # Every kind of library, so every word of the vocabularies is used.
        library = content.LIBRARIES[i % len(content.LIBRARIES)]
        texts = []
        for seed in (1, 2):
            rng = random.Random(seed)
            text = content.narrative(
                competency, library=library, position="Library Assistant", rng=rng
            )
            words = word_count(text)
            assert minimum <= words <= 220, (competency, words, text)
            assert words >= 90, (competency, words)
            assert narrative_length_problem(text) is None
            assert "{" not in text and "}" not in text, text
            assert 2 <= len(text.split("\n\n")) <= 3
            texts.append(text)
        assert texts[0] != texts[1], competency


def test_a_narrative_names_evidence_that_supports_its_competency(competencies):
    rng = random.Random(5)
    library = content.LIBRARIES[0]
    for competency in competencies:
        items = content.evidence_items(competency.competency_set.slug, rng, 4)
        text = content.narrative(
            competency, library=library, position="Library Assistant", rng=rng,
            evidence=items,
        )  # fmt: skip
        named = [item for item in items if f'"{item.title}"' in text]
        assert len(named) <= 1
        if named:
            assert not named[0].competencies or (
                competency.number in named[0].competencies
            )
        else:
            assert "the documents I have linked to this competency" in text


def test_every_evidence_file_is_accepted_as_its_kind(db):
    rng = random.Random(3)
    for slug in content.COURSE_TITLES:
        # More than the set's bank holds, so every template is written once.
        items = content.evidence_items(slug, rng, 12)
        assert len({item.title for item in items}) == 12
        for item in items:
            assert "{" not in item.title + item.description + "".join(item.paragraphs)
            assert len(item.title) <= 200 and len(item.description) <= 1000
            name, data = evidence_file(item)
            assert name.endswith(f".{item.kind}") and len(name) <= 120
            kind = identify(SimpleUploadedFile(name, data))  # raises if refused
            assert kind == BY_NAME[item.kind], (item.title, kind)


def test_files_escape_their_text():
    awkward = ["Parens (like these), a back\\slash, “quotes” and café — done."]
    pdf = pdf_document("A (tricky) title", awkward * 40)  # runs onto a second page
    assert identify(SimpleUploadedFile("a.pdf", pdf)) == BY_NAME["pdf"]
    assert b"\\(tricky\\)" in pdf and b"cafe" in pdf
    text = text_document("Title", awkward)
    assert identify(SimpleUploadedFile("a.txt", text)) == BY_NAME["txt"]
    for layout in ("flyer", "chart", "screenshot"):
        png = png_image("Summer Reading: 2024!", random.Random(1), layout=layout)
        assert identify(SimpleUploadedFile("a.png", png)) == BY_NAME["png"]


def test_places_and_organisations_are_valid():
    postal = {code for code, _ in STATE_CHOICES}
    assert len(content.US_STATES) == 51 and set(content.US_STATES) <= postal
    libraries = content.LIBRARIES
    assert len(libraries) >= 30
    assert len({lib.state for lib in libraries}) >= 15
    assert {lib.library_type for lib in libraries} == set(LibraryType.values)
    for lib in libraries:
        assert lib.state in content.US_STATES
        assert re.fullmatch(r"\d{5}", lib.postal_code)
        assert re.fullmatch(r"\d+ .+", lib.street)
        assert lib.email_domain.endswith(".example.org")
    assert len(content.PROVIDERS) >= 8
    names = {p.name for p in content.PROVIDERS}
    for provider in content.PROVIDERS:
        assert provider.type in ProviderType.values
        assert provider.state in content.US_STATES
        assert re.fullmatch(
            r"https://[a-z0-9.-]+\.example\.(edu|org|com)", provider.website
        )
    assert len(content.POSITIONS) >= 12
    assert len(content.FIRST_NAMES) >= 40 and len(content.LAST_NAMES) >= 40
    rng = random.Random(2)
    assert re.fullmatch(r"\(\d{3}\) 555-01\d\d", content.phone_number(rng, "IL"))
    for program in content.RECOGNITION_PROGRAMS:
        assert program.college in names and program.state in content.US_STATES
        assert 2 <= len(program.set_slugs) <= 4
        assert set(program.set_slugs) <= set(content.COURSE_TITLES)


def test_comments_messages_and_hours(db):
    rng = random.Random(4)
    for met in (True, False) * 10:
        assert 2 <= _sentences(content.review_comments(met, rng)) <= 4
    assert "competencies 2 and 5" in content.revision_message(rng, [5, 2])
    assert "{" not in content.revision_message(rng)
    assert all(8 <= content.course_hours(rng) <= 60 for _ in range(20))
    activities = content.ce_activities(rng, 30)
    assert len({a.title for a in activities}) == 30
    assert any(a.technology for a in activities)
    for activity in activities:
        assert activity.unit in Unit.values
        assert activity.hours >= rules().CE_MIN_HOURS_PER_ACTIVITY
        assert activity.amount > Decimal(0)
        assert set(activity.set_slugs) <= set(content.COURSE_TITLES)
    certificate = activities[0].certificate("Ana Diaz", datetime.date(2025, 3, 14))
    name, data = evidence_file(certificate)
    assert identify(SimpleUploadedFile(name, data)) == BY_NAME["pdf"]


def _everything(seed: int, competency) -> list:
    rng = random.Random(seed)
    library = rng.choice(content.LIBRARIES)
    items = content.evidence_items("technology", rng, 5, library=library)
    return [
        content.narrative(
            competency, library=library, position=content.position_for(library, rng),
            rng=rng,
        ),
        items,
        [evidence_file(item) for item in items],
        content.ce_activities(rng, 6),
        content.review_comments(False, rng),
        content.revision_message(rng),
        content.course_description("LIBR 130: Library Technology Essentials",
                                   "Technology", rng),
        content.employer_contact(library, rng),
    ]  # fmt: skip


def test_a_seed_always_gives_the_same_content(competencies):
    competency = competencies[0]
    assert _everything(7, competency) == _everything(7, competency)
    assert _everything(7, competency) != _everything(8, competency)
