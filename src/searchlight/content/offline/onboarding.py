"""An onboarding plan: first day, first week, 30/60/90 days, a buddy and learning."""

from typing import Any

from searchlight.content.offline.context import Brief, lower_first
from searchlight.content.offline.phrases import join_list

_T: dict[str, dict[str, Any]] = {
    "nl": {
        "title": "Inwerkplan: {title}",
        "intro": "Dit plan helpt een nieuwe {title} om in 90 dagen de opdracht waar te maken: "
                 "{jtbd_lower}",
        "day": "Eerste dag", "week": "Eerste week", "h30": "Dag 30: leren en verbinden",
        "h60": "Dag 60: bijdragen", "h90": "Dag 90: eigen resultaat",
        "buddy": "Buddy", "learning": "Leren",
        "day_items": ["Welkom door {manager}; laptop, accounts en toegang zijn klaar.",
                      "Kennismaken met het team en de buddy.",
                      "Uitleg over de opdracht van de rol en hoe succes wordt gemeten."],
        "week_items": ["De belangrijkste systemen en code verkennen met de buddy.",
                       "Eerste kleine taak afronden, bijvoorbeeld rond {first_item}.",
                       "Gesprekken met de belangrijkste collega's en gebruikers."],
        "d30": "Je kent de context en werkt mee aan {results}. Je bespreekt met {manager} wat "
               "je tot nu toe leerde.",
        "d60": "Je levert zelf een deel van het werk op, met aandacht voor {habits}.",
        "d90": "Je maakt de opdracht waar, met steun van het team, en laat resultaat zien: "
               "{results}. Evaluatie met {manager}: wat gaat goed, wat is de volgende stap?",
        "buddy_text": "Een ervaren collega uit het team is de eerste 90 dagen je vaste "
                      "aanspreekpunt: wekelijks een half uur, en tussendoor wanneer nodig.",
        "learning_text": "Leerdoelen uit het profiel: {items}.",
        "catalogue": "Uit de leercatalogus: {items}.",
        "manager": "de hiring manager", "results_none": "de eerste opdrachten",
        "habits_none": "goede werkafspraken",
    },
    "en": {
        "title": "Onboarding plan: {title}",
        "intro": "This plan helps a new {title} make the job happen within 90 days: "
                 "{jtbd_lower}",
        "day": "First day", "week": "First week", "h30": "Day 30: learn and connect",
        "h60": "Day 60: contribute", "h90": "Day 90: your own results",
        "buddy": "Buddy", "learning": "Learning",
        "day_items": ["Welcome by {manager}; laptop, accounts and access are ready.",
                      "Meet the team and the buddy.",
                      "The purpose of the role explained, and how success is measured."],
        "week_items": ["Explore the main systems and code with the buddy.",
                       "Finish a first small task, for example around {first_item}.",
                       "Conversations with the key colleagues and users."],
        "d30": "You know the context and help deliver {results}. You discuss what you learned "
               "so far with {manager}.",
        "d60": "You deliver part of the work yourself, with attention to {habits}.",
        "d90": "You make the job happen, with the support of the team, and show results: "
               "{results}. Review with {manager}: what goes well, what is the next step?",
        "buddy_text": "An experienced colleague from the team is your first point of contact for "
                      "90 days: half an hour every week, and in between when needed.",
        "learning_text": "Learning goals from the profile: {items}.",
        "catalogue": "From the learning catalogue: {items}.",
        "manager": "the hiring manager", "results_none": "the first assignments",
        "habits_none": "good working agreements",
    },
}


def onboarding(brief: Brief) -> tuple[str, str]:
    t = _T["en" if brief.language == "en" else "nl"]
    lang = brief.language
    manager = brief.hiring_manager or t["manager"]
    results = join_list([lower_first(r) for r in brief.items("results")], lang) or \
        t["results_none"]
    habits = join_list([lower_first(h) for h in brief.items("habits")], lang) or t["habits_none"]
    skills = brief.items("skills")
    values = {"manager": manager, "results": results, "habits": habits,
              "first_item": skills[0] if skills else results, "title": brief.title,
              "jtbd_lower": lower_first(brief.jtbd.rstrip(".")) + "."}
    title = t["title"].format(**values)
    learning = [t["learning_text"].format(items=join_list(
        skills + brief.items("cognitive"), lang) or "-")]
    if brief.learning:
        learning.append(t["catalogue"].format(items=join_list(list(brief.learning), lang)))
    parts = [f"# {title}", t["intro"].format(**values),
             f"## {t['day']}", "\n".join(f"- {i.format(**values)}" for i in t["day_items"]),
             f"## {t['week']}", "\n".join(f"- {i.format(**values)}" for i in t["week_items"]),
             f"## {t['h30']}", t["d30"].format(**values),
             f"## {t['h60']}", t["d60"].format(**values),
             f"## {t['h90']}", t["d90"].format(**values),
             f"## {t['buddy']}", t["buddy_text"],
             f"## {t['learning']}", "\n".join(f"- {line}" for line in learning)]
    return title, "\n\n".join(parts) + "\n"
