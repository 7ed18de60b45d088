"""What the demo's records say: libraries, people, providers, courses, portfolio
narratives, evidence, evaluators' comments and continuing education, written so
that a program officer reading the demo site sees plausible work, not filler.

Every choice is drawn from an ``rng: random.Random`` passed in, so a seed gives
the same content each time. The longer texts live at the end of this module in
a small line format (see ``_competency_bank``) so they read as prose; they are
parsed once, at import.

Narratives are built per competency: a paragraph placing the candidate at their
library, an episode written for that competency (two per competency, so two
candidates rarely tell the same story), and what they learned with a pointer to
their evidence. The words that depend on the kind of library (patrons or
students, the library board or the school board, Dewey or LC call numbers) are
filled in from the library's type.
"""

import datetime
import random
import re
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal

from django.utils.text import slugify

from candidates.enums import Education, HowHeard, LibraryType
from courses.models import ProviderType
from lssc.core.program import rules
from renewals.models import Unit
from renewals.rules import contact_hours

# --- Places -------------------------------------------------------------------

US_STATES: dict[str, str] = {
    "AL": "Alabama", "AK": "Alaska", "AZ": "Arizona", "AR": "Arkansas",
    "CA": "California", "CO": "Colorado", "CT": "Connecticut", "DE": "Delaware",
    "DC": "District of Columbia", "FL": "Florida", "GA": "Georgia", "HI": "Hawaii",
    "ID": "Idaho", "IL": "Illinois", "IN": "Indiana", "IA": "Iowa", "KS": "Kansas",
    "KY": "Kentucky", "LA": "Louisiana", "ME": "Maine", "MD": "Maryland",
    "MA": "Massachusetts", "MI": "Michigan", "MN": "Minnesota",
    "MS": "Mississippi", "MO": "Missouri", "MT": "Montana", "NE": "Nebraska",
    "NV": "Nevada", "NH": "New Hampshire", "NJ": "New Jersey", "NM": "New Mexico",
    "NY": "New York", "NC": "North Carolina", "ND": "North Dakota", "OH": "Ohio",
    "OK": "Oklahoma", "OR": "Oregon", "PA": "Pennsylvania", "RI": "Rhode Island",
    "SC": "South Carolina", "SD": "South Dakota", "TN": "Tennessee", "TX": "Texas",
    "UT": "Utah", "VT": "Vermont", "VA": "Virginia", "WA": "Washington",
    "WV": "West Virginia", "WI": "Wisconsin", "WY": "Wyoming",
}  # fmt: skip

# Telephone area codes of the states the demo's libraries and providers are in;
# the numbers themselves are in the 555-0100 to 555-0199 range kept for fiction.
AREA_CODES: dict[str, tuple[str, ...]] = {
    "AZ": ("520", "928"), "CA": ("209", "916"), "CO": ("970", "303"),
    "GA": ("706", "770"), "IA": ("319", "515"), "IL": ("217", "309"),
    "KS": ("785", "316"), "LA": ("337", "225"), "MA": ("508", "617"),
    "MI": ("231", "517"), "MN": ("218", "612"), "MO": ("417", "573"),
    "MT": ("406",), "NC": ("910", "919"), "ND": ("701",), "NE": ("402",),
    "NH": ("603",), "NJ": ("732", "609"), "NY": ("518", "315"), "OH": ("614", "937"),
    "OR": ("541", "503"), "PA": ("215", "610"), "SD": ("605",), "TN": ("931", "615"),
    "TX": ("512", "254"), "VA": ("757", "804"), "WA": ("360", "509"),
    "WI": ("608", "920"), "WV": ("304",),
}  # fmt: skip


@dataclass(frozen=True)
class Library:
    """A library a candidate or evaluator works at (invented, in real towns)."""

    name: str
    library_type: str  # a candidates.enums.LibraryType value
    city: str
    state: str  # postal code
    postal_code: str
    street: str

    @property
    def state_name(self) -> str:
        return US_STATES[self.state]

    @property
    def email_domain(self) -> str:
        """An example.org address for the library's staff."""
        words = re.sub(r"[^a-z ]", "", self.name.lower()).split()
        stop = {"of", "the", "and", "library", "public", "school", "center", "media"}
        stem = "".join(w for w in words if w not in stop)[:24] or "library"
        return f"{stem}.example.org"


_P, _A, _S, _X, _O = (
    LibraryType.PUBLIC.value,
    LibraryType.ACADEMIC.value,
    LibraryType.SCHOOL.value,
    LibraryType.SPECIAL.value,
    LibraryType.OTHER.value,
)
LIBRARIES: tuple[Library, ...] = (
    Library("Prairie Creek Public Library", _P, "Decatur", "IL", "62521",
            "410 North Main Street"),
    Library("Willow Bend Branch Library", _P, "Columbus", "OH", "43214",
            "2280 Willow Bend Road"),
    Library("Harbor View Public Library", _P, "Bellingham", "WA", "98225",
            "118 Cornwall Avenue"),
    Library("Sandhill Regional Library", _P, "Fayetteville", "NC", "28301",
            "305 Hay Street"),
    Library("Red Rock County Library", _P, "Cortez", "CO", "81321",
            "202 North Park Street"),
    Library("Bluebonnet Public Library", _P, "Round Rock", "TX", "78664",
            "1150 Palm Valley Boulevard"),
    Library("Lakeshore District Library", _P, "Muskegon", "MI", "49440",
            "640 Western Avenue"),
    Library("Piedmont Valley Regional Library", _P, "Gainesville", "GA", "30501",
            "127 Green Street"),
    Library("Cumberland Hills Public Library", _P, "Cookeville", "TN", "38501",
            "45 East Broad Street"),
    Library("Saguaro Springs Library", _P, "Tucson", "AZ", "85705",
            "1860 West Prince Road"),
    Library("Chestnut Ridge Public Library", _P, "Morgantown", "WV", "26505",
            "373 Spruce Street"),
    Library("Kettle River Public Library", _P, "Duluth", "MN", "55802",
            "520 West Superior Street"),
    Library("Merrimack Valley Public Library", _P, "Concord", "NH", "03301",
            "45 Green Street"),
    Library("Oak Hollow Public Library", _P, "Springfield", "MO", "65806",
            "901 South Jefferson Avenue"),
    Library("Gallatin Valley County Library", _P, "Bozeman", "MT", "59715",
            "626 East Main Street"),
    Library("Magnolia Parish Library", _P, "Lafayette", "LA", "70501",
            "301 West Congress Street"),
    Library("Sunflower Public Library", _P, "Salina", "KS", "67401",
            "215 West Iron Avenue"),
    Library("Pine Barrens Township Library", _P, "Toms River", "NJ", "08753",
            "101 Washington Street"),
    Library("Fox River Public Library", _P, "Appleton", "WI", "54911",
            "225 North Oneida Street"),
    Library("Riverbend Community College Library", _A, "Cedar Rapids", "IA",
            "52404", "6301 Kirkwood Boulevard SW"),
    Library("Morrison Library, Eastfield State University", _A, "Greeley", "CO",
            "80639", "501 20th Street"),
    Library("Copper Basin College Learning Resource Center", _A, "Flagstaff", "AZ",
            "86001", "2800 South Lone Tree Road"),
    Library("St. Brendan College Library", _A, "Worcester", "MA", "01610",
            "180 Salisbury Street"),
    Library("Tidewater Technical College Library", _A, "Norfolk", "VA", "23510",
            "300 Granby Street"),
    Library("Lincoln Heights Elementary School Library", _S, "Spokane", "WA",
            "99223", "3322 East 22nd Avenue"),
    Library("Roosevelt Middle School Library Media Center", _S, "Eugene", "OR",
            "97405", "680 East 24th Avenue"),
    Library("Central Valley High School Library", _S, "Modesto", "CA", "95350",
            "1100 Coffee Road"),
    Library("Pecan Grove Elementary School Library", _S, "Waco", "TX", "76710",
            "3400 Pecan Grove Lane"),
    Library("Mercy Regional Medical Center Health Sciences Library", _X,
            "Sioux Falls", "SD", "57105", "1305 West 18th Street"),
    Library("Whitfield County Law Library", _X, "Dalton", "GA", "30720",
            "205 North Selvidge Street"),
    Library("Great Plains Historical Society Library", _X, "Lincoln", "NE", "68508",
            "1500 R Street"),
    Library("Cascade Environmental Research Institute Library", _X, "Corvallis",
            "OR", "97331", "3200 SW Jefferson Way"),
    Library("Hartley & Moss LLP Research Library", _X, "Philadelphia", "PA",
            "19103", "1650 Market Street"),
    Library("Stone Ridge Correctional Facility Library", _O, "Jefferson City",
            "MO", "65101", "2729 Plaza Drive"),
    Library("Tri-County Library Cooperative Service Center", _O, "Albany", "NY",
            "12207", "90 State Street"),
)  # fmt: skip

POSITIONS: tuple[str, ...] = (
    "Library Assistant",
    "Library Associate",
    "Circulation Assistant",
    "Circulation Supervisor",
    "Library Technician",
    "Cataloging Technician",
    "Technical Services Assistant",
    "Acquisitions Assistant",
    "Interlibrary Loan Specialist",
    "Reference Assistant",
    "Adult Services Associate",
    "Youth Services Associate",
    "Children's Library Assistant",
    "Teen Services Assistant",
    "Library Media Assistant",
    "Outreach Assistant",
    "Branch Manager",
    "Evening and Weekend Supervisor",
    "Access Services Specialist",
)

_POSITIONS_AT = {
    _S: ("Library Media Assistant", "Library Assistant", "Library Technician",
         "Library Associate"),
    _A: ("Library Assistant", "Library Associate", "Circulation Assistant",
         "Circulation Supervisor", "Library Technician", "Cataloging Technician",
         "Technical Services Assistant", "Acquisitions Assistant",
         "Interlibrary Loan Specialist", "Reference Assistant",
         "Evening and Weekend Supervisor", "Access Services Specialist"),
    _X: ("Library Assistant", "Library Technician", "Library Associate",
         "Cataloging Technician", "Technical Services Assistant",
         "Interlibrary Loan Specialist", "Reference Assistant"),
    _O: ("Library Assistant", "Library Technician", "Library Associate",
         "Cataloging Technician", "Technical Services Assistant",
         "Outreach Assistant"),
}  # fmt: skip


def position_for(library: "Library", rng: random.Random) -> str:
    """A job title that exists at this kind of library (no school library has a
    branch manager, no law library a children's assistant)."""
    default = tuple(p for p in POSITIONS if p != "Library Media Assistant")
    return rng.choice(_POSITIONS_AT.get(library.library_type, default))


# fmt: off
FIRST_NAMES: tuple[str, ...] = (
    "Maria", "James", "Aisha", "Juan", "Mei", "Olga", "Samuel", "Priya", "Thomas",
    "Grace", "Omar", "Ruth", "Ivan", "Rosa", "Kimberly", "Noah", "Leah", "Ravi",
    "Elena", "Hugo", "Amara", "Benjamin", "Chloe", "Devon", "Fatima", "Gabriel",
    "Hannah", "Isaiah", "Jasmine", "Keisha", "Luis", "Megan", "Nadia", "Oscar",
    "Patricia", "Quinn", "Rebecca", "Santiago", "Tamika", "Uma", "Victor", "Wendy",
    "Xavier", "Yolanda", "Zachary", "Linh", "Dolores", "Carlos", "Brenda", "Tyrone",
    "Ingrid", "Kwame", "Sofia", "Marcus", "Naomi", "Ahmed", "Colleen", "Hiroshi",
)
LAST_NAMES: tuple[str, ...] = (
    "Garcia", "Smith", "Nguyen", "Johnson", "Okafor", "Brown", "Kowalski", "Chen",
    "Patel", "Davis", "Rossi", "Haddad", "Larsen", "Silva", "Moore", "Tanaka",
    "Walker", "Lopez", "Novak", "Clark", "Ahmed", "Young", "Diaz", "Washington",
    "Begay", "O'Brien", "Schmidt", "Kim", "Hernandez", "Jackson", "Murphy", "Reyes",
    "Fitzgerald", "Yazzie", "Abernathy", "Castillo", "Lindqvist", "Mensah",
    "Petrov", "Sato", "Thompson", "Whitaker", "Delgado", "Baptiste", "Morales",
    "Holmberg", "Oyelaran", "Sullivan", "Vang", "Kaplan", "Romero", "Fischer",
)
# fmt: on


def person_name(rng: random.Random) -> str:
    return f"{rng.choice(FIRST_NAMES)} {rng.choice(LAST_NAMES)}"


def phone_number(rng: random.Random, state: str | None = None) -> str:
    """A fictional number (555-01xx) with an area code of ``state`` if known."""
    codes = AREA_CODES.get(state or "") or AREA_CODES[rng.choice(sorted(AREA_CODES))]
    return f"({rng.choice(codes)}) 555-01{rng.randint(0, 99):02d}"


def ala_member_number(rng: random.Random) -> str:
    """A seven-digit number, as ALA's member numbers look."""
    return str(rng.randint(1_000_000, 9_999_999))


def hours_per_week(rng: random.Random) -> Decimal:
    """A library worker's usual week: part-time shifts to full time."""
    return Decimal(
        rng.choices(
            ["16", "20", "24", "25", "30", "32", "35", "37.5", "40"],
            [3, 8, 6, 3, 8, 5, 6, 6, 14],
        )[0]
    )


# Roughly the education and referral mix of library support staff.
EDUCATION_WEIGHTS: tuple[tuple[str, int], ...] = (
    (Education.HIGH_SCHOOL.value, 34),
    (Education.GED.value, 4),
    (Education.COLLEGE.value, 56),
    (Education.OUTSIDE_US.value, 4),
    (Education.NONE.value, 2),
)
HOW_HEARD_WEIGHTS: tuple[tuple[str, int], ...] = (
    (HowHeard.EMPLOYER.value, 30),
    (HowHeard.COLLEAGUE.value, 18),
    (HowHeard.ASSOCIATION.value, 14),
    (HowHeard.STATE_LIBRARY.value, 12),
    (HowHeard.EDUCATION.value, 9),
    (HowHeard.WEB.value, 8),
    (HowHeard.SOCIAL.value, 4),
    (HowHeard.PUBLICATION.value, 4),
    (HowHeard.OTHER.value, 1),
)


def weighted(pairs: Sequence[tuple[str, int]], rng: random.Random) -> str:
    return rng.choices([v for v, _ in pairs], [w for _, w in pairs])[0]


_SUPERVISOR_TITLES = {
    _P: ("Library Director", "Branch Manager", "Head of Circulation"),
    _A: ("Head of Access Services", "Library Director", "Public Services Librarian"),
    _S: ("School Librarian", "Library Media Specialist", "Principal"),
    _X: ("Library Manager", "Information Services Manager", "Head Librarian"),
    _O: ("Library Supervisor", "Program Manager", "Library Coordinator"),
}


@dataclass(frozen=True)
class Contact:
    name: str
    title: str
    email: str


def employer_contact(library: Library, rng: random.Random) -> Contact:
    """The supervisor a candidate names on the application."""
    first, last = rng.choice(FIRST_NAMES), rng.choice(LAST_NAMES)
    local = re.sub(r"[^a-z]", "", f"{first[0]}{last}".lower())
    return Contact(
        f"{first} {last}",
        rng.choice(_SUPERVISOR_TITLES[library.library_type]),
        f"{local}@{library.email_domain}",
    )


# --- Providers, courses and recognition agreements ---------------------------


@dataclass(frozen=True)
class ProviderInfo:
    name: str
    type: str  # a courses.models.ProviderType value
    state: str
    website: str


_PT = ProviderType
PROVIDERS: tuple[ProviderInfo, ...] = (
    ProviderInfo("Prairie State Library", _PT.STATE_LIBRARY.value, "IL",
                 "https://prairie-state-library.example.org"),
    ProviderInfo("Lakeside Community College", _PT.COMMUNITY_COLLEGE.value, "WI",
                 "https://lakeside.example.edu"),
    ProviderInfo("Copper Basin College", _PT.COMMUNITY_COLLEGE.value, "AZ",
                 "https://copperbasin.example.edu"),
    ProviderInfo("Tidewater Technical College", _PT.COMMUNITY_COLLEGE.value, "VA",
                 "https://tidewater-tech.example.edu"),
    ProviderInfo("Eastfield State University School of Information",
                 _PT.LIBRARY_SCHOOL.value, "CO",
                 "https://ischool.eastfield.example.edu"),
    ProviderInfo("Great Lakes Library Association", _PT.ASSOCIATION.value, "MI",
                 "https://greatlakeslibraries.example.org"),
    ProviderInfo("Northern Plains Library Cooperative", _PT.COOPERATIVE.value,
                 "ND", "https://nplc.example.org"),
    ProviderInfo("LibLearn Online", _PT.VENDOR.value, "OR",
                 "https://liblearn.example.com"),
    ProviderInfo("Whitcomb Library Consulting", _PT.CONSULTANT.value, "NH",
                 "https://whitcomb-consulting.example.com"),
)  # fmt: skip

COURSE_TITLES: dict[str, tuple[str, ...]] = {
    "foundations-of-library-service": (
        "LIBR 101: Introduction to Libraries and Library Services",
        "LIT 110: Foundations of Library and Information Technology",
        "LTA 100: The Library in the Community",
        "Library Ethics, Privacy and Intellectual Freedom for Support Staff",
        "Foundations of Library Service: An Online Course for Library Staff",
        "LIBT 105: Libraries, Governance and Public Service",
    ),
    "communication-and-teamwork": (
        "LIBR 115: Communication Skills for Library Staff",
        "LTA 120: Customer Service and Teamwork in Libraries",
        "Handling Difficult Conversations at the Service Desk",
        "LIT 130: Interpersonal Communication in the Workplace",
        "Working Together: Teams and Decision-Making in Libraries",
    ),
    "technology": (
        "LIBR 130: Library Technology Essentials",
        "LIT 140: Computers and Networks in Libraries",
        "LTA 150: Technology Services for Library Users",
        "Assistive Technology in the Library",
        "Troubleshooting Public Technology: A Workshop for Library Staff",
        "LIBT 160: Digital Literacy Instruction for Library Staff",
    ),
    "access-services": (
        "LIBR 140: Circulation and Access Services",
        "LTA 125: Access Services and Resource Sharing",
        "Interlibrary Loan and Resource Sharing Basics",
        "LIT 145: Library Operations: Circulation, Reserves and Stacks",
        "Privacy, Policy and the Circulation Desk",
    ),
    "adult-readers-advisory": (
        "LIBR 160: Readers' Advisory Services for Adults",
        "LTA 170: Popular Materials: Fiction, Film and Music",
        "Genre Fiction for Library Staff",
        "Readers' Advisory Toolkit: Read-Alikes, Displays and Book Clubs",
        "LIT 175: Leisure Reading and Media Services",
    ),
    "cataloging-and-classification": (
        "LIBR 150: Cataloging and Classification I",
        "LTA 140: Copy Cataloging with MARC and RDA",
        "LIT 155: Organization of Information",
        "Dewey Decimal Classification for Support Staff",
        "Subject Headings and Authority Control: A Practical Introduction",
        "LIBT 250: Cataloging Nonprint Materials",
    ),
    "collection-management": (
        "LIBR 170: Collection Development and Management",
        "LTA 160: Acquisitions and Technical Processing",
        "LIT 165: Building and Maintaining Library Collections",
        "Weeding with CREW: Keeping Collections Current",
        "Book Repair and Preservation Workshop",
    ),
    "reference-and-information-services": (
        "LIBR 120: Reference and Information Services",
        "LTA 130: Information Sources and Services",
        "LIT 125: Finding Information: Print, Digital and Community Resources",
        "The Reference Interview: A Workshop for Library Staff",
        "Health and Legal Information at the Reference Desk",
    ),
    "supervision-and-management": (
        "LIBR 210: Supervision and Management in Libraries",
        "LTA 220: Library Management for Support Staff",
        "LIT 230: Leading Library Teams",
        "Budgets, Grants and Planning for Small Libraries",
        "Marketing Your Library: Plans That Work",
        "From Coworker to Supervisor: A Workshop for New Library Supervisors",
    ),
    "youth-services": (
        "LIBR 180: Library Services for Children and Young Adults",
        "LTA 185: Youth Services and Programming",
        "Early Literacy and Storytime Skills",
        "LIT 190: Children's and Young Adult Literature",
        "Serving Teens in the Library",
        "LIBT 195: Literature and Programs for Young Readers",
    ),
}

_COURSE_TOPICS: dict[str, tuple[str, ...]] = {
    "foundations-of-library-service": (
        "the mission and roles of libraries", "the Library Bill of Rights",
        "the ALA Code of Ethics", "privacy and confidentiality",
        "library governance and funding", "the work of library departments",
        "customer service", "cooperation among libraries",
    ),
    "communication-and-teamwork": (
        "interpersonal communication", "written communication",
        "resolving conflict", "giving and receiving feedback",
        "working on teams", "decision-making", "serving diverse users",
    ),
    "technology": (
        "computer and network basics", "troubleshooting public equipment",
        "data security and user privacy", "assistive technology",
        "teaching users to use devices and online services",
        "library catalogs and databases",
    ),
    "access-services": (
        "circulation procedures", "interlibrary loan and resource sharing",
        "copyright for reserves and document delivery", "user privacy",
        "stacks maintenance", "building security and emergencies",
        "circulation statistics",
    ),
    "adult-readers-advisory": (
        "genre fiction", "popular nonfiction", "film and music collections",
        "readers' advisory tools", "the readers' advisory conversation",
        "book discussion groups", "displays and booklists",
    ),
    "cataloging-and-classification": (
        "MARC records", "RDA", "Dewey Decimal and Library of Congress "
        "classification", "subject headings", "copy cataloging",
        "bibliographic utilities", "integrated library systems",
    ),
    "collection-management": (
        "selection and weeding", "ordering and receiving", "vendors and the "
        "publishing trade", "processing", "book repair and preservation",
        "gift policies", "budgets for materials",
    ),
    "reference-and-information-services": (
        "the reference interview", "core reference sources", "database searching",
        "evaluating information", "referral", "citation formats",
        "community information",
    ),
    "supervision-and-management": (
        "hiring and training staff", "performance expectations", "employment law",
        "policies and procedures", "budgeting and grants", "community analysis",
        "marketing", "running meetings",
    ),
    "youth-services": (
        "child and adolescent development", "early literacy",
        "children's and young adult literature", "programs for children and "
        "teens", "working with schools", "challenged materials",
        "online safety for young people",
    ),
}  # fmt: skip

_ASSIGNMENTS = (
    "a project carried out at their own library",
    "weekly discussions and a final portfolio of practical work",
    "short written assignments and a supervised practicum",
    "online quizzes, case studies and a final project",
    "hands-on exercises reviewed by the instructor",
)


def _slug_for_name(set_name: str) -> str:
    """The catalog's slug of a set, from its name."""
    return slugify(set_name.replace("'", "").replace("\u2019", ""))


def _set_for_title(title: str) -> str | None:
    for slug, titles in COURSE_TITLES.items():
        if title in titles:
            return slug
    return None


def course_description(title: str, set_name: str, rng: random.Random) -> str:
    """Two or three sentences, as a course catalog would print them."""
    slug = _set_for_title(title) or _slug_for_name(set_name)
    topics = rng.sample(_COURSE_TOPICS.get(slug, ("library work",)), k=3)
    workshop = ":" not in title or "Workshop" in title
    subject = "This workshop" if workshop else "This course"
    first = rng.choice(
        (
            f"{subject} introduces {topics[0]}, {topics[1]} and {topics[2]}.",
            f"{subject} covers {topics[0]} and {topics[1]}, with practical work "
            f"on {topics[2]}.",
            f"An overview for library support staff of {topics[0]} and "
            f"{topics[1]}, with attention to {topics[2]}.",
        )
    )
    second = f"Participants complete {rng.choice(_ASSIGNMENTS)}."
    third = rng.choice(
        (
            f" It addresses the competencies of the {set_name} set.",
            f" Approved for the {set_name} competency set.",
            "",
        )
    )
    return f"{first} {second}{third}"


def course_hours(rng: random.Random) -> int:
    """Contact hours: a short workshop, a continuing-education course, or a
    three-credit college course (45 hours)."""
    return rng.choices(
        [12, 15, 16, 20, 24, 30, 36, 45, 48], [2, 2, 1, 1, 2, 2, 1, 4, 1]
    )[0]


def course_assessment(rng: random.Random) -> str:
    return rng.choice(
        (
            "Weekly assignments and a final project are graded by the instructor "
            "against a published rubric; a final grade of C or better passes.",
            "Participants complete four practical exercises at their library and a "
            "final reflection; each is reviewed by the instructor as pass or redo.",
            "Online quizzes after each module (80% to pass) and a case study "
            "reviewed by the instructor.",
            "A portfolio of the work done in class, reviewed by the instructor, "
            "and an observed practical exercise.",
        )
    )


def completion_certification(rng: random.Random) -> str:
    return rng.choice(
        (
            "The registrar issues an official transcript; the instructor signs the "
            "LSSC completion form for each student who passes.",
            "A certificate of completion signed by the instructor, with the contact "
            "hours, is mailed within two weeks of the last session.",
            "Completion is recorded in the provider's learning system and a signed "
            "certificate is e-mailed to each participant.",
        )
    )


def where_taught(competency, rng: random.Random) -> str:
    """Where in a course one competency is taught (a course application's
    coverage row)."""
    week = rng.randint(1, 12)
    how = rng.choice(
        (
            "lecture and discussion",
            "a reading and an online discussion",
            "a hands-on exercise",
            "a case study",
            "a practical assignment at the student's library",
        )
    )
    topic = _topic(competency)
    return f"Week {week}: {topic}, through {how}."


def instructor_name(rng: random.Random) -> str:
    return person_name(rng)


def instructor_qualifications(rng: random.Random) -> str:
    degree = rng.choice(("MLIS", "MLS", "MSLS", "MA in Library Science"))
    years = rng.randint(6, 25)
    role = rng.choice(
        (
            "head of technical services at a public library",
            "a branch manager in a county library system",
            "an academic reference and instruction librarian",
            "a youth services librarian",
            "a continuing-education consultant at a state library",
            "a school library media specialist",
        )
    )
    teaching = rng.choice(
        (
            "has taught this course since it was first offered",
            "teaches in the college's library technology program",
            "presents regularly at state library association conferences",
        )
    )
    return f"{degree}; {years} years as {role}; {teaching}."


def offering_location(provider: ProviderInfo, rng: random.Random) -> str:
    if rng.random() < 0.6:
        return "Online"
    city = rng.choice([lib.city for lib in LIBRARIES if lib.state == provider.state]
                      or ["the main campus"])  # fmt: skip
    room = rng.choice(("Room 112", "Learning Commons", "Room 204", "Training Lab"))
    return f"{provider.name}, {room}, {city}"


@dataclass(frozen=True)
class RecognitionProgram:
    """A college program a recognition agreement covers (courses'
    ``RecognitionAgreement``: college, program_name, state, competency_sets)."""

    college: str  # a PROVIDERS name
    program_name: str
    state: str
    set_slugs: tuple[str, ...]


RECOGNITION_PROGRAMS: tuple[RecognitionProgram, ...] = (
    RecognitionProgram(
        "Lakeside Community College",
        "Library and Information Technology A.A.S.",
        "WI",
        (
            "foundations-of-library-service",
            "technology",
            "access-services",
            "cataloging-and-classification",
        ),
    ),
    RecognitionProgram(
        "Copper Basin College",
        "Library Technical Assistant Certificate",
        "AZ",
        (
            "foundations-of-library-service",
            "communication-and-teamwork",
            "reference-and-information-services",
        ),
    ),
    RecognitionProgram(
        "Tidewater Technical College",
        "Library Services Technician Diploma",
        "VA",
        ("collection-management", "cataloging-and-classification"),
    ),
)


# --- Narratives -----------------------------------------------------------------

# The words that change with the kind of library a story happens in.
_VOCABULARY = {
    _P: {
        "users": "patrons", "user": "patron", "boss": "our library director",
        "board": "the library board", "community": "the community",
        "place": "the library", "scheme": "Dewey Decimal",
    },
    _A: {
        "users": "students and faculty", "user": "student",
        "boss": "my department head", "board": "the college administration",
        "community": "the campus", "place": "the library",
        "scheme": "Library of Congress",
    },
    _S: {
        "users": "students and teachers", "user": "student",
        "boss": "the school librarian", "board": "the school board",
        "community": "the school community", "place": "the library",
        "scheme": "Dewey Decimal",
    },
    _X: {
        "users": "the people we serve", "user": "staff member",
        "boss": "the library manager", "board": "the organization's leadership",
        "community": "the organization", "place": "the library",
        "scheme": "Library of Congress",
    },
    _O: {
        "users": "library users", "user": "library user",
        "boss": "my supervisor", "board": "the agency's administrators",
        "community": "the people we serve", "place": "the library",
        "scheme": "Dewey Decimal",
    },
}  # fmt: skip

# Sets whose stories need a particular kind of library: a candidate at another
# kind tells them from an earlier job at a public library.
_SETTINGS = {
    "youth-services": (_P, _S),
    "adult-readers-advisory": (_P, _A),
}

_SEASONS = ("spring", "summer", "fall", "winter")
_SMALL = ("three", "four", "five", "six", "seven")


def _library_phrase(library: Library, rng: random.Random) -> str:
    kind = library.library_type
    if kind == _P:
        people = rng.choice((6_500, 12_000, 18_000, 27_000, 45_000, 80_000, 140_000))
        return f"a public library serving about {people:,} people"
    if kind == _A:
        students = rng.choice((1_800, 3_500, 6_000, 9_500, 14_000))
        return f"an academic library serving about {students:,} students"
    if kind == _S:
        return f"a school library serving about {rng.randint(35, 120) * 10} students"
    if kind == _X:
        return "a special library serving the staff of its organization"
    return "a library with a small staff and a very particular group of users"


def _fill(template: str, words: dict) -> str:
    return template.format_map(words)


def _words(library: Library, rng: random.Random) -> dict:
    words = dict(_VOCABULARY[library.library_type])
    for key in ("users", "user", "boss", "board", "place"):
        words[key.capitalize()] = words[key][0].upper() + words[key][1:]
    words.update(
        library=library.name,
        city=library.city,
        colleague=rng.choice(FIRST_NAMES),
        season=rng.choice(_SEASONS),
        few=rng.choice(_SMALL),
        dozen=rng.randint(12, 40),
        many=rng.randint(60, 250),
        pct=rng.randint(10, 35),
    )
    return words


def _topic(competency) -> str:
    entry = _COMPETENCY_BANK.get(competency.competency_set.slug, {}).get(
        competency.number
    )
    if entry:
        return entry[0]
    text = _lower_first(_clean(competency.text))
    return f"being able to {text}" if competency.kind == "able" else text


def _clean(text: str) -> str:
    return " ".join(text.replace("•", "").split()).rstrip(" .;")


def _lower_first(text: str) -> str:
    if len(text) > 1 and text[1].isupper():  # an abbreviation such as "MARC"
        return text
    return text[:1].lower() + text[1:]


def _quotable(competency) -> str | None:
    """The competency's own words, when they are short enough to quote."""
    text = competency.text
    if "\n" in text or text.startswith("A ") or len(text.split()) > 22:
        return None
    return _lower_first(_clean(text))


def _a(word: str) -> str:
    """``word`` with its indefinite article."""
    return f"{'an' if word[:1].lower() in 'aeiou' else 'a'} {word}"


def _intro(competency, library: Library, position: str, setting: Library, rng):
    years = rng.randint(2, 16)
    where = f"{library.name} in {library.city}, {library.state_name}"
    opening = rng.choice(
        (
            f"I have worked as {_a(position)} at {where}, for {years} years.",
            f"For the past {years} years I have been {_a(position)} at "
            f"{library.name}, {_library_phrase(library, rng)} in {library.city}, "
            f"{library.state_name}.",
            f"I am {_a(position)} at {where}, where I have worked for {years} years.",
        )
    )
    topic = _topic(competency)
    quote = _quotable(competency)
    if setting is not library:
        opening += (
            f" Before that I worked for {rng.randint(2, 8)} years at "
            f"{setting.name} in {setting.city}, {_library_phrase(setting, rng)}, "
            "and the example below comes from my time there."
        )
        choices = [
            f"That is where I learned to {quote}." if quote else None,
            f"That job taught me most of what I know about {topic}.",
        ]
    elif competency.kind == "able":
        choices = [
            f"Being able to {quote} is something my job asks of me every week."
            if quote
            else None,
            f"Here I describe how I {quote}." if quote else None,
            f"I have had many chances to practice {topic} in this job.",
            f"Much of my work depends on {topic}, and I have learned it mostly by "
            "doing it.",
        ]
    else:
        choices = [
            f"This competency asks that library support staff know {quote}, and I "
            "use that knowledge more often than I expected when I started."
            if quote
            else None,
            f"Understanding {topic} is part of my job even on an ordinary day.",
            f"My understanding of {topic} grew out of my daily work, with some help "
            "from training along the way.",
            f"In this narrative I describe how I came to understand {topic}.",
        ]
    return f"{opening} {rng.choice([c for c in choices if c])}"


# Said before an episode that tells a story (not before one that describes a
# routine): the openings of such episodes.
_EPISODE_LEADS = (
    "One example stands out. ",
    "A recent example shows what I mean. ",
    "Here is a typical example. ",
    "One situation shows this well. ",
)
_STORY_OPENINGS = (
    "A ", "An ", "When ", "Two ", "During ", "Before ", "After ", "While ",
    "Several ", "Last ", "One ", "Our ", "{Users} ", "Many ", "Teenagers ",
)  # fmt: skip
_GENERAL_LESSONS = (
    "Since then I think ahead about situations like this one instead of only "
    "reacting to them.",
    "The experience taught me that this part of the job is learned in practice as "
    "much as in training.",
    "Looking back, I see this as part of good service rather than a separate task.",
)
_EVIDENCE_SENTENCES = (
    "As evidence I have attached {evidence}, which shows how I put this into practice.",
    "I have included {evidence} as evidence of this work.",
    "My evidence for this competency is {evidence}.",
    "You can see the result in {evidence}, which is attached.",
)


def narrative(
    competency,
    *,
    library: Library,
    position: str,
    rng: random.Random,
    evidence: Sequence["EvidenceItem"] = (),
) -> str:
    """A candidate's narrative for one competency: two or three paragraphs, 90
    to 220 words, in the first person.

    ``evidence`` (optional) are the candidate's evidence items for the set; the
    narrative names one that supports this competency (or a general one such as
    a supervisor's letter). Without it, it names evidence typical of the set.
    Youth services and adult readers' advisory happen in public (or school,
    academic) libraries: a candidate working elsewhere tells of an earlier job.
    """
    slug = competency.competency_set.slug
    suited = _SETTINGS.get(slug)
    setting = library
    if suited and library.library_type not in suited:
        public = [lib for lib in LIBRARIES if lib.library_type == _P]
        same_state = [lib for lib in public if lib.state == library.state]
        setting = rng.choice(same_state or public)
    words = _words(setting, rng)
    words["topic"] = _topic(competency)

    intro = _intro(competency, library, position, setting, rng)
    entry = _COMPETENCY_BANK.get(slug, {}).get(competency.number)
    episodes = entry[1] if entry else _SET_EPISODES.get(slug, _SET_EPISODES[""])
    episode = rng.choice(episodes)
    if episode.startswith(_STORY_OPENINGS) and rng.random() < 0.6:
        episode = rng.choice(_EPISODE_LEADS) + episode
    episode = _fill(episode, words)

    lessons = _LESSONS.get(slug, ()) + _GENERAL_LESSONS
    lesson = _fill(rng.choice(lessons), words)
    named = _evidence_named(competency, evidence, rng, words)
    closing = rng.choice(_EVIDENCE_SENTENCES).format(evidence=named)
    paragraphs = [intro, episode, f"{lesson} {closing}"]

    if _count(paragraphs) < 90:
        extra = [x for x in lessons if _fill(x, words) != lesson]
        paragraphs[2] = f"{lesson} {_fill(rng.choice(extra), words)} {closing}"
    if _count(paragraphs) > 220:  # a long episode: the evidence line suffices
        paragraphs[2] = closing
    text = "\n\n".join(paragraphs)
    return text[: rules().PORTFOLIO_NARRATIVE_MAX_CHARS]


def _evidence_named(competency, evidence, rng, words) -> str:
    """How the narrative names its evidence: a given item that supports the
    competency, else a general one; or a typical item of the set."""
    if evidence:
        fitting = [e for e in evidence if competency.number in e.competencies]
        general = [e for e in evidence if not e.competencies]
        if fitting or general:
            return f'"{rng.choice(fitting or general).title}"'
        return "the documents I have linked to this competency"
    bank = _EVIDENCE_BANK.get(competency.competency_set.slug, ())
    fitting = [t for t in bank if competency.number in t.competencies]
    return _fill(rng.choice(fitting or _GENERAL_EVIDENCE).phrase, words)


def _count(paragraphs: list[str]) -> int:
    return sum(len(p.split()) for p in paragraphs)


# --- Evidence -----------------------------------------------------------------


@dataclass(frozen=True)
class EvidenceItem:
    """One evidence file: its title and description as the candidate enters them,
    the kind of file, and the text of its body (a PNG draws only the title)."""

    title: str
    description: str
    kind: str  # "pdf", "png" or "txt"
    paragraphs: list[str]
    layout: str = ""  # for a PNG: "flyer", "chart" or "screenshot"
    # The competencies (numbers) it is direct evidence of; empty for general
    # evidence, such as a supervisor's letter, that supports any of the set.
    competencies: tuple[int, ...] = ()


@dataclass(frozen=True)
class _EvidenceTemplate:
    kind: str
    layout: str
    title: str
    phrase: str
    description: str
    paragraphs: tuple[str, ...]
    competencies: tuple[int, ...]


def evidence_items(
    competency_set_slug: str,
    rng: random.Random,
    count: int,
    *,
    library: Library | None = None,
    author: str | None = None,
    position: str | None = None,
    dated: datetime.date | None = None,
) -> list[EvidenceItem]:
    """``count`` different evidence items for a portfolio in the set, filled in
    for the candidate (``author``) and their library; what is not given is drawn
    from ``rng``."""
    library = library or rng.choice(LIBRARIES)
    author = author or person_name(rng)
    position = position or rng.choice(POSITIONS)
    dated = dated or datetime.date(2024, 6, 1) - datetime.timedelta(
        days=rng.randint(0, 900)
    )
    words = _words(library, rng)
    supervisor = employer_contact(library, rng)
    words.update(
        author=author,
        first_name=author.split()[0],
        position=position,
        a_position=_a(position),
        state_name=library.state_name,
        street=library.street,
        date=f"{dated:%B} {dated.day}, {dated.year}",
        year=dated.year,
        month=f"{dated:%B}",
        supervisor=supervisor.name,
        supervisor_title=supervisor.title,
        duties=_DUTIES.get(
            competency_set_slug, "works across the library's public services"
        ),
        hours=rng.choice((2, 3, 4, 6, 8, 12)),
        workshop=rng.choice(
            COURSE_TITLES.get(competency_set_slug, ("Library Services",))
        ).split(": ")[-1],
        provider=rng.choice(PROVIDERS).name,
    )
    pool = list(_EVIDENCE_BANK.get(competency_set_slug, ()) + _GENERAL_EVIDENCE)
    rng.shuffle(pool)
    items = []
    for i in range(count):
        template = pool[i % len(pool)]
        title = _fill(template.title, words)
        if i >= len(pool):
            title = f"{title} ({i // len(pool) + 1})"
        items.append(
            EvidenceItem(
                title=title,
                description=_fill(template.description, words),
                kind=template.kind,
                paragraphs=[_fill(p, words) for p in template.paragraphs],
                layout=template.layout,
                competencies=template.competencies,
            )
        )
    return items


# --- Evaluators and staff -----------------------------------------------------

_REVIEW_OPENINGS_MET = (
    "The narratives in this portfolio are specific and well organized.",
    "This is a strong portfolio: each narrative describes real situations at "
    "your library.",
    "You write clearly about your own work, and the evidence supports what you "
    "describe.",
    "Thank you for a carefully prepared portfolio.",
)
_REVIEW_STRENGTHS = (
    "The examples of how you handled difficult conversations at the desk were "
    "especially convincing.",
    "Your evidence, in particular the procedure you wrote and your supervisor's "
    "letter, shows the competencies in practice rather than only describing them.",
    "I appreciated that you explained not only what you did but why, with "
    "reference to your library's policies.",
    "The statistics and the chart you included make the results of your work "
    "easy to see.",
    "Linking each piece of evidence to the competencies it supports made the "
    "review straightforward.",
)
_REVIEW_SUGGESTIONS = (
    "In a few narratives the connection to the competency could be made more "
    "explicit, but this did not affect the rating.",
    "For future portfolios, consider naming the policy or standard you applied.",
    "Some evidence files would benefit from a sentence explaining your part in them.",
)
_REVIEW_OPENINGS_NOT_MET = (
    "Several narratives describe the library's services in general rather than "
    "your own work.",
    "The portfolio shows experience, but several competencies are not yet "
    "demonstrated.",
    "Thank you for your portfolio; some narratives need more detail to show the "
    "competencies.",
)
_REVIEW_GAPS = (
    "For the competencies on policies and procedures, please describe a specific "
    "situation, what you did, and what the outcome was.",
    "Several narratives restate the competency without an example; one concrete "
    "example per competency is enough.",
    "Some evidence is not clearly connected to a competency; please explain in "
    "the description what each file shows.",
    "The evidence for the knowledge competencies consists of training "
    "certificates only; please add a short explanation of what you learned and "
    "how you have applied it.",
)
_REVIEW_ENCOURAGEMENT = (
    "You clearly have the experience; the revision only needs to show it.",
    "I encourage you to revise and resubmit.",
    "Your supervisor's letter is a good start and could be paired with examples "
    "of your own work.",
)


def review_comments(met: bool, rng: random.Random) -> str:
    """An evaluator's comments for the candidate: two to four sentences."""
    if met:
        parts = [rng.choice(_REVIEW_OPENINGS_MET)]
        parts += rng.sample(_REVIEW_STRENGTHS, k=rng.randint(1, 2))
        if rng.random() < 0.4:
            parts.append(rng.choice(_REVIEW_SUGGESTIONS))
    else:
        parts = [rng.choice(_REVIEW_OPENINGS_NOT_MET)]
        parts += rng.sample(_REVIEW_GAPS, k=rng.randint(1, 2))
        if rng.random() < 0.6:
            parts.append(rng.choice(_REVIEW_ENCOURAGEMENT))
    return " ".join(parts)


def revision_message(rng: random.Random, competencies: Sequence[int] = ()) -> str:
    """What staff send when a portfolio needs revision. ``competencies`` are the
    numbers to name; without them the message speaks of them in general."""
    if competencies:
        numbers = [str(n) for n in sorted(competencies)]
        named = (
            f"competency {numbers[0]}"
            if len(numbers) == 1
            else f"competencies {', '.join(numbers[:-1])} and {numbers[-1]}"
        )
    else:
        named = rng.choice(
            (
                "the competencies on policies and procedures",
                "the ability competencies in the second half of the set",
                "the knowledge competencies",
                "the competencies on working with users",
            )
        )
    what = rng.choice(
        (
            "describe a specific situation from your work, what you did and what "
            "came of it",
            "add evidence of your own work, such as a document you wrote or a "
            "supervisor's statement, and say in its description which competency "
            "it supports",
            "explain in your own words how you apply this knowledge at your library, "
            "with an example",
        )
    )
    return (
        f"Thank you for your portfolio. The evaluators found that most of the set "
        f"is demonstrated, but they ask you to strengthen {named}. For each, "
        f"please {what}. Your other narratives and evidence remain in the "
        "portfolio; revise those named and submit again before your deadline. "
        "Contact the program office if you have questions."
    )


# --- Continuing education -----------------------------------------------------


@dataclass(frozen=True)
class ActivityInfo:
    """A continuing-education activity as a holder logs it (``renewals.Activity``:
    title, provider, amount and unit, technology, the sets it relates to)."""

    title: str
    provider: str
    amount: Decimal
    unit: str  # a renewals.models.Unit value
    technology: bool
    set_slugs: tuple[str, ...]

    @property
    def hours(self) -> Decimal:
        """Contact hours at the program's rates, as logging the activity counts
        them."""
        return contact_hours(self.amount, self.unit, rules())

    def certificate(self, holder: str, completed_on: datetime.date) -> EvidenceItem:
        """A certificate of attendance for ``holder``, as evidence of the activity."""
        amount = f"{self.amount.normalize():f} {Unit(self.unit).label.lower()}"
        day = f"{completed_on:%B} {completed_on.day}, {completed_on.year}"
        return EvidenceItem(
            title=f"Certificate: {self.title}",
            description=f"Certificate of attendance from {self.provider}.",
            kind="pdf",
            paragraphs=[
                "Certificate of Attendance",
                f"This certifies that {holder} attended {self.title}, offered by "
                f"{self.provider}, on {day}.",
                f"Continuing education awarded: {amount}.",
                "Issued by the continuing education office. Please keep this "
                "certificate for your records.",
            ],
        )


_T, _F = True, False
# (title, offered by, amount, unit, technology, related sets); a contact-hour
# amount of 0 is drawn when the activity is chosen (webinars and workshops vary).
_CE = (
    ("Webinar: Helping Patrons with Online Job Applications", "LibLearn Online",
     0, Unit.CONTACT_HOURS, _T, ("technology", "reference-and-information-services")),
    ("Annual Conference of the Great Lakes Library Association",
     "Great Lakes Library Association", 2, Unit.CONFERENCE_DAYS, _F,
     ("foundations-of-library-service", "communication-and-teamwork")),
    ("Cybersecurity Basics for Library Staff", "Prairie State Library", 0,
     Unit.CONTACT_HOURS, _T, ("technology",)),
    ("De-escalation at the Service Desk", "Northern Plains Library Cooperative",
     0, Unit.CONTACT_HOURS, _F, ("communication-and-teamwork", "access-services")),
    ("LIBR 160: Readers' Advisory Services for Adults",
     "Lakeside Community College", 3, Unit.SEMESTER_CREDITS, _F,
     ("adult-readers-advisory",)),
    ("Introduction to RDA for Copy Catalogers",
     "Eastfield State University School of Information", 0, Unit.CONTACT_HOURS, _F,
     ("cataloging-and-classification",)),
    ("Summer Reading Program Planning Workshop", "Prairie State Library", 0,
     Unit.CONTACT_HOURS, _F, ("youth-services",)),
    ("Teaching Seniors to Use Tablets and Smartphones", "LibLearn Online", 0,
     Unit.CONTACT_HOURS, _T, ("technology", "foundations-of-library-service")),
    ("Weeding with CREW", "Whitcomb Library Consulting", 0, Unit.CONTACT_HOURS, _F,
     ("collection-management",)),
    ("Interlibrary Loan Forum", "Northern Plains Library Cooperative", 1,
     Unit.CONFERENCE_DAYS, _F, ("access-services",)),
    ("Supervising Former Peers", "Great Lakes Library Association", 0,
     Unit.CONTACT_HOURS, _F, ("supervision-and-management",)),
    ("LTA 150: Technology Services for Library Users", "Copper Basin College", 4,
     Unit.QUARTER_CREDITS, _T, ("technology",)),
    ("Accessibility and Assistive Technology in Public Libraries",
     "Prairie State Library", 0, Unit.CONTACT_HOURS, _T, ("technology",)),
    ("Privacy and Patron Data: Policies for Small Libraries",
     "LibLearn Online", 0, Unit.CONTACT_HOURS, _T,
     ("foundations-of-library-service", "access-services")),
    ("Grant Writing for Library Programs", "Whitcomb Library Consulting", 0,
     Unit.CONTACT_HOURS, _F, ("supervision-and-management",)),
    ("Early Literacy in Storytime", "Northern Plains Library Cooperative", 0,
     Unit.CONTACT_HOURS, _F, ("youth-services",)),
    ("Book Repair Basics", "Tidewater Technical College", 0, Unit.CONTACT_HOURS,
     _F, ("collection-management",)),
    ("Genre Fiction Update: What Readers Want Now", "LibLearn Online", 0,
     Unit.CONTACT_HOURS, _F, ("adult-readers-advisory",)),
    ("Health Information Sources for Library Staff",
     "Eastfield State University School of Information", 0, Unit.CONTACT_HOURS,
     _T, ("reference-and-information-services",)),
    ("Spreadsheets for Library Statistics", "LibLearn Online", 0,
     Unit.CONTACT_HOURS, _T, ("technology", "supervision-and-management")),
    ("Serving Patrons Experiencing Homelessness", "Great Lakes Library Association",
     0, Unit.CONTACT_HOURS, _F, ("foundations-of-library-service",)),
    ("Regional Library Staff Day", "Northern Plains Library Cooperative", 1,
     Unit.CONFERENCE_DAYS, _F, ("communication-and-teamwork",)),
    ("Managing Challenges to Library Materials", "Prairie State Library", 0,
     Unit.CONTACT_HOURS, _F, ("youth-services", "foundations-of-library-service")),
    ("Troubleshooting Public Printers and Wi-Fi", "Whitcomb Library Consulting", 0,
     Unit.CONTACT_HOURS, _T, ("technology",)),
)  # fmt: skip


def ce_activities(rng: random.Random, count: int) -> list[ActivityInfo]:
    """``count`` continuing-education activities, different while the bank lasts;
    about a third are technology-related, as the program's hours require."""
    pool = list(_CE)
    rng.shuffle(pool)
    activities = []
    for i in range(count):
        title, provider, amount, unit, technology, sets = pool[i % len(pool)]
        if not amount:
            amount = rng.choice((1, 1.5, 2, 3, 4, 6))
        if i >= len(pool):
            title = f"{title} (session {i // len(pool) + 1})"
        activities.append(
            ActivityInfo(
                title, provider, Decimal(str(amount)), Unit(unit).value, technology,
                sets,
            )
        )  # fmt: skip
    return activities


# --- The text banks -------------------------------------------------------------
#
# Episode banks, one per set: a line "N topic" starts competency N (the topic is
# how a candidate names it in a sentence); each "- " line starts an episode, and
# indented lines continue it. Episodes may use the words of ``_words``:
# {users}/{Users}, {user}, {boss}/{Boss}, {board}/{Board}, {community}, {place},
# {scheme}, {colleague}, {season}, {few}, {dozen}, {many}, {pct}.


def _competency_bank(text: str) -> dict[int, tuple[str, tuple[str, ...]]]:
    bank: dict[int, tuple[str, list[str]]] = {}
    number = None
    for raw in text.strip().splitlines():
        line = raw.strip()
        if not line:
            continue
        head = re.match(r"(\d+) (.+)", line)
        if head and not raw.startswith(" "):
            number = int(head.group(1))
            bank[number] = (head.group(2), [])
        elif line.startswith("- "):
            bank[number][1].append(line[2:])
        else:
            bank[number][1][-1] += " " + line
    return {n: (topic, tuple(eps)) for n, (topic, eps) in bank.items()}


def _items(text: str) -> tuple[str, ...]:
    """The "- " items of a block, continuation lines joined."""
    items: list[str] = []
    for raw in text.strip().splitlines():
        line = raw.strip()
        if line.startswith("- "):
            items.append(line[2:])
        elif line:
            items[-1] += " " + line
    return tuple(items)


def _evidence_bank(text: str) -> tuple[_EvidenceTemplate, ...]:
    """Evidence templates: "# kind[/layout] | title", "= " the phrase a narrative
    names it by, "@ " the numbers of the competencies it supports, "> " its
    description and "- " paragraphs (indented lines continue the description or
    a paragraph)."""
    templates = []
    for block in re.split(r"\n(?=# )", "\n" + text.strip()):
        block = block.strip()
        if not block:
            continue
        head, _, rest = block.partition("\n")
        kind, title = (part.strip() for part in head[2:].split("|"))
        kind, _, layout = kind.partition("/")
        phrase, description, paragraphs, competencies = "", "", [], ()
        for raw in rest.splitlines():
            line = raw.strip()
            if line.startswith("= "):
                phrase = line[2:]
            elif line.startswith("@ "):
                competencies = tuple(int(n) for n in line[2:].split(","))
            elif line.startswith("> "):
                description = line[2:]
                current = "description"
            elif line.startswith("- "):
                paragraphs.append(line[2:])
                current = "paragraph"
            elif line and current == "description":
                description += " " + line
            elif line:
                paragraphs[-1] += " " + line
        templates.append(
            _EvidenceTemplate(
                kind,
                layout,
                title,
                phrase,
                description,
                tuple(paragraphs),
                competencies,
            )
        )
    return tuple(templates)


_FOUNDATIONS = """
1 the mission and roles of a library in its community
- When {board} reviewed the library's long-range plan, I helped sort more than
  {many} comments from our community survey. Reading them showed me how many roles
  {place} plays at once: a quiet place to study, free internet access, a meeting
  room, and somewhere to ask for help without being judged. I summarized the
  comments by theme, and the summary went into the plan.
- A new volunteer asked me why {place} still mattered now that so much is online.
  I walked her through one ordinary shift: a job seeker printing a resume, a
  {user} researching family history, a tutoring group in the study room, a
  grandmother borrowing large-print books. By the end she could explain our
  mission statement in her own words, and she now gives that tour to other
  volunteers.
2 the ethics and values of the profession, including privacy and intellectual freedom
- A father once asked me which books his adult daughter had checked out. I
  explained politely that our policy and state law keep borrowing records
  confidential, even from family members, and offered to help him with his own
  question instead. Afterward I went over the Library Bill of Rights and the ALA
  Code of Ethics with {colleague}, a newer coworker, so she would know why we answer
  that way.
- A {user} complained about a book on a display and asked that it be removed. I
  listened, thanked them for telling us, and gave them our request for
  reconsideration form rather than taking the book down myself. I explained that
  {place} collects materials with many points of view so that people can decide
  for themselves, and that the request would be reviewed under our policy.
3 the roles of library support staff and other staff in libraries
- When I trained {few} new desk staff, I prepared a one-page chart showing which
  questions support staff answer directly and which go to a librarian, such as
  in-depth research or a challenge to a book. The new staff told me it helped
  them feel confident instead of guessing, and {boss} added the chart to our
  orientation packet.
- In a staff meeting about our service desk, I explained how support staff handle
  accounts, holds, directional questions and quick reference, while librarians
  take in-depth research and collection decisions. Writing it down helped us
  agree on when a question should be handed on, and hand-offs became smoother.
4 the responsibilities of and relationships among library departments
- When a batch of new books reached the shelves without spine labels, I traced
  the problem back through circulation, processing and acquisitions. I met with
  the processing assistant to understand her workflow, and we agreed on a
  checklist for shipments that arrive while she is on vacation. The problem has
  not come back.
- I spent a week shadowing technical services as part of cross-training. Seeing
  how orders are placed, received and cataloged changed the way I explain delays
  to {users} at the desk, because I now know where an item actually is when the
  catalog says it is on order.
5 the basic principles of reference, circulation, cataloging and collection development
- In a typical shift I touch all four areas. I answer quick reference questions,
  check materials in and out and place interlibrary loan requests, find items by
  their {scheme} call numbers, and pass purchase suggestions from {users} on to the
  selector. Knowing how the pieces fit lets me explain the whole system instead
  of one step of it.
- A {user} could not find a book the catalog showed as available. I checked the
  record and call number, searched the nearby shelves and the sorting carts, and
  finally marked the copy missing so it could be considered for replacement. I
  then placed an interlibrary loan request so the {user} did not leave empty-handed.
6 how libraries are governed and funded
- I attended {few} meetings of {board} last year, including the one where next
  year's budget was approved. I learned where our money comes from: local
  funding, some state aid, grants, and a Friends group that pays for most
  programs. I can now explain to {users} why some services depend on fundraising
  and who makes the decisions.
- Before a budget vote, {boss} asked staff to be ready for questions about the
  library's funding. I prepared a short fact sheet on where our money comes from
  and who approves the budget, and used it to answer questions at the desk
  accurately and without taking sides.
7 the value of cooperating with other libraries
- Our library belongs to a consortium that shares one catalog and a delivery van.
  When a {user} needed a title we did not own, I placed a request that arrived
  from a member library in {few} days. I keep a count of these requests, and last
  year our {users} borrowed more than {many} items from other libraries.
- When a neighboring library's building flooded, our staff agreed to honor their
  cards and take back their materials. I helped set up the procedure at our desk
  and explained it to their {users}. It showed me that cooperation also means
  people keep getting service when something goes wrong.
8 the value of professional development, certification and associations
- I joined my state library association {few} years ago and attended my first
  conference on a scholarship. I came back with ideas for our displays and with
  people I can still e-mail for advice. Working toward this certification is part
  of the same plan: I want my skills to be recognized and to keep growing.
- After a free webinar on serving job seekers, I shared my notes at a staff
  meeting, and we changed how we book computer time for people filling out
  applications. I keep a log of the training I take, so I can see what I have
  learned and plan what to take next.
9 practicing quality customer service
- A {user} arrived near closing time, upset because a fee was blocking her
  account and she needed to print a document for a job interview. I checked our
  policy, waived the small charge as I am allowed to, and helped her print before
  we locked up. She came back the next week to tell us she got the job.
- When our desk was short-staffed on a busy Saturday, I greeted every person in
  line and told them how long the wait would be. I answered quick questions
  first and asked those with longer requests whether they could wait a few
  minutes or be called back. Nobody left without help, and two people
  thanked us on a comment card.
10 communicating and promoting the library's values and services
- I wrote a short talk about {place}'s services for a meeting of a local service
  club and gave it with {colleague}. We brought card applications and signed up
  {few} new members that evening, and I wrote up the visit for our newsletter.
- I made a one-page guide for our volunteers explaining why we protect borrowers'
  privacy and what to say if someone asks who has a book checked out. The
  volunteers said it gave them words to use, and {boss} asked me to present it at
  the next volunteer orientation.
11 recognizing and responding to diversity in user needs
- Several {users} who speak Spanish at home were asking for help at the desk, so
  I helped gather our Spanish-language materials into one clearly labeled section
  and translated our most-used signs with a bilingual volunteer. Use of the
  collection grew, and more families now come to the desk with questions.
- A {user} with low vision was struggling at a public computer. I showed him how
  to enlarge the screen and use the built-in screen reader, and told him about
  our large-print and audiobook collections. He now comes in every week, and I
  added the steps to our desk notes so others can help the same way.
"""

_COMMUNICATION = """
1 the basic concepts of interpersonal relations, customer service and communication
- When I started at the desk I answered questions as fast as I could. A
  customer service workshop taught me to slow down, make eye contact and repeat
  the question back before answering. I now find out what a {user} really needs
  on the first try much more often.
- I noticed that {users} reacted better when I explained the reason behind a rule
  instead of only stating it. I started doing this deliberately, for example
  explaining that our computer time limit lets everyone have a turn, and
  arguments at the desk became rare.
2 upholding policies and decisions, and knowing when to make exceptions
- Our policy asks for a photo ID for a new card. A woman who had just moved into
  a shelter had none. I checked with {boss}, who confirmed that we could accept a
  letter from the shelter with a limit on the number of items, and I issued the
  card. I kept the purpose of the policy while making a reasonable exception.
- A {user} asked me to extend a laptop loan past closing because he had a paper
  due. Other people were waiting for laptops, so I explained the rule and found
  him a desktop computer and a way to save his work to his account. Keeping to
  the rule was fair to everyone in line, and he still finished his paper.
3 tools for resolving conflict
- Two {users} argued over a study room that both believed they had reserved. I
  separated the facts from the feelings, checked the booking system, showed them
  the record and offered the second person another room. I used the steps from a
  conflict-resolution training: listen, acknowledge, look at the facts, offer
  options.
- Two coworkers disagreed about how to split the weekend shifts. I suggested that
  each of us list our constraints and that we build the schedule together at the
  whiteboard. It took twenty minutes, and nobody felt overruled.
4 treating others with respect, fairness and consistency
- A regular {user} who is often loud and demanding came in on the same afternoon
  as a well-known member of {community}. I made sure both got the same time
  limit, the same answers and the same courtesy. Being consistent is what lets
  me apply our rules without seeming to play favorites.
- When I draw up the desk schedule, I rotate the busy evening and Saturday
  shifts among everyone, including myself, and post the schedule a month ahead.
  Coworkers have told me they appreciate that the hard shifts are shared fairly.
5 seeking, giving and accepting constructive feedback
- In my annual evaluation, {boss} told me my e-mails were too long. I asked for
  examples, rewrote two of them with that advice, and now put the request in the
  first line. I also ask {users} how a program went with a short comment card,
  and I read every one.
- A new coworker, {colleague}, was sometimes short with callers. I asked if I
  could share an observation, described one call specifically, and suggested a
  phrase that had worked for me. She thanked me, and a few weeks later she asked
  for my feedback on a program she was planning.
6 resolving conflict productively and judging when to refer it to a supervisor
- A {user} became angry when told his card was blocked. I stayed calm, explained
  the charges and offered the payment plan our policy allows. When he began
  shouting, I ended the conversation politely and called the person in charge,
  as our procedure says. Knowing where my role ends is part of handling conflict
  well.
- Two volunteers kept clashing over how to sort donated books. I met with both,
  we agreed on a simple sorting guide, and I checked in a week later. When one of
  them later complained about something outside my authority, I passed it on to
  {boss} with a short written summary.
7 choosing the most appropriate medium and techniques for communicating
- When our holiday hours changed, I used a different medium for each audience:
  a sign at the desk, a post on our social media, an e-mail to program
  registrants and an announcement an hour before closing. Very few people
  arrived to find the doors locked.
- I had been e-mailing a coworker about a complicated shelving problem, and we
  kept misunderstanding each other. I realized a five-minute walk to the stacks
  would settle it, and it did. Now I use e-mail for records and schedules and
  talk face to face about problems.
8 considering the language, communication styles and needs of diverse users
- A grandmother who speaks Vietnamese came in to get a card for her grandson. I
  used short sentences, pointed to the form as I spoke and used a translation
  app for the address. I also gave her our card brochure in Vietnamese, which I
  had asked our system to print the year before.
- A {user} who is deaf came to the desk with a hearing friend. I spoke to him
  directly rather than to his friend, and when we needed more detail we typed
  back and forth on the screen so we could both read. He told me afterward that
  people rarely do that.
9 writing clearly, logically and concisely
- I rewrote our instructions for the self-checkout machines, which had grown to a
  full page. The new version has five numbered steps with pictures and fits on a
  card at each station. Questions at the desk about self-checkout dropped
  noticeably over the next month.
- I write the monthly desk report for {boss}. I learned to begin with the one or
  two things that need a decision, then give the numbers, and keep the whole
  report to one page. It is now read the day I send it.
10 listening effectively and passing information on accurately
- A {user} asked for a book about "the war with the horses." Instead of guessing,
  I asked a few questions and listened, and it turned out he wanted a history of
  the cavalry in the Civil War for his grandson's school project. Listening for
  the real question saved us both time.
- When I take phone messages for coworkers, I write the caller's exact words, read
  the number back to the caller and note the date and time. After a program
  registration was almost lost through a vague message, our desk adopted the
  message form I use.
11 identifying the critical issues to communicate in complex situations
- When our library changed its integrated library system, staff received dozens
  of pages of instructions. I helped {boss} pick out the five changes that would
  affect the desk on the first day and made a one-page guide. Everything else
  could wait until the second week.
- When a water leak closed part of {place}, I had to brief the staff arriving for
  the evening shift. I kept to three things: which areas were closed, what to
  tell {users}, and whom to call. The details could wait for the next staff
  meeting.
12 using appropriate strategies to deliver difficult or sensitive information
- I had to tell a long-time volunteer that his shifts would be reduced during a
  renovation. I did it in private, explained the reason first, told him what
  would not change and gave him a date when we would review the schedule. He was
  disappointed but thanked me for being direct.
- A {user} asked about a lost book, which turned out to be an expensive
  replacement. I explained the charge away from the line, described the options,
  including our payment plan, and wrote the information down so the {user} did
  not have to remember it.
13 using approachable and welcoming behavior with all users
- I make a point of looking up and greeting everyone who approaches the desk,
  even when I am in the middle of a task. I also moved a book truck that blocked
  the view of the entrance. {Users} who used to hesitate now come straight over
  with their questions.
- Teenagers in our building were often treated as a problem. I learned the names
  of the regulars, asked what they were reading and playing, and invited them to
  suggest a display. Complaints about noise went down, and {few} of them now
  volunteer.
14 anticipating users' needs in order to improve services
- During tax season I heard the same questions every day about forms and
  printing. Before the next season I set up a display of forms, a list of free
  tax-help sites and a printing guide, and trained the desk on them. Questions
  became quicker to answer and {users} were less frustrated.
- I noticed how often {users} asked to borrow phone chargers. I suggested a
  charging station near the study tables, which {boss} approved from the
  supplies budget. It is now one of the most-used things in the building.
15 the basic concepts of teamwork
- Our {few}-person circulation team used to work separately by shift. For the
  annual book sale we agreed on roles, a shared checklist and a ten-minute
  meeting each morning. We finished setting up a day early and the sale raised
  more than the year before.
- In a teamwork workshop I learned that new teams go through stages, often
  called forming, storming, norming and performing. It helped me understand why
  our new desk team argued during its first month and settled down once we had
  agreed how to share tasks.
16 the basic concepts of effective decision-making
- When we had to choose a new location for the holds shelf, I listed the options
  and the criteria that mattered: privacy, staff reach and access for {users}. I
  asked coworkers to score each option. Once it was written down the choice was
  clear, and nobody felt the decision was arbitrary.
- Our team had to decide whether to stay open during a snowstorm. I gathered what
  we needed to know: the road report, who could get in, and what other libraries
  nearby were doing. {Boss} made the call in minutes because the information was
  all in one place.
17 participating effectively on teams and committing to agreed goals
- I served on our summer reading committee. My part was registration: I set up
  the sign-up forms, trained the desk and reported the numbers each week. We had
  agreed on a goal of {many} participants and reached it by the end of July.
- Our team set a goal to shelve every returned item within one day. I took on the
  early shelving before opening twice a week, and {colleague} took the evenings.
  Within a month we met the goal, and we have mostly held it since.
18 promoting communication and respect among team members
- Our day and evening staff rarely saw each other and blamed each other for
  unfinished tasks. I started a shared shift log in which each shift notes what
  is done and what is pending. Within weeks the notes became friendlier and fewer
  tasks fell through the cracks.
- In meetings I noticed that newer staff rarely spoke. I suggested we share the
  agenda ahead of time and go around the table once before open discussion. One
  of our part-time pages proposed a new shelving route that we adopted.
19 giving timely, accurate and candid information to supervisors and peers
- When I realized I had made a mistake in a batch of hold notices, I told {boss}
  right away, explained what had gone wrong and proposed a fix. We sent corrected
  notices that afternoon. Being quick and honest kept a small error from becoming
  a bigger one.
- A public computer kept freezing and {users} were losing their work. I reported
  it to our technology contact with the machine number, the times it happened and
  what people were doing, and told the desk staff so they could steer people to
  other stations until it was fixed.
20 gathering the best available information to support decisions
- Before we changed our Sunday hours, I pulled door counts and checkouts by hour
  for the past year and compared our hours with two nearby libraries. The data
  showed the last hour was the quietest, so the change was made with evidence
  behind it.
- When we were choosing a new printing system, I called three libraries that used
  the vendors we were considering and asked what they liked and what they would
  change. Their answers helped us choose the system that handled payments best.
21 collegial decision-making and supporting the decisions of the team
- Our team decided to move the new-books display away from the entrance, which I
  had argued against. Once it was decided, I helped move it and explained the
  reasons to {users} who asked. After a month the checkout numbers showed it
  worked better than I had expected.
- At a staff meeting we discussed whether to start a weekly curbside pickup. I
  raised my concerns about staffing, we agreed on a trial with a review after two
  months, and I then took my turn on the schedule without complaint. The review
  led to small changes and the service continued.
22 communicating information or data in an understandable format
- I turned our monthly circulation spreadsheet into a simple chart for {board},
  showing checkouts by format over the year. The chart made it easy to see that
  e-books and audiobooks were rising while DVDs were falling, which started a
  useful conversation about the materials budget.
- For our summer reading report I replaced a page of numbers with three simple
  graphs and a short paragraph under each: registrations by age, books read by
  week, and attendance at events. {Boss} used the graphs in the presentation to
  {board}, and the board asked for the same format the next year.
"""

_TECHNOLOGY = """
1 the general trends and developments of technology in library services
- I follow a few library technology newsletters, including my state library's.
  When I read about libraries lending mobile hotspots, I shared the idea with
  {boss}. We started with {few} hotspots the next year, and they have had a
  waiting list almost every month since.
- Over my years at {place} I have seen services move online: e-books, online card
  registration, remote access to databases and text-message notices. I keep a
  list of these changes for new-staff orientation, so new coworkers understand
  that much of the library is now used from home.
2 technology's role in creating, retrieving and delivering library resources
- A {user} could not see an e-book she had placed on hold and thought the app was
  broken. I explained that we license a set number of copies from the vendor,
  just as we buy a set number of print copies, and showed her where she was in
  the queue. Understanding how the license, the catalog and the vendor's platform
  fit together let me answer her properly.
- I helped scan our local history photographs and enter their descriptions into
  the digital collection. The project showed me how technology lets a library
  create new resources and not only deliver the ones it buys; within a year the
  photographs had been viewed more than {many} times.
3 the library's role in introducing the public to technology, including assistive tools
- I helped plan a series of beginner smartphone classes for older adults. We
  taught {few} sessions and {dozen} people came to at least one. Several told us
  they had nowhere else to learn without feeling rushed, so we now hold the
  series twice a year.
- When we received a video magnifier and screen-reading software through a state
  grant, I learned to use them and wrote a short guide for the desk. I then
  demonstrated them to a local support group for people with low vision, so that
  people who needed them would know they were there.
4 the basic computer operations needed for library software and productivity tools
- Every day I use our integrated library system, e-mail, a spreadsheet for
  statistics and the shared drive. When our office moved to a new office suite, I
  helped two coworkers find their files and format documents, and made a
  one-page sheet of the shortcuts we use most.
- I built a spreadsheet to track program attendance, with a tab for each month
  and formulas for the totals. It replaced our paper tally sheets and made the
  annual report much faster to prepare.
5 basic networking technologies and protocols
- When {users} cannot connect to our wireless network, I check whether the
  problem is the device, the network name or the sign-in page. I can explain the
  difference between our public and staff networks, and I restart the access
  point when our technology contact asks me to.
- In a workshop on library networks I learned the basics of IP addresses, routers
  and how our catalog reaches the vendor's servers. It helped me give our
  contractor useful details when the catalog was down, instead of only saying
  that it did not work.
6 basic data security principles and the confidentiality of user activities
- I noticed that the public computers were not always clearing the previous
  session. I reported it and helped test the reset software after it was
  repaired. I also remind staff never to leave a {user}'s record open on the
  circulation screen.
- After our training on phishing, I recognized a fake e-mail asking staff to
  "verify" their passwords and reported it before anyone clicked the link. I use
  separate, strong passwords and lock my screen whenever I step away from the
  desk.
7 the appropriate use of technology by different user groups
- Our public computers are used by job seekers, children doing homework and
  people applying for benefits. I helped set up separate time limits and a
  children's area with filtered computers, as our policy requires, while adults
  can ask for unfiltered access.
- I helped write a guide for parents about the children's computers, explaining
  what the filters do and what they cannot do. It led to good conversations with
  parents about how their children use the internet at home.
8 adapting to changes in technology
- When {place} moved to a new integrated library system, I volunteered to be a
  "super user" for circulation. I attended the vendor's training, practiced on
  the test system and answered coworkers' questions during the first weeks. The
  change was stressful, but it made me much more confident.
- When our self-checkout machines were replaced, I learned the new system in a
  day by working through every screen and noting what had changed. I then stood
  near the machines for the first week to help {users} who were used to the old
  ones.
9 transferring what I learn in training into the workplace
- After a state library workshop on online job resources, I made a bookmark of
  the three best sites and trained the desk staff at the next meeting. Within a
  month we were using those sites with job seekers every week.
- I took an online course on spreadsheets and used it to rebuild our statistics
  workbook so the totals update themselves. I wrote a short guide so that
  everyone enters their numbers the same way.
10 helping users with equipment, the internet and library services from home
- I hold drop-in technology help hours on Tuesday afternoons. Last month I helped
  {users} download e-books to their phones, set up e-mail, scan documents and
  print from their laptops. I keep a tally of the questions to decide which
  handout to write next.
- A {user} who had moved across the county wanted to keep using our databases. I
  showed him how to sign in from home with his card number, where the databases
  are on our website, and whom to call if the sign-in fails.
11 using the library's catalog, core databases and internet search engines
- A {user} needed reliable information after a diabetes diagnosis. I searched our
  catalog for recent books, used a health database for articles in plain language
  and showed her how to recognize trustworthy websites. She left with {few}
  sources she could trust.
- A {user} found nothing in the catalog on "home schooling." I showed him how to
  try other terms and follow the subject links, then searched a database for
  articles and used a search engine to find local support groups.
12 basic troubleshooting of technical problems and referring those I cannot solve
- When a public printer stops working, I follow the checklist I wrote: check the
  print queue, the paper and the connection, then restart. If that fails, I log
  the problem and call our technology contact. Most problems are fixed in minutes,
  and the rest reach the right person with good notes.
- When the receipt printer at the circulation desk stopped printing, I checked
  the cable, the paper roll and the settings, and found that an update had changed
  the default printer. I fixed it and added the fix to our troubleshooting log.
13 assistive technologies that give all users equitable access to technology
- We have one public computer with screen magnification, a screen reader and a
  large-key keyboard. I learned to use each of them and showed a {user} with
  macular degeneration how to enlarge the catalog's text. I also had the desk
  raised so that it works for a wheelchair.
- A {user} who is hard of hearing asked about our programs. I found out that our
  meeting room has a hearing loop, showed her how to use it with her hearing aid,
  and added a note about it to our program flyers.
"""

_ACCESS = """
1 classification and organization schemes for collections
- Our nonfiction is shelved by {scheme} call number, while graphic novels and
  DVDs are shelved by title. When I train new pages, I start with how the call
  number works, from the main class to the letters at the end. They make far
  fewer shelving errors since I began teaching it this way.
- When {users} ask why a book is where it is, I explain how the {scheme} call
  number groups materials on the same subject together, and I show them the
  signs at the end of each range. Several have told me they now browse the
  shelves on their own.
2 the processes for circulating library materials
- I handle every step of circulation: registering {users}, checking items out and
  in, placing holds, renewing, sending notices and dealing with lost items. When a
  {user} asks why a hold is taking so long, I can show where they are in the
  queue and when the copy is due back.
- I wrote a short guide for new desk staff showing how an item moves through
  circulation: from the return bin to check-in, to the holds shelf or the sorting
  carts, and back to the shelves. New staff said it made the whole system make
  sense.
3 the systems supporting circulation and interlibrary loan
- I use our integrated library system every day for circulation and the state's
  interlibrary loan system for requests to other libraries. I learned how the two
  connect: a request I place creates a temporary record in our system, so the
  borrowed item can be checked out like one of our own.
- When our system changed its notices from mail to text messages, I helped test
  the settings and explained to {users} how to sign up. I now check the notice
  report each morning for messages that failed to send.
4 copyright issues in reserves, document delivery and interlibrary loan
- An instructor asked us to copy a whole textbook for course reserves. I explained
  that we could put the library's copy on reserve, or scan a single chapter under
  fair use, but not copy the entire book. I also keep records of interlibrary
  loan article requests so that we stay within the copyright guidelines.
- I process interlibrary loan requests for articles, which means sending the
  copyright notice with each copy and counting requests from the same journal.
  When we reached the limit for one journal, I told {boss}, and we arranged to
  pay the publisher's fee for further articles.
5 user privacy in library services
- Our holds shelf used to show each {user}'s full name. I suggested that we label
  holds with the first four letters of the last name and the last digits of the
  card number, and the change was made. I also remind staff never to read a
  {user}'s checkouts aloud at the desk.
- A police officer came to the desk asking who had used a public computer the
  day before. I followed our procedure: I gave no information, called {boss}, and
  explained that a court order would be needed. Our policy and state law protect
  library records, and I knew exactly what to do.
6 the policies and procedures for resource sharing among libraries
- I manage our interlibrary loan requests. I know which materials other libraries
  will lend and which they will not, how long loans last and what happens when a
  borrowed item is lost. Last year I handled about {many} requests.
- A {user} asked to borrow a book that only a library in another state owned. I
  explained our policy on fees and loan periods, placed the request through the
  national system, and let her know the lending library would not allow renewals.
7 the principles of security for people, equipment and collections
- During our fire drills I am responsible for checking the restrooms and study
  rooms before joining the others at the meeting point. I also helped {boss}
  review where our security cameras point, so that they protect the building
  without recording what {users} are reading.
- When the security gates alarmed several times for the same {user}, I handled it
  quietly and politely, found that a book had not been desensitized and fixed it.
  I then went over our procedure for gate alarms with the desk staff.
8 proposing and explaining access services policies and procedures
- I proposed that we stop charging overdue fines on children's materials after
  reading about other libraries' results. I gathered our numbers on blocked
  children's cards and presented them to {boss}. The change was approved, and I
  explained it to {users} and to the staff.
- I wrote the procedure for lending our new laptops: who may borrow them, for how
  long, how they are checked on return and what happens if one is damaged. I
  presented it at a staff meeting and answered the questions that came up.
9 providing quality customer service to library users
- A {user} was sure he had returned a book the system showed as overdue. I checked
  the shelves, the carts and the return bin, found it, and cleared his record
  with an apology. Since then I make sure the bin is emptied and checked in the
  same day.
- A family arrived just after a busy program had filled up. I offered them the
  next session, showed the children where the picture books are, and gave the
  parents our calendar. They stayed for an hour and signed up for the following
  week.
10 managing people with diverse needs, diverse situations and emergencies
- When a {user} had a seizure in the reading room, I called 911, moved the
  furniture away, timed the seizure and kept other people back until the
  paramedics arrived, as our first-aid training taught. Afterward I wrote the
  incident report.
- A man who seemed confused and was not dressed for the cold came in at closing.
  I stayed calm, offered him a chair and called the local crisis line, which sent
  someone to help. I reported the incident to {boss}, and our emergency
  procedure now lists that number.
11 performing financial transactions and keeping records
- I take payments for fees, printing and lost items and balance the cash drawer
  at the end of my shift. When the drawer was short one day, I traced the error
  to a refund entered twice and corrected it with my supervisor. I keep the daily
  reports in order for the auditors.
- I reconcile the printing and copying payments each week and prepare the deposit
  for the finance office. I also record each fee we waive and the reason, so
  {boss} can report the totals.
12 maintaining collections by shelving, shifting and shelf reading
- I planned the shift of our adult nonfiction when new shelving arrived. I
  measured each range, worked out how much space each section needed and marked
  where each would go. It took {few} days with two pages, and no books ended up
  out of order.
- I schedule shelf reading so that every section is read each month, and I train
  the pages to read call numbers carefully. Last year we found {dozen} items
  marked missing and {many} misshelved ones, so {users} can find what the catalog
  says we own.
13 identifying materials for preservation or replacement
- While checking in, I pull items with broken spines, loose pages or water damage.
  I repair what can be mended and send the rest to the selector with a note on
  whether the title is still in demand. Last year I repaired about {many} books.
- I ran a report of items that had circulated more than {dozen} times and checked
  the condition of each one, so the selector could decide which popular titles to
  replace before they fell apart. We replaced {few} of them and repaired the rest.
14 managing technologies and equipment for resource sharing, reserves and user services
- I look after our self-checkout machines, receipt printers, scanners and lending
  laptops. I keep a log of problems, restock paper and make sure each laptop is
  charged and reset before it goes out again.
- I set up our reserves in the system each term, scan the chapters that go on
  electronic reserve and check that every link works before the first day. When
  a link broke mid-term, I had it fixed within the hour.
15 troubleshooting circulation and resource-sharing problems
- A {user} had returned an interlibrary loan book that the lending library still
  listed as checked out. I traced the shipment, found it had been put in the wrong
  delivery bin and arranged for it to be sent on. I then added a line to the
  delivery checklist.
- Holds kept arriving at the wrong pickup location. I found that a location code
  had changed during an update and reported it to our system administrator with
  examples. It was fixed the same week.
16 collecting and reporting data on collections and services
- I compile our monthly statistics: checkouts, holds, interlibrary loans, door
  counts and computer sessions. I keep them in a shared spreadsheet with a chart,
  and {boss} uses them for the reports to {board} and the annual state report.
- I ran a two-week count of the questions asked at the desk, sorting them into
  directional, technology and reference questions. The results showed we needed a
  second person at the desk in the afternoons, and the schedule was changed.
"""

_READERS_ADVISORY = """
1 the library's collection and where materials are by type and genre
- I know where each genre is shelved, which mysteries sit in general fiction, and
  where the large print, audiobooks and graphic novels are. When a {user} asked
  for a cozy mystery on audio, I walked her to the right shelf instead of
  pointing, and found two more by the same narrator.
- I helped add genre labels to our fiction: mystery, romance, science fiction,
  fantasy and westerns. I now explain the labels to {users} who are browsing and
  show them how to limit a catalog search by genre.
2 popular and classic fiction, its authors and genres, and current nonfiction
- I read across genres, including ones I would not pick for myself, and keep a
  notebook of titles I can recommend. When a {user} who loves historical fiction
  asked for something new, I could suggest a recent bestseller and an older
  classic, and she took both.
- I keep up with new fiction and nonfiction through review journals and
  bestseller lists. When a {user} asked for "the book everyone is talking about,"
  I could name it, place a hold and suggest {few} similar titles that were on the
  shelf that day.
3 popular and classical music, performers and composers
- A {user} wanted music for her grandmother's ninetieth birthday: songs from the
  1940s. I found a big-band collection and an anthology of popular songs from
  the decade on CD, and showed her the same recordings on our streaming service.
- A {user} asked for quiet classical music to study by. I suggested Bach's cello
  suites and Debussy's piano works, explained that our CDs are filed by composer,
  and showed her the classical section of our streaming service.
4 films, directors and actors in different genres
- A {user} who had enjoyed one film noir asked for more. I suggested {few}
  classics from the 1940s, including Double Indemnity, and two recent films in the
  same style, and showed him how our DVDs are arranged.
- I help choose the films for our monthly movie afternoon. I check the licensing,
  and I write a short introduction about the director and the actors that I read
  before the screening. Attendance has grown to about {dozen} people a month.
5 online and print readers' advisory tools and reviewing sources
- I use NoveList, the review journals {place} subscribes to and a few reliable
  book blogs. When a {user} had read everything by one author, I used NoveList to
  find authors with a similar appeal and gave her a short list to try.
- I know the main sources of reviews: the trade journals, readers' advisory
  databases and the annual lists of the library associations. I used the lists
  of award winners to build a display that emptied in its first week.
6 formats for people with disabilities affecting vision, hearing or understanding
- A {user} whose eyesight was failing thought she would have to give up reading.
  I introduced her to large print, audiobooks on CD and in our app, and the
  state's talking-book program, and helped her apply. She now borrows {few}
  audiobooks a month.
- A {user} with a learning disability asked for books for adults that were easy
  to read. I found our high-interest, easy-reading titles, and suggested graphic
  novels and reading an audiobook along with the printed book.
7 using online and print readers' advisory tools
- A {user} asked for books like one she had loved about a family farm. I searched
  NoveList by appeal terms such as "gentle" and "character-driven" and found {few}
  titles. She left with two and a list for later.
- A {user} had finished a long fantasy series and did not know what to read next.
  I used a readers' advisory database to find series with a similar world and a
  strong heroine, checked the reviews, and placed holds on the first books of two
  of them.
8 describing the plot and appeal of a book, film or other media briefly
- I practice short "book talks" of two or three sentences for our staff picks. For
  a popular thriller, I say in one sentence what the story is about and in
  another what makes it appealing: the fast pace and the twist at the end.
- A {user} asked whether a film would suit her teenage son. I described the story
  in a few sentences without spoilers, said what made it gripping, and explained
  why it carried the rating it did.
9 finding out users' interests and connecting them with similar works
- A {user} told me he liked "books where someone is stranded." I asked what he
  enjoyed most, the survival details or the people, and he said the details, so I
  suggested a true account of a shipwreck and a science-fiction novel about a
  stranded astronaut. He came back for more.
- When a {user} asks for more books like one she has just finished, I ask what she
  liked about it: the setting, the characters or the humor. Last {season} that
  question led one reader from a Scottish mystery to {few} other series with the
  same small-town setting.
10 recommending without judgment
- A {user} seemed embarrassed to ask for romance novels. I talked about them with
  the same enthusiasm as any other books, showed him the new ones and mentioned
  authors I like. He is now one of our most regular borrowers.
- I have learned to respect every reader's taste. When a {user} asked for more of
  a series I do not enjoy, I kept my opinion to myself and found her two more in
  the same style.
11 selecting materials from the collection in response to users' questions
- A book club asked me for a title that would be good for discussion and that we
  owned in enough copies. I looked for books with strong themes and found one
  with a book club kit of {dozen} copies, and reserved it for the group.
- A {user} asked for "something funny for a hospital stay." I chose three short,
  light novels and a collection of humorous essays from our shelves and checked
  them out for a longer loan.
12 helping users find specific titles in their preferred format
- A {user} wanted a particular novel on audio for a long drive. We did not own the
  CD, so I found it in our e-audiobook collection and helped him download it to
  his phone before he left.
- A {user} asked for a novel in large print. I searched the catalog, placed a hold
  on a copy at another library in our system and showed her how to limit her
  searches to large print.
13 developing, promoting and running programs based on the collections
- I started a monthly book discussion group. I choose the titles with the group,
  borrow copies through interlibrary loan, prepare questions and promote the
  group on our website and in the newsletter. It now has {dozen} regular members.
- I helped plan our adult summer reading program. I designed the reading log,
  chose prizes with the Friends of the Library and hosted the closing party.
  {many} adults took part, more than the year before.
14 compiling resource lists and displays by genre, period, subject or author
- I create monthly displays on themes such as "Armchair Travel" and "Books into
  Movies," each with a printed booklist to take home. Items from the displays
  circulate quickly, so I keep a cart of replacements nearby.
- For our state's anniversary I compiled an annotated list of novels set in the
  state, from classics to recent bestsellers, with one sentence on each. {Boss}
  had it printed for the desk and posted on our website, and the titles on it were
  checked out steadily for months.
15 suggesting additions to the collection based on trends in requests and borrowing
- I noticed many holds on cozy mysteries and on Korean television dramas. I pulled
  a report of the holds and sent it to the selector with a list of titles, and
  {few} of my suggestions were ordered.
- I keep track of requests and interlibrary loans for titles we do not own. When
  I saw repeated requests for audiobooks in Spanish, I suggested a small
  collection, and it was added the following year.
"""

_CATALOGING = """
1 the functionality of integrated library systems
- I work in the cataloging and circulation modules of our integrated library
  system. I understand how a bibliographic record, its item records and a
  {user}'s account are linked, which helps me fix problems, for example when a
  copy shows as available but is really missing.
- When we moved to a new system, I helped test how records came across from the
  old one. I checked {dozen} sample records and reported problems with item types
  and locations before we went live.
2 the basic print and online tools for cataloging
- I use the online cataloging rules, Library of Congress Subject Headings, the
  {scheme} schedules and OCLC's Bibliographic Formats and Standards. When I am
  unsure about a field, I look it up rather than guess.
- I keep a short guide to the tools I use, with our local practices noted beside
  each. When a new coworker started in cataloging, I went through the guide with
  her over {few} afternoons.
3 the basics of MARC format and cataloging rules
- I know the main MARC fields: 020 for the ISBN, 100 for the author, 245 for the
  title, 264 for publication, 300 for the physical description and the 6XX fields
  for subjects. When I catalog, I check that the record follows the current
  rules.
- After an online course on RDA and MARC, I can read a record and see when it
  does not follow the rules, for example when the statement of responsibility is
  missing or the publication date is in the wrong field.
4 the basics of classification and organization schemes
- I assign {scheme} call numbers to new books according to their main subject. When
  two libraries had classed the same book differently, I chose the number that
  fit our collection and noted the decision for next time.
- I helped decide whether our graphic novels should be classed with cartoons or
  shelved in their own section. We chose a separate section, and I updated the
  records so the catalog shows the new location.
5 the basics of subject headings
- When I catalog a book, I check that its subject headings match Library of
  Congress Subject Headings and add a local heading where we need one. I corrected
  the headings for a local history series so {users} can find all of its volumes
  together.
- I learned how subject headings are built with subdivisions, such as "Cooking,
  Italian" or "Gardening--Arizona." When a {user} could not find books on a topic,
  I showed him how to follow the subject heading instead of a keyword.
6 the value of cooperating with other libraries in cataloging
- We share a catalog with the other libraries in our consortium, so a record I
  add serves all of them. I follow the consortium's standards and attend its
  cataloging meetings to learn how others handle difficult records.
- When I find an error in a shared record, I correct or report it under the
  consortium's rules, so every library benefits. Last {season} I found {few}
  records for the wrong edition and fixed them for everyone.
7 using bibliographic utilities
- I search WorldCat for records for our new materials. I choose the best record by
  checking the ISBN, edition, publisher and number of pages against the book in
  hand, and prefer full records from national libraries. Last month I imported
  about {many} records this way and only had to create {few} from scratch.
- I use our state's shared database and WorldCat to find records. When a new
  cookbook had two records, I compared them field by field and chose the one with
  correct subject headings and a complete physical description. I have learned to
  tell a full record from a poor one before I import it.
8 using the cataloging functions of integrated library systems
- I use our system's cataloging module to import records, add item records with
  barcodes and locations, and correct errors. Each month I also run a report of
  records with missing call numbers or locations; last month it found {few} items
  that {users} could not have found on the shelf.
- New DVDs were often given the wrong loan period because each item record was
  typed by hand. I created templates in our cataloging module for DVDs and
  audiobooks, so the item type, loan period and location are set correctly each
  time. Errors on new media dropped almost to none.
9 basic copy cataloging, including reviewing and editing cataloging records
- I copy-catalog about {many} items a month. For each I check the record against
  the item in hand: title, edition, pages, ISBN and subjects, and I adjust the
  call number to fit our collection. Last month I found {few} records for the
  wrong edition and fixed them.
- I catalog DVDs, which often come with poor copy records. I check the running
  time, the rating, the languages and subtitles against the case, and add the
  director and main cast when they are missing, because {users} often search for
  films by actor.
10 explaining the library's classification scheme and helping others find resources
- {Users} often got lost in our stacks because the ranges had no signs. I explain
  our call numbers to anyone who asks, and I made a sign for the end of each range
  showing its {scheme} numbers and the subjects they cover. Questions about where
  to find things dropped noticeably afterward.
- I trained our pages and volunteers on how our call numbers work, using practice
  cards they put in order at the table before shelving real books. Shelving errors
  found in shelf reading fell, and several volunteers now help {users} find books
  on their own.
"""

_COLLECTION = """
1 the functionality of integrated library systems in acquisitions
- I use the acquisitions module of our integrated library system to place
  orders, receive items and track the budget. When an order is received, the
  system creates item records for cataloging, so I check that the information is
  right before they move on.
- Each spring I run a report from our system of items with no checkouts in three
  years, sorted by call number and with the date each was added. The selectors use
  it when they weed, and last year it covered {many} items. I added a column for
  condition after they told me it would save them a trip to the shelf.
2 the general purpose of collection management in libraries
- I learned that collection management means building a collection that fits
  {community}, not only buying new books. Our collection development policy says
  what we buy, what we keep and what we withdraw, and I refer to it when {users}
  ask why we do or do not own something.
- A {user} asked why we had discarded some old books. I explained that keeping the
  collection current and in good condition serves everyone, and showed her where
  to find the older titles through interlibrary loan.
3 the principles of selecting and discarding library materials
- I help select for our DVD and audiobook collections. I use reviews, circulation
  data and requests from {users}, within our collection development policy. When
  I weed, I use the CREW method and its MUSTIE criteria: misleading, ugly,
  superseded, trivial, irrelevant, or available elsewhere.
- I helped weed the health and medicine section, removing anything older than
  five years unless it had lasting value. We replaced the most-used titles with
  new editions, and checkouts in that section rose by about {pct} percent.
4 the principles of ordering, processing and claiming materials
- I place orders with our main vendor, receive the shipments, check them against
  the invoice and claim items that do not arrive. Last year I claimed {dozen}
  items, and all but two were received; those two were out of print, so I found
  copies from another supplier.
- I process new books: stamping, labeling, covering and attaching barcodes. The
  desk kept finding books with labels in the wrong place or missing barcodes, so I
  wrote a checklist so that every item is processed the same way. Those errors
  have almost disappeared.
5 the publishing industry and vendors of materials, supplies and services
- I work with several vendors: our main book jobber, a media vendor, a supplier
  of processing materials and an e-book platform. I know what each offers, their
  discounts and whom to contact when something goes wrong.
- I learned how publishers release a title in hardcover, paperback and e-book
  formats and how that affects when we buy and in which format. It helped me
  answer {users} who ask why a book is available as an e-book before the
  paperback.
6 the value of cooperating with other libraries in building collections
- Our consortium shares some expensive resources, such as databases and
  multi-volume reference sets. I helped compare our holdings with a partner
  library's so that we do not both buy the same costly titles, and we agreed which
  of us would keep each one current.
- When we weed, I check the shared catalog to see whether other libraries in our
  area still own a title before we discard what may be the last copy nearby. Last
  {season} this kept us from withdrawing {few} local history titles that no one
  else held; we moved them to storage instead.
7 the principles of preserving library materials
- I learned that heat, humidity, light and handling are the main threats to
  library materials. Our local history collection sat beside a sunny window, and
  some of the older pamphlets had faded badly. I helped move the collection to an
  inside wall and rehoused the most fragile items in acid-free folders and boxes.
- I keep the temperature and humidity log for our local history room and report
  when readings fall outside the recommended range. After two weeks of high
  humidity one summer, I reported it with the readings, and {boss} had the
  dehumidifier repaired before any mold appeared.
8 using standard sources for collection development and procurement
- I use review journals, bestseller lists and vendor catalogs to suggest titles.
  When I select for our DVD collection, I compare the reviews with our holds
  report, so we buy extra copies of the films people are already waiting for. Last
  year {few} of the titles I suggested were among our most borrowed.
- Before placing an order I use our vendor's website to check availability,
  formats and prices, and for expensive sets I compare the vendor's discount with
  the publisher's own price. For one reference set, buying directly from the
  publisher saved us about {pct} percent, and I noted the source in the order
  record for next time.
9 verifying, ordering and receiving materials and accounting for what we spend
- Before placing an order, I search our catalog for duplicates and verify the
  ISBN and edition. When the shipment arrives, I check it against the invoice,
  resolve errors with the vendor and record the expense in our budget
  spreadsheet.
- When we received {few} copies of a book we had ordered only once, I checked the
  order record to confirm the mistake was the vendor's, contacted their customer
  service, and arranged the return with a prepaid label. I then checked the next
  invoice to make sure we were not billed for the extras.
10 preparing library materials accurately
- I prepare new materials for the shelves: labels, barcodes, security strips and
  covers. I follow our processing manual so that every item looks the same and can
  be found where the catalog says. When I found that two labels in the manual were
  out of date, I updated them with {boss}'s approval.
- I process DVDs and audiobooks, which need locking cases, disc labels and a count
  of the discs on the case. When a volunteer offered to help, I trained her with
  the checklist I wrote and checked her first {dozen} items with her. She now
  processes most of the new media.
11 maintaining the collection with standard preservation techniques
- I repair books with torn pages, loose hinges and broken spines, using archival
  tape, glue and book cloth. I learned these techniques in a workshop from our
  state library and now spend an hour on repairs every week. A well-loved picture
  book I rehinged last year has circulated {dozen} more times since.
- Scratched discs were our most common complaint about DVDs. I learned to use our
  disc repair machine, clean and test each returned disc that a {user} reports,
  and replace broken cases. Last year I saved about {many} discs from being
  withdrawn and replaced.
12 standard methods for rebinding and storing materials
- I prepare books for our commercial bindery. I decide which books are worth
  rebinding rather than replacing, based on their condition, cost and whether a
  new copy is still in print, fill in the binding slips and track the shipment.
  Last year we rebound {dozen} books, mostly out-of-print local titles.
- When we reorganized our workroom, I made sure our oversized books are stored
  flat rather than on their spines, our maps are kept in map drawers with
  interleaving paper, and the local history photographs are in archival sleeves. I
  labeled the drawers so that staff put each item back in the right place.
13 decisions on weeding, retention and replacement
- I ran a report of items not checked out in three years and checked each for
  condition and currency. I recommended which to weed, replace or keep, and the
  librarian made the final decisions.
- When we weeded our fiction, I recommended replacing worn copies of popular
  classics that are assigned in local schools every year, and keeping our local
  history titles even though they rarely circulate, because no other library
  nearby owns them. The librarian accepted both recommendations.
14 the library's policy for accepting gifts of materials
- When a {user} wanted to donate boxes of books, I explained our gift policy: we
  welcome donations but decide which to add to the collection, and the rest go to
  the Friends' book sale. I gave her a receipt for the number of items, not their
  value.
- I sort donated books each week using our gift policy. I check each item's
  condition, search the catalog to see whether we need the title, and set aside
  anything that could replace a worn copy. Last year {dozen} donations were added
  to the collection and the rest raised money at the Friends' book sale.
"""

_REFERENCE = """
1 the general scope of the library's collections and its specialized collections
- I know where our collection is strong: local history, genealogy and a growing
  collection in Spanish. When a {user} asked about her family's history in the
  county, I could take her straight to our county records and show her the
  genealogy database we subscribe to.
- When I started, I spent a few minutes each shift learning one part of the
  collection. Now I can tell {users} what we own on a subject, what is in our
  special collections, and when it makes more sense to borrow from another
  library.
2 legal issues in reference services: privacy, confidentiality and copyright
- A {user} asked me for legal advice about a dispute with his landlord. I
  explained that I could help him find information but could not give advice,
  and showed him our state's legal self-help forms and the tenants' rights guide.
  I did not write down his name or his question.
- A {user} wanted to photocopy an entire book. I explained copyright and fair use
  in plain words, helped him copy the chapter he needed, and showed him how to
  request the whole book through interlibrary loan.
3 basic reference, information and community resources
- I use basic reference sources every day: encyclopedias, dictionaries, almanacs,
  our state's databases and local directories. I also keep a list of community
  services, such as food pantries, free clinics and legal aid, that I update
  twice a year.
- I put together a binder of local resources for job seekers, housing and health
  care, because {users} ask for this information every week. Last {season} I
  checked every entry by phone and removed {few} services that had closed.
4 classification and organization schemes for collections
- I know how our {scheme} call numbers are organized, which lets me go straight to
  a subject while a {user} is still explaining the question. When someone asked
  for books on training a puppy, I could walk to the right shelf and show them the
  related books on dog breeds and health nearby.
- A {user} looking for books on gardening had found only one shelf. I showed him
  how the {scheme} numbers spread related topics, such as landscaping, vegetables
  and houseplants, across nearby ranges, and he found what he needed.
5 the search methods and terminology of the catalog, website and other access tools
- I use the catalog's advanced search, its limits by format and date, and subject
  headings to help {users} narrow a search. A {user} looking for recent books on
  starting a small business had hundreds of results; limiting to the last five
  years and to the subject heading brought it down to {dozen} useful titles.
- Many {users} type a whole question into the catalog and get nothing. I show them
  how to search by author, title, subject or keyword, and what "place hold" and
  "in transit" mean in the results.
6 conducting effective reference interviews
- A {user} asked for "books on China." I asked open questions and learned she was
  planning a trip to Beijing and needed a travel guide and a phrasebook. The
  interview took a minute and saved her an afternoon.
- I use open questions, listen, and repeat the question back. When a {user} asked
  for information on "the environment," I found out he needed figures on air
  quality in our county for a report due the next day.
7 judging when referrals are needed and using referral procedures
- When a {user} needed detailed legal research for a family court matter, I showed
  him our basic legal guides but recognized that he needed more than we could
  give. I referred him to the county law library, called to check their hours and
  wrote down the name of the person to ask for.
- When a question goes beyond what I can answer, such as in-depth research for a
  local history book, I refer it to our librarian with a short note of what I have
  already searched and what the {user} needs. The {user} does not have to start
  over, and the librarian can pick up where I left off.
8 instructing users in basic research procedures
- I teach {users} to search the catalog, use our databases and find books on the
  shelves, usually one-on-one at the desk. Last {season} I also led a class on
  researching family history that {dozen} people attended, and several came back
  for help with their own research.
- I showed a {user} how to search a database for articles, limit the results to
  full text and e-mail the articles to herself. She came back a week later to show
  me the paper she had written.
9 using basic searching skills for print, non-print and digital resources
- I use keyword and subject searches, Boolean operators and limits to find
  information in print and digital sources. For a {user} researching a rare
  disease, I found current articles in a health database and a recent book in our
  collection.
- A {user} needed the text of a local ordinance on backyard chickens and a
  newspaper story about the debate over it from twenty years earlier. I found the
  ordinance on the city's website and the story on microfilm by searching the
  newspaper index, and printed both for him.
10 locally developed tools such as subject guides and FAQs
- I use our subject guides and our list of frequently asked questions to answer
  common questions quickly and consistently. When I found outdated links in two of
  the guides, I checked each link, found the new addresses and sent the
  corrections to the web editor.
- I wrote a subject guide on local history for our website, listing our
  collections, the county's records and the best online sources. It is now one of
  the most viewed pages on the site.
11 helping users choose resources and evaluate the quality of information
- I show {users} how to evaluate a website by checking who wrote it, when it was
  updated and why it exists. A {user} who had found conflicting information about
  a medication compared the sources with me and chose the one from a government
  health agency.
- A {user} needed sources for a paper and had only websites. I helped her choose
  between a database, a reference book and a news source by what her assignment
  asked for, and showed her how to check how current each one was.
12 identifying and locating information in all formats, including items not held locally
- I find information in books, databases, microfilm and online. When a {user}
  needed a book on the history of a local factory that we did not own, I found it
  in WorldCat, requested it through interlibrary loan and told her how long it
  usually takes to arrive.
- A {user} needed an article from a nursing journal we do not own. I confirmed the
  citation, searched our databases in case the full text was there, and when it
  was not, requested it through interlibrary loan. It arrived as a PDF within
  {few} days.
13 interpreting bibliographic records and citation formats
- I help {users} understand the citations in their reading lists. One {user} had
  been searching the catalog for a journal article by its title, so I showed her
  how to tell a journal article from a book chapter and how to find each one in
  our catalog or databases.
- A {user} was confused by three records for the same novel. I explained how to
  read a catalog record: the edition, the format and the publication date, and
  what the location and status fields mean. She chose the large-print edition and
  placed a hold herself.
"""

_SUPERVISION = """
1 employment laws and regulations, and how they shape library policies and procedures
- When I helped {boss} revise our schedule policy, I learned how wage and hour
  laws apply to part-time staff, including the rules for breaks and overtime. We
  checked the draft with the human resources office before it went to {board}.
- A page asked me whether she could have time off to vote. Rather than guess, I
  checked our personnel policy and our state's law with {boss} and gave her a
  clear answer the same day. I then added the answer to the notes I keep for new
  supervisors.
2 the principles of staff management, supervision and discipline
- I supervise {few} part-time pages. When one of them was often late, I met with
  him privately, described the problem and the effect on the team, and agreed on
  expectations. When it happened again, I followed our progressive discipline
  policy and documented each step.
- I learned from a supervision workshop to praise in public and correct in
  private. I use it every week, and I write notes after each conversation so I
  can give fair evaluations at the end of the year.
3 participating in recruiting, hiring, training, evaluating and promoting staff
- I helped {boss} hire {few} pages last year. I wrote the job posting from our job
  description, screened the applications against the requirements, and sat on the
  interview panel with the same questions for every candidate. I then trained each
  new page with the checklist I had prepared.
- I write the first draft of the evaluations of the pages I supervise, based on
  notes I keep during the year, and discuss each one with {boss} before meeting
  the page. Last year I recommended one of them for promotion to library
  assistant, and she was promoted.
4 setting clear performance expectations linked to the library's priorities
- When our library made shorter waits for holds a priority, I set a clear
  expectation for my team: holds pulled and shelved within one business day. I
  posted a weekly count, and we met the goal within a month.
- I write expectations for the pages I supervise: accurate shelving, a set number
  of carts per shift, and courtesy to {users}. We review them together at the
  start of the year and at the midpoint, so nobody is surprised by their
  evaluation.
5 demonstrating leadership in a team environment
- When our circulation team lost two members, I organized a meeting to decide how
  to cover the work. We divided the tasks, set priorities and checked in every
  week. We kept up with the work until new staff were hired.
- Our storage room had become so crowded that supplies were being reordered
  because no one could find them. I led a small team to reorganize it: I set a
  schedule, assigned tasks by interest and kept everyone informed. We finished in
  {few} weeks and now keep an inventory list on the door.
6 planning, carrying out and encouraging staff development
- I organized a training day for our support staff on customer service and
  technology, with a trainer from our state library, and encouraged every
  coworker to attend. Afterward we wrote down what we would change at the desk.
- I keep a list of free webinars and workshops from our state library and library
  associations and share it with my team each month. I also arrange desk coverage
  so they can attend during work hours, and last year every member of my team took
  at least one training.
7 the value of written, approved policies and how policies differ from procedures
- I learned that a policy states what the library does and why, and a procedure
  states how staff carry it out. When I revised our laptop lending procedure, I
  made sure it followed the approved policy on equipment loans.
- When a {user} disputed a fee, I could point to our written, approved policy,
  which made the conversation about the rule rather than about me. It showed me
  why staff should not make up rules at the desk.
8 the purposes and concepts of budgeting, grant writing and fundraising
- I helped write a small grant application to our community foundation for a
  summer reading program. I gathered the statistics, prepared the budget and
  drafted the description. We received the full amount we asked for, which paid
  for books, prizes and a visiting performer.
- I help {boss} prepare our annual budget request for programs. I gathered
  attendance and cost figures for each program, estimated next year's costs and
  wrote a sentence justifying each line. When the request was questioned, the
  figures made it easy to defend.
9 planning services from community demographics and needs, and evaluating them
- I helped gather census data about {community} and found that the number of
  families with young children had grown. We used that to add a second weekly
  storytime, and we tracked attendance to see if it worked.
- I helped survey {users} about our hours and services, collecting {many}
  responses at the desk and online. The results showed strong demand for an
  earlier opening on Saturdays. We changed the hours and surveyed again six months
  later to check that the change had helped.
10 the value of working with other libraries, agencies and organizations
- I worked with the local literacy council to hold tutoring sessions in our
  meeting room twice a week. We agreed on who would schedule the room, who would
  recruit learners and how we would count attendance. The partnership brought in
  new {users} and helped both organizations.
- I helped organize a joint program with the county health department on
  insurance enrollment. We shared the publicity and the staffing, and the session
  reached more people than either of us could have alone.
11 the principles of marketing the library and its services
- I learned that marketing starts with knowing your audience. For our new
  seed-lending library, I identified local gardeners as the audience, wrote a
  short message and reached them through the garden club and the farmers' market.
- I manage our social media. I post at least three times a week, use photographs
  of real programs and track which posts reach the most people. Posts about new
  books and children's programs do best, so we now plan more of them, and our
  followers have grown by about {pct} percent in a year.
12 developing realistic goals and measurable objectives
- For our summer reading program I helped set measurable objectives: {many}
  children registered, seventy percent completing the program, and three new
  school partnerships. We tracked each one and reported the results.
- Our processing backlog had grown to several hundred items. I set a goal to cut
  it by half in three months, broke it into weekly targets and posted our progress
  in the workroom. We reached the goal in ten weeks and have kept the backlog
  small since.
13 recommending new services and programs from data about library operations
- I looked at our circulation and request data and saw strong demand for
  e-audiobooks. I recommended shifting part of the CD budget to e-audiobooks,
  which was approved, and I tracked use afterward.
- I analyzed attendance at our evening programs over two years and found that
  attendance dropped sharply for programs starting after seven. I recommended
  earlier start times for adult programs; after the change, average attendance
  rose by about {pct} percent.
14 reviewing existing and developing new policies and procedures
- I reviewed our meeting room procedures against the policy {board} had approved
  and found several gaps, such as what to do when a group stays past closing or
  leaves the room in poor condition. I drafted changes, which {boss} approved, and
  trained the desk on them.
- Lost and found items were piling up with no rules for how long to keep them. I
  wrote a procedure covering how items are logged, how long we keep them, and what
  happens to them afterward, with special handling for phones and wallets. It is
  now in our staff manual.
15 developing a marketing plan and evaluating its effectiveness
- I wrote a marketing plan for our adult programs: goals, audiences, messages,
  channels and a calendar. After six months I compared attendance with the year
  before and found it up about {pct} percent.
- When we started lending museum passes, I created a plan to promote them: flyers
  at the desk and the schools, social media posts, and a newsletter article. I
  tracked how many passes were borrowed each month, and they were booked for {pct}
  more days than our goal.
16 building positive relationships between staff and users through user-centered service
- I introduced a five-minute customer service huddle before opening on Saturdays,
  where we share one tip or one situation from the week and how it was handled.
  Over the year, complaints dropped and the comment cards praising staff by name
  increased.
- I encourage staff to learn the names of regular {users} and to ask them what we
  could do better. One regular suggested a quiet reading hour on weekday mornings,
  which we tried and kept. It has made our desk friendlier and our service more
  responsive.
17 upholding policies and decisions, and knowing when exceptions are appropriate
- When a staff member asked for an exception to the schedule policy, I considered
  the effect on the team and the reasons, and granted it once with a clear
  explanation that it was an exception.
- When {board} decided to end our evening hours on Fridays, I disagreed, but I
  explained the decision and its reasons to my team and to {users} without
  undermining it. When an exception seemed right, such as for a scheduled
  exam-week study night, I brought it to {boss} with my reasons.
18 using appropriate strategies to deliver difficult or sensitive information
- I had to tell my team that a vacant position would not be filled because of
  budget cuts. I told them in person, all together, explained the reasons honestly
  and answered their questions. We then discussed how to share the work, and I
  took on part of it myself.
- I had to tell a long-time volunteer that her role at the book sale was changing
  because of new cash-handling rules. I met her privately, explained why the rules
  had changed and offered her a new role sorting donations, which she accepted.
19 identifying community and user demographics and planning services on them
- Using census data and our own registration statistics, I found a growing number
  of older adults in {community}. I helped plan a series of programs on technology
  and health for seniors, held in the mornings when they preferred to come, and
  attendance averaged {dozen} people.
- I noticed more {users} who spoke Arabic asking for help at the desk. I checked
  the school district's figures, which confirmed a growing Arabic-speaking
  community, and helped plan a small collection and a welcome program with a local
  community group.
20 requesting, defending and following a budget for library activities
- I prepared the program budget request for the next year, with costs and
  expected attendance for each program. When {boss} asked me to cut ten percent, I
  explained which programs would be affected and we agreed on the cuts together.
- I manage the budget for our programs. I record every purchase in a spreadsheet,
  check the spending against the budget each month and tell {boss} early if a line
  is running over. Last year we finished within the amount approved.
21 conducting meetings effectively and efficiently
- I run our monthly circulation team meeting. I send an agenda three days ahead,
  keep to the times on it and end with decisions and who will do what. I send
  short notes the same day, so people who were on the desk know what was decided.
- Our weekly staff meetings often ran for an hour with little decided. I proposed
  a fifteen-minute standing meeting on Monday mornings, with longer meetings only
  when a decision needs discussion. Staff said they preferred it, and fewer tasks
  are left without an owner.
"""

_YOUTH = """
1 childhood and adolescent development and the growth of early literacy skills
- When I began leading baby and toddler storytime, I read about the five early
  literacy practices: talking, singing, reading, writing and playing. I built each
  session around them and added a short tip for parents, such as why rhymes help
  children hear the sounds in words.
- I noticed that the same picture book worked for four-year-olds but not for
  two-year-olds. Learning about children's development helped me understand why,
  and I now plan separate sessions with shorter books and more movement for the
  youngest group.
2 resources for youth in different formats, including award winners and classics
- I keep up with the Caldecott, Newbery and Printz awards and with new series that
  children ask for. When a parent asked for a read-aloud for her eight-year-old, I
  suggested a classic, a recent Newbery book and an audiobook for the car.
- I made a display of graphic novels, audiobooks and e-books for young readers,
  which showed parents that reading does not have to mean only print. Checkouts of
  children's graphic novels went up about {pct} percent that {season}.
3 selecting materials for a young person by reading level, interest and maturity
- A ten-year-old who reads well above grade level asked for something "scary but
  not too scary." I suggested a ghost story written for middle-grade readers
  rather than a teen horror novel, and talked with his mother about why.
- A teacher asked for books for a struggling fifth-grade reader who loves sports. I
  chose high-interest, easier-to-read sports stories and a nonfiction book about
  his favorite team. He came back for more the next week.
4 suitable internet sites, safe navigation and online tools for young people
- I helped make a list of safe, useful websites for homework, games and reading,
  and placed it on the children's computers. I also taught a short class for
  children on safe searching and on not sharing personal information online.
- When a child on our computers came across an upsetting image, I calmly closed
  the page, talked with her about what to do when it happens, and told her parent.
  I then reported it so the filter settings could be checked.
5 legal and other issues affecting young people
- I learned about the federal law that protects children's privacy online and our
  library's policy on children's records, including who may see them. When a
  parent asked about her teenager's account, I explained what our policy allows.
- I took a training on mandatory reporting and our library's policy on
  unattended children. When a young child was left in the library at closing, I
  followed the procedure calmly and stayed with him until his guardian arrived.
6 creating a welcoming atmosphere and encouraging young people to take part
- I greet children and teens by name and ask what they are reading. When I noticed
  that teens avoided their corner of the library, I asked them why, and we
  rearranged it together with comfortable seating and a display they chose. They
  now use it every afternoon.
- I started a teen advisory group that meets monthly to plan programs and suggest
  books for the collection. I let the teens run the discussion and follow up on
  their ideas, so they can see their suggestions happen. It began with {few}
  members and now has {dozen}.
7 written and oral communication with youth, parents, colleagues and partner agencies
- I write the children's section of our newsletter and our program flyers,
  keeping them short and friendly. I also speak to parents at storytime about
  early literacy, and to teachers at the start of the school year.
- I wrote a letter to the principals in our area introducing our summer reading
  program and offering class visits. I then visited {few} schools to give short
  book talks, adjusting my language for each grade, and sent a summary of the
  results to each school in the fall.
8 helping select materials for a youth collection
- I suggest titles for our children's collection from review journals, award lists
  and what children ask for at the desk. I keep a list of requests for titles we
  do not own, and last year {dozen} of my suggestions were ordered.
- While shelving picture books, I noticed that we had few books whose characters
  reflected the families who use our library. I made a list of well-reviewed
  titles and gave it to the selector, who ordered most of them. Parents have since
  thanked us for them.
9 planning, presenting and evaluating programs that attract young people
- I planned and led a weekly LEGO club for school-age children. I tracked
  attendance and asked parents for feedback, and adjusted the time based on their
  answers. Attendance grew to about {dozen} children a week.
- I planned a teen gaming night with our advisory group, who chose the games and
  made the posters. We evaluated it with a short survey: the teens wanted more
  time and more games for groups. We changed it accordingly and it became a
  monthly program.
10 advocating for and publicizing youth services
- I spoke at a parent-teacher meeting about our summer reading program and how
  reading over the summer keeps children from losing skills. I brought
  registration forms and card applications. Registration from that school doubled
  compared with the year before.
- I created a short video about our storytimes, with parents' permission to show
  their children, and posted it on our social media. It was shared widely in
  {community}, and storytime attendance rose in the following weeks, with several
  families saying the video brought them in.
11 working with schools and other agencies serving young people
- I worked with the school librarians in our area to share summer reading lists,
  so we could buy enough copies of the titles the schools assigned. We also
  arranged class visits each spring and library card sign-ups at back-to-school
  night, where {dozen} families signed up.
- I partnered with the local Head Start program to bring storytime to their
  classrooms once a month. I coordinated the dates with their teachers, chose
  books that matched their themes, and left a bag of books for the classroom after
  each visit.
12 reference and readers' advisory interviews with young people and their caregivers
- A child asked for "a book about the moon." I asked whether she wanted a story or
  facts, and whether it was for school, and found a nonfiction book at her reading
  level for her report. I referred a more complex question from her father about
  school research databases to our librarian.
- A parent asked for help choosing chapter books for her son, who had just
  outgrown easy readers. I asked about his interests and what he had enjoyed so
  far, then suggested the first books of {few} series at the right level, so he
  could keep going if he liked one.
13 developing and marketing services for young people and their caregivers
- I developed a "Baby Bag" of board books and an early literacy guide for new
  parents, promoted through the local hospital. We gave away {many} bags in the
  first year.
- I noticed that students kept asking for the same homework resources after
  school. I created a homework help page on our website with our databases,
  reliable sites by subject and how to contact us, and promoted it through the
  schools' newsletters. Its use peaks every October.
14 instructing young people in the use of library materials, resources and equipment
- I teach classes for school groups on using the catalog to find books. Each child
  looks up a book they want, writes down the call number and finds it on the
  shelf. I also show them how to use the self-checkout and the homework databases.
- I showed a group of Scouts how to find information for a badge using our
  databases and the nonfiction collection. Each Scout found two sources and
  learned how to write down where the information came from.
15 managing problem behavior and emergency situations involving young people
- When a group of teens became loud and disruptive, I spoke to them calmly, reminded
  them of our behavior policy and offered them the meeting room for their game.
  When one refused to stop, I followed our procedure and asked him to leave for
  the day.
- When a parent reported that her child was lost in the library, I followed our
  lost child procedure: I alerted all staff, asked a coworker to watch the exits
  and searched the children's area. We found her within minutes, reading in a
  corner, and I wrote the incident report.
16 following policies and procedures on challenged resources
- A parent objected to a picture book about a family with two mothers. I listened,
  explained our collection policy and the reconsideration process, and gave her
  the form. I told {boss} the same day, and the book stayed after review.
- I learned our procedure for challenged materials and trained our pages and
  volunteers on what to say if a {user} complains about a book: listen, thank
  them, and refer them to the reconsideration form and the librarian, without
  promising anything.
"""

_COMPETENCY_BANK = {
    "foundations-of-library-service": _competency_bank(_FOUNDATIONS),
    "communication-and-teamwork": _competency_bank(_COMMUNICATION),
    "technology": _competency_bank(_TECHNOLOGY),
    "access-services": _competency_bank(_ACCESS),
    "adult-readers-advisory": _competency_bank(_READERS_ADVISORY),
    "cataloging-and-classification": _competency_bank(_CATALOGING),
    "collection-management": _competency_bank(_COLLECTION),
    "reference-and-information-services": _competency_bank(_REFERENCE),
    "supervision-and-management": _competency_bank(_SUPERVISION),
    "youth-services": _competency_bank(_YOUTH),
}

# Episodes for a competency the banks do not know (a revised catalog): they name
# the competency's topic.
_SET_EPISODES = {
    "": _items("""
- When {boss} asked me to help a new coworker learn the job, I realized how much
  of my daily work depends on {topic}. I wrote down what I do and why, and we went
  through it together over {few} shifts. She now handles it on her own, and the
  notes have become part of our training binder.
- Last {season} a {user} brought me a question that tested {topic}. I took the time
  to check our policy and to ask {colleague}, a more experienced coworker, before
  answering, and the {user} left with what they needed. I later shared what I had
  learned at a staff meeting.
- I attended a workshop that dealt with {topic} and came back with {few} ideas for
  {place}. We tried two of them over the following months, and I kept notes on
  what worked so that we could decide whether to keep them.
"""),
}

_LESSONS = {
    "foundations-of-library-service": _items("""
- The experience reminded me that the library's values are not abstract; they
  show up in small decisions at the desk.
- Knowing why we do things makes it much easier to explain them to {users} and to
  new staff.
- I have come to see my own work as part of what the whole library is trying to
  do for {community}.
- I learned that good service and the profession's values usually point the same
  way, even when a conversation is uncomfortable.
"""),
    "communication-and-teamwork": _items("""
- I learned that a few extra minutes spent listening usually save time later.
- It taught me that most misunderstandings come from how something is said, not
  from what is said.
- I have found that a team works best when everyone knows what was decided and
  why.
- I now pay attention to how my words land, not only to whether they are
  accurate.
"""),
    "technology": _items("""
- I learned that most technology questions are really about confidence, and that
  patience matters as much as technical knowledge.
- The experience showed me that writing down a fix helps the next person as much
  as it helps me.
- I no longer wait to be trained on every change; I explore first and then ask
  good questions.
- It reminded me that technology in a library exists to serve people, so I always
  start with what the {user} is trying to do.
"""),
    "access-services": _items("""
- I learned that clear procedures protect the people we serve as well as the
  staff.
- The experience showed me that small details at the desk, done consistently, are
  what make a library easy to use.
- It taught me to look for the cause of a problem rather than fixing the same
  symptom again and again.
- I now see access services as the part of the library most people judge us by.
"""),
    "adult-readers-advisory": _items("""
- I learned that readers' advisory is less about what I have read and more about
  listening to what the reader enjoys.
- The experience reminded me that every reader deserves the same enthusiasm,
  whatever they like to read.
- It showed me how much a short, personal recommendation can do to bring someone
  back to the library.
- I now keep notes of good suggestions, so the next reader benefits too.
"""),
    "cataloging-and-classification": _items("""
- I learned that a good record is one that helps a {user} find the item, not only
  one that follows the rules.
- The experience showed me how small errors in a record can hide a book from
  everyone who searches for it.
- It taught me to check my work against the standards rather than relying on
  habit.
- I now see cataloging as a public service that happens behind the scenes.
"""),
    "collection-management": _items("""
- I learned that a collection needs care as much as it needs new materials.
- The experience showed me the value of following written policy, so that
  decisions are consistent and can be explained.
- It taught me to use data and requests from {users}, not only my own taste.
- I now think about every item's whole life, from order to withdrawal.
"""),
    "reference-and-information-services": _items("""
- I learned that the first question a {user} asks is rarely the real one.
- The experience reminded me to teach the search as well as to answer the
  question, whenever the {user} has the time.
- It showed me the importance of knowing when to refer a question and to whom.
- I now check the date and source of everything I hand to a {user}.
"""),
    "supervision-and-management": _items("""
- I learned that clear expectations, written down, make supervision fairer for
  everyone.
- The experience showed me that good decisions start with good information.
- It taught me that planning only works if we go back and measure what happened.
- I now think about how each decision will look to the staff and to {users}.
"""),
    "youth-services": _items("""
- I learned that children notice whether adults take them seriously, and that
  respect is the start of every good program.
- The experience reminded me that parents and caregivers are part of the
  audience too.
- It showed me how much a welcoming space and a familiar face matter to young
  people.
- I now plan with the children's ages and needs in mind first, and the activity
  second.
"""),
}

# What a supervisor's letter says the candidate does, per set.
_DUTIES = {
    "foundations-of-library-service": "serves the public at our main desk, "
    "trains volunteers and represents the library at community events",
    "communication-and-teamwork": "works at our busiest service point, writes "
    "our desk procedures and coordinates the weekend team",
    "technology": "helps the public with computers, devices and e-resources and "
    "is our first contact for equipment problems",
    "access-services": "manages circulation, holds and interlibrary loan and "
    "keeps our statistics",
    "adult-readers-advisory": "advises adult readers, plans our displays and "
    "leads our monthly book discussion group",
    "cataloging-and-classification": "copy-catalogs our new materials and "
    "maintains the quality of our records in the shared catalog",
    "collection-management": "orders, receives and processes new materials and "
    "helps with weeding and repairs",
    "reference-and-information-services": "answers reference questions in person "
    "and by phone and teaches our computer and database classes",
    "supervision-and-management": "supervises our pages and part-time staff and "
    "helps plan our programs and their budgets",
    "youth-services": "plans and presents our children's and teen programs and "
    "works with the schools in our area",
}

# Evidence: "# kind[/layout] | title", "= " how a narrative names it, "@ " the
# competencies it supports directly (none: it supports any, as secondary
# evidence), "> " its description, "- " the paragraphs of the file. Besides the
# words of ``_words`` they may use {author}, {first_name}, {position},
# {a_position}, {date}, {month}, {year}, {state_name}, {street}, {supervisor},
# {supervisor_title}, {duties}, {hours}, {workshop} and {provider}.
_GENERAL_EVIDENCE = _evidence_bank("""
# pdf | Letter from my supervisor
= a letter from my supervisor
> A letter from {supervisor}, {supervisor_title} at {library}, describing my
  work and confirming the examples in my narratives.
- {date}
- To the Certification Review Committee:
- I am glad to write in support of {author}, who works at {library} as
  {a_position}. In this role {first_name} {duties}. I have supervised this work
  directly and can confirm the examples described in the portfolio.
- {first_name} is dependable, thoughtful with {users} and coworkers, and quick to
  take on new responsibilities. When problems come up, {first_name} looks for the
  cause and proposes practical solutions, and coworkers often come to
  {first_name} for help.
- I recommend {first_name} for certification without reservation. Please contact
  me if you need any further information.
- Sincerely, {supervisor}, {supervisor_title}, {library}, {street}, {city},
  {state_name}
# pdf | Certificate of completion: {workshop}
= the certificate from a workshop I completed
> Certificate for a workshop I completed, with the contact hours.
- Certificate of Completion
- This certifies that {author} has successfully completed {workshop}, offered by
  {provider}, on {date}.
- Contact hours: {hours}.
- The workshop included presentations, group exercises and a practical
  assignment. Completion was confirmed by the instructor.
# txt | Excerpt from my annual performance evaluation
= an excerpt from my annual performance evaluation
> The section of my most recent evaluation that describes this area of my work.
- Annual performance evaluation, {library}. Employee: {author}, {position}.
  Reviewer: {supervisor}, {supervisor_title}. Period ending {month} {year}.
- Overall rating: exceeds expectations.
- Strengths: {first_name} {duties}. This year {first_name} took on additional
  responsibilities without being asked, and coworkers regularly seek advice on
  the work described above.
- Goals for the coming year: complete the library support staff certification;
  share what is learned with the team at staff meetings; continue to document
  procedures for the staff manual.
""")

_EVIDENCE_BANK = {
    "foundations-of-library-service": _evidence_bank("""
# png/flyer | Get Your Library Card Today
= the library card sign-up flyer I made
@ 10, 1, 9
> A flyer I designed for a card sign-up drive at community events.
# pdf | Volunteer Guide: Protecting Patron Privacy
= the privacy guide I wrote for our volunteers
@ 2, 10, 3
> A one-page guide I wrote so volunteers know what to say when asked about
  other people's borrowing.
- Why privacy matters: {library} keeps the records of what people borrow and
  search confidential. This is required by state law and by our confidentiality
  policy, and it is one of the core values of libraries.
- If someone asks who has an item checked out, or what another person borrowed,
  say: "I'm sorry, library records are confidential, but I'd be glad to place a
  hold for you." Do not confirm or deny whether a person uses the library.
- If a law enforcement officer asks for information, do not answer; ask the
  officer to wait and call the person in charge right away.
- Never read a person's checkouts or holds aloud, and turn the screen away when
  you look up an account.
# pdf | Customer Service Standards for the Main Desk
= the customer service standards I helped draft
@ 9, 11, 3
> The service standards our desk staff agreed on, which I drafted.
- 1. Greet everyone who approaches the desk within a few seconds, even if you are
  busy.
- 2. Listen to the whole question, and repeat it back if there is any doubt.
- 3. Explain the reason for a rule when you apply it, and offer an alternative
  when you can.
- 4. Walk {users} to what they need when the desk is covered.
- 5. Before the {user} leaves, ask: "Did you find everything you needed?"
- Drafted by {author} with the desk staff, {month} {year}.
# pdf | Summary of Community Survey Comments
= the summary of community survey comments I prepared
@ 1, 6, 11
> My summary of the open comments in our community survey, prepared for the
  planning committee.
- {many} people answered the open question "What would you like the library to
  do more of?" I grouped their comments into themes.
- Most frequent themes: more evening and weekend hours; more programs for
  children and families; help with technology; quiet study space; more copies
  of popular titles.
- Notable comments: several people described the library as the only place
  where they can use a computer or the internet; others asked for materials in
  Spanish and Vietnamese.
- Prepared by {author}, {position}, for the planning committee of {library}.
"""),
    "communication-and-teamwork": _evidence_bank("""
# pdf | Self-Checkout Instructions (rewritten)
= the self-checkout instructions I rewrote
@ 9, 7, 14
> The shorter self-checkout instructions I wrote, now posted at each station.
- 1. Scan your library card or type your card number.
- 2. Place one item at a time on the pad, barcode facing up.
- 3. Check the list on the screen: every item should appear.
- 4. Choose "Print receipt" or "E-mail receipt."
- 5. Take your card! Questions? Ask at the desk; we are happy to help.
# txt | Shift Log Template
= the shift log I introduced for our team
@ 18, 19, 15
> The template our day and evening staff now use to pass on work between
  shifts.
- Date and shift:
- Completed: holds pulled / returns checked in / shelving / study rooms checked.
- Pending, with who should follow up:
- Problems reported (equipment, building, {users}):
- Notes for the next shift:
# pdf | Monthly Desk Report
= a monthly desk report I wrote for my supervisor
@ 9, 19, 22, 11
> One of the one-page monthly reports I write for {boss}.
- Decisions needed: 1. Replace the receipt printer at station 2 (repaired three
  times this month). 2. Approve the new holiday schedule.
- Numbers: {many} questions at the desk; {dozen} new library cards; {few}
  incidents, all resolved at the desk.
- Highlights: the new self-checkout instructions reduced questions about the
  machines; two {users} wrote to thank staff for help with job applications.
- Prepared by {author}, {position}, {month} {year}.
# png/chart | Summer Reading Participation by Week
= the chart I made for our summer reading report
@ 22, 17
> A chart I made for our summer reading report, showing weekly participation.
# txt | Team Meeting Agenda and Notes
= the agenda and notes from a team meeting I led
@ 15, 16, 17, 21, 18
> The agenda I sent ahead and the notes I circulated afterward.
- Agenda: 1. Weekend coverage for the book sale. 2. Holds shelf location. 3.
  Round table: one thing that went well this month.
- Decisions: {colleague} and {author} will cover the book sale setup; the holds
  shelf moves beside the self-checkout on the first of the month.
- Follow-up: {author} will update the desk guide and tell the evening staff.
"""),
    "technology": _evidence_bank("""
# png/flyer | Tech Help Tuesdays
= the flyer for my technology help hours
@ 3, 10
> The flyer for the drop-in technology help hours I hold each week.
# pdf | Public Printer Troubleshooting Checklist
= the printer troubleshooting checklist I wrote
@ 12, 4
> The checklist I wrote for desk staff when a public printer stops working.
- 1. Check the print release station: is the job waiting in the queue?
- 2. Check the printer's display for a paper jam or empty tray; add paper from the
  cabinet under the desk.
- 3. Check that the printer is on and its network light is green.
- 4. Turn the printer off, wait thirty seconds and turn it on again.
- 5. Still not working? Put the "out of order" sign on it, note the time and the
  error message in the technology log, and call the technology contact.
# png/screenshot | E-book App Setup Guide
= the e-book app guide I made with screenshots
@ 2, 10, 11
> A page of the step-by-step guide I made for {users} setting up our e-book app.
# pdf | Smartphone Basics: Class Outline
= the outline of the smartphone class I taught
@ 3, 7, 9, 10
> The outline and handout for the beginner smartphone class I taught.
- Session 1: Turning the phone on and off, charging, the home screen, volume and
  brightness.
- Session 2: Calls, contacts and text messages; making the text larger.
- Session 3: Wi-Fi at home and at the library; staying safe online; spotting
  scam messages.
- Session 4: Apps: installing the library app, borrowing an e-book, taking and
  sharing photographs.
- Each session: 90 minutes, at most eight learners, two staff members.
# txt | Assistive Technology Station: Quick Guide
= the quick guide to our assistive technology station
@ 13, 3
> The guide I wrote for staff and {users} on the accessible computer.
- Screen magnifier: press the Windows key and the plus key to zoom in, the minus
  key to zoom out.
- Screen reader: press Control, Windows and Enter to turn it on or off.
- Large-key keyboard and trackball: already connected; the standard keyboard is
  in the drawer.
- Video magnifier: place the page under the camera and turn the dial to zoom.
- Problems? Tell the desk; do not change the settings of the station.
"""),
    "access-services": _evidence_bank("""
# pdf | Shelf-Reading Procedure
= the shelf-reading procedure I wrote
@ 1, 12, 8
> The procedure I wrote for pages and volunteers, with the monthly schedule.
- Purpose: to keep every item where the catalog says it is.
- 1. Take the shelf-reading sheet for your section from the binder.
- 2. Read each shelf from left to right, top to bottom, checking the {scheme}
  call numbers in order.
- 3. Correct misshelved items; put damaged items on the repair cart.
- 4. Record the date, the section and the number of corrections on the sheet.
- Each section is read once a month; the schedule is posted in the workroom.
# pdf | Laptop Lending Procedure
= the laptop lending procedure I wrote
@ 8, 14, 7
> The procedure for lending laptops that I wrote and presented to staff.
- Who may borrow: adults with a card in good standing; one laptop at a time.
- Loan: four hours, in the building; no renewals if others are waiting.
- Check out: inspect the laptop with the borrower and note any damage on the
  slip.
- Return: check for damage, then plug it into the charging cart; the laptop
  resets itself overnight.
- Damage: report to the person in charge; the borrower is not charged for normal
  wear.
# png/chart | Monthly Circulation Statistics
= the circulation chart I prepare each month
@ 16
> The chart of monthly checkouts that I prepare for reports to {board}.
# txt | Interlibrary Loan Request Log (sample, names removed)
= a sample of my interlibrary loan log
@ 3, 6, 15, 4
> A page of the log I keep for interlibrary loan, with names removed.
- Request date / item / lender / received / returned / notes
- Week 1: {few} requests; all received within ten days.
- Week 2: one request unfilled (no lender); the {user} was offered a purchase
  suggestion.
- Week 3: one item damaged in transit; reported to the lender, no charge.
- Totals this month: {dozen} requests sent, {dozen} items lent to other
  libraries.
# pdf | Plan for Shifting Adult Nonfiction
= my plan for shifting the nonfiction collection
@ 12
> The measurements and plan I prepared before we shifted the collection.
- Total collection measured: {many} shelves, about eighty percent full.
- New shelving adds two ranges at the end of the 900s.
- Plan: leave one empty shelf in every five for growth; move the 600s and 700s
  first, then work backward.
- Schedule: {few} mornings before opening, two pages and {author}.
"""),
    "adult-readers-advisory": _evidence_bank("""
# pdf | Booklist: Armchair Travel
= the Armchair Travel booklist I compiled
@ 14, 2, 11
> An annotated booklist I compiled for a display.
- Armchair Travel: journeys you can take from your favorite chair. Compiled by
  {author}, {library}.
- A memoir of walking the Appalachian Trail, funny and honest about every
  blister.
- A novel about a family running a small hotel in the Italian Alps, warm and
  slow.
- A history of the Silk Road told through the lives of the merchants who
  traveled it.
- A mystery set on a train across the Canadian Rockies, with a clever solution.
- Ask at the desk for more suggestions, or place a hold on any title in our
  catalog.
# png/flyer | Books into Movies Display
= the display I created for Books into Movies
@ 14, 4
> A photograph-style flyer of the Books into Movies display I created.
# pdf | Book Discussion Questions
= the discussion questions I prepared for our book group
@ 13, 8
> The questions I prepared for a meeting of our monthly book group.
- 1. Which character did you understand best, and which least?
- 2. How does the setting shape what happens in the story?
- 3. The author tells the story from two points of view. What does each add?
- 4. Did the ending surprise you? Would you change it?
- 5. What would you recommend to someone who loved this book?
# txt | Read-Alike List for a Patron
= a read-alike list I prepared for a reader
@ 9, 7, 10
> A list of suggestions I prepared for a reader, with the reasons for each.
- You enjoyed a gentle, character-driven novel about a family farm. You might
  also like:
- A novel about three generations on a Minnesota dairy farm: quiet, warm and
  full of detail.
- A memoir of a year of raising sheep: funny and thoughtful.
- A story of neighbors rebuilding a small town after a flood: hopeful, with a
  large cast of characters.
# png/flyer | Monthly Book Club
= the flyer for the book club I started
@ 13
> The flyer for the monthly book discussion group I started.
"""),
    "cataloging-and-classification": _evidence_bank("""
# pdf | Copy Cataloging Checklist
= the copy cataloging checklist I use
@ 3, 9, 2, 4, 5
> The checklist I use for every copy cataloging record.
- 1. Match the record to the item: title, edition, publisher, date, pages, ISBN.
- 2. Check the 245 and 264 fields against the title page.
- 3. Check the subject headings against Library of Congress Subject Headings.
- 4. Assign or adjust the {scheme} call number for our collection.
- 5. Add the item record: barcode, location, item type, price.
- 6. Save, then search the catalog to see how the record displays.
# png/screenshot | Edited Bibliographic Record
= a screenshot of a record I corrected
@ 8, 9, 3
> A screenshot of a bibliographic record I corrected in our catalog.
# txt | Record Corrections, Before and After
= my notes on records I corrected
@ 9, 5, 6
> Notes on a few records I corrected and why.
- Record 1: the 250 edition statement was missing, so the record matched the
  wrong edition. Added "Second edition."
- Record 2: the subject heading used an outdated form; updated to the current
  heading.
- Record 3: the call number placed a cookbook in general cooking; moved to
  regional cooking to match our collection.
# png/flyer | Call Number Range Signs
= the call number range signs I made
@ 10, 4
> The signs I made for the end of each range, with numbers and subjects.
# pdf | Cataloging Templates for DVDs and Audiobooks
= the cataloging templates I created
@ 8, 1
> The templates I created in our system, with the settings for each format.
- DVD template: item type DVD; loan period one week; location Media; fields
  for running time, rating, languages and subtitles.
- Audiobook on CD template: item type Audiobook; loan period three weeks;
  location Audio; field for the number of discs.
- Each template includes a reminder to check the record against the container.
"""),
    "collection-management": _evidence_bank("""
# pdf | Weeding Report: Health and Medicine
= the weeding report I prepared for the health section
@ 3, 13, 2
> My report on weeding the health and medicine section, with recommendations.
- Section reviewed: {many} titles in health and medicine.
- Criteria: the CREW method's MUSTIE factors and our collection development
  policy; titles over five years old reviewed for currency.
- Recommended for withdrawal: {dozen} titles, outdated or in poor condition.
- Recommended for replacement with newer editions: {few} popular titles.
- Prepared by {author} for the selector; final decisions by the librarian.
# pdf | Gift Policy Handout
= the gift policy handout I wrote for donors
@ 14
> The handout I wrote to explain our gift policy to donors.
- Thank you for thinking of {library}! We welcome donations of books and media
  in good condition.
- We decide which items to add to the collection; the rest are sold by the
  Friends of the Library to support programs.
- We cannot accept textbooks, encyclopedias, magazines or items with mold or
  water damage.
- We can give you a receipt for the number of items; we cannot estimate their
  value.
# txt | Processing Checklist
= the processing checklist I wrote
@ 10, 4
> The checklist I wrote so every new item is processed the same way.
- 1. Check the item against the invoice.
- 2. Stamp the title page and the edge.
- 3. Attach the barcode inside the front cover, top left.
- 4. Attach the spine label; cover the book jacket.
- 5. Add the security strip; check it at the gate.
# png/chart | Collection Age by Section
= the chart of our collection's age by section
@ 13, 1, 2
> A chart I made of the median age of our collection by section.
# txt | Vendor Claims Log
= the vendor claims log I keep
@ 4, 9, 5
> The log I keep of items claimed from our vendors.
- Claim date / order / title / vendor / result.
- {dozen} claims this year: most received within six weeks; two cancelled as
  out of print and ordered elsewhere.
"""),
    "reference-and-information-services": _evidence_bank("""
# pdf | Subject Guide: Local History
= the local history subject guide I wrote
@ 10, 1
> The subject guide I wrote for our website.
- Start here: our local history room has county histories, city directories,
  yearbooks and newspapers on microfilm.
- Online: the state archives' digital collections; the county's property
  records; the historical newspaper database (free with your card).
- Family history: the genealogy database, available in the library, and our
  volunteers' help sessions on the first Saturday of each month.
- Ask us: we are glad to help you get started.
# pdf | Community Resources List
= the community resources list I maintain
@ 3, 7
> The list of community services I keep up to date for the desk.
- Food: the county food bank and {few} pantries, with hours and locations.
- Health: the free clinic and the county health department.
- Housing: the housing authority and the emergency shelter line.
- Legal: legal aid and the county law library.
- Updated by {author}, {month} {year}.
# png/chart | Reference Questions by Type
= the chart of reference questions by type
@ 6, 7
> A chart from the two-week count of the questions asked at our desk.
# pdf | Handout: Searching Our Databases
= the database searching handout I wrote
@ 8, 5, 9, 11
> The handout I use when I teach {users} to search our databases.
- 1. Go to the library's website and choose "Research."
- 2. Pick a database by subject; sign in with your card number.
- 3. Type two or three key words; use AND to narrow, OR to broaden.
- 4. Limit to full text and to recent years.
- 5. E-mail or save the articles you want.
# png/screenshot | Catalog Advanced Search
= a screenshot of the catalog search I teach
@ 5, 8, 13
> A screenshot I use in class to explain the catalog's advanced search.
"""),
    "supervision-and-management": _evidence_bank("""
# pdf | Training Plan for New Pages
= the training plan I wrote for new pages
@ 3, 6, 2, 4
> The two-week training plan I use with newly hired pages.
- Day 1: tour, safety and emergency procedures, confidentiality.
- Days 2 and 3: the call number system; sorting and shelving with a partner.
- Days 4 and 5: shelf reading; handling holds and the sorting carts.
- Week 2: working alone with checks; a review meeting at the end of the week.
- Each step is signed off by the trainer and the new page.
# pdf | Marketing Plan: Adult Programs
= the marketing plan I wrote
@ 11, 15, 12
> The marketing plan I wrote for our adult programs, with its results.
- Goal: increase attendance at adult programs by fifteen percent in a year.
- Audiences: retirees, working adults, new residents.
- Channels: newsletter, social media, flyers at the senior center and the
  grocery store, the local radio station's community calendar.
- Evaluation: attendance compared with the previous year; a question on every
  registration form: "How did you hear about this program?"
# txt | Program Budget Request
= the program budget request I prepared
@ 8, 20, 13
> The budget request I prepared for next year's programs.
- Summer reading: prizes, books and performers.
- Adult programs: speakers and supplies.
- Technology classes: printed handouts.
- Justification: attendance and survey results from the past year; each line
  explained in the attached notes.
# png/chart | Community Demographics
= the community demographics chart I prepared
@ 9, 19
> A chart of our community's population by age, from census data, that I
  prepared for planning.
# pdf | Lost and Found Procedure
= the lost and found procedure I wrote
@ 14, 7, 1
> The procedure I wrote for lost and found items, approved for the staff manual.
- Purpose: to return lost items to their owners and to dispose of the rest
  fairly, as the library's policy on property left in the building requires.
- 1. Log every item found: date, place, description, staff initials.
- 2. Phones, wallets, keys and identity documents go in the locked drawer; call
  the owner if there is a name or number.
- 3. Other items are kept for thirty days, then donated; food and drink are
  thrown away at closing.
- 4. Items of value unclaimed after thirty days are given to the police
  department's property office.
- Written by {author}, approved by {supervisor}, {supervisor_title}.
# txt | Meeting Agenda
= an agenda for a meeting I led
@ 21, 5
> The agenda and notes from a team meeting I ran.
- 1. Updates (5 minutes). 2. Holds backlog: progress against our goal (10
  minutes). 3. Summer schedule (10 minutes). 4. Decisions and who will do what
  (5 minutes).
- Notes sent to all staff within a day, with decisions in bold.
"""),
    "youth-services": _evidence_bank("""
# pdf | Storytime Plan: Toddlers
= a storytime plan I wrote
@ 1, 9, 7
> One of my storytime plans, with the early literacy tip for parents.
- Theme: Things That Go. Ages 18 months to 3 years. 30 minutes.
- Opening song; two short picture books about trucks and trains; a rhyme with
  hand movements; a song with shakers; a flannel board of vehicles.
- Early literacy tip for parents: talk with your child about what you see on
  your way home; new words build vocabulary.
- Closing song; play time with blocks and board books.
# png/flyer | Summer Reading Program
= the summer reading flyer I designed
@ 10, 13, 6
> The flyer I designed for our summer reading program.
# pdf | Booklist: Great Reads for Ages 8 to 10
= the booklist I compiled for young readers
@ 2, 3, 8
> A booklist I compiled for children aged eight to ten and their parents.
- Adventure: a series about two siblings who travel through time.
- Funny: a diary of a fourth-grader whose plans always go wrong.
- Animals: a true story of a rescued sea otter.
- Mystery: a club of young detectives in a small town.
- Graphic novels: a story about friendship at a new school.
# txt | Teen Advisory Group Minutes
= the minutes of our teen advisory group
@ 6, 9
> Minutes from a meeting of the teen advisory group I started.
- Present: {dozen} teens and {author}.
- Ideas: a gaming night; a display of graphic novels; a craft afternoon during
  exams.
- Decisions: gaming night on the last Friday of the month; teens will make the
  posters.
# pdf | Safe Searching: Tips for Kids and Families
= the internet safety handout I wrote for families
@ 4, 14, 5
> The handout I wrote for our children's computers and our family class.
- Use the kids' search page on the library's website; it starts you on sites
  librarians have checked.
- Never share your full name, address, school or photos with someone you meet
  online.
- If you see something that upsets you, close the page and tell a grown-up or a
  librarian. You are not in trouble.
- Grown-ups: the filters on our children's computers block many sites, but no
  filter is perfect. Talk with your children about what they do online.
# pdf | Letter to School Principals
= the letter I sent to school principals
@ 11, 7, 10
> The letter I wrote to introduce our summer reading program to the schools.
- Dear Principal,
- {library} invites your students to join our summer reading program. Reading
  over the summer helps children keep the skills they built during the school
  year.
- We would be glad to visit your school in May to talk to classes, and we can
  provide reading logs for every student.
- Sincerely, {author}, {position}, {library}.
"""),
}


# A candidate's reason for asking for more time after the deadline.
MORE_TIME = (
    "My library closed for eleven months for a renovation and I was moved to "
    "temporary work at the county records office, where I could not work on the "
    "public service sets. The library reopened in the spring and I am back at the "
    "circulation desk. I have three sets achieved; I plan to finish a portfolio "
    "for one elective and take approved courses for the other two by the new date."
)
