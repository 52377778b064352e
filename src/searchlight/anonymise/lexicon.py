"""Word lists for the anonymiser, read once from `anonymise/data/` (written for this project)."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import cache, lru_cache
from importlib.resources import files

from searchlight.anonymise.text import PhraseIndex

_WORD = re.compile(r"[^\W\d_]+")

# First names that are also tools or products a CV lists as skills. They never make a name on
# their own strength (no "Julia" + capitalised word rule, no propagation of the single word), so a
# candidate called Julia does not lose the Julia language from their skills.
NAME_LIKE_TOOLS = frozenset({
    "julia", "ruby", "pascal", "ada", "jenkins", "kafka", "hugo", "jasmine", "luigi", "crystal",
    "erlang", "cassandra", "claude", "maya", "ray", "athena", "django", "max", "spark", "flask",
    "swift", "dart", "scala", "rust", "gemini", "alexa", "siri", "watson", "bert", "gemma"
})

# First names that are also everyday words or months (sentence starts, "Jan 2019", "May 2020").
# They start a name only when a listed surname follows.
AMBIGUOUS_FIRST_NAMES = frozenset({
    "ad", "iris", "amber", "can", "job", "said", "will", "may", "june", "april", "august", "mark",
    "bill", "rose", "grace",
    "hope", "faith", "joy", "guy", "art", "ben", "wil", "ping", "floor", "ton", "cor", "sem", "sri",
    "jet", "bem", "summer", "hunter", "parker", "sierra", "dakota", "savannah", "jordan", "austin",
    "lin", "li", "yi", "jun", "mei", "chen", "chan", "dean", "lee", "kelly", "ashley", "taylor",
    "morgan", "mason", "carter", "blake", "bailey", "riley", "paige", "crystal", "jasmine",
    "victoria", "florence", "sofia", "lima", "sydney", "paris"
})


# Titles around a name that are not part of it ("ir. J. de Vries MSc", "Dhr. Jansen").
TITLES = frozenset({
    "dhr", "mevr", "mw", "mevrouw", "meneer", "mr", "mrs", "ms", "miss", "mx", "sir", "dame", "dr",
    "drs", "ir", "ing", "prof", "ds", "bc", "msc", "bsc", "ma", "ba", "phd", "mba", "llm", "mphil",
    "meng", "jr", "sr",
})
MONTH_NAMES = frozenset({
    "jan", "feb", "mar", "apr", "april", "may", "mei", "jun", "june", "jul", "july", "aug",
    "august", "sep", "sept", "oct", "okt", "nov", "dec",
})


# Words that make the capitalised words around them an organisation's name: "TU Delft",
# "Amsterdam UMC", "Willem Bakker Installatietechniek", "De Vries & Zonen".
ORGANISATION_WORDS = frozenset({
    "universiteit", "university", "hogeschool", "rijksuniversiteit", "gemeente", "provincie",
    "port", "haven", "havenbedrijf", "politie", "ziekenhuis", "hospital", "bank", "college",
    "school", "academie", "academy", "museum", "airport", "consulting", "group", "groep", "umc",
    "mc", "medical", "centre", "center", "institute", "instituut", "business", "science",
    "ventures", "capital", "society", "building", "trust", "council", "authority", "board",
    "club", "fc", "united", "zoo", "airlines", "railways", "transport", "water", "energy",
    "energie", "foundation", "stichting", "partners", "holdings", "holding", "studios", "zonen",
    "bv", "nv", "ltd", "inc", "gmbh", "llc", "plc", "court", "navy", "army", "polytechnic",
    "highschool", "arts", "commerce", "ministerie", "ministry", "department", "afdeling",
    "institution", "organisation", "organization",
})
COMPANY_WORD_ENDINGS = (
    "techniek", "bouw", "groep", "advies", "installaties", "logistiek", "consultancy",
    "engineering", "services", "solutions", "beheer", "makelaardij", "advocaten", "accountants",
    "notarissen", "software", "systems", "media", "design", "finance", "verzekeringen", "motors",
    "industries", "international", "nederland", "benelux", "europe",
)
# Listed surnames that are everyday words; they do not make "Central Park" a person.
COMMON_WORD_SURNAMES = frozenset({
    "green", "white", "young", "king", "hall", "hill", "wood", "price", "ward", "post", "water",
    "bell", "cook", "rose", "fox", "west", "hunt", "park", "wells", "mills", "grant", "bishop",
    "baker", "turner", "walker", "mason", "carter", "cooper", "fisher", "hunter", "knight",
    "marshall", "palmer", "parker", "shaw", "brown", "gray", "black", "long", "bos", "vos", "kok",
    "dam", "wal", "sol", "bol", "hol", "pol", "tol", "laan", "boon", "baas", "blok", "maas",
    "prins", "roos", "klein", "groen", "groot", "jong", "lange", "wit", "zwart", "mol", "slot",
    "valk", "vogel", "stam", "knol", "keizer", "koning", "ridder", "jager", "beek", "berg", "brink",
    "burg", "dijk", "horst", "hoek", "meer", "veen", "ven", "wijk", "steen", "bosch", "duin",
    "rijn", "sluis", "poort", "kamp", "kampen", "linden", "velde", "velden", "straaten",
    "sun", "ma", "le", "das", "hu", "lin", "tan", "lim", "kim", "chan", "wong",
    "martin", "james", "thomas", "jordan", "graham", "morgan", "lee", "kelly", "taylor",
})


@lru_cache(maxsize=65536)
def fold(word: str) -> str:
    """Lower case without accents, for comparing a name with an e-mail address or URL."""
    decomposed = unicodedata.normalize("NFKD", word.lower())
    return "".join(c for c in decomposed if c.isalnum() and not unicodedata.combining(c))


def _read(name: str) -> list[str]:
    text = files("searchlight.anonymise").joinpath("data", name).read_text(encoding="utf-8")
    lines = (line.strip() for line in text.splitlines())
    return [line for line in lines if line and not line.startswith("#")]


@dataclass(frozen=True)
class Lexicon:
    first_names: frozenset[str]  # lower case
    surnames: frozenset[str]  # lower case
    non_name_words: frozenset[str]  # lower case
    nationalities: frozenset[str]  # lower case
    places: PhraseIndex  # places and countries, case-insensitive
    organisations: PhraseIndex  # case-sensitive

    def is_first_name(self, word: str) -> bool:
        return word.lower() in self.first_names

    def is_surname(self, word: str) -> bool:
        return word.lower() in self.surnames

    def is_non_name(self, word: str) -> bool:
        return word.lower() in self.non_name_words

    def is_place(self, word: str) -> bool:
        return word in self.places

    def is_nationality(self, word: str) -> bool:
        return word.lower() in self.nationalities

    def end_before_non_name(self, text: str, start: int, end: int, *,
                            keep: frozenset[str] = frozenset()) -> int:
        """End of a value before the first capitalised word that is no name ("Ashdod" in
        "Residence: Ashdod Date of birth", "Russia" in "Citizenship: Russia Location: ...").
        Words in `keep` (lower case) never end it."""
        for word in _WORD.finditer(text, start, end):
            lowered = word.group().lower()
            if word.group()[0].isupper() and self.is_non_name(lowered) and lowered not in keep:
                return start + len(text[start:word.start()].rstrip(" \t,"))
        return end

    def is_clear_surname(self, word: str) -> bool:
        lowered = word.lower()
        return lowered in self.surnames and lowered not in COMMON_WORD_SURNAMES


@cache
def lexicon() -> Lexicon:
    return Lexicon(
        first_names=frozenset(word.lower() for word in _read("first_names.txt")),
        surnames=frozenset(word.lower() for word in _read("surnames.txt")),
        non_name_words=frozenset(word.lower() for word in _read("non_name_words.txt")),
        nationalities=frozenset(word.lower() for word in _read("nationalities.txt")),
        places=PhraseIndex(_read("places.txt") + _read("countries.txt"), case_sensitive=False),
        organisations=PhraseIndex(_read("organisations.txt"), case_sensitive=True),
    )
