"""What every benchmark script does first: choose the database, start Django, and
build the dataset when the database has none."""

import argparse
import os
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
BENCH_DATABASE = "postgres://postgres@127.0.0.1:5432/lssc_bench"


def arguments(description: str) -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(description=description)
    parser.add_argument(
        "--database", default=BENCH_DATABASE, help="a migrated PostgreSQL database"
    )
    parser.add_argument("--candidates", type=int, default=100_000)
    return parser


def setup(args) -> None:
    """Django on ``args.database``, with the dataset built if it is empty."""
    sys.path.insert(0, str(ROOT))
    os.environ["DATABASE_URL"] = args.database
    os.environ.setdefault("DEBUG", "1")
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "lssc.settings")

    import django

    django.setup()
    from django.core.management import call_command

    from candidates.models import Candidate

    if not Candidate.objects.exists():
        started = time.monotonic()
        call_command("generate_dataset", candidates=args.candidates)
        print(f"dataset built in {time.monotonic() - started:.0f} s")
