"""Scan the running application with the wapiti web vulnerability scanner.

    .venv/bin/python bench/security/scan.py [--minutes 15] [--database URL]

What it does, on 127.0.0.1 only:

1. migrates a scratch PostgreSQL database (default ``lssc_scan``, created if
   missing) and collects static files;
2. creates an admitted candidate with a share link, and a signed-in session for
   them, so the scanner reaches the pages behind the login;
3. starts gunicorn with the production settings (DEBUG off) except the redirect
   to HTTPS, since the scan talks plain HTTP on the loopback (in production TLS
   ends at the proxy); the gunicorn access log goes next to the report;
4. runs wapiti with its injection, XSS, redirect, CSRF, header, cookie and CSP
   modules, logged in as the candidate, and writes its JSON report to
   ``test-artifacts/security/wapiti.json``, then prints a summary.

The findings and what was done about them are recorded in docs/security.md.
"""

import argparse
import json
import secrets
import shutil
import subprocess
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from bench.server import gunicorn, production_env  # noqa: E402

REPORT = ROOT / "test-artifacts" / "security" / "wapiti.json"
MODULES = (
    "blindsql,sql,exec,file,permanentxss,xss,redirect,ssrf,crlf,csrf,"
    "http_headers,cookieflags,csp,methods,htaccess,backup"
)
CANDIDATE_EMAIL = "scan-candidate@example.org"


def ensure_database(database_url: str) -> None:
    import psycopg

    name = database_url.rsplit("/", 1)[1]
    server = database_url.rsplit("/", 1)[0] + "/postgres"
    with psycopg.connect(server, autocommit=True) as connection:
        exists = connection.execute(
            "SELECT 1 FROM pg_database WHERE datname = %s", [name]
        ).fetchone()
        if not exists:
            connection.execute(f'CREATE DATABASE "{name}"')


def manage(env: dict[str, str], *args: str) -> None:
    subprocess.run(  # noqa: S603
        [sys.executable, "manage.py", *args], cwd=ROOT, env=env, check=True
    )


SESSION_SCRIPT = """
import datetime, os
from django.contrib.auth import get_user_model
from django.test import Client
from django.utils import timezone
from candidates.models import Candidate, ShareLink
from tests.candidates.helpers import submitted
from candidates.transitions import admit
from tests.factories import UserFactory

email = os.environ["SCAN_EMAIL"]
User = get_user_model()
user = User.objects.filter(email=email).first() or UserFactory(email=email)
candidate = (
    Candidate.objects.filter(user=user).first() or admit(submitted(user)).candidate
)
ShareLink.objects.get_or_create(
    candidate=candidate, label="Scan",
    defaults={"expires_on": timezone.localdate() + datetime.timedelta(days=30)},
)
client = Client()
client.force_login(user)
print(client.cookies["sessionid"].value)
"""


def candidate_session(env: dict[str, str]) -> str:
    result = subprocess.run(  # noqa: S603
        [sys.executable, "manage.py", "shell", "--no-imports", "-c", SESSION_SCRIPT],
        cwd=ROOT,
        env={**env, "SCAN_EMAIL": CANDIDATE_EMAIL},
        check=True,
        capture_output=True,
        text=True,
    )
    return result.stdout.strip().splitlines()[-1]


# Debian's wapiti 3.0.4 builds its --exclude patterns with a trailing "(?ms)", which
# Python 3.11 rejects; this runs it with the flags moved to the front.
WAPITI_SHIM = """
import re, sys
from wapitiCore.net import crawler

def wildcard_translate(pattern):
    body = "".join(".*" if c == "*" else re.escape(c) for c in pattern)
    return re.compile("(?ms)" + body + r"\\Z")

crawler.wildcard_translate = wildcard_translate
from wapitiCore.main.wapiti import wapiti_main
sys.argv[0] = "wapiti"
sys.exit(wapiti_main())
"""


def wapiti_command() -> list[str]:
    wapiti = shutil.which("wapiti")
    if not wapiti:
        raise SystemExit("wapiti is not installed (Debian: apt-get install wapiti)")
    interpreter = Path(wapiti).read_text().splitlines()[0].removeprefix("#!").strip()
    return [interpreter, "-c", WAPITI_SHIM]


def summarise(report: Path) -> None:
    data = json.loads(report.read_text())
    print(f"\nwapiti report: {report.relative_to(ROOT)}")
    for kind in ("vulnerabilities", "anomalies", "additionals"):
        counts = Counter(
            {name: len(found) for name, found in data.get(kind, {}).items() if found}
        )
        print(f"{kind}: {sum(counts.values())}")
        for name, count in counts.most_common():
            print(f"  {count:4d}  {name}")
            for finding in data[kind][name][:5]:
                where = finding.get("path", "")
                print(f"        {finding.get('method', '')} {where}: {finding['info']}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--minutes", type=int, default=15)
    parser.add_argument(
        "--database", default="postgres://postgres@127.0.0.1:5432/lssc_scan"
    )
    options = parser.parse_args()
    wapiti = wapiti_command()
    env = production_env(options.database)
    ensure_database(options.database)
    manage(env, "migrate", "--noinput", "-v0")
    manage(env, "collectstatic", "--noinput", "-v0")
    session = candidate_session(env)
    REPORT.parent.mkdir(parents=True, exist_ok=True)
    csrf = secrets.token_hex(16)

    REPORT.with_name("access.log").unlink(missing_ok=True)
    access_log = ("--access-logfile", str(REPORT.with_name("access.log")))
    with gunicorn(env, "--workers", "2", *access_log) as base:
        subprocess.run(  # noqa: S603
            [
                *wapiti,
                "--url",
                f"{base}/",
                "--scope",
                "folder",
                "--module",
                MODULES,
                "--header",
                f"Cookie: sessionid={session}; csrftoken={csrf}",
                # Signing out would end the scan's session.
                "--exclude",
                f"{base}/accounts/logout/",
                "--max-scan-time",
                str(options.minutes * 60),
                "--flush-session",
                "--format",
                "json",
                "--output",
                str(REPORT),
                "--verbose",
                "0",
            ],
            check=False,
        )
    summarise(REPORT)


if __name__ == "__main__":
    main()
