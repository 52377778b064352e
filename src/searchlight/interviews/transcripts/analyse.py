"""The offline analysis of a transcript, and the checks every analysis goes through.

Deterministic: speakers get a role (candidate, recruiter, other) from the names given; names of
other people are redacted; each turn passes the injection guard of the assessments grader;
candidate sentences become SEARCH evidence by a Dutch and English cue lexicon plus the role
profile's own item words; questions are the candidate's sentences ending in "?", agreements the
sentences with a commitment ("we'll send", "afgesproken"). Quotes from any engine are kept only
when they are in the redacted transcript."""

import re
from collections.abc import Iterable
from dataclasses import dataclass, field

from searchlight.anonymise.redaction import find_entities
from searchlight.assessments.grading.guard import GuardFinding, inspect_answer
from searchlight.interviews.transcripts.parse import Turn

DIMENSIONS = ("skills", "experience", "attitude", "results", "cognitive", "habits")
GENERIC_SPEAKERS = re.compile(
    r"^(\?|speaker\s*\d*|spreker\s*\d*|interviewer|recruiter|candidate|kandidaat|unknown)$", re.I)
_REDACT_KINDS = {"PERSON", "EMAIL", "PHONE"}
_SENTENCE = re.compile(r"[^.!?\n]+[.!?]*")

CUES: dict[str, tuple[str, ...]] = {
    "skills": ("python", "pytorch", "sql", "prompt", "rag", "docker", "kubernetes", "framework",
               "implemented", "built", "build", "programmed", "gebouwd", "bouw", "geprogrammeerd",
               "ontwikkeld", "developed", "code", "model", "pipeline", "api", "llm", "testing"),
    "experience": ("years", "jaar", "worked at", "werkte", "werk bij", "ervaring", "experience",
                   "project", "previous", "vorige", "bij mijn", "at my last", "sector"),
    "attitude": ("learn", "leer", "ownership", "eigenaar", "verantwoordelijk", "responsib",
                 "curious", "nieuwsgierig", "feedback", "mistake", "fout", "motivat",
                 "enthusias", "enthousias", "initiative", "initiatief"),
    "results": ("%", "increased", "reduced", "saved", "improved", "verhoogd", "verlaagd",
                "bespaard", "verbeterd", "resultaat", "result", "delivered", "opgeleverd",
                "euro", "€", "faster", "sneller"),
    "cognitive": ("trade-off", "tradeoff", "afweging", "analys", "analyse", "hypothes",
                  "because", "omdat", "aanname", "assumption", "root cause", "oorzaak",
                  "compared", "vergeleken", "reasoning", "redenering", "evaluat"),
    "habits": ("every day", "dagelijks", "daily", "weekly", "wekelijks", "code review",
               "document", "routine", "always", "altijd", "plan", "retro", "stand-up",
               "standup", "checklist", "unit test"),
}
AGREEMENT_CUES = ("we agreed", "agreed", "afgesproken", "we spreken af", "i will send",
                  "i'll send", "we'll send", "we will send", "ik stuur", "wij sturen",
                  "we sturen", "next step", "volgende stap", "we plan", "we plannen",
                  "follow up", "terugkoppeling", "i'll get back", "we'll get back",
                  "ik kom erop terug", "we komen erop terug", "deal", "akkoord")
_STOP = frozenset("with from that this your have about their they were been will what when "
                  "where which work werk voor door naar over zijn heeft hebben niet maar ook "
                  "deze die dat een het van and the".split())


@dataclass
class SpeakerRoles:
    candidate: str
    recruiter: str


@dataclass
class Analysis:
    turns: list[dict[str, str]]
    summary: str
    evidence: list[dict[str, str]]  # {"dimension", "quote", "note"}
    questions: list[str]
    agreements: list[str]
    flags: list[dict[str, str]]
    redactions: int = 0
    dropped_quotes: int = 0
    engine: str = "offline"
    extra: dict[str, str] = field(default_factory=dict)


def _tokens(name: str) -> set[str]:
    return {t for t in re.findall(r"[\wÀ-ÿ]+", name.lower()) if len(t) > 1}


def assign_roles(turns: list[Turn], *, candidate_name: str, recruiter_name: str) -> SpeakerRoles:
    """Which speaker label is the candidate and which the recruiter."""
    words: dict[str, int] = {}
    for turn in turns:
        words[turn.speaker] = words.get(turn.speaker, 0) + len(turn.text.split())
    labels = list(words)
    candidate_tokens, recruiter_tokens = _tokens(candidate_name), _tokens(recruiter_name)
    candidate = next((s for s in labels if _tokens(s) & candidate_tokens), "")
    candidate = candidate or next((s for s in labels if s.lower() in ("candidate", "kandidaat")),
                                  "")
    recruiter = next((s for s in labels if s != candidate and _tokens(s) & recruiter_tokens), "")
    recruiter = recruiter or next(
        (s for s in labels if s != candidate and s.lower() in ("recruiter", "interviewer")), "")
    if not recruiter:
        recruiter = next((t.speaker for t in turns if t.speaker != candidate), "")
    if not candidate:
        others = [s for s in labels if s != recruiter]
        candidate = max(others, key=lambda s: words[s]) if others else ""
    return SpeakerRoles(candidate=candidate, recruiter=recruiter)


def _redact(text: str, keep: set[str]) -> tuple[str, int]:
    spans = [(kind, start, end) for kind, start, end in find_entities(text)
             if kind in _REDACT_KINDS]
    count = 0
    for kind, start, end in reversed(spans):
        if kind == "PERSON" and _tokens(text[start:end]) & keep:
            continue
        text = f"{text[:start]}[{kind}]{text[end:]}"
        count += 1
    return text, count


def _mark_flagged(text: str, findings: Iterable[GuardFinding]) -> str:
    """Hidden characters removed, flagged instructions replaced by [FLAGGED]."""
    spans = sorted((f.start, f.end, f.code) for f in findings)
    for start, end, code in reversed(spans):
        text = text[:start] + ("" if code == "hidden_unicode" else "[FLAGGED]") + text[end:]
    return text


def sentences(text: str) -> list[str]:
    return [s.strip() for s in _SENTENCE.findall(text) if len(s.strip()) > 2]


def squash(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip().casefold()


def prepare_turns(turns: list[Turn], *, candidate_name: str, recruiter_name: str,
                  ) -> tuple[list[dict[str, str]], list[dict[str, str]], int]:
    """Turns with roles, third parties redacted, and the injection flags."""
    roles = assign_roles(turns, candidate_name=candidate_name, recruiter_name=recruiter_name)
    keep = _tokens(candidate_name) | _tokens(recruiter_name) | _tokens(roles.candidate) | \
        _tokens(roles.recruiter)
    prepared: list[dict[str, str]] = []
    flags: list[dict[str, str]] = []
    redactions = 0
    for index, turn in enumerate(turns):
        role = ("candidate" if turn.speaker == roles.candidate else
                "recruiter" if turn.speaker == roles.recruiter else "other")
        speaker = turn.speaker
        if role == "other" and not GENERIC_SPEAKERS.match(speaker):
            speaker, redactions = "[PERSON]", redactions + 1
        guard = inspect_answer(turn.text)
        for finding in guard.findings:
            flags.append({**finding.as_flag(), "turn": str(index)})
        text, count = _redact(_mark_flagged(turn.text, guard.findings), keep)
        redactions += count
        prepared.append({"speaker": speaker, "role": role, "text": text.strip()})
    return prepared, flags, redactions


def _profile_words(profile_items: Iterable[tuple[str, str]]) -> dict[str, set[str]]:
    words: dict[str, set[str]] = {d: set() for d in DIMENSIONS}
    for dimension, text in profile_items:
        words.setdefault(dimension, set()).update(
            w for w in _tokens(text) if len(w) > 3 and w not in _STOP)
    return words


def offline_analysis(turns: list[dict[str, str]], *,
                     profile_items: Iterable[tuple[str, str]] = (), language: str = "en",
                     ) -> Analysis:
    """Summary, evidence, questions and agreements, without a model."""
    profile = _profile_words(profile_items)
    evidence: list[dict[str, str]] = []
    questions: list[str] = []
    agreements: list[str] = []
    seen: set[tuple[str, str]] = set()
    for turn in turns:
        for sentence in sentences(turn["text"]):
            lowered = sentence.lower()
            if any(cue in lowered for cue in AGREEMENT_CUES) and sentence not in agreements:
                agreements.append(sentence)
            if turn["role"] != "candidate":
                continue
            if sentence.endswith("?"):
                questions.append(sentence)
                continue
            words = _tokens(sentence)
            for dimension in DIMENSIONS:
                cue = next((c for c in CUES[dimension] if c in lowered), None)
                item = next(iter(sorted(words & profile.get(dimension, set()))), None)
                if (cue or item) and (dimension, sentence) not in seen:
                    seen.add((dimension, sentence))
                    evidence.append({"dimension": dimension, "quote": sentence,
                                     "note": f"profile: {item}" if item else f"cue: {cue}"})
    dims = sorted({e["dimension"] for e in evidence}, key=DIMENSIONS.index)
    spoken = sum(1 for t in turns if t["role"] == "candidate")
    if language == "nl":
        summary = (f"Gesprek van {len(turns)} beurten, waarvan {spoken} van de kandidaat. "
                   f"Bewijs gevonden voor: {', '.join(dims) or 'geen dimensie'}. "
                   f"{len(questions)} vragen van de kandidaat, {len(agreements)} afspraken.")
    else:
        summary = (f"Conversation of {len(turns)} turns, {spoken} by the candidate. "
                   f"Evidence found for: {', '.join(dims) or 'no dimension'}. "
                   f"{len(questions)} questions from the candidate, {len(agreements)} agreements.")
    return Analysis(turns=turns, summary=summary, evidence=evidence, questions=questions,
                    agreements=agreements, flags=[])


def verify_quotes(analysis: Analysis) -> Analysis:
    """Keep only evidence, questions and agreements whose quote is in the transcript; evidence
    must come from the candidate's own turns."""
    everything = squash(" ".join(t["text"] for t in analysis.turns))
    candidate = squash(" ".join(t["text"] for t in analysis.turns if t["role"] == "candidate"))
    kept = [e for e in analysis.evidence
            if e["dimension"] in DIMENSIONS and squash(e["quote"])
            and squash(e["quote"]) in candidate]
    analysis.dropped_quotes += len(analysis.evidence) - len(kept)
    analysis.evidence = kept
    analysis.questions = [q for q in analysis.questions if squash(q) and squash(q) in everything]
    analysis.agreements = [a for a in analysis.agreements if squash(a) and squash(a) in everything]
    return analysis
