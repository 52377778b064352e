"""The shortlist as CSV and PDF. Identities stay hidden unless someone revealed them."""

import csv
import io
from collections.abc import Sequence

from fpdf import FPDF

from searchlight.i18n import gettext
from searchlight.roles.models import Role
from searchlight.screening.models import ScreeningResult
from searchlight.screening.score.scoring import DIMENSIONS


def display_name(result: ScreeningResult) -> str:
    if result.revealed_at is not None and result.candidate is not None:
        return result.candidate.full_name
    return gettext("Candidate {number}", number=f"#{result.analysis_id:05d}")


def _row(rank: int, result: ScreeningResult) -> list[str]:
    scores = [result.dimensions.get(k, {}).get("score") for k in DIMENSIONS]
    return [
        str(rank), display_name(result),
        "" if result.overall is None else f"{result.overall:.1f}", f"{result.coverage:.2f}",
        "yes" if result.needs_human_check else "no",
        *("" if s is None else f"{s:.0f}" for s in scores),
        " ".join(sorted({f["code"] for f in result.analysis.flags})),
    ]


HEADER = ["rank", "candidate", "score", "coverage", "needs_human_check", *DIMENSIONS, "flags"]


def shortlist_csv(results: Sequence[ScreeningResult], role: Role) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(HEADER)
    for rank, result in enumerate(results, start=1):
        writer.writerow(_row(rank, result))
    return buffer.getvalue()


def shortlist_pdf(
    results: Sequence[ScreeningResult], role: Role, labels: dict[str, str], locale: str
) -> bytes:
    pdf = FPDF(orientation="L")
    pdf.set_auto_page_break(auto=True, margin=12)
    pdf.add_page()
    pdf.set_font("Helvetica", "B", 14)
    title = f"{gettext('Shortlist')}: {role.title(locale)} (v{role.current_version})"
    pdf.cell(0, 10, _latin(title), new_x="LMARGIN", new_y="NEXT")
    pdf.set_font("Helvetica", size=8)
    widths = [10, 50, 16, 18, 20, *([22] * len(DIMENSIONS)), 50]
    header = ["#", gettext("Candidate"), gettext("Score"), gettext("Coverage"),
              gettext("Check"), *(labels[k].split(" (")[0] for k in DIMENSIONS), gettext("Flags")]
    for width, title in zip(widths, header, strict=True):
        pdf.cell(width, 7, _latin(title), border=1)
    pdf.ln()
    for rank, result in enumerate(results, start=1):
        for width, value in zip(widths, _row(rank, result), strict=True):
            pdf.cell(width, 6, _latin(value)[:40], border=1)
        pdf.ln()
    return bytes(pdf.output())


def _latin(text: str) -> str:
    """The core PDF fonts know Latin-1 only; other characters become '?'."""
    return text.encode("latin-1", "replace").decode("latin-1")
