"""The candidate assistant: answers a visitor's question only from the vacancy text and the
recruiter's FAQ, quoting its source; says so when it does not know.

Offline engine: the best FAQ answer or vacancy paragraph by BM25 (matching.lexical). With an
LLM: the best sources go to the model as one delimited data block, the question as another, and
the answer must cite a source that exists, or it counts as "I don't know". The question is
checked with the assessments guard; flagged text is removed before it reaches a model.
Questions and answers are logged redacted (anonymise), without anything about the visitor."""

import re
from dataclasses import dataclass, field

from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from searchlight.anonymise import anonymise
from searchlight.assessments.grading.guard import inspect_answer
from searchlight.careers.models import AssistantLog, FaqEntry
from searchlight.careers.service import Vacancy
from searchlight.db import end_unwritten_transaction
from searchlight.llm.errors import AIError
from searchlight.llm.service import generate_text
from searchlight.matching.lexical import Analyzer, LexicalIndex

MAX_QUESTION = 500
MIN_SHARE = 0.5  # at least half of the question's content words must be in the source
TOP = 3
CITATION = re.compile(r"\[(\d+)\]")
PLACEHOLDER = re.compile(r"\[[A-Z_]+\]")


@dataclass(frozen=True)
class Source:
    kind: str  # "faq" or "vacancy"
    label: str  # the FAQ question, or "Vacancy text"
    text: str


@dataclass(frozen=True)
class Answer:
    answered: bool
    text: str
    sources: list[Source] = field(default_factory=list)
    engine: str = "offline"
    flagged: bool = False


def faq_entries(db_session: Session, *, role_id: int | None, language: str) -> list[FaqEntry]:
    """The role's FAQ first, then the general one."""
    return list(db_session.scalars(select(FaqEntry).where(
        FaqEntry.language == language,
        or_(FaqEntry.role_id == role_id, FaqEntry.role_id.is_(None)))
        .order_by(FaqEntry.role_id.is_(None), FaqEntry.position, FaqEntry.id)))


def sources_for(db_session: Session, item: Vacancy) -> list[Source]:
    sources = [Source("faq", entry.question, entry.answer)
               for entry in faq_entries(db_session, role_id=item.role.id, language=item.language)]
    vacancy_label = "Vacancy text"
    for paragraph in re.split(r"\n\s*\n", item.body):
        if len(paragraph.strip()) > 20:
            sources.append(Source("vacancy", vacancy_label, paragraph.strip()))
    return sources


def retrieve(question: str, sources: list[Source], language: str) -> list[Source]:
    if not sources or not question.strip():
        return []
    documents = [f"{s.label}\n{s.text}" if s.kind == "faq" else s.text for s in sources]
    index = LexicalIndex(documents, [language])
    scores = index.scores(question)
    analyzer = Analyzer(language, index.vocabulary)
    asked = set(analyzer.terms(question))
    if not asked:
        return []

    def share(i: int) -> float:
        return len(asked & set(analyzer.terms(documents[i]))) / len(asked)

    ranked = sorted(range(len(sources)), key=lambda i: -float(scores[i]))
    return [sources[i] for i in ranked[:TOP] if float(scores[i]) > 0 and share(i) >= MIN_SHARE]


def _offline(found: list[Source]) -> str:
    return found[0].text


def _numbered(found: list[Source]) -> str:
    return "\n\n".join(f"[{n}] ({s.label})\n{s.text}" for n, s in enumerate(found, 1))


def ask(db_session: Session, item: Vacancy, question: str) -> Answer:
    question = " ".join(question.split())[:MAX_QUESTION]
    guard = inspect_answer(question)
    asked = " ".join(guard.cleaned.split()) if guard.flagged else question
    # Nobody's personal data reaches retrieval, a model or the log: "[EMAIL]" and the like go.
    asked = " ".join(PLACEHOLDER.sub(" ", anonymise(asked, language=item.language).text).split())
    sources = sources_for(db_session, item)
    end_unwritten_transaction(db_session)  # retrieval may load the encoder: hold no lock
    found = retrieve(asked, sources, item.language)
    answer = Answer(False, "", [], "offline", guard.flagged)
    if found:
        try:
            result = generate_text(
                db_session=db_session, task="careers.assistant", prompt="careers/assistant",
                variables={"question": asked, "sources": _numbered(found)},
                language=item.language, offline=lambda: _offline(found), fallback_offline=True,
                max_tokens=400)
        except AIError:  # stopped by the switch: the retrieved answer, quoted, still helps
            answer = Answer(True, _offline(found), found[:1], "offline", guard.flagged)
        else:
            engine = result.engine.name
            if engine == "offline":
                answer = Answer(True, result.text, found[:1], engine, guard.flagged)
            else:
                cited = sorted({int(n) for n in CITATION.findall(result.text)
                                if 1 <= int(n) <= len(found)})
                if cited and "UNKNOWN" not in result.text:
                    answer = Answer(True, result.text, [found[n - 1] for n in cited], engine,
                                    guard.flagged)
                else:
                    answer = Answer(False, "", [], engine, guard.flagged)
    _log(db_session, item, question, answer, [f.code for f in guard.findings])
    return answer


def _log(db_session: Session, item: Vacancy, question: str, answer: Answer,
         flags: list[str]) -> None:
    db_session.add(AssistantLog(
        role_id=item.role.id, language=item.language,
        question=anonymise(question, language=item.language).text,
        answer=anonymise(answer.text, language=item.language).text if answer.text else "",
        sources=[[s.kind, s.label] for s in answer.sources], answered=answer.answered,
        flags=sorted(set(flags)), engine=answer.engine))
    db_session.flush()
