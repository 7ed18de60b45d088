"""Throughput and latency of the main pages, against a generated dataset.

    .venv/bin/python bench/load.py [--database URL] [--duration 10] [--workers N]

Needs a database filled by ``manage.py generate_dataset`` (see bench/README.md),
``wrk`` (Debian package) and, optionally, Redis (``REDIS_URL``; the production
cache and Celery broker). It:

1. starts gunicorn on 127.0.0.1 with the production settings (DEBUG off) plus one
   minimal Django page, the ceiling no page can beat on this machine;
2. signs in the generated candidate, applicant and Program Officer (sessions made
   server-side; the officer has two-factor authentication, as the admin demands)
   and checks each page answers 200 for its user;
3. counts each page's SQL queries (in this process, same database);
4. drives each page with ``wrk --latency`` at 1 and at 50 connections;
5. prints a Markdown table: requests per second, p50 and p99 latency, and each
   page's throughput as a share of the ceiling's.

Later features add their pages to ``PAGES``.
"""

import argparse
import os
import re
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bench.server import gunicorn, production_env  # noqa: E402


@dataclass(frozen=True)
class PageSpec:
    name: str
    path: str
    user: str | None  # email of the signed-in user, None for a visitor


CANDIDATE = "bench-candidate@example.org"
APPLICANT = "bench-applicant@example.org"
OFFICER = "bench-officer@example.org"
PAGES = [
    PageSpec("ceiling (minimal Django view)", "/bench/ceiling/", None),
    PageSpec("home", "/", None),
    PageSpec("competency set", "/competencies/technology/", None),
    PageSpec("CAR (candidate)", "/car/", CANDIDATE),
    PageSpec("application form step", "/apply/contact/", APPLICANT),
    PageSpec("admin: applications", "/admin/candidates/application/", OFFICER),
    PageSpec("admin: candidates", "/admin/candidates/candidate/", OFFICER),
    PageSpec("admin: payments", "/admin/payments/payment/", OFFICER),
    # The catalog ``generate_dataset`` makes (courses numbered from 1).
    PageSpec("course catalog", "/courses/", None),
    PageSpec(
        "catalog, filtered and searched",
        "/courses/?competency_set=technology&delivery=online&q=library",
        None,
    ),
    PageSpec("catalog, page 40", "/courses/?page=40", None),
    PageSpec("course page", "/courses/1/", None),
]
CONNECTIONS = (1, 50)


def configure(database_url: str) -> dict[str, str]:
    """Production settings for this process and gunicorn alike."""
    env = production_env(
        database_url,
        DJANGO_SETTINGS_MODULE="bench.settings",
        ALLOWED_HOSTS="127.0.0.1,testserver",
        LOG_LEVEL="WARNING",
    )
    os.environ.update(env)
    return env


def sessions(users: set[str]) -> dict[str, str]:
    from django.test import Client

    from lssc.accounts.models import User

    cookies = {}
    for email in users:
        client = Client()
        client.force_login(User.objects.get(email=email))
        cookies[email] = client.cookies["sessionid"].value
    return cookies


def query_counts(cookies: dict[str, str]) -> dict[str, int]:
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    counts = {}
    for page in PAGES:
        client = Client()
        if page.user:
            client.cookies["sessionid"] = cookies[page.user]
        client.get(page.path)  # warm caches, as a running server has them
        with CaptureQueriesContext(connection) as queries:
            response = client.get(page.path)
        if response.status_code != 200:
            raise SystemExit(f"{page.path} answered {response.status_code}")
        counts[page.path] = len(queries)
    return counts


UNITS = {"us": 0.001, "ms": 1.0, "s": 1000.0}


def parse_wrk(output: str) -> dict[str, float]:
    def latency(percent: str) -> float:
        value, unit = re.search(
            rf"^\s+{percent}%\s+([\d.]+)(us|ms|s)\s*$", output, re.M
        ).groups()
        return float(value) * UNITS[unit]

    rps = float(re.search(r"Requests/sec:\s+([\d.]+)", output).group(1))
    errors = re.search(r"Non-2xx or 3xx responses: (\d+)", output)
    if errors:
        raise SystemExit(f"wrk saw {errors.group(1)} error responses:\n{output}")
    if "Socket errors" in output:
        raise SystemExit(f"wrk saw connection errors or timeouts:\n{output}")
    return {"rps": rps, "p50": latency("50"), "p99": latency("99")}


def run_wrk(url: str, cookie: str | None, connections: int, duration: int):
    command = [
        shutil.which("wrk") or "wrk",
        f"--connections={connections}",
        f"--threads={min(connections, 2)}",
        f"--duration={duration}s",
        # wrk leaves answers slower than its timeout (2 s by default) out of the
        # latency figures; a long timeout keeps slow pages' p99 honest.
        "--timeout=60s",
        "--latency",
    ]
    if cookie:
        command += ["--header", f"Cookie: sessionid={cookie}"]
    result = subprocess.run(  # noqa: S603
        [*command, url], capture_output=True, text=True, check=True
    )
    return parse_wrk(result.stdout)


def check_status(url: str, cookie: str | None) -> None:
    import urllib.request

    request = urllib.request.Request(url)  # noqa: S310 (loopback only)
    if cookie:
        request.add_header("Cookie", f"sessionid={cookie}")
    # The URL is built above from 127.0.0.1 and a free port: no other scheme.
    with urllib.request.urlopen(request, timeout=30) as response:  # noqa: S310  # nosec B310
        final = response.geturl()
        if response.status != 200 or final != url:
            raise SystemExit(f"{url} answered {response.status} at {final}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--database", default="postgres://postgres@127.0.0.1:5432/lssc_bench"
    )
    parser.add_argument("--duration", type=int, default=10, help="seconds per run")
    parser.add_argument("--workers", type=int, default=2 * (os.cpu_count() or 1) + 1)
    options = parser.parse_args()
    if not shutil.which("wrk"):
        raise SystemExit("wrk is not installed (Debian: apt-get install wrk)")

    env = configure(options.database)
    import django

    django.setup()
    from django.core.management import call_command

    call_command("collectstatic", interactive=False, verbosity=0)
    cookies = sessions({page.user for page in PAGES if page.user})
    queries = query_counts(cookies)

    results = {}
    threads = ("--worker-class", "gthread", "--threads", "4", "--log-level", "warning")
    with gunicorn(env, "--workers", str(options.workers), *threads) as base:
        for page in PAGES:
            url = f"{base}{page.path}"
            cookie = cookies.get(page.user)
            check_status(url, cookie)
            results[page.path] = {
                n: run_wrk(url, cookie, n, options.duration) for n in CONNECTIONS
            }
            print(f"measured {page.name}", file=sys.stderr)
    print_table(results, queries, options)


def print_table(results, queries, options) -> None:
    ceiling = results[PAGES[0].path]
    print(
        f"\n{os.cpu_count()} cores, {options.workers} gunicorn workers x 4 threads, "
        f"{options.duration} s per run.\n"
    )
    print(
        "| page | queries | req/s @1 | p50 @1 | p99 @1 | req/s @50 | p50 @50 "
        "| p99 @50 | share of ceiling @1 / @50 |"
    )
    print("|---|--:|--:|--:|--:|--:|--:|--:|--:|")
    for page in PAGES:
        one, fifty = results[page.path][1], results[page.path][50]
        share = (
            f"{one['rps'] / ceiling[1]['rps']:.0%} / "
            f"{fifty['rps'] / ceiling[50]['rps']:.0%}"
        )
        print(
            f"| {page.name} | {queries[page.path]} | {one['rps']:,.0f} "
            f"| {one['p50']:.1f} ms | {one['p99']:.1f} ms | {fifty['rps']:,.0f} "
            f"| {fifty['p50']:.1f} ms | {fifty['p99']:.1f} ms | {share} |"
        )


if __name__ == "__main__":
    main()
