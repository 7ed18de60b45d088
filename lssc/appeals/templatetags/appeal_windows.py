"""``{% appeal_window subject as window %}``: the days a decision may be appealed,
for the pages that offer the appeal (``window.last_day``, ``window.is_open``)."""

from django import template

from ..deadlines import appeal_window as window_of

register = template.Library()


@register.simple_tag
def appeal_window(subject):
    return window_of(subject)
