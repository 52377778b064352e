"""The shapes of the check: a lexicon rule, a finding, and the reason behind each category in
both languages (domain vocabulary like the SEARCH dimension names, kept as data)."""

from dataclasses import dataclass

CATEGORIES = ("gender", "pronoun", "gender_marker", "age", "origin_language",
              "disability_health", "masculine_coded")

CATEGORY_LABELS: dict[str, dict[str, str]] = {
    "gender": {"en": "Gendered word", "nl": "Genderspecifiek woord"},
    "pronoun": {"en": "Gendered pronoun", "nl": "Genderspecifiek voornaamwoord"},
    "gender_marker": {"en": "Gender marker without x", "nl": "Genderaanduiding zonder x"},
    "age": {"en": "Age", "nl": "Leeftijd"},
    "origin_language": {"en": "Origin or language", "nl": "Afkomst of taal"},
    "disability_health": {"en": "Health or disability", "nl": "Gezondheid of beperking"},
    "masculine_coded": {"en": "Masculine-coded word", "nl": "Mannelijk gecodeerd woord"},
}

REASONS: dict[str, dict[str, str]] = {
    "gender": {
        "en": "A gendered word or job title tells part of your readers the job is not for them.",
        "nl": "Een genderspecifiek woord of functietitel zegt een deel van de lezers dat de "
              "baan niet voor hen is."},
    "pronoun": {
        "en": "A gendered pronoun assumes who will do the job; address the reader as 'you'.",
        "nl": "Een genderspecifiek voornaamwoord gaat uit van wie het werk doet; spreek de "
              "lezer aan met 'je'."},
    "gender_marker": {
        "en": "'(m/f)' leaves out non-binary people; use '(m/f/x)' or no marker.",
        "nl": "'(m/v)' sluit non-binaire mensen uit; gebruik '(m/v/x)' of geen aanduiding."},
    "age": {
        "en": "Words about age discourage older (or younger) candidates and can breach equal "
              "treatment law.",
        "nl": "Woorden over leeftijd schrikken oudere (of jongere) kandidaten af en kunnen "
              "in strijd zijn met de wet gelijke behandeling."},
    "origin_language": {
        "en": "Asking for a mother tongue or origin excludes fluent speakers; ask for the level "
              "the work needs.",
        "nl": "Vragen naar moedertaal of afkomst sluit vloeiende sprekers uit; vraag het "
              "niveau dat het werk nodig heeft."},
    "disability_health": {
        "en": "A health or ability demand the work does not need excludes people with a "
              "disability.",
        "nl": "Een eis aan gezondheid of kunnen die het werk niet vraagt, sluit mensen met een "
              "beperking uit."},
    "masculine_coded": {
        "en": "Masculine-coded words (Gaucher et al. 2011) make a job less appealing to women "
              "when they outweigh feminine-coded ones.",
        "nl": "Mannelijk gecodeerde woorden (Gaucher e.a. 2011) maken een baan minder "
              "aantrekkelijk voor vrouwen als ze de vrouwelijk gecodeerde overheersen."},
}


def category_label(category: str, locale: str) -> str:
    return CATEGORY_LABELS[category]["en" if locale == "en" else "nl"]


def reason_for(category: str, locale: str) -> str:
    return REASONS[category]["en" if locale == "en" else "nl"]


@dataclass(frozen=True)
class Rule:
    pattern: str
    category: str
    suggestion: str


@dataclass(frozen=True)
class Finding:
    """One passage of the text: `text == source[start:end]`."""

    start: int
    end: int
    text: str
    category: str
    suggestion: str
    reason: str

    def as_dict(self) -> dict[str, object]:
        return {"start": self.start, "end": self.end, "text": self.text,
                "category": self.category, "suggestion": self.suggestion, "reason": self.reason}
