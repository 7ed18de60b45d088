"""The page header every page opens with: breadcrumbs, the title and a lead.

    {% load page_header %}
    {% trail "Home" "home" "Your portfolios" "portfolios:list" as crumbs %}
    {% page_header "Portfolio for Technology" crumbs=crumbs %}
      Drafted {{ portfolio.created_at|date }}.
    {% end_page_header %}

The text between the two tags, if any, becomes the lead; it may hold variables
and links, which an ``{% include ... with lead="..." %}`` could not. The markup is
that of ``includes/page_header.html``.
"""

from django import template
from django.template.loader import render_to_string
from django.urls import NoReverseMatch, reverse
from django.utils.safestring import mark_safe

register = template.Library()


@register.simple_tag
def trail(*steps):
    """Breadcrumbs above the current page, as (label, URL) pairs, outermost first.

    ``steps`` alternate a label and a URL name without arguments (or a URL a view
    already reversed, starting with "/").
    """
    if len(steps) % 2:
        raise template.TemplateSyntaxError("trail takes pairs of label and URL.")
    crumbs = []
    for label, target in zip(steps[::2], steps[1::2], strict=True):
        if not str(target).startswith("/"):
            try:
                target = reverse(target)
            except NoReverseMatch as error:
                raise template.TemplateSyntaxError(
                    f"trail: no URL named {target!r}."
                ) from error
        crumbs.append((label, target))
    return crumbs


class PageHeaderNode(template.Node):
    def __init__(self, title, kwargs, nodelist):
        self.title = title
        self.kwargs = kwargs
        self.nodelist = nodelist

    def render(self, context):
        # The nested content was rendered (and escaped) by the template engine.
        lead = mark_safe(self.nodelist.render(context).strip())  # noqa: S308  # nosec B308 B703
        return render_to_string(
            "includes/page_header.html",
            {
                "title": self.title.resolve(context),
                "lead": lead,
                "crumbs": self.kwargs["crumbs"].resolve(context)
                if "crumbs" in self.kwargs
                else [],
            },
        )


@register.tag
def page_header(parser, token):
    """``{% page_header title [crumbs=...] %}lead{% end_page_header %}``."""
    bits = token.split_contents()
    if len(bits) < 2:
        raise template.TemplateSyntaxError("page_header needs a title.")
    kwargs = template.base.token_kwargs(bits[2:], parser)
    if len(kwargs) != len(bits) - 2 or set(kwargs) - {"crumbs"}:
        raise template.TemplateSyntaxError("page_header takes only crumbs=...")
    nodelist = parser.parse(("end_page_header",))
    parser.delete_first_token()
    return PageHeaderNode(parser.compile_filter(bits[1]), kwargs, nodelist)
