"""What the offline engine writes from: a role profile and the organisation, in one language."""

from dataclasses import dataclass, field

from searchlight.roles.schemas import DIMENSION_KEYS, ProfileItem, RoleProfile


@dataclass(frozen=True)
class Organisation:
    """Organisation facts already in the text's language."""

    name: str = ""
    sector: str = ""
    about: str = ""
    benefits: tuple[str, ...] = ()
    tone: str = ""
    apply: str = ""


@dataclass(frozen=True)
class Brief:
    profile: RoleProfile
    organisation: Organisation
    language: str
    role_version: int = 1
    hiring_manager: str = ""
    learning: tuple[str, ...] = field(default=())

    @property
    def title(self) -> str:
        return self.profile.title(self.language)

    @property
    def jtbd(self) -> str:
        return self.profile.jtbd(self.language)

    @property
    def employer(self) -> str:
        return self.organisation.name or ("ons team" if self.language == "nl" else "our team")

    def item_text(self, item: ProfileItem) -> str:
        return item.text_en if self.language == "en" else item.text_nl

    def items(self, key: str, *, must_have: bool | None = None) -> list[str]:
        dimension = self.profile.dimension(key)
        return [self.item_text(i) for i in dimension.items
                if must_have is None or i.must_have == must_have]

    def must_haves(self) -> list[str]:
        return [t for key in DIMENSION_KEYS for t in self.items(key, must_have=True)]

    def weighted_keys(self) -> list[str]:
        """Dimensions by weight, heaviest first (ties in SEARCH order)."""
        return sorted(DIMENSION_KEYS, key=lambda k: -self.profile.dimension(k).weight)

    def notes(self, key: str) -> str:
        dimension = self.profile.dimension(key)
        return dimension.interviewer_notes_en if self.language == "en" else \
            dimension.interviewer_notes_nl


def sentence(text: str) -> str:
    """Capitalised and ending with a full stop."""
    text = text.strip()
    if not text:
        return text
    text = text[0].upper() + text[1:]
    return text if text[-1] in ".!?" else text + "."


def lower_first(text: str) -> str:
    return text[:1].lower() + text[1:] if text[:2] != text[:2].upper() else text
