"""Production settings plus one minimal page, for load measurements only."""

from lssc.settings import *  # noqa: F403

ROOT_URLCONF = "bench.urls"
