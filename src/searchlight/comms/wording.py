"""The message templates per stage, in Dutch and English; the offline draft fills them."""

from __future__ import annotations

from dataclasses import dataclass

from searchlight.i18n import N_

KINDS = ("acknowledgement", "invitation", "rejection", "offer")
KIND_LABELS = {"acknowledgement": N_("Acknowledgement"),
               "invitation": N_("Invitation to an assessment or interview"),
               "rejection": N_("Rejection with a reason"), "offer": N_("Offer")}
# The stage an application is usually in when each message goes out.
STAGE_KIND = {"applied": "acknowledgement", "screened": "invitation",
              "assessment": "invitation", "interview": "invitation", "offer": "offer",
              "rejected": "rejection"}


@dataclass(frozen=True)
class Wording:
    subject: str
    body: str


TEMPLATES: dict[str, dict[str, Wording]] = {
    "acknowledgement": {
        "en": Wording("We received your application for {role}",
                      "Dear {name},\n\nThank you for applying for {role}. We have received your "
                      "application and a person reads every application. You will hear from us "
                      "within {days} days about the next step.\n\nKind regards,\n{sender}"),
        "nl": Wording("We hebben je sollicitatie voor {role} ontvangen",
                      "Beste {name},\n\nDank je wel voor je sollicitatie voor {role}. We hebben "
                      "je sollicitatie ontvangen en een mens leest elke sollicitatie. Binnen "
                      "{days} dagen hoor je van ons wat de volgende stap is.\n\n"
                      "Met vriendelijke groet,\n{sender}"),
    },
    "invitation": {
        "en": Wording("Invitation: next step for {role}",
                      "Dear {name},\n\nWe would like to get to know you better for {role} and "
                      "invite you to the next step: {when}. Let us know if this does not suit "
                      "you, and we will find another moment.\n\nKind regards,\n{sender}"),
        "nl": Wording("Uitnodiging: volgende stap voor {role}",
                      "Beste {name},\n\nWe willen je graag beter leren kennen voor {role} en "
                      "nodigen je uit voor de volgende stap: {when}. Laat het ons weten als dit "
                      "niet uitkomt, dan zoeken we een ander moment.\n\n"
                      "Met vriendelijke groet,\n{sender}"),
    },
    "rejection": {
        "en": Wording("Your application for {role}",
                      "Dear {name},\n\nThank you for the time and care you put into your "
                      "application for {role}. We have decided not to continue with it. The "
                      "reason: {reason}\n\nThis was a decision by a person, not by a system. We "
                      "would like to keep in touch if you agree; reply to this message if you "
                      "have questions.\n\nKind regards,\n{sender}"),
        "nl": Wording("Je sollicitatie voor {role}",
                      "Beste {name},\n\nDank je wel voor de tijd en zorg die je in je "
                      "sollicitatie voor {role} hebt gestoken. We hebben besloten er niet mee "
                      "verder te gaan. De reden: {reason}\n\nDit besluit is genomen door een "
                      "mens, niet door een systeem. Als je het goed vindt, houden we graag "
                      "contact; beantwoord dit bericht als je vragen hebt.\n\n"
                      "Met vriendelijke groet,\n{sender}"),
    },
    "offer": {
        "en": Wording("An offer for {role}",
                      "Dear {name},\n\nWe are happy to offer you the position of {role}. {when}"
                      "\n\nWe will call you to go through the offer together; reply to this "
                      "message with any questions.\n\nKind regards,\n{sender}"),
        "nl": Wording("Een aanbod voor {role}",
                      "Beste {name},\n\nWe bieden je graag de functie {role} aan. {when}\n\n"
                      "We bellen je om het aanbod samen door te nemen; beantwoord dit bericht "
                      "als je vragen hebt.\n\nMet vriendelijke groet,\n{sender}"),
    },
}


def fill(kind: str, language: str, *, name: str, role: str, sender: str, reason: str = "",
         when: str = "", days: int = 7) -> Wording:
    """The template of `kind` in `language` with its blanks filled; the text is a draft that
    a person edits before it is sent."""
    template = TEMPLATES[kind]["nl" if language == "nl" else "en"]
    values = {"name": name, "role": role, "sender": sender, "reason": reason.strip(),
              "when": when.strip(), "days": days}
    return Wording(template.subject.format(**values), template.body.format(**values))
