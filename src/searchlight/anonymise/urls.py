"""Web addresses: personal sites and profile URLs, also when a PDF reader wrapped them over a line
end ("linkedin.com/in/jan-de-" + "vries"), with the site's own label in front ("GitHub: ...");
and the name part (slug) of a profile URL, which the name finders use as a hint."""

from __future__ import annotations

import re
from collections.abc import Iterator

from searchlight.anonymise.text import Span, line_bounds

_URL_CHARS = r"[^\s<>\"'{}|\\^\[\]]"
_DOT_IN_WORD = re.compile(r"\.(?=[\w-])")
_HOST_CHARS = frozenset("-_./:")
_LONGEST_HOST = 100  # characters before a dot that can still belong to the same address
# Anything shaped like a host name, with an optional scheme and path; classified in code.
_DOMAIN_LIKE = re.compile(rf"(?:(?i:https?)://)?[\w-]+(?:\.[\w-]+)+(?::\d+)?(?:/{_URL_CHARS}*)?")
_PROFILE_HOSTS = frozenset({
    "linkedin.com", "github.com", "github.io", "gitlab.com", "gitlab.io", "bitbucket.org",
    "twitter.com", "x.com", "medium.com", "substack.com", "kaggle.com", "stackoverflow.com",
    "huggingface.co", "behance.net", "dribbble.com", "instagram.com", "facebook.com",
    "youtube.com", "tiktok.com", "threads.net", "mastodon.social", "bsky.app", "xing.com",
    "about.me", "linktr.ee", "wellfound.com", "angel.co", "upwork.com", "freelancer.com",
    "malt.nl", "codepen.io", "leetcode.com", "hackerrank.com", "orcid.org", "researchgate.net",
    "scholar.google.com", "indeed.com", "indeed.nl", "werkzoeken.nl", "nationalevacaturebank.nl",
    "monsterboard.nl", "monster.com", "intermediair.nl", "jobbird.com", "glassdoor.com",
    "glassdoor.nl", "werk.nl", "careerbuilder.com", "reed.co.uk", "totaljobs.com",
})
# Top-level domains of personal sites written without "www" ("jandevries.nl"). Capitalised
# brands such as "Booking.com" are company names, and "ASP.NET" or "socket.io" are skills.
_PERSONAL_TLDS = frozenset({
    "nl", "com", "io", "dev", "me", "org", "net", "eu", "be", "de", "uk", "ai", "app", "tech",
    "info", "online", "site", "page", "xyz", "design", "studio", "blog", "cloud", "digital", "pro",
    "nu",
})
_TOOL_DOMAINS = frozenset({"asp.net", "ado.net", "vb.net", "dot.net", "socket.io", "ethers.io"})

# A wrapped address goes on at the start of the next line. After a separator ("/", "-") any
# address characters continue it; after a letter or digit only a path ("K/3f9a...") or a
# hash-like run of lower-case letters and digits does, never an ordinary next word.
_CONTINUATION = re.compile(rf"[ \t]*\r?\n[ \t]*({_URL_CHARS}+)")
_SEPARATOR_ENDS = tuple("/-_.=?&#%~+")
_HASH_LIKE = re.compile(r"(?=[a-z0-9]*\d)(?=[a-z0-9]*[a-z])[a-z0-9]{6,}")
_MOST_WRAPPED_LINES = 3
# "Indeed: indeed.com/r/..." - the label before an address that names its own site.
_LABEL_BEFORE = re.compile(r"(?P<label>[A-Za-z]+)[ \t]*[:：][ \t]*$")
# Path parts of a profile URL that are not its owner's slug.
_NOT_SLUGS = frozenset({"in", "pub", "r", "u", "user", "users", "profile", "profiles", "people",
                        "company", "citations", "www", "m", "c"})


def find_urls(text: str, protected: list[tuple[int, int]]) -> Iterator[Span]:
    covered_until = 0
    for dot in _DOT_IN_WORD.finditer(text):
        if dot.start() < covered_until:
            continue
        start = dot.start()
        while (start > 0 and dot.start() - start < _LONGEST_HOST
               and (text[start - 1].isalnum() or text[start - 1] in _HOST_CHARS)):
            start -= 1
        while start < dot.start() and not text[start].isalnum():
            start += 1
        match = _DOMAIN_LIKE.match(text, start)
        if not match or match.end() <= dot.start() or (start > 0 and text[start - 1] == "@"):
            continue
        url = _trim_url(match.group())
        covered_until = match.end()
        if _is_url(url, protected_here=_inside(start, protected)):
            end = _wrapped_end(text, start, start + len(url))
            covered_until = max(covered_until, end)
            yield "URL", _label_start(text, start, url), end


def _wrapped_end(text: str, start: int, end: int) -> int:
    """The end of an address that goes on over up to three line ends."""
    for _ in range(_MOST_WRAPPED_LINES):
        match = _CONTINUATION.match(text, end)
        if not match or "/" not in text[start:end]:
            break  # only an address with a path is long enough to be wrapped
        piece = _trim_url(match.group(1))
        if not piece or not _continues(text[start:end], piece):
            break
        end = match.start(1) + len(piece)
    return end


def _continues(url: str, piece: str) -> bool:
    if url.endswith(_SEPARATOR_ENDS):
        return piece[0].isalnum() and not (piece.isalpha() and piece[0].isupper()
                                           and piece[1:].islower() and len(piece) > 3
                                           and not url.endswith("-"))
    return "/" in piece.rstrip("/")[1:] or bool(_HASH_LIKE.fullmatch(piece))


def _label_start(text: str, start: int, url: str) -> int:
    """Where the address starts with its label: "Indeed: indeed.com/r/..." names the site twice;
    the label goes with it, so the placeholder stands for the whole profile link."""
    line_start, _ = line_bounds(text, start)
    label = _LABEL_BEFORE.search(text, line_start, start)
    if not label:
        return start
    site = label.group("label").lower()
    host = url.lower().split("//")[-1].split("/")[0]
    return label.start("label") if len(site) > 2 and site in host else start


def profile_slug(url: str) -> str | None:
    """The owner's part of a profile URL ("jan-de-vries" in linkedin.com/in/jan-de-vries/,
    "Jan-Jansen" in indeed.com/r/Jan-Jansen/3f9a, "jdevries" in jdevries.github.io)."""
    compact = re.sub(r"\s+", "", url).lower().split("//")[-1]
    host, _, path = compact.partition("/")
    host = host.removeprefix("www.")
    if host.endswith((".github.io", ".gitlab.io")):
        return host.split(".")[0]
    if not any(host == profile or host.endswith("." + profile) for profile in _PROFILE_HOSTS):
        return None
    for part in path.split("/"):
        part = part.lstrip("@").split("?")[0]
        if part and part not in _NOT_SLUGS and not part.isdigit():
            return part
    return None


def _trim_url(url: str) -> str:
    url = url.rstrip(".,;:!?'\"")
    while url.endswith(")") and url.count(")") > url.count("("):
        url = url[:-1].rstrip(".,;:!?")
    return url


def _is_url(url: str, *, protected_here: bool) -> bool:
    lowered = url.lower()
    if lowered.startswith(("http://", "https://", "www.")):
        return True
    host, _, path = lowered.partition("/")
    host = host.split(":")[0]
    if any(host == profile or host.endswith("." + profile) for profile in _PROFILE_HOSTS):
        return True
    tld = host.rsplit(".", 1)[-1]
    if tld not in _PERSONAL_TLDS or host in _TOOL_DOMAINS or url.split("/")[0] != host:
        return False  # not a personal-site ending, a tool, or written with capitals (a brand)
    return bool(path) or not protected_here


def _inside(position: int, spans: list[tuple[int, int]]) -> bool:
    return any(start <= position < end for start, end in spans)


