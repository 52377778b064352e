"""Self-identification is never a model input: no module of screening, matching, anonymising,
the AI layer, assessments or interviews imports the fairness package (directly or through
another module, including imports inside functions), no module outside fairness and the
erasure rules names its tables, and screening scores are identical with and without answers."""

import ast
import copy
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from searchlight.candidates.models import Candidate
from searchlight.config import get_settings
from searchlight.fairness import service
from searchlight.matching.embedder import default_embedder
from searchlight.screening.batches import screen_entries
from searchlight.screening.models import ScreeningResult
from searchlight.screening.ranking import rerank
from tests.candidates.factories import apply
from tests.screening.cvfiles import make_cv
from tests.screening.factories import make_role, new_version

SOURCE = Path(__file__).resolve().parents[2] / "src"
SCORING = ("searchlight.screening", "searchlight.matching", "searchlight.anonymise",
           "searchlight.llm", "searchlight.assessments", "searchlight.interviews")
ALLOWED_TO_NAME = ("searchlight/fairness/", "searchlight/gdpr/coverage.py")


def _modules() -> dict[str, Path]:
    found = {}
    for path in SOURCE.rglob("*.py"):
        parts = list(path.relative_to(SOURCE).with_suffix("").parts)
        if parts[-1] == "__init__":
            parts.pop()
        found[".".join(parts)] = path
    return found


def _imports(name: str, path: Path, modules: dict[str, Path]) -> set[str]:
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    named: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            named.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                parent = package.split(".")[: len(package.split(".")) - node.level + 1]
                base = ".".join([*parent, base] if base else parent)
            named.add(base)
            named.update(f"{base}.{alias.name}" for alias in node.names)
    found = set()
    for each in named:
        while each and each not in modules:
            each = each.rpartition(".")[0]
        if each:
            found.add(each)
    return found


def _closure(starts: list[str], modules: dict[str, Path]) -> set[str]:
    seen, stack = set(starts), list(starts)
    while stack:
        for found in _imports(stack[-1], modules[stack.pop()], modules):
            if found not in seen:
                seen.add(found)
                stack.append(found)
    return seen


def test_it_keeps_scoring_code_from_importing_the_answers() -> None:
    modules = _modules()
    starts = [m for m in modules if m.startswith(SCORING)]
    assert "searchlight.screening.score.scoring" in starts and len(starts) > 50
    reached = _closure(starts, modules)
    assert "searchlight.candidates.models" in reached  # the walk does follow imports
    assert not {m for m in reached if m.startswith("searchlight.fairness")}


def test_it_finds_an_import_of_the_answers_when_there_is_one() -> None:
    modules = _modules()
    assert "searchlight.fairness.models" in _closure(["searchlight.gdpr.erasure"], modules)


def test_it_names_the_answer_tables_only_in_fairness_and_the_erasure_rules() -> None:
    naming = sorted(str(path.relative_to(SOURCE)) for path in SOURCE.rglob("*.py")
                    if "fairness_self_id" in path.read_text(encoding="utf-8")
                    or "SelfId" in path.read_text(encoding="utf-8"))
    assert naming and all(p.startswith(ALLOWED_TO_NAME) for p in naming), naming


def _latest(db: Session, role_id: int) -> dict[int, tuple[float | None, dict[str, Any]]]:
    latest: dict[int, tuple[float | None, dict[str, Any]]] = {}
    for result in db.scalars(select(ScreeningResult).where(ScreeningResult.role_id == role_id)
                             .order_by(ScreeningResult.id)):
        if result.candidate_id is not None:
            latest[result.candidate_id] = (result.overall, result.dimensions)
    return latest


def test_it_scores_the_same_with_and_without_self_identification(db: Session) -> None:
    role = make_role(db)
    entries = [(f"cv{i}.txt", make_cv("en" if i % 2 else "nl", seed=70 + i).text.encode())
               for i in range(4)]
    list(screen_entries(entries, role_id=role.id, actor_id=None, settings=get_settings(),
                        embedder=default_embedder()))
    profile = copy.deepcopy(role.versions[0].profile)
    new_version(db, role, copy.deepcopy(profile))  # the same profile, scored anew
    assert rerank(db_session=db, role=role, embedder=default_embedder()) == 4
    before = _latest(db, role.id)
    assert len(before) == 4 and all(overall is not None for overall, _ in before.values())
    for index, candidate_id in enumerate(sorted(before)):
        application = apply(db, db.get_one(Candidate, candidate_id), role)
        token = service.create_invitation(db_session=db, application=application,
                                          language="nl")
        service.answer(db_session=db, token=token, raw={
            "gender": ("woman", "man")[index % 2], "age_band": "55_plus",
            "migration": "first_generation"})
    db.flush()
    new_version(db, role, copy.deepcopy(profile))
    assert rerank(db_session=db, role=role, embedder=default_embedder()) == 4
    after = _latest(db, role.id)
    assert after == before
