"""Social posts for LinkedIn, Instagram and X, each within the platform's length limit, with
three headline variants per platform."""

from dataclasses import dataclass

from searchlight.content.offline.context import Brief, lower_first
from searchlight.content.offline.phrases import join_list

# Characters a post may have (LinkedIn posts 3,000, Instagram captions 2,200, X posts 280).
LIMITS = {"linkedin": 3000, "instagram": 2200, "x": 280}
PLATFORM_NAMES = {"linkedin": "LinkedIn", "instagram": "Instagram", "x": "X"}

_HEADLINES = {
    "nl": ("We zoeken een {title}", "Jouw volgende stap: {title} bij {employer}",
           "{title} gezocht: maak jij het verschil?"),
    "en": ("We are hiring a {title}", "Your next step: {title} at {employer}",
           "{title} wanted: will you make the difference?"),
}
_BODY = {
    "nl": {"linkedin": "{jtbd}\n\nWat je meebrengt: {musts}.\n\nBij {employer} neemt altijd "
                       "een mens het besluit over je sollicitatie. Meer weten of solliciteren? "
                       "Bekijk de vacature.",
           "instagram": "{jtbd}\n\nJij brengt {musts} mee? Bekijk de vacature via de link in "
                        "onze bio.",
           "x": "{jtbd} Je brengt {musts} mee."},
    "en": {"linkedin": "{jtbd}\n\nWhat you bring: {musts}.\n\nAt {employer} a person always "
                       "decides on your application. Want to know more or apply? See the "
                       "vacancy.",
           "instagram": "{jtbd}\n\nDo you bring {musts}? See the vacancy through the link in "
                        "our bio.",
           "x": "{jtbd} You bring {musts}."},
}
_TAGS = {"nl": "#vacature #AI #{tag}", "en": "#hiring #AI #{tag}"}


@dataclass(frozen=True)
class Post:
    platform: str
    headlines: tuple[str, ...]
    body: str

    def text(self, headline: int = 0) -> str:
        return f"{self.headlines[headline]}\n\n{self.body}"

    def longest(self) -> int:
        return max(len(self.text(i)) for i in range(len(self.headlines)))


def _fit(text: str, limit: int) -> str:
    """Cut at a word boundary with an ellipsis so the post stays inside the limit."""
    if len(text) <= limit:
        return text
    cut = text[: limit - 1].rsplit(" ", 1)[0].rstrip(",;:")
    return cut + "…"


def posts(brief: Brief) -> list[Post]:
    lang = "en" if brief.language == "en" else "nl"
    jtbd = brief.jtbd.rstrip(".")
    values = {"title": brief.title, "employer": brief.employer,
              "jtbd": f"{'The' if lang == 'en' else 'De'} {brief.title} {lower_first(jtbd)}.",
              "musts": join_list(brief.must_haves()[:4], lang) or "-"}
    tag = "".join(part.capitalize() for part in brief.profile.key.split("-"))
    headlines = tuple(h.format(**values) for h in _HEADLINES[lang])
    result = []
    for platform, limit in LIMITS.items():
        head_room = max(len(h) for h in headlines) + 2
        body = _BODY[lang][platform].format(**values) + "\n\n" + _TAGS[lang].format(tag=tag)
        body = _fit(body, limit - head_room)
        result.append(Post(platform, tuple(_fit(h, limit // 2) for h in headlines), body))
    return result


def social(brief: Brief) -> tuple[str, str]:
    """(title, Markdown) with a section per platform, its limit and its headline variants."""
    lang = brief.language
    title = (f"Social posts: {brief.title}" if lang == "en"
             else f"Socialemediaberichten: {brief.title}")
    variants = "Headline variants" if lang == "en" else "Kopvarianten"
    post_label = "Post" if lang == "en" else "Bericht"
    parts = [f"# {title}"]
    for post in posts(brief):
        limit = LIMITS[post.platform]
        chars = "characters" if lang == "en" else "tekens"
        parts.append(f"## {PLATFORM_NAMES[post.platform]} (max. {limit} {chars})")
        parts.append(f"**{variants}**\n\n" + "\n".join(
            f"{n}. {h}" for n, h in enumerate(post.headlines, start=1)))
        parts.append(f"**{post_label}**\n\n{post.body}")
    return title, "\n\n".join(parts) + "\n"
