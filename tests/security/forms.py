"""The forms and query parameters a page offers, read from its HTML."""

from dataclasses import dataclass, field
from html.parser import HTMLParser
from urllib.parse import parse_qsl, urljoin, urlsplit


@dataclass
class Field:
    name: str
    kind: str  # the input's type; "select", "textarea"
    value: str = ""
    options: list[str] = field(default_factory=list)
    multiple: bool = False


@dataclass
class Form:
    action: str  # a path, with its query string if any
    method: str  # "get" or "post"
    multipart: bool
    fields: list[Field] = field(default_factory=list)

    @property
    def key(self) -> tuple:
        """Forms alike in where they send and what: the same form on many pages."""
        return (
            self.method,
            urlsplit(self.action).path,
            tuple(sorted({f.name for f in self.fields})),
        )


class PageParser(HTMLParser):
    def __init__(self, url: str):
        super().__init__(convert_charrefs=True)
        self.url = url
        self.forms: list[Form] = []
        self.query_names: set[str] = set()
        self._form: Form | None = None
        self._select: Field | None = None
        self._textarea: Field | None = None

    def handle_starttag(self, tag, attrs):
        attrs = {k: v or "" for k, v in attrs}
        if tag == "a" and attrs.get("href", "").startswith("?"):
            self.query_names.update(k for k, _ in parse_qsl(attrs["href"][1:], True))
        elif tag == "form":
            action = urljoin(self.url, attrs.get("action") or self.url)
            parts = urlsplit(action)
            if parts.netloc and parts.netloc != "testserver":
                self._form = None  # another site's form (Stripe's checkout)
                return
            self._form = Form(
                action=parts.path + (f"?{parts.query}" if parts.query else ""),
                method=(attrs.get("method") or "get").lower(),
                multipart="multipart" in attrs.get("enctype", ""),
            )
            self.forms.append(self._form)
        elif self._form is None or "name" not in attrs:
            if tag == "option" and self._select is not None:
                self._select.options.append(attrs.get("value", ""))
            return
        elif tag in ("input", "button"):
            kind = attrs.get("type", "text" if tag == "input" else "submit").lower()
            self._form.fields.append(Field(attrs["name"], kind, attrs.get("value", "")))
        elif tag == "select":
            self._select = Field(attrs["name"], "select", multiple="multiple" in attrs)
            self._form.fields.append(self._select)
        elif tag == "textarea":
            self._textarea = Field(attrs["name"], "textarea")
            self._form.fields.append(self._textarea)

    def handle_data(self, data):
        if self._textarea is not None:
            self._textarea.value += data

    def handle_endtag(self, tag):
        if tag == "form":
            self._form = None
        elif tag == "select":
            self._select = None
        elif tag == "textarea":
            self._textarea = None


def read_page(url: str, html: str) -> tuple[list[Form], set[str]]:
    """The page's forms and the names its ``?…`` links put in the query string."""
    parser = PageParser(url)
    parser.feed(html)
    return parser.forms, parser.query_names
