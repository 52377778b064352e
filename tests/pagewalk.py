"""Walk the pages a user can reach by following links, for checks that must hold on every page
(no sideways scroll, Dutch only, no caching of personal data). Shared by the fast tests
(TestClient) and the browser test."""

import re
from collections.abc import Callable
from html.parser import HTMLParser
from urllib.parse import urldefrag, urlencode, urlsplit

SKIP_PREFIXES = ("/static/", "/api/", "/logout", "/locale")
DOWNLOAD_SUFFIXES = (".pdf", ".csv", ".yaml", ".json", ".zip", "/download")
LINK = re.compile(r'<a\b[^>]*\bhref="([^"]+)"', re.I)


HX_GET = re.compile(r'\bhx-get="([^"]+)"', re.I)


def _local(hrefs: list[str]) -> list[str]:
    found = []
    for href in hrefs:
        href = urldefrag(href.replace("&amp;", "&"))[0]
        parts = urlsplit(href)
        if parts.scheme or parts.netloc or not href.startswith("/"):
            continue
        if href.startswith(SKIP_PREFIXES):
            continue
        found.append(href)
    return found


def links(html: str) -> list[str]:
    return _local(LINK.findall(html))


class _GetForms(HTMLParser):
    """The requests a page's GET forms make when sent as they are (filters, searches)."""

    UNSENT = {"submit", "button", "image", "reset", "file"}

    def __init__(self, page: str) -> None:
        super().__init__()
        self.page = urlsplit(page).path
        self.forms: list[str] = []
        self.fields: list[tuple[str, str]] | None = None
        self.action = ""
        self.select: tuple[str, list[str], list[str]] | None = None  # name, options, selected

    def handle_starttag(self, tag, attrs):  # type: ignore[no-untyped-def]
        values = {key: value or "" for key, value in attrs}
        kind = values.get("type", "text").lower()
        if tag == "form" and values.get("method", "get").lower() == "get":
            self.fields, self.action = [], values.get("action") or self.page
        elif tag == "option" and self.select is not None:
            self.select[1].append(values.get("value", ""))
            if "selected" in values:
                self.select[2].append(values.get("value", ""))
        elif self.fields is None or not values.get("name"):
            return
        elif tag == "input" and kind not in self.UNSENT:
            if kind not in ("checkbox", "radio") or "checked" in values:
                self.fields.append((values["name"], values.get("value", "")))
        elif tag == "select":
            self.select = (values["name"], [], [])

    def handle_endtag(self, tag):  # type: ignore[no-untyped-def]
        if tag == "select" and self.select is not None and self.fields is not None:
            name, options, selected = self.select
            if chosen := (selected or options)[:1]:
                self.fields.append((name, chosen[0]))
            self.select = None
        elif tag == "form" and self.fields is not None:
            self.forms.append(f"{self.action}?{urlencode(self.fields)}" if self.fields
                              else self.action)
            self.fields = None


def reads(page: str, html: str) -> list[str]:
    """What a page fetches besides its links: HTMX fragments (`hx-get`, loaded or polled) and
    its GET forms sent with the values they show."""
    forms = _GetForms(page)
    forms.feed(html)
    return _local([*HX_GET.findall(html), *forms.forms])


def is_download(path: str) -> bool:
    return urlsplit(path).path.endswith(DOWNLOAD_SUFFIXES)


def pattern(path: str) -> str:
    """Pages of one kind share a pattern: /candidates/12 and /candidates/13 are one page, and so
    are /roles/ml-engineer and /roles/data-analyst."""
    parts = urlsplit(path)
    shape = re.sub(r"/\d+(?=/|$)", "/{id}", parts.path)
    shape = re.sub(r"/[a-z0-9]+(?:[-_][a-z0-9]+)+(?=/|$)", "/{key}", shape)
    keys = sorted({pair.split("=")[0] for pair in parts.query.split("&") if pair})
    return shape + ("?" + "&".join(keys) if keys else "")


def section(path: str) -> str:
    return urlsplit(path).path.split("/")[1]


def walk(fetch, start: str = "/", limit: int = 150, per_section: int = 14,  # type: ignore[no-untyped-def]
         also: Callable[[str, str], list[str]] | None = None):
    """Breadth first from `start`; `fetch(path)` returns (status, content_type, text) and is
    called once per page pattern (and at most `per_section` times per first path segment).
    `also(path, html)` names more requests to follow than the page's links (see `reads`).
    Yields (path, status, content_type, text)."""
    queue, seen = [start], {pattern(start)}
    sections: dict[str, int] = {}
    while queue and limit:
        path = queue.pop(0)
        sections[section(path)] = sections.get(section(path), 0) + 1
        if sections[section(path)] > per_section:
            continue
        limit -= 1
        status, content_type, text = fetch(path)
        yield path, status, content_type, text
        if "html" not in content_type:
            continue
        for link in [*links(text), *(also(path, text) if also else [])]:
            if pattern(link) not in seen:
                seen.add(pattern(link))
                queue.append(link)


class _Text(HTMLParser):
    """Visible text of a page: no scripts, styles, or elements marked as another language."""

    SKIP = {"script", "style", "code", "pre", "template", "textarea"}  # textarea: user data
    VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta",
            "source", "track", "wbr"}

    def __init__(self) -> None:
        super().__init__()
        self.stack: list[bool] = []
        self.parts: list[str] = []

    def handle_starttag(self, tag, attrs):  # type: ignore[no-untyped-def]
        if tag in self.VOID:
            return
        values = dict(attrs)
        hidden = tag in self.SKIP or values.get("lang", "nl") not in ("nl", "nl-NL") or (
            "translate" in values and values["translate"] == "no")
        self.stack.append(hidden or (bool(self.stack) and self.stack[-1]))

    def handle_endtag(self, tag):  # type: ignore[no-untyped-def]
        if tag not in self.VOID and self.stack:
            self.stack.pop()

    def handle_data(self, data):  # type: ignore[no-untyped-def]
        if not (self.stack and self.stack[-1]):
            self.parts.append(data)


def visible_text(html: str) -> str:
    parser = _Text()
    parser.feed(html)
    return re.sub(r"\s+", " ", " ".join(parser.parts))


# Words that are English and not Dutch; a Dutch page should not contain them outside the
# allow-list below.
ENGLISH = re.compile(
    r"\b(the|and|with|your|you|this|that|these|must|should|not|found|have|has|been|were|"
    r"will|would|which|from|please|there|their|yes|no|error|invalid|empty|contains|"
    r"named|bytes|accepted|evidenced|candidates|skills|roles|page|input|valid|number|"
    r"field|required|missing|could|cannot|only|more|less|than|screened|found|"
    r"waiting|running|finished|applied|sourced|hired|rejected|withdrawn)\b", re.I)
# English that is right in Dutch too (product and skill names, technical terms).
ALLOWED = re.compile(
    r"(Searchlight|SEARCH|Machine learning|Deep learning|Natural language processing|"
    r"Computer vision|Data Engineer|Prompt Engineer|Engineer|Data Scientist|"
    r"MLOps|LLMOps|Product Owner|Scrum|Pipeline|pipeline|tone of voice|hiring manager|"
    r"Skills Based Organisation|open source|Open Source|Power BI|[Mm]ust-haves?|[Nn]ice-to-haves?|"
    r"\S+\.(?:pdf|docx|zip|txt|json)\b|'roles:'|analytical skills|[Ss]oft skills?|[Hh]ard skills?|"
    r"\w+-skills|error rates)",
)


def english_words(text: str) -> list[str]:
    """English words with a little of the text around them, to find where they come from."""
    text = ALLOWED.sub(" ", text)
    return sorted({f"{m.group(0)!r} in …{text[max(m.start() - 30, 0):m.end() + 30]}…"
                   for m in ENGLISH.finditer(text)})[:6]
