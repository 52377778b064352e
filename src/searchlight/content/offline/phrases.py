"""Sentence templates for the offline engine in both languages (content in the text's language,
not UI strings: a Dutch vacancy is Dutch whatever the recruiter's screen language)."""

P: dict[str, dict[str, str]] = {
    "nl": {
        "intro": "{who} Voor ons team zoeken we een {title}: iemand die {jtbd_lower}",
        "who_sector": "Bij {name} werken we aan de toekomst van {sector}.",
        "who_name": "{name} is een AI-first organisatie.",
        "who_none": "Wij zijn een AI-first organisatie.",
        "job_heading": "De klus",
        "job": "In één zin: de {title} {jtbd_lower} Dat is de opdracht van deze rol; de "
               "rest van deze tekst laat zien wat daarbij hoort.",
        "do_heading": "Wat ga je doen?",
        "do_results": "Je levert {item}.",
        "do_skills": "Je werkt dagelijks met {items}.",
        "do_habits": "Je werkt volgens goede gewoonten: {items}.",
        "do_generic": "Je maakt de opdracht waar in je eerste jaar.",
        "do_together": "Je werkt samen met collega's en deelt wat je leert.",
        "bring_heading": "Wat breng je mee?",
        "must_heading": "Dit is echt nodig",
        "must_none": "Er zijn geen harde eisen; we kijken naar wat je kunt.",
        "nice_heading": "Mooi meegenomen",
        "nice_none": "Geen extra wensen.",
        "dimension_line": "**{dimension}**: {items}",
        "unknown_dim": "Dit bespreken we graag in het gesprek.",
        "years": "{n}+ jaar",
        "offer_heading": "Wat bieden wij?",
        "offer_default": "Een goed salaris, ruimte om te leren en collega's die je verder helpen.",
        "apply_heading": "Hoe solliciteer je?",
        "apply_default": "Stuur je cv of je LinkedIn-profiel, met een paar zinnen over een "
                         "project waar je trots op bent. Twijfel je of je genoeg meebrengt? "
                         "Solliciteer toch: we kijken naar wat je kunt, niet naar een "
                         "afvinklijst.",
        "ai_heading": "Hoe we AI gebruiken in de selectie",
        "ai_text": "We gebruiken software om cv's te vergelijken met dit profiel. Die software "
                   "doet een voorstel en laat zien waarop het is gebaseerd; een mens van ons "
                   "team neemt altijd het besluit. Niemand wordt automatisch afgewezen. "
                   "Je kunt vragen om een toelichting, of om je gegevens in te zien of te "
                   "laten verwijderen.",
        "tone_note": "Toon: {tone}",
    },
    "en": {
        "intro": "{who} We are looking for a {title} to join our team: someone who "
                 "{jtbd_lower}",
        "who_sector": "At {name} we work on the future of {sector}.",
        "who_name": "{name} is an AI-first organisation.",
        "who_none": "We are an AI-first organisation.",
        "job_heading": "The job to be done",
        "job": "In one sentence: the {title} {jtbd_lower} That is the purpose of this role; "
               "the rest of this text shows what it takes.",
        "do_heading": "What you will do",
        "do_results": "You deliver {item}.",
        "do_skills": "You work with {items} every day.",
        "do_habits": "You work with good habits: {items}.",
        "do_generic": "You make the job happen in your first year.",
        "do_together": "You work together with colleagues and share what you learn.",
        "bring_heading": "What you bring",
        "must_heading": "What you really need",
        "must_none": "There are no hard requirements; we look at what you can do.",
        "nice_heading": "Nice to have",
        "nice_none": "No extra wishes.",
        "dimension_line": "**{dimension}**: {items}",
        "unknown_dim": "We will talk about this in the interview.",
        "years": "{n}+ years",
        "offer_heading": "What we offer",
        "offer_default": "A good salary, room to learn and colleagues who help you grow.",
        "apply_heading": "How to apply",
        "apply_default": "Send your CV or LinkedIn profile, with a few sentences about a project "
                         "you are proud of. Not sure you bring enough? Apply anyway: we look at "
                         "what you can do, not at a checklist.",
        "ai_heading": "How we use AI in selection",
        "ai_text": "We use software to compare CVs with this profile. It makes a proposal and "
                   "shows what it is based on; a person on our team always decides. Nobody is "
                   "rejected automatically. You can ask for an explanation, or to see or delete "
                   "your data.",
        "tone_note": "Tone: {tone}",
    },
}


def phrase(language: str, key: str, **values: object) -> str:
    return P["en" if language == "en" else "nl"][key].format(**values)


def join_list(items: list[str], language: str) -> str:
    """'a, b and c' / 'a, b en c'."""
    if len(items) <= 1:
        return "".join(items)
    last = " and " if language == "en" else " en "
    return ", ".join(items[:-1]) + last + items[-1]
