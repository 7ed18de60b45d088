"""Running the application on 127.0.0.1 for the load and security scripts."""

import os
import secrets
import socket
import subprocess
import sys
import time
from contextlib import contextmanager
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def production_env(database_url: str, **overrides: str) -> dict[str, str]:
    """The production settings (DEBUG off) over plain HTTP on the loopback.

    The HTTPS redirect is off: TLS ends at the proxy in production, and these
    scripts talk to gunicorn directly.
    """
    env = {k: v for k, v in os.environ.items() if not k.startswith("DJANGO_")}
    env.update(
        DJANGO_SETTINGS_MODULE="lssc.settings",
        DEBUG="off",
        SECRET_KEY=secrets.token_urlsafe(50),
        ALLOWED_HOSTS="127.0.0.1",
        SECURE_SSL_REDIRECT="off",
        DATABASE_URL=database_url,
        EMAIL_URL="memorymail://",
    )
    env.update(overrides)
    return env


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def wait_for_port(port: int, process: subprocess.Popen, timeout: float = 60) -> bool:
    """True once something listens on ``port``; False if ``process`` dies first."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline and process.poll() is None:
        try:
            socket.create_connection(("127.0.0.1", port), timeout=1).close()
            return True
        except OSError:
            time.sleep(0.2)
    return False


@contextmanager
def gunicorn(env: dict[str, str], *options: str):
    """gunicorn serving the application; yields its base URL, always stops it."""
    port = free_port()
    server = subprocess.Popen(  # noqa: S603
        [
            str(Path(sys.executable).with_name("gunicorn")),
            "lssc.wsgi",
            "--bind",
            f"127.0.0.1:{port}",
            *options,
        ],
        cwd=ROOT,
        env=env,
    )
    try:
        if not wait_for_port(port, server, timeout=30):
            raise SystemExit("gunicorn did not start")
        yield f"http://127.0.0.1:{port}"
    finally:
        server.terminate()
        server.wait(timeout=30)
