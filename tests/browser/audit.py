"""Checks run on every page the browser suite visits.

Each HTML document a test's browser receives is kept as the server sent it, and
checked when the test ends, so a journey cannot forget to ask:

* accessibility with axe-core (any violation tagged WCAG 2.0, 2.1 or 2.2 A/AA),
  in a page of its own that replays the document;
* the HTML itself with the Nu HTML checker (any error);
* JavaScript on the live page: any console error or uncaught exception.
"""

from __future__ import annotations

import hashlib
import json
import re
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path

from playwright.sync_api import BrowserContext, ConsoleMessage, Page, Response, Route
from playwright.sync_api import Error as PlaywrightError

ROOT = Path(__file__).resolve().parents[2]
AXE_JS = ROOT / "node_modules" / "axe-core" / "axe.min.js"
NU_JAR = ROOT / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"
WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22a", "wcag22aa"]

# Violations in Django's own admin markup, which the program does not write: on
# pages under /admin/ only, a violation of the rule inside the container is allowed.
# (rule id, CSS selector of the container) -> why. Anything else fails as anywhere.
ADMIN_ALLOWED: dict[tuple[str, str], str] = {
    ("target-size", "#changelist-filter"): (
        "Django's filter sidebar lists its choices as small links 20 px tall; "
        "they are spaced apart and each one has a text label."
    ),
}

_RUN_AXE = """async ({tags, allowed}) => {
  const results = await axe.run(document, {
    runOnly: {type: "tag", values: tags},
    resultTypes: ["violations"],
  });
  const isAllowed = (rule, target) => {
    const node = document.querySelector(target);
    return allowed.some(([id, container]) => id === rule && node?.closest(container));
  };
  return results.violations
    .map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      targets: v.nodes
        .map((n) => n.target.join(" "))
        .filter((target) => !isAllowed(v.id, target)),
    }))
    .filter((v) => v.targets.length);
}"""

# Parts of a page that change on every request and change nothing that is checked.
_VOLATILE = re.compile(rb'(value|nonce)="[^"]*"')


def _fingerprint(html: bytes) -> str:
    return hashlib.sha256(_VOLATILE.sub(b"", html)).hexdigest()


@dataclass
class Document:
    """A page as the server sent it."""

    url: str
    status: int
    headers: dict[str, str]
    html: bytes


class NuChecker:
    """Client of a running Nu HTML checker (vnu) web service."""

    def __init__(self, url: str):
        self.url = url
        self._seen: dict[str, list[str]] = {}

    def errors(self, html: bytes) -> list[str]:
        key = _fingerprint(html)
        if key not in self._seen:
            request = urllib.request.Request(  # noqa: S310 (local checker)
                f"{self.url}?out=json",
                data=html,
                headers={"Content-Type": "text/html; charset=utf-8"},
            )
            with urllib.request.urlopen(request, timeout=60) as response:  # noqa: S310
                messages = json.load(response)["messages"]
            self._seen[key] = [
                f"line {m.get('lastLine', '?')}: {m['message']}"
                for m in messages
                if m["type"] in ("error", "non-document-error")
            ]
        return self._seen[key]


class AxeChecker:
    """Runs axe-core on documents replayed in a page of its own.

    Replaying what the server sent (same URL, status and headers, so the same CSS,
    scripts and content security policy apply) keeps the audit out of the test's
    way: a journey never waits for it, and no audit races a navigation.
    """

    def __init__(self, context: BrowserContext, axe_js: str):
        context.add_init_script(axe_js)
        self.page = context.new_page()
        self.page.route("**/*", self._serve)
        self._replaying: Document | None = None
        self._seen: dict[str, list[dict]] = {}

    def _serve(self, route: Route) -> None:
        document = self._replaying
        if document is not None and route.request.url == document.url:
            headers = {
                name: value
                for name, value in document.headers.items()
                if name not in ("content-length", "content-encoding", "set-cookie")
            }
            route.fulfill(status=document.status, headers=headers, body=document.html)
        else:
            route.fallback()

    def violations(self, document: Document, path: str) -> list[dict]:
        key = _fingerprint(document.html)
        if key not in self._seen:
            self._replaying = document
            try:
                self.page.goto(document.url, wait_until="load")
            finally:
                self._replaying = None
            allowed = list(ADMIN_ALLOWED) if path.startswith("/admin/") else []
            self._seen[key] = self.page.evaluate(
                _RUN_AXE, {"tags": WCAG_TAGS, "allowed": allowed}
            )
        return self._seen[key]


@dataclass
class PageAudit:
    """Collects what a test's page receives and shows; checks it at the end."""

    page: Page
    base_url: str
    nu: NuChecker
    axe: AxeChecker
    findings: list[str] = field(default_factory=list)
    documents: list[Document] = field(default_factory=list)
    _current_url: str = ""
    _reading: int = 0

    def attach(self) -> PageAudit:
        self.page.on("console", self._on_console)
        self.page.on("pageerror", self._on_page_error)
        self.page.on("response", self._on_response)
        return self

    def _on_console(self, message: ConsoleMessage) -> None:
        if message.type != "error":
            return
        # The browser logs an error status of the page itself (a 404 the test
        # expects, say); the test asserts that status. Sub-resources still count.
        if message.text.startswith("Failed to load resource") and (
            message.location.get("url", "") == self._current_url
        ):
            return
        self.findings.append(f"{self.page.url}: console error: {message.text}")

    def _on_page_error(self, error) -> None:
        self.findings.append(f"{self.page.url}: uncaught JavaScript error: {error}")

    def _on_response(self, response: Response) -> None:
        request = response.request
        if not (
            request.is_navigation_request() and request.frame == self.page.main_frame
        ):
            return
        self._current_url = response.url
        headers = response.headers
        if (
            response.url.startswith(self.base_url)
            and "text/html" in headers.get("content-type", "")
            and not 300 <= response.status < 400
        ):
            # Read the body at once: a document the browser has left is gone.
            self._reading += 1
            try:
                body = response.body()
            finally:
                self._reading -= 1
            self.documents.append(
                Document(response.url, response.status, headers, body)
            )

    def _body(self, response: Response) -> bytes | None:
        try:
            return response.body()
        except PlaywrightError:
            pass
        # The test moved on before the browser handed the page over (Chromium drops
        # a document it has left). A page from a GET is fetched again, with the same
        # cookies; anything else is reported, never skipped silently.
        if response.request.method == "GET":
            return self.page.context.request.get(response.url).body()
        self.findings.append(
            f"{response.url}: the page was left before it could be checked"
        )
        return None

    def settle(self, timeout_ms: int = 10_000) -> None:
        """Wait for the bodies still being read; call before closing the page."""
        waited = 0
        # One turn first, so that responses already received reach the listener.
        while not self.page.is_closed() and waited < timeout_ms:
            self.page.wait_for_timeout(20)
            waited += 20
            if not self._reading:
                return

    def check(self) -> list[str]:
        """Check every document the page received; the findings, if any."""
        for document in self.documents:
            path = document.url[len(self.base_url) :] or "/"
            for error in self.nu.errors(document.html):
                self.findings.append(f"{path}: invalid HTML: {error}")
            for violation in self.axe.violations(document, path):
                self.findings.append(
                    f"{path}: accessibility: {violation['id']} "
                    f"({violation['impact']}): {violation['help']} "
                    f"-> {violation['targets']}"
                )
        return self.findings
