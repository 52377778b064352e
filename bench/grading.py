"""The offline grading engine against a plain reference-answer similarity baseline, on graded
short answers in English and Dutch, with parameters chosen by cross-validation over questions.

    .venv/bin/python bench/grading.py            # both settings, 5 folds
    .venv/bin/python bench/grading.py --folds 10

Data: bench/data/grading_rubrics.yaml (10 questions, challenge YAML) and
bench/data/grading_answers.yaml (200 graded answers; the 40 marked `anchor` are the graded
examples of the "with anchors" setting and are never scored). No public graded short-answer set
is in ../shared/data, so this set was written for Searchlight (bench/README.md, "Grading").

Folds hold out whole questions (one English and one Dutch per fold at k=5): parameters are
chosen on the other questions and scored on questions they never saw, as a newly written
rubric would be. Per fold: QWK per held-out question (averaged) and exact agreement; the
table gives mean and spread (standard deviation) over the folds.

Settings: "rubric" = level descriptions and reference answers only; "anchors" = the same plus
graded example answers: the 4 marked anchors per question (one per level), and in a second
block 8 (two per level: the first scored answer of each anchor's level becomes an anchor too,
so that block scores 112 answers). Methods:
    baseline   cosine of the answer with the best reference answer (without references: the
               top level's description), mapped linearly onto the item's levels between two
               thresholds (chosen by the same CV); no term overlap, descriptions or anchors
    engine     the offline engine (src/searchlight/assessments/grading/engine.py), every
               parameter of its grid chosen by the same CV
    shipped    the engine with its shipped DEFAULT_PARAMS and ANCHORED_PARAMS (chosen on all
               ten questions, ANCHORED_PARAMS on both anchor counts, so optimistic: shown for
               reference, not as a held-out figure)
With --llm the model path (grading/llm.py) is measured on the same answers in both settings, on
the database and endpoint of the current settings (SEARCHLIGHT_LLM_*); it has no parameters to
choose, so it is scored per fold without training. Its "needs a human" count is shown too."""

import argparse
import itertools
import statistics
import sys
import time
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from pathlib import Path

import yaml

from searchlight.assessments.grading import inspect_answer
from searchlight.assessments.grading.engine import (
    ANCHORED_PARAMS,
    DEFAULT_PARAMS,
    EngineParams,
    ItemFeatures,
    OfflineEngine,
    level_from_features,
)
from searchlight.assessments.grading.metrics import quadratic_weighted_kappa
from searchlight.assessments.schemas import Item, Level, Question
from searchlight.assessments.yaml_io import parse_challenges

DATA = Path(__file__).resolve().parent / "data"
LOWS = (0.0, 0.05, 0.1, 0.15, 0.2, 0.3)
HIGHS = (0.35, 0.4, 0.45, 0.5, 0.55, 0.6, 0.7, 0.8)


@dataclass(frozen=True)
class Answer:
    question: str
    text: str
    level: int
    anchor: bool


@dataclass
class Case:
    """One question: its item in both settings and the features of its scored answers."""

    key: str
    language: str
    item: Item
    anchored: Item
    answers: list[Answer]
    rubric_features: list[ItemFeatures]
    anchor_features: list[ItemFeatures]


QUESTION_TEXT: dict[str, str] = {}


def load() -> tuple[list[Question], dict[str, str], list[Answer]]:
    challenges = parse_challenges((DATA / "grading_rubrics.yaml").read_text(encoding="utf-8"),
                                  source="grading_rubrics.yaml")
    questions = [q for c in challenges for q in c.questions]
    languages = {q.key: c.language for c in challenges for q in c.questions}
    QUESTION_TEXT.update({q.key: q.text for q in questions})
    raw = yaml.safe_load((DATA / "grading_answers.yaml").read_text(encoding="utf-8"))
    answers = [Answer(key, str(row[1]), int(row[0]), len(row) > 2 and row[2] == "anchor")
               for key, rows in raw.items() for row in rows]
    return questions, languages, answers


def with_anchors(item: Item, anchors: Iterable[Answer]) -> Item:
    examples: dict[int, list[str]] = {}
    for answer in anchors:
        examples.setdefault(answer.level, []).append(answer.text)
    levels = {level.level: level for level in item.levels}
    for number, texts in examples.items():
        base = levels.get(number, Level(level=number))
        levels[number] = base.model_copy(update={"examples": [*base.examples, *texts]})
    return item.model_copy(update={"levels": sorted(levels.values(), key=lambda x: x.level)})


def build_cases(engine: OfflineEngine, *, references: bool = True,
                extra_anchors: int = 0) -> list[Case]:
    """The questions with their scored answers; `extra_anchors` more anchors per level are
    taken from the scored answers (the first ones of each level in the file)."""
    questions, languages, answers = load()
    cases = []
    for question in questions:
        item = question.items[0]
        if not references:  # the top level's description then stands in for them
            item = item.model_copy(update={"reference_answers": []})
        mine = [a for a in answers if a.question == question.key]
        anchors = [a for a in mine if a.anchor]
        for level in sorted({a.level for a in anchors}):
            anchors += [a for a in mine if not a.anchor and a.level == level][:extra_anchors]
        scored = [a for a in mine if a not in anchors]
        anchored = with_anchors(item, anchors)
        cases.append(Case(
            question.key, languages[question.key], item, anchored, scored,
            [engine.features(item, a.text) for a in scored],
            [engine.features(anchored, a.text) for a in scored],
        ))
    return cases


def baseline_grid() -> list[EngineParams]:
    return [EngineParams(low=low, high=high, lexical_share=0.0, description_share=0.0,
                         anchor_share=0.0)
            for low, high in itertools.product(LOWS, HIGHS) if high > low]


def engine_grid(anchors: bool) -> list[EngineParams]:
    grid = []
    for low, high, lexical, description in itertools.product(
            LOWS, HIGHS, (0.0, 0.2, 0.4, 0.6, 0.8), (0.0, 0.25, 0.5)):
        if high <= low:
            continue
        base = EngineParams(low=low, high=high, lexical_share=lexical,
                            description_share=description)
        if not anchors:
            grid.append(base)
            continue
        for share, temperature in itertools.product((0.0, 0.3, 0.5, 0.7),
                                                    (0.02, 0.05, 0.1)):
            if share == 0.0 and temperature != 0.05:
                continue
            grid.append(replace(base, anchor_share=share, temperature=temperature))
    return grid


def predictions(case: Case, setting: str, params: EngineParams) -> list[int]:
    if setting == "anchors":
        features, item = case.anchor_features, case.anchored
    else:
        features, item = case.rubric_features, case.item
    return [level_from_features(item, f, params)[0] for f in features]


def question_scores(case: Case, setting: str, params: EngineParams) -> tuple[float, int, int]:
    """(QWK, exact hits, answers) of one question."""
    human = [a.level for a in case.answers]
    machine = predictions(case, setting, params)
    kappa = quadratic_weighted_kappa(human, machine, lowest=case.item.lowest,
                                     highest=case.item.highest)
    return kappa, sum(h == m for h, m in zip(human, machine, strict=True)), len(human)


def combine(rows: Sequence[tuple[float, int, int]]) -> tuple[float, float]:
    """(mean QWK over the questions, pooled exact agreement)."""
    return (statistics.fmean(row[0] for row in rows),
            sum(row[1] for row in rows) / sum(row[2] for row in rows))


class Table:
    """Every grid point scored once per question; CV then only picks from this table."""

    def __init__(self, cases: Sequence[Case], setting: str,
                 grid: Sequence[EngineParams]) -> None:
        self.cases, self.grid = list(cases), list(grid)
        self.rows = [[question_scores(case, setting, params) for case in self.cases]
                     for params in self.grid]

    def scores(self, index: int, cases: Sequence[Case]) -> tuple[float, float]:
        return combine([self.rows[index][self.cases.index(case)] for case in cases])

    def choose(self, cases: Sequence[Case]) -> int:
        """The grid point with the best mean QWK on `cases` (exact agreement breaks ties)."""
        return max(range(len(self.grid)), key=lambda index: self.scores(index, cases))


def folds(cases: Sequence[Case], k: int) -> list[list[Case]]:
    english = [c for c in cases if c.language == "en"]
    dutch = [c for c in cases if c.language == "nl"]
    ordered = [c for pair in itertools.zip_longest(english, dutch) for c in pair if c]
    return [ordered[i::k] for i in range(k)]


def cross_validate(table: Table, k: int) -> tuple[list[tuple[float, float]],
                                                   list[EngineParams]]:
    results, chosen = [], []
    for held_out in folds(table.cases, k):
        index = table.choose([c for c in table.cases if c not in held_out])
        chosen.append(table.grid[index])
        results.append(table.scores(index, held_out))
    return results, chosen


def model_levels(cases: Sequence[Case], setting: str, engine: OfflineEngine) -> dict[str, list[
        int | None]]:
    """The model path's level per scored answer (None: waiting for a human), per question."""
    from searchlight.assessments.grading.llm import grade_all_with_model
    from searchlight.db import transaction

    levels = {}
    with transaction() as db:
        for case in cases:
            item = case.anchored if setting == "anchors" else case.item
            question = Question(key=case.key, text=QUESTION_TEXT[case.key], items=[item])
            grades = grade_all_with_model(
                db_session=db, answers=[(question, a.text) for a in case.answers],
                language=case.language, offline=engine)
            levels[case.key] = [g.levels[item.key] for g in grades]
    return levels


def measure_model(cases: Sequence[Case], engine: OfflineEngine, k: int) -> None:
    from searchlight.config import get_settings

    if not get_settings().llm_base_url:
        print("model path: not measured, no endpoint configured (SEARCHLIGHT_LLM_BASE_URL)")
        return
    for setting in ("rubric", "anchors"):
        started = time.perf_counter()
        levels = model_levels(cases, setting, engine)
        waiting = sum(level is None for rows in levels.values() for level in rows)
        results = []
        for fold in folds(cases, k):
            rows = []
            for case in fold:
                # an answer waiting for a human counts as the item's lowest level
                machine = [case.item.lowest if level is None else level
                           for level in levels[case.key]]
                human = [a.level for a in case.answers]
                rows.append((quadratic_weighted_kappa(human, machine, lowest=case.item.lowest,
                                                      highest=case.item.highest),
                             sum(h == m for h, m in zip(human, machine, strict=True)),
                             len(human)))
            results.append(combine(rows))
        print(f"{setting:<9} {'model path (' + get_settings().llm_model + ')':<28} "
              f"{spread([r[0] for r in results]):>15} {spread([r[1] for r in results]):>15}"
              f"   {waiting} waiting for a human, {time.perf_counter() - started:.0f} s")


def spread(values: Sequence[float]) -> str:
    deviation = statistics.stdev(values) if len(values) > 1 else 0.0
    return f"{statistics.fmean(values):.3f} ± {deviation:.3f}"


def describe(params: EngineParams, setting: str) -> str:
    text = f"low {params.low} high {params.high}"
    if setting != "baseline":
        text += f" lexical {params.lexical_share} descriptions {params.description_share}"
    if setting == "anchors":
        text += f" anchors {params.anchor_share} T {params.temperature}"
    return text


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--folds", type=int, default=5)
    parser.add_argument("--verbose", action="store_true", help="print each fold's parameters")
    parser.add_argument("--llm", action="store_true", help="also measure the model path")
    parser.add_argument("--without-references", action="store_true",
                        help="leave the reference answers out of every rubric")
    args = parser.parse_args()
    started = time.perf_counter()
    engine = OfflineEngine()
    references = not args.without_references
    blocks = [build_cases(engine, references=references),
              build_cases(engine, references=references, extra_anchors=1)]
    cases = blocks[0]
    print(f"graded short answers: {len(cases)} questions "
          f"({sum(c.language == 'en' for c in cases)} en, "
          f"{sum(c.language == 'nl' for c in cases)} nl); encoder {engine.model}; "
          f"{'with' if references else 'without'} reference answers; "
          f"features in {time.perf_counter() - started:.0f} s")
    scored = sum(len(c.answers) for c in cases)
    flagged = sum(bool(inspect_answer(a.text).findings) for c in cases for a in c.answers)
    print(f"injection guard on these honest answers: {flagged} of {scored} flagged")
    print(f"\n{args.folds}-fold CV over questions (parameters chosen on the training folds)")
    anchor_tables = []
    for per_level, block in enumerate(blocks, start=1):
        scored = sum(len(c.answers) for c in block)
        print(f"\n{per_level} anchor(s) per level ({per_level * 4} per question), "
              f"{scored} scored answers")
        print(f"{'setting':<9} {'method':<28} {'QWK':>15} {'exact':>15}")
        rows = [("baseline (reference cosine)", "baseline", baseline_grid(), "both"),
                ("engine, rubric alone", "rubric", engine_grid(False), "rubric"),
                ("engine, with anchors", "anchors", engine_grid(True), "anchors")]
        for label, setting, grid, shown in rows:
            table = Table(block, setting, grid)
            if setting == "anchors":
                anchor_tables.append(table)
            results, chosen = cross_validate(table, args.folds)
            print(f"{shown:<9} {label:<28} {spread([r[0] for r in results]):>15} "
                  f"{spread([r[1] for r in results]):>15}")
            if args.verbose:
                for number, params in enumerate(chosen, start=1):
                    print(f"    fold {number}: {describe(params, setting)}")
            if setting == "rubric" and per_level == 1:
                best = table.grid[table.choose(block)]
                print(f"    chosen on all questions: {describe(best, setting)}")
        for setting, shipped in (("rubric", DEFAULT_PARAMS), ("anchors", ANCHORED_PARAMS)):
            results = [combine([question_scores(case, setting, shipped) for case in fold])
                       for fold in folds(block, args.folds)]
            print(f"{setting:<9} {'shipped defaults':<28} {spread([r[0] for r in results]):>15} "
                  f"{spread([r[1] for r in results]):>15}")
    best_index = max(range(len(anchor_tables[0].grid)), key=lambda index: statistics.fmean(
        table.scores(index, table.cases)[0] for table in anchor_tables))
    print("\nanchors, chosen on all questions and both anchor counts: "
          + describe(anchor_tables[0].grid[best_index], "anchors"))
    if args.llm:
        measure_model(cases, engine, args.folds)
    print(f"\n{time.perf_counter() - started:.0f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
