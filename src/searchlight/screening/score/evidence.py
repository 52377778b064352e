"""What a CV says, as evidence: sections, passages to quote, and years of experience per role.

Pure functions on (already redacted) CV text; no database, no model."""

import re
from dataclasses import dataclass, replace
from datetime import date, timedelta
from typing import NamedTuple

from searchlight.screening.score.stance import stance_of, within_jobs

# Heading words in Dutch and English; a heading is a short line that starts with one of these.
SECTION_HEADINGS: dict[str, tuple[str, ...]] = {
    "summary": ("profiel", "profile", "samenvatting", "summary", "over mij", "about me",
                "persoonlijk profiel", "objective", "doelstelling"),
    "experience": ("werkervaring", "ervaring", "experience", "work experience", "employment",
                   "loopbaan", "werkgeschiedenis", "professional experience", "career",
                   "relevante ervaring", "work history"),
    "education": ("opleiding", "opleidingen", "education", "studie", "academic", "onderwijs",
                  "scholing"),
    "skills": ("vaardigheden", "skills", "competenties", "competencies", "kennis",
               "technical skills", "technische vaardigheden", "expertise", "tools",
               "tech stack", "technologies"),
    "projects": ("projecten", "projects", "portfolio", "side projects", "open source"),
    "certificates": ("certificaten", "certificates", "certificeringen", "certifications",
                     "cursussen", "courses", "trainingen", "training"),
    "languages": ("talen", "languages", "talenkennis"),
    "interests": ("hobby", "hobby's", "interesses", "interests", "nevenactiviteiten"),
    "references": ("referenties", "references"),
}

_MONTHS = {
    "jan": 1, "feb": 2, "mrt": 3, "maa": 3, "mar": 3, "apr": 4, "mei": 5, "may": 5, "jun": 6,
    "jul": 7, "aug": 8, "sep": 9, "okt": 10, "oct": 10, "nov": 11, "dec": 12,
}
_MONTH = r"(?:jan|feb|mrt|maa|mar|apr|mei|may|jun|jul|aug|sep|okt|oct|nov|dec)[a-z]*\.?"
_POINT = rf"(?:(?:{_MONTH}\s+|\d{{1,2}}[-/.])?(?:19|20)\d\d(?:[-/.]\d{{1,2}}(?!\d))?)"
_NOW = r"(?:heden|nu|present|now|current|huidig|today|dato|ongoing)"
PERIOD = re.compile(
    rf"(?P<start>{_POINT})\s*(?:-|–|—|to|tot|t/m|until)\s*(?P<end>{_POINT}|{_NOW})",
    re.IGNORECASE,
)
_BULLET = re.compile(r"^\s*(?:[-•*·▪●◦‣]|\d+[.)])\s+")
_SENTENCE_END = re.compile(r"(?<=[.!?;])\s+(?=[A-Z0-9À-Ý])")


class Passage(NamedTuple):
    """A quotable piece of the CV: offsets point into the text it was cut from. (A tuple, as
    thousands are rebuilt from storage when a pool is re-ranked.)"""

    text: str
    start: int
    end: int
    section: str


@dataclass(frozen=True)
class Period:
    start: date
    end: date
    context: str  # the line around the period: job title, company, sector words
    offset: int = -1  # where the period stands in the text
    # The job's passages, [first, end): from the one naming the period up to the next period or
    # the end of its section; what the job's work was, for counting years per item.
    first_passage: int = -1
    end_passage: int = -1

    @property
    def years(self) -> float:
        return max(0.0, (self.end - self.start).days / 365.25)


@dataclass(frozen=True)
class Evidence:
    passages: tuple[Passage, ...]
    periods: tuple[Period, ...]
    sections_found: tuple[str, ...]
    stances: tuple[str, ...] = ()  # per passage, see `stance.stance_of`

    @property
    def total_years(self) -> float:
        return merged_years(self.periods)


def heading_section(line: str) -> str | None:
    cleaned = line.strip().strip(":#*_ ").lower()
    if not cleaned or len(cleaned) > 40:
        return None
    for section, words in SECTION_HEADINGS.items():
        if any(cleaned == w or cleaned.startswith(w + " ") or cleaned.startswith(w + ":")
               for w in words):
            return section
    return None


def _parse_point(text: str, *, today: date, is_end: bool) -> date | None:
    text = text.strip().lower()
    if re.fullmatch(_NOW, text, re.IGNORECASE):
        return today
    year_match = re.search(r"(19|20)\d\d", text)
    if not year_match:
        return None
    year = int(year_match.group())
    month = 12 if is_end else 1
    if word := re.match(r"[a-z]{3}", text):
        month = _MONTHS.get(word.group(), month)
    elif numeric := re.match(r"(\d{1,2})[-/.]", text) or re.search(r"\d{4}[-/.](\d{1,2})", text):
        month = min(max(int(numeric.group(1)), 1), 12)
    return date(year, month, 28 if is_end else 1)


def find_periods(text: str, *, today: date | None = None) -> list[Period]:
    today = today or date.today()
    latest = today + timedelta(days=366)  # a year ahead (replace(year=) fails on 29 February)
    periods = []
    for match in PERIOD.finditer(text):
        start = _parse_point(match.group("start"), today=today, is_end=False)
        end = _parse_point(match.group("end"), today=today, is_end=True)
        if start and end and start <= end <= latest:
            line_start = text.rfind("\n", 0, match.start()) + 1
            line_end = text.find("\n", match.end())
            context = text[line_start: line_end if line_end != -1 else len(text)].strip()
            periods.append(Period(start=start, end=min(end, today), context=context[:200],
                                  offset=match.start()))
    return periods


def merged_years(periods: tuple[Period, ...] | list[Period]) -> float:
    """Years covered by the periods, counting overlapping jobs once."""
    spans = sorted((p.start, p.end) for p in periods)
    total_days = 0
    current_start, current_end = None, None
    for start, end in spans:
        if current_end is None or start > current_end:
            if current_start is not None and current_end is not None:
                total_days += (current_end - current_start).days
            current_start, current_end = start, end
        else:
            current_end = max(current_end, end)
    if current_start is not None and current_end is not None:
        total_days += (current_end - current_start).days
    return round(total_days / 365.25, 1)


def _line_spans(text: str) -> list[tuple[int, int]]:
    spans, position = [], 0
    for line in text.splitlines(keepends=True):
        spans.append((position, position + len(line.rstrip("\r\n"))))
        position += len(line)
    return spans


def _sentences(text: str, start: int, end: int) -> list[tuple[int, int]]:
    pieces, cursor = [], start
    for match in _SENTENCE_END.finditer(text, start, end):
        pieces.append((cursor, match.start()))
        cursor = match.end()
    pieces.append((cursor, end))
    return [(s, e) for s, e in pieces if text[s:e].strip()]


def split_passages(text: str, *, max_chars: int = 300) -> tuple[list[Passage], list[str]]:
    """Cut the CV into sentence-sized passages labelled with their section.

    Paragraphs are rebuilt from lines first, so a PDF's hard line breaks and a DOCX's soft wraps
    give the same passages for the same CV."""
    section, found = "summary", []
    blocks: list[tuple[int, int, str]] = []
    open_block: list[int] | None = None
    for line_start, line_end in _line_spans(text):
        line = text[line_start:line_end]
        if (heading := heading_section(line)) is not None:
            section, open_block = heading, None
            if heading not in found:
                found.append(heading)
            continue
        if not line.strip():
            open_block = None
            continue
        continues = open_block is not None and not _BULLET.match(line) and not _ends_item(
            text[open_block[0]:open_block[1]])
        if continues and open_block is not None:
            open_block[1] = line_end
            blocks[-1] = (open_block[0], line_end, section)
        else:
            open_block = [line_start, line_end]
            blocks.append((line_start, line_end, section))
    passages = []
    for block_start, block_end, block_section in blocks:
        for s, e in _sentences(text, block_start, block_end):
            passages.extend(_bounded(text, s, e, block_section, max_chars))
    return passages, found


def _ends_item(block: str) -> bool:
    return block.rstrip().endswith((".", ":", "!", "?")) or len(block.rstrip()) < 25


def _bounded(text: str, start: int, end: int, section: str, max_chars: int) -> list[Passage]:
    while start < end and text[start] in " \t-•*·▪●◦‣":
        start += 1
    pieces = []
    while end - start > max_chars:
        cut = text.rfind(" ", start, start + max_chars)
        cut = cut if cut > start else start + max_chars
        pieces.append(Passage(_squash(text[start:cut]), start, cut, section))
        start = cut + 1
    if text[start:end].strip():
        pieces.append(Passage(_squash(text[start:end]), start, end, section))
    return pieces


def _squash(text: str) -> str:
    return " ".join(text.split())


SECTORS: dict[str, tuple[str, ...]] = {
    "insurance": ("verzeker", "insurance", "insurer", "assuranti", "pensioen", "pension"),
    "finance": ("bank", "financ", "fintech", "betaal", "payment", "trading"),
    "saas": ("saas", "software as a service", "platform", "scale-up", "scaleup", "startup"),
    "healthcare": ("zorg", "health", "ziekenhuis", "hospital", "medical", "medisch", "pharma"),
    "government": ("gemeente", "overheid", "government", "ministerie", "ministry", "public sector"),
    "retail": ("retail", "e-commerce", "ecommerce", "webshop", "winkel"),
    "consultancy": ("consult", "adviesbureau", "advies"),
    "telecom": ("telecom", "kpn", "vodafone"),
    "energy": ("energie", "energy", "utility", "utilities"),
}
_NOT_WORK = frozenset({"education", "certificates", "languages", "interests", "references"})


def sectors_of(context: str) -> list[str]:
    lowered = context.lower()
    return [sector for sector, words in SECTORS.items() if any(w in lowered for w in words)]


def years_by_sector(periods: tuple[Period, ...]) -> dict[str, float]:
    by_sector: dict[str, list[Period]] = {}
    for period in periods:
        for sector in sectors_of(period.context):
            by_sector.setdefault(sector, []).append(period)
    return {sector: merged_years(found) for sector, found in sorted(by_sector.items())}


def collect_evidence(text: str, *, today: date | None = None) -> Evidence:
    """Passages to quote with their stance, and work periods (dates under education or courses
    are not work) with the passages that describe each job."""
    passages, found = split_passages(text)
    work_periods = [
        period for period in find_periods(text, today=today)
        if _section_at(passages, period.offset) not in _NOT_WORK
    ]
    jobs = job_passages(work_periods, passages, text)
    stances = within_jobs([stance_of(p.text, p.section) for p in passages],
                          [p.text for p in passages],
                          [(job.first_passage, job.end_passage) for job in jobs])
    return Evidence(passages=tuple(passages), periods=jobs, sections_found=tuple(found),
                    stances=tuple(stances))


def job_passages(
    periods: list[Period], passages: list[Passage], text: str = ""
) -> tuple[Period, ...]:
    """Each period with its job's passages: from the passage that names it (or the job title
    on the line above it, "ML Engineer" over "Lumen | 2022 - present") up to the next job, a
    change of section, or the end."""
    dated = {_passage_at(passages, period.offset) for period in periods}
    firsts = [_title_above(passages, first, dated, text) if first >= 0 else first
              for first in (_passage_at(passages, period.offset) for period in periods)]
    starts = sorted(set(firsts))
    placed = []
    for period, first in zip(periods, firsts, strict=True):
        if first < 0:
            placed.append(period)
            continue
        end = next((s for s in starts if s > first), len(passages))
        section = passages[first].section
        end = next((i for i in range(first + 1, end) if passages[i].section != section), end)
        placed.append(replace(period, first_passage=first, end_passage=end))
    return tuple(placed)


def _title_above(passages: list[Passage], first: int, dated: set[int], text: str) -> int:
    """The passage before a dated one when it is the job's title: a short line of the same
    section that is no bullet, no sentence and names no period itself."""
    above = first - 1
    if above < 0 or above in dated or not text:
        return first
    passage = passages[above]
    line_start = text.rfind("\n", 0, passage.start) + 1
    is_title = (passage.section == passages[first].section and len(passage.text) <= 80
                and not passage.text.rstrip().endswith((".", ";", ":"))
                and not _BULLET.match(text[line_start:passage.end])
                and text[passages[above].end:passages[first].start].count("\n") == 1)
    return above if is_title else first


def _passage_at(passages: list[Passage], offset: int) -> int:
    """The passage holding this offset, else the first one after it (-1: none)."""
    for index, passage in enumerate(passages):
        if passage.end > offset:
            return index
    return -1


def _section_at(passages: list[Passage], offset: int) -> str:
    section = "summary"
    for passage in passages:
        if passage.start > offset:
            break
        section = passage.section
    return section
