"""Cohort progress as CSV and PDF (fpdf, as screening's shortlist export)."""

import csv
import io

from fpdf import FPDF

from searchlight.i18n import gettext
from searchlight.reskilling.dashboard import CohortProgress, risk_text
from searchlight.screening.exports import _latin

HEADER = ["cohort", "programme", "start_date", "months_elapsed", "employee", "email",
          "milestones_done", "milestones_total", "last_evidence", "at_risk_reasons"]
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def _cell(value: str) -> str:
    """Spreadsheets run cells that start like a formula; make such text plain text."""
    return "'" + value if value.startswith(_FORMULA_START) else value


def _reasons(person_reasons: tuple[str, ...], values: tuple[dict[str, str], ...],
             locale: str) -> str:
    texts = []
    for reason, raw in zip(person_reasons, values, strict=True):
        message, shown = risk_text(reason, raw, locale)
        texts.append(gettext(message, **shown))
    return "; ".join(texts)


def rows(progress: list[CohortProgress], locale: str) -> list[list[str]]:
    found = []
    for cohort in progress:
        for person in cohort.people:
            found.append([
                cohort.cohort.name, cohort.cohort.programme.key,
                cohort.cohort.start_date.isoformat(), f"{cohort.months_elapsed:.1f}",
                person.enrolment.user.full_name, person.enrolment.user.email,
                str(person.done), str(person.total),
                person.last_evidence.date().isoformat() if person.last_evidence else "",
                _reasons(person.reasons, person.reason_values, locale)])
    return found


def progress_csv(progress: list[CohortProgress], locale: str) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(HEADER)
    for row in rows(progress, locale):
        writer.writerow([_cell(value) for value in row])
    return buffer.getvalue()


def progress_pdf(progress: list[CohortProgress], locale: str) -> bytes:
    pdf = FPDF(orientation="L")
    pdf.set_auto_page_break(auto=True, margin=12)
    pdf.add_page()
    pdf.set_font("Helvetica", "B", 14)
    pdf.cell(0, 10, _latin(gettext("Reskilling progress")), new_x="LMARGIN", new_y="NEXT")
    pdf.set_font("Helvetica", size=9)
    for cohort in progress:
        months = "%.1f" % cohort.months_elapsed  # noqa: UP031 - keeps the message extractable
        pdf.cell(0, 7, _latin(gettext(
            "{cohort}: month {months} of 12, {done} of {total} milestones done",
            cohort=cohort.cohort.name, months=months, done=cohort.done,
            total=cohort.total)), new_x="LMARGIN", new_y="NEXT")
    pdf.ln(3)
    pdf.set_font("Helvetica", size=8)
    widths = [40, 50, 25, 30, 130]
    header = [gettext("Cohort"), gettext("Employee"), gettext("Milestones done"),
              gettext("Last evidence"), gettext("At risk because")]
    for width, title in zip(widths, header, strict=True):
        pdf.cell(width, 7, _latin(title), border=1)
    pdf.ln()
    for row in rows(progress, locale):
        values = [row[0], row[4], f"{row[6]} / {row[7]}", row[8], row[9]]
        for width, value in zip(widths, values, strict=True):
            pdf.cell(width, 6, _latin(value)[:90], border=1)
        pdf.ln()
    return bytes(pdf.output())
