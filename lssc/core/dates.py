import datetime


def add_years(day: datetime.date, years: int) -> datetime.date:
    """The same day ``years`` later (or earlier); 29 February becomes the 28th."""
    try:
        return day.replace(year=day.year + years)
    except ValueError:
        return day.replace(year=day.year + years, day=28)


def period_end(start: datetime.date, years: int) -> datetime.date:
    """The first day after a period of whole years that begins on ``start``.

    Begun on 1 March 2026, a 3-year period runs through 28 February 2029 and ends on
    1 March 2029. Begun on 29 February 2028, it runs through 28 February 2031 and
    ends on 1 March 2031: a leap day never shortens it.
    """
    end = add_years(start, years)
    if (start.month, start.day) != (end.month, end.day):
        end += datetime.timedelta(days=1)
    return end


def add_months(day: datetime.date, months: int) -> datetime.date:
    """The same day ``months`` later (or earlier), or the month's last day when it
    has no such day (31 January + 1 month is 28 or 29 February)."""
    month_index = day.year * 12 + day.month - 1 + months
    year, month = divmod(month_index, 12)
    month += 1
    for last in (31, 30, 29, 28):
        try:
            return day.replace(year=year, month=month, day=min(day.day, last))
        except ValueError:
            continue
    raise AssertionError("unreachable")
