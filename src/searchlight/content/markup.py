"""Server-rendered highlights and line diffs for the editor. Pure: text in, safe HTML out."""

import difflib
from dataclasses import dataclass

from markupsafe import Markup, escape

from searchlight.content.inclusive import Finding, category_label


def highlight(text: str, findings: list[Finding], locale: str) -> Markup:
    """The text with each finding in a <mark> that names its category and suggestion: as a
    tooltip for the mouse, and in a visually hidden note that screen readers read in place."""
    parts: list[str] = []
    position = 0
    for number, finding in enumerate(findings, start=1):
        label = category_label(finding.category, locale)
        parts.append(str(escape(text[position:finding.start])))
        tip = f"{label}: {finding.suggestion}"
        parts.append(
            f'<mark class="finding finding-{finding.category}" id="finding-{number}" '
            f'title="{escape(tip)}" data-suggestion="{escape(finding.suggestion)}">'
            f'{escape(text[finding.start:finding.end])}</mark>'
            f'<a class="finding-ref" href="#finding-note-{number}" '
            f'aria-label="{escape(tip)}"><sup>{number}</sup></a>')
        position = finding.end
    parts.append(str(escape(text[position:])))
    # every piece of text is escaped above
    return Markup("".join(parts))  # nosec B704


@dataclass(frozen=True)
class DiffLine:
    kind: str  # "same", "added", "removed"
    text: str


def diff_lines(old: str, new: str) -> list[DiffLine]:
    kinds = {" ": "same", "+": "added", "-": "removed"}
    return [DiffLine(kinds[line[0]], line[2:])
            for line in difflib.ndiff(old.splitlines(), new.splitlines()) if line[0] in kinds]
