"""The questions of the voluntary self-identification form: each one a category of the bias
audit, with fixed answers (no free text, so nothing identifying can be typed in) and always
"prefer not to say" (stored as None, counted as unknown). Add or change a category here; its
answers are the group names in the audit.

Labels are English message ids, translated where they are shown."""

from dataclasses import dataclass

from searchlight.i18n import N_


@dataclass(frozen=True)
class Category:
    key: str
    name: str  # a short column heading
    question: str
    options: tuple[tuple[str, str], ...]  # (stored value, label)

    def label(self, value: str) -> str:
        return dict(self.options).get(value, value)


CATEGORIES: tuple[Category, ...] = (
    Category("gender", N_("Gender"), N_("What is your gender?"), (
        ("woman", N_("Woman")), ("man", N_("Man")), ("non_binary", N_("Non-binary")),
        ("other", N_("Another gender")))),
    Category("age_band", N_("Age"), N_("How old are you?"), (
        ("under_25", N_("Under 25")), ("25_34", N_("25 to 34")), ("35_44", N_("35 to 44")),
        ("45_54", N_("45 to 54")), ("55_plus", N_("55 or older")))),
    Category("migration", N_("Migration background"),
             N_("Were you or at least one of your parents born outside the Netherlands?"), (
                 ("none", N_("No, all born in the Netherlands")),
                 ("first_generation", N_("Yes, I was born abroad")),
                 ("second_generation", N_("Yes, I was born here and a parent abroad")))),
)
BY_KEY = {category.key: category for category in CATEGORIES}
