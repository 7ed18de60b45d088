"""The demo's clock: journeys that run in date order, each step at its own moment.

A journey is a generator. It does one step of someone's history, then yields when
the next step happens (a ``datetime``, or a ``timedelta`` from now). The timeline
runs the steps of every journey in date order, with the clock moved to each step's
moment, so the services stamp every record with the date it would have had: a
course is approved before anyone completes it, a review comes after its
assignment, a renewal after four years. A step due after ``until`` (today) is not
run: that is the work still waiting in the demo.
"""

import datetime
import heapq
import itertools
from collections.abc import Generator

import time_machine
from django.db import transaction
from django.utils import timezone

Journey = Generator[datetime.date | datetime.timedelta | None, None, None]


def moment(day: datetime.date, hour: int = 10, minute: int = 0) -> datetime.datetime:
    """``day`` at a working hour in the program's time zone."""
    return timezone.make_aware(
        datetime.datetime.combine(day, datetime.time(hour, minute))
    )


class Timeline:
    def __init__(self, until: datetime.datetime):
        self.until = until
        self._queue: list = []
        self._order = itertools.count()
        self.steps = 0

    def start(self, at: datetime.datetime, journey: Journey) -> None:
        """Run ``journey`` from ``at`` (its first step) on."""
        if at <= self.until:
            heapq.heappush(self._queue, (at, next(self._order), journey))

    def run(self) -> None:
        while self._queue:
            at, _, journey = heapq.heappop(self._queue)
            # One transaction a step, as one request is: its after-commit work
            # (mail, certificates) runs at the step's moment, when it commits.
            with time_machine.travel(at, tick=False), transaction.atomic():
                try:
                    following = next(journey)
                except StopIteration:
                    continue
                finally:
                    self.steps += 1
            if following is None:
                continue
            if isinstance(following, datetime.timedelta):
                following = at + following
            elif not isinstance(following, datetime.datetime):
                following = moment(following)
            # A journey never goes back in time: the next step is after this one.
            self.start(max(following, at + datetime.timedelta(minutes=1)), journey)
