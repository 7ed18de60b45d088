from django import template

register = template.Library()


@register.filter
def usd(cents):
    """Format integer cents as dollars: 35000 -> "$350", 32550 -> "$325.50"."""
    if cents is None or cents == "":
        return ""
    cents = int(cents)
    if cents % 100 == 0:
        return f"${cents // 100:,}"
    return f"${cents / 100:,.2f}"


@register.filter
def ordinal(number):
    number = int(number)
    suffix = (
        "th"
        if 10 <= number % 100 <= 20
        else {1: "st", 2: "nd", 3: "rd"}.get(number % 10, "th")
    )
    return f"{number}{suffix}"


@register.filter
def has_two_factor(user) -> bool:
    """Whether ``user`` protects their account with a second factor."""
    from lssc.accounts.two_factor import two_factor_enabled

    return two_factor_enabled(user)
