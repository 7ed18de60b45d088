"""One run of every registered invariant, shared by ``manage.py check_data`` and the
nightly check that mails the Program Officers (``lssc.notifications.data_check``).

A run keeps the count of each invariant's violations and its first few (``keep``),
never all of them: a database broken in bulk can have millions, and memory must stay
bounded. A caller that wants every violation (the command prints each) passes
``each``, called on each one as the checks find it.
"""

import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from .invariants import Invariant, Violation, invariants


@dataclass
class Finding:
    """What one invariant found: how many violations, and the first ones."""

    invariant: Invariant
    count: int = 0
    examples: list[Violation] = field(default_factory=list)

    @property
    def more(self) -> int:
        """How many violations the examples leave out."""
        return self.count - len(self.examples)


@dataclass
class CheckRun:
    findings: list[Finding]
    elapsed: float

    @property
    def total(self) -> int:
        return sum(finding.count for finding in self.findings)

    @property
    def broken(self) -> list[Finding]:
        """The invariants with at least one violation, by name."""
        return [finding for finding in self.findings if finding.count]

    def summary(self) -> str:
        """One line: how many invariants, how long, how many violations of which."""
        total = self.total
        broken = [f"{f.invariant.name}: {f.count}" for f in self.broken]
        return (
            f"{len(self.findings)} invariants checked in {self.elapsed:.1f} s: "
            f"{total} violation{'' if total == 1 else 's'}"
            + (f" ({', '.join(broken)})" if broken else ".")
        )


def check_all(
    only: Iterable[str] = (),
    *,
    keep: int = 0,
    each: Callable[[Violation], None] | None = None,
) -> CheckRun:
    """Check every registered invariant (or those named in ``only``), keeping the
    first ``keep`` violations of each and passing every one to ``each``."""
    only = set(only)
    started = time.monotonic()
    findings = []
    for invariant in invariants():
        if only and invariant.name not in only:
            continue
        finding = Finding(invariant)
        for violation in invariant.check():
            finding.count += 1
            if len(finding.examples) < keep:
                finding.examples.append(violation)
            if each is not None:
                each(violation)
        findings.append(finding)
    return CheckRun(findings, time.monotonic() - started)
