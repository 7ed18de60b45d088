"""The program's first manuals, written from its published documents, and who may
edit them. Staff change the text in admin from then on; figures are placeholders
filled from the fee table and the program's rules."""

from django.db import migrations

from lssc.accounts.permissions import grant_operation

PORTFOLIO_MANUAL = [
    (
        "about",
        "About this manual",
        "",
        """
This manual is for candidates who prepare portfolios and for the evaluators who
assess them. It describes what a portfolio contains, the guidelines evaluators use
to assess it, what happens after a portfolio is submitted, and how a provider has
a course approved. It is free to read on this site and to download as a PDF.
""",
    ),
    (
        "achievement-record",
        "Your Candidate Achievement Record",
        "",
        """
Your Candidate Achievement Record (CAR) is your personal record on this site. It
holds your application, your work experience and each competency set as you
achieve it, whether by portfolio, by an approved course or through a recognition
agreement. Nothing is submitted on paper.

You decide who else sees it: from your record you can create a share link for an
employer or a school, and withdraw it whenever you like.

You have {{ candidacy_years }} years from your admission to achieve six sets: the
{{ required_sets }} required sets and any {{ elective_sets }} electives, in any
order.
""",
    ),
    (
        "portfolio-contents",
        "What a portfolio contains",
        "",
        """
A portfolio shows that you have the knowledge and skills of one competency set.
It may draw on what you learned at work, on courses, self-directed study and
special projects, or on both.

For **every competency** of the set, a portfolio has:

1. **A narrative** of at least {{ portfolio_narrative_min_words }} words, in your
   own words: what you did, how, and what it shows of the competency.
2. **Evidence**, at least one file linked to the competency:
    - *primary* evidence is direct proof of your knowledge and skills: a guide you
      wrote, a procedure you designed, a record of a program you ran;
    - *secondary* evidence supports it: a supervisor's letter, a certificate of
      attendance, a thank-you note from a patron.

One file may support several competencies. Files may be PDF, Word, OpenDocument or
plain text documents, JPEG or PNG images, MP3 audio or MP4 video, up to
{{ evidence_max_file_mb }} MB each and {{ portfolio_max_total_mb }} MB for the
whole portfolio. Remove names and details of library users from anything you
upload.

Before you submit, you may ask program staff to **pre-review** the portfolio: they
comment on each competency, and nothing is decided. Submitting costs
{{ portfolio_fee }} ({{ portfolio_fee_member }} for ALA members). The evaluators
read the portfolio as it was when you submitted it.
""",
    ),
    (
        "evaluation-guidelines",
        "Evaluation guidelines",
        "evaluation-guidelines",
        """
Evaluators read the portfolio one competency at a time and rate each competency:

| Rating | When |
|---|---|
| **Met** | The narrative and the evidence together show the competency clearly, with primary evidence of the candidate's own work. |
| **Partially met** | Part of the competency is shown, or the evidence does not fully support what the narrative says. |
| **Not met** | The competency is not shown, or the evidence does not relate to it. |

Evaluators ask of each competency:

- Does the narrative address this competency, not a neighbouring one?
- Does the evidence show the candidate's own knowledge and skill, and is it
  linked to what the narrative says?
- Is it current and drawn from library work, study or practice?

**The pass rule.** A set is met when at least {{ portfolio_pass_met_percent }}% of
its competencies are rated met and none is rated not met.

Each portfolio is read by **two evaluators** who do not know each other and do
not see each other's ratings until both are done. When both find the set met, it
is achieved. When both find it not met, the committee asks the candidate to revise
the portfolio, and may recommend an approved course in the set. When they
disagree, a **third evaluator** reads it and decides. Evaluators have
{{ review_due_days }} days for each review.
""",
    ),
    (
        "outcomes",
        "After you submit",
        "",
        """
You are told by mail when the evaluation is complete. You see one combined rating
for each competency and the evaluators' comments; you never see who evaluated you.

- **Achieved**: the set counts towards your certification; the result is final.
- **Revision needed**: revise the narratives and evidence the comments point to,
  then submit again. The revision is evaluated as a new submission.

When you have six sets (three required and three electives), you are certified for
{{ certification_years }} years.
""",
    ),
    (
        "approved-courses",
        "Approved courses and becoming an approved provider",
        "",
        """
A candidate who completes an approved course achieves its competency set without a
portfolio. A course counts if it was completed no more than
{{ course_retroactive_years }} years before it was approved, and during its
approval. The candidate records the completion and uploads the official completion
form, signed by the provider; or the provider confirms the candidate on its roster.

**Providers** (library schools, library technical assistant programs, state
libraries and associations, regional cooperatives, ALA divisions, private
organizations and individual consultants) apply online for each course:

1. Register as a provider and start an application.
2. Choose the one competency set the course covers, and show for **every**
   competency of the set where the course teaches it.
3. Describe the instructors and their qualifications, the format, delivery and
   length, how learning is assessed and how completion is certified, and the
   planned offerings.
4. Pay the approval fee shown on the application, by card, check or purchase
   order.

Program staff review the application and approve it, ask for changes, or refuse
it, with their reasons. An approval lasts {{ course_approval_years }} years and can
be renewed.
""",
    ),
    (
        "appeals",
        "Appeals",
        "",
        """
A candidate or a provider may appeal a decision of program staff or of the
Certification Review Committee: first a notice of intent, then the grounds and
any documents. The Certification Program Committee reviews the appeal, upholds or
denies it, and tells the appellant by mail at each step. Start an appeal from the
page that shows the decision.
""",
    ),
]

FAQ = [
    (
        "what",
        "What is Library Support Staff Certification?",
        """
A program that recognizes the achievement of library support staff who work in
libraries, through voluntary certification based on a nationally recognized set of
competencies.
""",
    ),
    (
        "who",
        "Who is library support staff?",
        """
Library support staff work in a library position that does not require a master's
degree in library and information science.
""",
    ),
    (
        "eligible",
        "Who is eligible?",
        """
Any library support staff member who has at least a high-school diploma or its
equivalent and has worked or volunteered in any type of library for at least
{{ eligibility_hours }} hours (one year) within the last
{{ eligibility_window_years }} years. Education completed outside the United
States is reviewed case by case. A basic understanding of technology (word
processing, email, saving and attaching files) is expected.
""",
    ),
    ("when", "When can I enroll?", "At any time. There are no application deadlines."),
    (
        "certified",
        "What do I have to do to be certified?",
        """
Successfully complete six of the ten [competency sets](/competencies/): the
{{ required_sets }} required sets and any {{ elective_sets }} electives.
""",
    ),
    (
        "demonstrate",
        "How can I demonstrate my competency?",
        """
Either complete a course approved by the program, or prepare and submit a
portfolio online that is positively evaluated by subject experts. You may achieve
some sets by course and others by portfolio. If you prepare a portfolio for a set
you do not need a course in it, and the other way round.
""",
    ),
    (
        "courses",
        "Does the program offer courses?",
        """
No. The program approves courses offered by library education providers: state
libraries, state library associations, regional library cooperatives, community
colleges, ALA divisions and individual consultants. Approved courses are offered
face to face or online; see the [catalog of approved courses](/courses/).
""",
    ),
    (
        "recognition",
        "What is a recognition agreement?",
        """
Community colleges that offer an associate degree or certificate for library
support staff may sign an agreement with the program when their required courses
cover three required and three elective competency sets. Their graduates apply
and enroll, and need not complete further courses or portfolios.
""",
    ),
    (
        "count",
        "I have taken many courses and workshops. Will they count?",
        """
An approved course, or a program with a recognition agreement, counts if you
completed it no more than {{ course_retroactive_years }} years before it was
approved. Other courses do not count directly, but what you learned in them can go
into a portfolio.
""",
    ),
    (
        "experience",
        "May I receive credit for working in a library?",
        """
Not directly, but you may use what you have learned at work to prepare a
portfolio.
""",
    ),
    (
        "portfolio-help",
        "How can I get help with a portfolio?",
        """
The [Portfolio and Assessment Manual](/manuals/portfolio-manual/) explains how to
prepare a portfolio, program staff hold regular
[webinars](/manuals/webinars/), and staff will review a draft portfolio before
you officially submit it.
""",
    ),
    (
        "how-long",
        "How long do I have to finish?",
        """
From your admission you have {{ candidacy_years }} years to complete the six
competency sets.
""",
    ),
    (
        "renewal",
        "How long does certification last, and do I renew it?",
        """
Certification lasts {{ certification_years }} years from the day you complete the
program. You can renew any time in the {{ renewal_window_months }} months before
it expires, with a grace period of {{ renewal_grace_months }} months after.
Renewal needs {{ renewal_hours }} contact hours of education related to the
competency sets, including at least {{ renewal_technology_hours }} hours related
to technology, and repeats every {{ certification_years }} years.
""",
    ),
    (
        "cost",
        "What does it cost?",
        """
The application fee is {{ application_fee }} ({{ application_fee_member }} for ALA
members) and covers your candidacy; each portfolio costs {{ portfolio_fee }}
({{ portfolio_fee_member }} for ALA members); renewal costs {{ renewal_fee }}.
Course fees are set by the course provider and none of them goes to the program.
See [how certification works](/how-certification-works/#fees).
""",
    ),
    (
        "po",
        "Can an institution pay with a purchase order?",
        """
Yes. Apply online and choose to pay by check or purchase order. The institution's
purchase order lists the applicants' names, their email addresses and the amount;
the applicants' candidacies start once program staff record the payment.
""",
    ),
    (
        "ala",
        "Do I have to be a member of ALA?",
        """
No. ALA members pay a lower application and portfolio fee.
""",
    ),
]

WEBINARS = [
    (
        "upcoming",
        "Upcoming presentations",
        """
Currently there are no scheduled upcoming presentations. Program staff are
available for preconferences and presentations at state conferences: write to the
program office.
""",
    ),
    (
        "archived",
        "Archived webinars and presentations",
        """
- **2013, April 24: LSSC, an introduction** (archived webinar). An hour-long
  recording of a webinar introducing and explaining the program.
""",
    ),
]


def forwards(apps, schema_editor):
    Manual = apps.get_model("manuals", "Manual")
    Section = apps.get_model("manuals", "Section")
    manuals = [
        ("portfolio-manual", "Portfolio and Assessment Manual",
         "What a portfolio contains, how evaluators assess it, and how a provider "
         "has a course approved.", 1,
         [(a, t, b, k) for a, t, k, b in PORTFOLIO_MANUAL]),
        ("faq", "Frequently asked questions",
         "Short answers about eligibility, the competency sets, fees and renewal.", 2,
         [(a, t, b, "") for a, t, b in FAQ]),
        ("webinars", "Webinars and presentations",
         "Webinars on preparing a portfolio, and presentations at conferences.", 3,
         [(a, t, b, "") for a, t, b in WEBINARS]),
    ]  # fmt: skip
    for slug, title, summary, order, sections in manuals:
        manual = Manual.objects.create(
            slug=slug, title=title, summary=summary, order=order
        )
        for position, (anchor, heading, body, key) in enumerate(sections, 1):
            Section.objects.create(
                manual=manual,
                title=heading,
                anchor=anchor,
                body=body.strip(),
                order=position * 10,
                key=key,
            )


def backwards(apps, schema_editor):
    apps.get_model("manuals", "Manual").objects.all().delete()


EDIT = [
    ("manuals", f"{action}_{model}")
    for model in ("manual", "section")
    for action in ("view", "add", "change", "delete")
]


class Migration(migrations.Migration):
    dependencies = [
        ("manuals", "0001_initial"),
        ("accounts", "0002_staff_groups"),
    ]
    operations = [
        migrations.RunPython(forwards, backwards),
        migrations.RunPython(
            *grant_operation(
                {
                    "Program Officer": EDIT,
                    "Program Assistant": EDIT,
                    # The committee keeps the evaluation guidelines up to date.
                    "Certification Review Committee": [
                        ("manuals", "view_manual"),
                        ("manuals", "view_section"),
                        ("manuals", "change_section"),
                    ],
                }
            )
        ),
    ]
