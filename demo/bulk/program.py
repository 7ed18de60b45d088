"""What every part of the dataset shares: the clock, the random generator, the
staff member who acts, the fee schedule, the competency sets, the content types,
and where files go."""

import datetime
import os
import random
from dataclasses import dataclass, field

from django.contrib.contenttypes.models import ContentType
from django.utils import timezone

from lssc.competencies.models import CompetencySet
from lssc.core.program import rules
from lssc.core.storage import private_storage
from lssc.fees.models import Fee
from lssc.fees.rules import select_fee

DAY = datetime.timedelta(days=1)
HOUR = datetime.timedelta(hours=1)
MINUTE = datetime.timedelta(minutes=1)


@dataclass(frozen=True)
class SetInfo:
    pk: int
    name: str
    slug: str
    is_required: bool
    competencies: tuple[int, ...]  # ids, in the set's order


@dataclass
class Program:
    rng: random.Random
    now: datetime.datetime
    officer: object
    password: str
    sets: list[SetInfo] = field(default_factory=list)
    fees: list[Fee] = field(default_factory=list)

    def __post_init__(self):
        self.today = timezone.localdate(self.now)
        self.rules = rules()  # read once: each call builds the rules afresh
        self.fees = list(Fee.objects.all())
        self.sets = [
            SetInfo(
                s.pk,
                s.name,
                s.slug,
                s.is_required,
                tuple(c.pk for c in s.competencies.all()),
            )
            for s in CompetencySet.objects.current().prefetch_related("competencies")
        ]
        self.set_by_pk = {s.pk: s for s in self.sets}
        self._types = {}
        self.files = Files()

    # Time ------------------------------------------------------------------------

    def days(self, low: int, high: int) -> datetime.timedelta:
        return DAY * self.rng.randint(low, high)

    def moment(self, day: datetime.date) -> datetime.datetime:
        """A time in office hours on ``day``, in the program's time zone."""
        minutes = self.rng.randint(8 * 60, 17 * 60)
        local = datetime.datetime.combine(
            day, datetime.time(minutes // 60, minutes % 60)
        )
        return timezone.make_aware(local)

    def later(self, at: datetime.datetime, low: int, high: int) -> datetime.datetime:
        """Between ``low`` and ``high`` days after ``at``, in office hours (and
        after ``at`` when on the same day)."""
        then = self.moment(self.local(at) + self.days(low, high))
        return then if then > at else self.soon(at, 120)

    def soon(self, at: datetime.datetime, minutes: int = 30) -> datetime.datetime:
        return at + MINUTE * self.rng.randint(1, minutes)

    @staticmethod
    def local(at: datetime.datetime) -> datetime.date:
        return timezone.localdate(at)

    def past(self, at: datetime.datetime | None) -> bool:
        """Whether ``at`` has happened (``None`` never has)."""
        return at is not None and at <= self.now

    # The program's records -------------------------------------------------------

    def fee(self, kind: str, *, on: datetime.date, member=False, item=1) -> Fee:
        """The fee row in force ``on``, as ``lssc.fees.services.fee_for`` picks it."""
        return select_fee(self.fees, kind=kind, ala_member=member, on=on, item=item)

    def type_of(self, model) -> int:
        if model not in self._types:
            self._types[model] = ContentType.objects.get_for_model(model).pk
        return self._types[model]

    @property
    def required(self) -> list[SetInfo]:
        return [s for s in self.sets if s.is_required]

    @property
    def electives(self) -> list[SetInfo]:
        return [s for s in self.sets if not s.is_required]


def write_file(name: str, data: bytes) -> str:
    """Write a new file of private storage under ``name`` (a fresh random name,
    so nothing is overwritten); faster than ``Storage.save``, which checks each
    name and writes in chunks."""
    path = private_storage.path(name)
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "xb") as out:
        out.write(data)
    return name


# The first file stored of each shared document, in the process that writes.
_first: dict = {}


def _write_all(files: list[tuple[str, bytes, object]]) -> int:
    for name, data, shared in files:
        first = _first.get(shared) if shared is not None else None
        if first is not None:
            path = private_storage.path(name)
            os.makedirs(os.path.dirname(path), exist_ok=True)
            try:
                os.link(private_storage.path(first), path)
                continue
            except FileNotFoundError:  # gone (another storage, a test's)
                pass
        write_file(name, data)
        if shared is not None:
            _first[shared] = name
    return len(files)


class Files:
    """Files written by another process while the rows that own them are
    inserted; ``wait`` before the rows' transaction commits. Until ``start``
    (and in a test's transaction) they are written here, at once.

    A document many rows hold (the same evidence file uploaded to many
    portfolios) is stored under each row's own name as a hard link to its first
    copy: every file is there to read, move or delete on its own, and creating
    one costs a tenth of writing it (creating a file's data blocks costs this
    machine's kernel about 0.4 ms).
    """

    CHUNK = 500

    def __init__(self):
        self.pool = None
        self.queued = []
        self.pending = []

    def start(self, context) -> None:
        self.pool = context.Pool(1)

    def store(self, name: str, data: bytes, shared=None) -> str:
        """Store ``data`` as ``name``; ``shared``: a key of the document when other
        rows hold the same one."""
        self.queued.append((name, data, shared))
        if self.pool is None:
            self._flush(_write_all)
        elif len(self.queued) >= self.CHUNK:
            self._flush(lambda files: self.pool.apply_async(_write_all, (files,)))
        return name

    def _flush(self, write) -> None:
        files, self.queued = self.queued, []
        self.pending.append(write(files))

    def wait(self) -> None:
        if self.pool is None:
            self.pending = []
            return
        if self.queued:
            self._flush(lambda files: self.pool.apply_async(_write_all, (files,)))
        for written in self.pending:
            written.get()
        self.pending = []

    def stop(self) -> None:
        if self.pool is not None:
            self.wait()
            self.pool.close()
            self.pool.join()
            self.pool = None
