"""How long the staff dashboard, each report and the largest admin lists take over
a full program.

    .venv/bin/python bench/reports.py [--database URL] [--candidates 100000]

Builds the dataset with ``manage.py generate_dataset`` when the database has no
candidates yet (give an empty, migrated database). Each page is requested through
Django's test client as the generated Program Officer, five times; the table gives
the median time and the number of SQL queries. Prints a Markdown table for
docs/performance.md.
"""

import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.django_setup import arguments, setup

ADMIN_LISTS = [
    ("users", "accounts_user", "garcia"),
    ("applications", "candidates_application", "person00123"),
    ("candidates", "candidates_candidate", "LSSC-2024"),
    ("payments", "payments_payment", "person00123"),
    ("audit entries", "audit_auditentry", "admitted"),
    ("outgoing mail", "notifications_outgoingmail", "person00123"),
]


def main():
    parser = arguments(__doc__)
    parser.add_argument("--start", default="2022-01-01")
    parser.add_argument("--end", default="2026-12-31")
    args = parser.parse_args()
    setup(args)
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext
    from django.urls import reverse

    from candidates.models import Candidate
    from demo.dataset import OFFICER_EMAIL
    from lssc.accounts.models import User
    from lssc.reports.base import reports_for

    officer = User.objects.get(email=OFFICER_EMAIL)
    officer.is_superuser = True  # every report, whatever the groups
    officer.save(update_fields=["is_superuser"])
    client = Client(SERVER_NAME="localhost")
    client.force_login(officer)
    pages = [("Staff dashboard", reverse("staff_dashboard"))]
    query = f"?start={args.start}&end={args.end}"
    pages += [
        (r.title, reverse("reports:detail", args=[r.slug]) + query)
        for r in reports_for(officer)
    ]
    # The admin lists staff open most, plain and searched, on the largest tables.
    for label, name, search in ADMIN_LISTS:
        url = reverse(f"admin:{name}_changelist")
        pages.append((f"Admin: {label}", url))
        pages.append((f"Admin: {label}, searched", f"{url}?q={search}"))
    rows = []
    for title, path in pages:
        times = []
        for _ in range(5):
            with CaptureQueriesContext(connection) as ctx:
                started = time.monotonic()
                response = client.get(path)
                times.append(time.monotonic() - started)
            if response.status_code != 200:
                raise SystemExit(f"{path} answered {response.status_code}")
        rows.append((title, statistics.median(times) * 1000, len(ctx.captured_queries)))
        print(f"measured {title}", file=sys.stderr)
    count = Candidate.objects.count()
    print(
        f"\n{count:,} candidates; {args.start} to {args.end}; "
        f"PostgreSQL {connection.pg_version // 10000}.\n"
    )
    print("| page | median ms | queries |")
    print("|---|--:|--:|")
    for title, ms, queries in rows:
        print(f"| {title} | {ms:.0f} | {queries} |")


if __name__ == "__main__":
    main()
