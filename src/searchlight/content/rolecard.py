"""The role card (functiekaart) as a PDF: the job to be done, the SEARCH profile with weights and
must-haves, the interview focus and the hiring workflow. Pure: a profile in, bytes out."""

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from fpdf import FPDF

from searchlight.content.offline.vacancy import dimension_name
from searchlight.roles.schemas import RoleProfile

FONT_DIR = Path("/usr/share/fonts/truetype/dejavu")
INK, MUTED, ACCENT, LIGHT = (18, 38, 63), (90, 100, 115), (31, 95, 170), (231, 236, 244)

_T = {
    "nl": {"card": "Functiekaart", "jtbd": "Job to be Done", "profile": "SEARCH-profiel",
           "weight": "Gewicht", "must": "must-have", "focus": "Focus in het gesprek",
           "workflow": "Wervingsproces", "version": "versie", "manager": "Hiring manager",
           "no_items": "Nog niet beschreven: verkennen in het gesprek.",
           "no_notes": "Vraag naar concrete voorbeelden voor: {items}.",
           "steps": ["Intake met de hiring manager: opdracht, resultaten in het eerste jaar, "
                     "must-haves", "Vacaturetekst en sociale berichten, getoetst op inclusief "
                     "taalgebruik", "Screening op het SEARCH-profiel: software stelt voor, een "
                     "mens beslist", "Proof-of-skill-opdracht met rubric",
                     "Gesprekken met onafhankelijke scorekaarten per dimensie",
                     "Besluit en aanbod door de hiring manager", "Inwerkplan van 90 dagen"]},
    "en": {"card": "Role card", "jtbd": "Job to be Done", "profile": "SEARCH profile",
           "weight": "Weight", "must": "must-have", "focus": "Interview focus",
           "workflow": "Hiring workflow", "version": "version", "manager": "Hiring manager",
           "no_items": "Not described yet: explore in the interview.",
           "no_notes": "Ask for concrete examples of: {items}.",
           "steps": ["Intake with the hiring manager: the job, first-year outcomes, must-haves",
                     "Vacancy text and social posts, checked for inclusive language",
                     "Screening against the SEARCH profile: software proposes, a person decides",
                     "Proof-of-skill task with a rubric",
                     "Interviews with independent scorecards per dimension",
                     "Decision and offer by the hiring manager", "A 90-day onboarding plan"]},
}


@dataclass(frozen=True)
class CardInput:
    profile: RoleProfile
    language: str
    role_version: int
    organisation: str = ""
    hiring_manager: str = ""
    made_at: datetime | None = None


class _Card(FPDF):
    def __init__(self) -> None:
        super().__init__(format="A4")
        self.family = "Helvetica"
        if (FONT_DIR / "DejaVuSans.ttf").exists():
            self.add_font("DejaVu", "", str(FONT_DIR / "DejaVuSans.ttf"))
            self.add_font("DejaVu", "B", str(FONT_DIR / "DejaVuSans-Bold.ttf"))
            self.family = "DejaVu"
        self.set_margins(16, 16, 16)
        self.set_auto_page_break(auto=True, margin=16)

    def text_safe(self, text: str) -> str:
        if self.family == "DejaVu":
            return text
        return text.encode("latin-1", "replace").decode("latin-1")

    def style(self, size: float, bold: bool = False, color: tuple[int, int, int] = INK) -> None:
        self.set_font(self.family, "B" if bold else "", size)
        self.set_text_color(*color)

    def heading(self, text: str) -> None:
        if self.get_y() > self.h - 60:  # never leave a heading alone at the foot of a page
            self.add_page()
        self.ln(4)
        self.style(13, bold=True, color=ACCENT)
        self.cell(0, 8, self.text_safe(text), new_x="LMARGIN", new_y="NEXT")
        self.set_draw_color(*ACCENT)
        self.line(self.l_margin, self.get_y(), self.w - self.r_margin, self.get_y())
        self.ln(2)

    def para(self, text: str, size: float = 10, bold: bool = False,
             color: tuple[int, int, int] = INK, indent: float = 0) -> None:
        self.style(size, bold, color)
        self.set_x(self.l_margin + indent)
        self.multi_cell(self.w - self.l_margin - self.r_margin - indent, 5.2,
                        self.text_safe(text), new_x="LMARGIN", new_y="NEXT")


def _header(pdf: _Card, card: CardInput, t: Mapping[str, Any]) -> None:
    pdf.set_fill_color(*INK)
    pdf.rect(0, 0, pdf.w, 34, style="F")
    pdf.set_xy(16, 8)
    pdf.style(10, color=(200, 212, 230))
    label = f"{card.organisation} · {t['card']}" if card.organisation else str(t["card"])
    pdf.cell(0, 5, pdf.text_safe(label), new_x="LMARGIN", new_y="NEXT")
    pdf.set_x(16)
    pdf.style(20, bold=True, color=(255, 255, 255))
    pdf.cell(0, 11, pdf.text_safe(card.profile.title(card.language)), new_x="LMARGIN",
             new_y="NEXT")
    pdf.set_x(16)
    pdf.style(9, color=(200, 212, 230))
    manager = f" · {t['manager']}: {card.hiring_manager}" if card.hiring_manager else ""
    pdf.cell(0, 5, pdf.text_safe(f"{card.profile.key} · {t['version']} {card.role_version}"
                                 f"{manager}"), new_x="LMARGIN", new_y="NEXT")
    pdf.set_y(40)


def _profile(pdf: _Card, card: CardInput, t: Mapping[str, Any]) -> None:
    total = sum(d.weight for d in card.profile.dimensions) or 1.0
    lang = card.language
    for dimension in card.profile.dimensions:
        share = dimension.weight / total
        pdf.style(11, bold=True)
        pdf.cell(70, 6, pdf.text_safe(dimension_name(dimension.key, lang)))
        pdf.style(9, color=MUTED)
        pdf.cell(30, 6, f"{t['weight']} {share * 100:.0f}%")
        x, y = pdf.get_x(), pdf.get_y() + 1.8
        pdf.set_fill_color(*LIGHT)
        pdf.rect(x, y, 60, 2.6, style="F")
        pdf.set_fill_color(*ACCENT)
        pdf.rect(x, y, 60 * share, 2.6, style="F")
        pdf.ln(7)
        if not dimension.items:
            pdf.para(str(t["no_items"]), size=9, color=MUTED, indent=4)
        for item in dimension.items:
            text = item.text_en if lang == "en" else item.text_nl
            mark = f"  [{t['must']}]" if item.must_have else ""
            pdf.para(f"•  {text}{mark}", size=10, bold=item.must_have, indent=4)
        pdf.ln(1.5)


def _focus(pdf: _Card, card: CardInput, t: Mapping[str, Any]) -> None:
    lang = card.language
    for dimension in card.profile.dimensions:
        notes = dimension.interviewer_notes_en if lang == "en" else dimension.interviewer_notes_nl
        if not notes:
            items = [i.text_en if lang == "en" else i.text_nl for i in dimension.items]
            notes = (str(t["no_notes"]).format(items=", ".join(items)) if items
                     else str(t["no_items"]))
        pdf.para(dimension_name(dimension.key, lang), size=10, bold=True)
        pdf.para(notes, size=9.5, indent=4)
        pdf.ln(1)


def role_card_pdf(card: CardInput) -> bytes:
    t = _T["en" if card.language == "en" else "nl"]
    pdf = _Card()
    title = card.profile.title(card.language)
    pdf.set_title(pdf.text_safe(f"{t['card']}: {title}"))
    pdf.set_creator("Searchlight")
    if card.made_at is not None:
        pdf.set_creation_date(card.made_at)
    pdf.add_page()
    _header(pdf, card, t)
    pdf.heading(str(t["jtbd"]))
    pdf.para(card.profile.jtbd(card.language), size=11)
    pdf.heading(str(t["profile"]))
    _profile(pdf, card, t)
    pdf.heading(str(t["focus"]))
    _focus(pdf, card, t)
    pdf.heading(str(t["workflow"]))
    steps = t["steps"]
    assert isinstance(steps, list)
    for number, step in enumerate(steps, start=1):
        pdf.para(f"{number}.  {step}", size=10, indent=2)
    return bytes(pdf.output())
