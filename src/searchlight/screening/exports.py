"""The shortlist as CSV and PDF. Identities stay hidden unless someone revealed them."""

import csv
import io
import math
from collections.abc import Sequence
from datetime import date

from fpdf import FPDF

from searchlight.i18n import N_, current_locale, gettext, long_date, ngettext
from searchlight.i18n import percent as i18n_percent
from searchlight.roles.models import Role
from searchlight.roles.schemas import dimension_title
from searchlight.screening.models import ScreeningResult
from searchlight.screening.score.scoring import DIMENSIONS


def display_name(result: ScreeningResult) -> str:
    return result.display_name


def _row(rank: int, result: ScreeningResult) -> list[str]:
    scores = [result.dimensions.get(k, {}).get("score") for k in DIMENSIONS]
    return [
        str(rank), display_name(result),
        "" if result.overall is None else f"{result.overall:.1f}", f"{result.coverage:.2f}",
        gettext("Yes") if result.needs_human_check else gettext("No"),
        *("" if s is None else f"{s:.0f}" for s in scores),
        " ".join(sorted({gettext(f["code"]) for f in result.analysis.flags})),
    ]


HEADER = [N_("Rank"), N_("Candidate"), N_("Score"), N_("Coverage (0-1)"),
          N_("Needs human check"), *DIMENSIONS, N_("Signals")]


def shortlist_csv(results: Sequence[ScreeningResult], role: Role) -> str:
    """One row per candidate; column names and words in the reader's language, numbers plain
    (a dot for decimals) so spreadsheets and scripts read them alike."""
    locale = current_locale.get()
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow([dimension_title(h, locale).split(" (")[0] if h in DIMENSIONS else gettext(h)
                     for h in HEADER])
    for rank, result in enumerate(results, start=1):
        writer.writerow(_row(rank, result))
    return buffer.getvalue()


RADARS = 24  # radar charts for the first candidates; the table lists everyone


def _cell(value: float | None, *, percent: bool = False) -> str:
    if value is None or value != value:
        return "?"
    return i18n_percent(value) if percent else f"{value:.0f}"


def shortlist_pdf(
    results: Sequence[ScreeningResult], role: Role, labels: dict[str, str], locale: str,
    *, made_on: date | None = None,
) -> bytes:
    """A shortlist to hand to a hiring manager: landscape A4, every column on the page,
    percentages, "?" for what the CV gives no evidence of, a radar per candidate, and the role
    version and date it was made."""
    pdf = FPDF(orientation="L", format="A4")
    pdf.set_margins(12, 12, 12)
    pdf.set_auto_page_break(auto=True, margin=14)
    pdf.set_title(_latin(f"{gettext('Shortlist')}: {role.title(locale)}"))
    pdf.alias_nb_pages()
    pdf.add_page()
    pdf.set_font("Helvetica", "B", 15)
    pdf.cell(0, 8, _latin(f"{gettext('Shortlist')}: {role.title(locale)}"),
             new_x="LMARGIN", new_y="NEXT")
    pdf.set_font("Helvetica", size=9)
    made = long_date(made_on or date.today(), locale)
    pdf.cell(0, 5, _latin(gettext(
        "Role profile version {version} · made on {date} · {count}",
        version=role.current_version, date=made,
        count=ngettext("{n} candidate", "{n} candidates", len(results)))),
        new_x="LMARGIN", new_y="NEXT")
    pdf.set_text_color(90, 100, 115)
    pdf.multi_cell(0, 4.5, _latin(gettext(
        "Scores run from 0 to 100. “?” means the CV gives no evidence for that dimension: ask "
        "about it in the interview. Coverage is the share of the profile the CV gives evidence "
        "for. Identities stay hidden until someone reveals them in Searchlight.")),
        new_x="LMARGIN", new_y="NEXT")
    pdf.set_text_color(0, 0, 0)
    pdf.ln(2)
    _table(pdf, results, labels)
    if results:
        _radars(pdf, results[:RADARS], labels, role)
    return bytes(pdf.output())


def _table(pdf: FPDF, results: Sequence[ScreeningResult], labels: dict[str, str]) -> None:
    short = [labels[k].split(" (")[0] for k in DIMENSIONS]
    header = ["#", gettext("Candidate"), gettext("Score"), gettext("Coverage"),
              gettext("Human check"), *short, gettext("Signals")]
    fixed = [8, 44, 14, 18, 18, *([19] * len(DIMENSIONS))]
    widths = [*fixed, pdf.epw - sum(fixed)]  # the last column takes what is left of the page
    pdf.set_font("Helvetica", size=8)
    with pdf.table(col_widths=widths, text_align="LEFT", line_height=4.5,
                   first_row_as_headings=True, repeat_headings=1) as table:
        table.row([_latin(h) for h in header])
        for rank, result in enumerate(results, start=1):
            scores = [result.dimensions.get(k, {}).get("score") for k in DIMENSIONS]
            signals = sorted({gettext(f["code"]) for f in result.analysis.flags})
            table.row([_latin(v) for v in (
                str(rank), display_name(result), _cell(result.overall),
                _cell(result.coverage, percent=True),
                gettext("Yes") if result.needs_human_check else gettext("No"),
                *(_cell(s) for s in scores), ", ".join(signals) or "-")])


def _radars(pdf: FPDF, results: Sequence[ScreeningResult], labels: dict[str, str],
            role: Role) -> None:
    """Small radars, four per row: the candidate (filled) against the profile's weights (line)."""
    pdf.add_page()
    pdf.set_font("Helvetica", "B", 12)
    pdf.cell(0, 7, _latin(gettext("SEARCH profile per candidate")), new_x="LMARGIN",
             new_y="NEXT")
    pdf.set_font("Helvetica", size=8)
    pdf.set_text_color(90, 100, 115)
    pdf.cell(0, 5, _latin(gettext("Filled: the candidate. Line: the weight of each dimension in "
                                  "the profile. ? = no evidence.")),
             new_x="LMARGIN", new_y="NEXT")
    pdf.set_text_color(0, 0, 0)
    short = {k: labels[k].split(" (")[0] for k in DIMENSIONS}
    box_w, box_h, per_row = pdf.epw / 4, 62.0, 4
    top = pdf.get_y() + 2
    for index, result in enumerate(results):
        column = index % per_row
        if column == 0 and index:
            top += box_h
            if top + box_h > pdf.h - pdf.b_margin:
                pdf.add_page()
                top = pdf.t_margin
        left = pdf.l_margin + column * box_w
        _radar(pdf, result, short, left, top, box_w)
    pdf.set_y(top + box_h)


def _radar(pdf: FPDF, result: ScreeningResult, short: dict[str, str], left: float, top: float,
           width: float) -> None:
    pdf.set_font("Helvetica", "B", 8)
    pdf.set_xy(left, top)
    overall = _cell(result.overall)
    pdf.cell(width, 4, _latin(f"{display_name(result)} · {gettext('Score')} {overall}"),
             align="C")
    cx, cy, radius = left + width / 2, top + 32, 20.0
    keys = list(DIMENSIONS)

    def point(i: int, value: float) -> tuple[float, float]:
        angle = -math.pi / 2 + 2 * math.pi * i / len(keys)
        r = radius * max(0.0, min(value, 100.0)) / 100.0
        return cx + r * math.cos(angle), cy + r * math.sin(angle)

    pdf.set_draw_color(205, 211, 220)
    pdf.set_line_width(0.15)
    for level in (25, 50, 75, 100):
        pdf.polygon([point(i, level) for i in range(len(keys))], style="D")
    for i in range(len(keys)):
        pdf.line(cx, cy, *point(i, 100))
    weights = {k: float(v.get("weight", 0)) for k, v in result.dimensions.items()}
    heaviest = max(weights.values(), default=0) or 1.0
    pdf.set_draw_color(154, 91, 0)
    pdf.set_line_width(0.4)
    pdf.polygon([point(i, 100 * weights.get(k, 0) / heaviest) for i, k in enumerate(keys)],
                style="D")
    scores = [result.dimensions.get(k, {}).get("score") for k in keys]
    pdf.set_draw_color(31, 95, 191)
    pdf.set_fill_color(31, 95, 191)
    with pdf.local_context(fill_opacity=0.35):
        pdf.polygon([point(i, s or 0.0) for i, s in enumerate(scores)], style="DF")
    pdf.set_font("Helvetica", size=6.5)
    for i, key in enumerate(keys):
        x, y = point(i, 130)
        y -= 1.5 if i == 0 else 0
        text = f"{short[key]} {_cell(scores[i])}"
        text_width = pdf.get_string_width(_latin(text))
        pdf.set_xy(x - text_width / 2, y - 1.5)
        pdf.cell(text_width, 3, _latin(text))
    pdf.set_draw_color(0, 0, 0)
    pdf.set_line_width(0.2)


def _latin(text: str) -> str:
    """The core PDF fonts know Latin-1 only: typographic quotes and dashes become their plain
    forms, anything else outside Latin-1 becomes '?'."""
    text = text.translate(_PLAIN)
    return text.encode("latin-1", "replace").decode("latin-1")


_PLAIN = str.maketrans({"“": '"', "”": '"', "„": '"', "‘": "'", "’": "'", "–": "-", "—": "-",
                        "…": "...", "≥": ">=", "≤": "<="})
