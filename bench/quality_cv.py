"""k-fold cross-validation of the matching parameters (`bench/quality.py --folds K`).

Each family of tasks shares one set of global parameters, as the product does: skill linking
(ESCO TECH + HOUSE, `SKILL_FUSION`), title matching (TalentCLEF A en + es + de, `TITLE_FUSION`
and the whitening shrinkage) and resume categories (the document parameters of `SKILL_FUSION`).

Every grid point is scored once per query (queries are encoded once; each grid point only
re-fuses stored evidence), so a fold's choice is just the grid point with the best mean over
its training queries (each task of the family weighted equally); the held-out fold is then
scored with that point. Nothing a grid point uses is learned from the queries (synonym groups,
priors and the whitening come from ESCO and the TalentCLEF training pairs), so this equals
refitting per fold. The plain methods have no parameters and are scored on the same folds.
"""

import statistics
import time
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field, replace
from itertools import product
from typing import Any

import numpy as np

import quality_data as data
from quality_baselines import PlainBM25, plain_cosines
from quality_tasks import training_groups
from searchlight.matching.embedder import Embedder
from searchlight.matching.hybrid import SKILL_FUSION, LabelIndex
from searchlight.matching.metrics import query_folds
from searchlight.matching.titles import (
    BARE_TITLE_FUSION,
    TITLE_FUSION,
    TITLE_WHITENING,
    build_title_index,
)

SEED = 7
BLEND_LEXICAL = 0.2  # the plain blend: 0.2 x BM25 (divided by the query's best) + 0.8 x cosine

Params = dict[str, Any]


class MemoEmbedder:
    """The base embedder with every text remembered, so a grid encodes each text once.

    Same name and version as the base: its vectors are the base's, so cache keys stay valid.
    """

    def __init__(self, base: Embedder) -> None:
        self.base = base
        self.name = base.name
        self.version = base.version
        self._rows: dict[str, np.ndarray] = {}

    def encode(self, texts: Sequence[str]) -> np.ndarray:
        missing = [text for text in dict.fromkeys(texts) if text not in self._rows]
        if missing:
            for text, vector in zip(missing, self.base.encode(missing), strict=True):
                self._rows[text] = vector
        if not texts:
            return self.base.encode([])
        return np.vstack([self._rows[text] for text in texts])


def per_query(matrix: np.ndarray, gold: Sequence[np.ndarray], metric: str) -> np.ndarray:
    """The metric of each query's ranking (stable order of descending scores, as the main
    table ranks), from the 1-based positions of its gold items."""
    values = np.zeros(len(gold))
    for row, relevant in enumerate(gold):
        order = np.argsort(-matrix[row], kind="stable")
        rank = np.empty(len(order), dtype=np.int64)
        rank[order] = np.arange(1, len(order) + 1)
        positions = np.sort(rank[relevant])
        if metric == "MAP":
            values[row] = float(np.mean(np.arange(1, len(positions) + 1) / positions))
        elif metric == "RP@5":
            values[row] = 100 * np.sum(positions <= 5) / min(5, len(positions))
        elif metric == "MRR":
            values[row] = 100 / positions[0]
        else:
            raise ValueError(f"unknown metric {metric}")
    return values


@dataclass
class Task:
    """Per-query scores of one task: every grid point of ours, and the plain methods."""

    name: str
    metric: str
    ours: list[np.ndarray] = field(default_factory=list)  # one row per grid point
    plain: dict[str, np.ndarray] = field(default_factory=dict)

    @property
    def size(self) -> int:
        return len(next(iter(self.plain.values())))


@dataclass
class Family:
    name: str
    grid: list[Params]
    shipped: Params
    tasks: list[Task]

    def choose(self, train: Sequence[np.ndarray]) -> int:
        """The grid point with the best mean over tasks of its mean on `train` (per task)."""
        def value(point: int) -> float:
            return float(np.mean([task.ours[point][rows].mean()
                                  for task, rows in zip(self.tasks, train, strict=True)]))
        return max(range(len(self.grid)), key=value)


def plain_scores(task: Task, bm25: np.ndarray, cosines: np.ndarray, gold: Sequence[np.ndarray],
                 metric: str) -> None:
    top = np.maximum(bm25.max(axis=1, keepdims=True), 1e-9)
    blend = BLEND_LEXICAL * bm25 / top + (1 - BLEND_LEXICAL) * cosines
    task.plain = {"blend": per_query(blend, gold, metric), "BM25": per_query(bm25, gold, metric),
                  "embed": per_query(cosines, gold, metric)}


def gold_indices(relevant: Sequence[set[str]], item_ids: Sequence[str]) -> list[np.ndarray]:
    column = {item: i for i, item in enumerate(item_ids)}
    missing = sum(1 for gold in relevant for item in gold if item not in column)
    if missing:  # the main table would count them as never retrieved; keep the two equal
        raise ValueError(f"{missing} relevant items are not among the ranked items")
    return [np.asarray(sorted(column[item] for item in gold), dtype=np.int64)
            for gold in relevant]


# Grids: small on purpose (a few global parameters, a few values each, the shipped ones among
# them). Order matters only for exact ties: the first point wins.
TITLE_GRID: dict[str, list[Any]] = {
    "whitening": [None, 0.3, 0.6, 0.9], "pull": [0.0, 0.35, 0.7], "lexical": [0.0, 0.1, 0.2, 0.3],
    "feedback": [(0, 0.0), (5, 1.0), (10, 1.0), (5, 2.0)]}
# Without synonym groups (what `searchlight titles rank` has): only the weights and feedback.
BARE_TITLE_GRID: dict[str, list[Any]] = {
    "lexical": [0.0, 0.1, 0.2, 0.3], "feedback": TITLE_GRID["feedback"]}
SKILL_GRID: dict[str, list[Any]] = {
    "pull": [0.0, 0.3], "span": [4, 6], "lexical": [0.2, 0.3, 0.4], "whole": [0.2, 0.5],
    "prior": [0.0, 0.03]}
RESUME_GRID: dict[str, list[Any]] = {
    "passages": [1, 2, 3], "document_lexical": [0.0, 0.1, 0.2, 0.3]}


def points(grid: dict[str, list[Any]]) -> list[Params]:
    return [dict(zip(grid, values, strict=True)) for values in product(*grid.values())]


TITLE_SOURCES = {
    "esco": "title matching (shipped ESCO titles: what `searchlight titles rank` has)",
    "pairs": "title matching with the TalentCLEF training pairs added (es, de)",
    "none": "title matching without any synonym groups (--no-esco)",
}


def title_family(embedder: Embedder, languages: Sequence[str], progress: Callable[[str], None],
                 *, groups: str = "esco") -> Family:
    """Title matching through `build_title_index` as the CLI runs it, with the shipped ESCO
    groups (`esco`), those and the training pairs (`pairs`), or no groups at all (`none`)."""
    with_groups = groups != "none"
    grid = points(TITLE_GRID if with_groups else BARE_TITLE_GRID)
    fusion = TITLE_FUSION if with_groups else BARE_TITLE_FUSION
    shipped: Params = {"lexical": fusion.lexical, "feedback": fusion.feedback_pair}
    if with_groups:
        shipped = {"whitening": TITLE_WHITENING, "pull": fusion.synonym_pull, **shipped}
    tasks = []
    for language in languages:
        titles = data.talentclef(language)
        code = data.TALENTCLEF_CODES[language]
        gold = gold_indices(titles.task.relevant, titles.corpus_ids)
        task = Task(f"TalentCLEF A {code} (n={len(gold)})", "MAP")
        plain_scores(task, PlainBM25(titles.corpus, code).scores(titles.task.queries),
                     plain_cosines(embedder, titles.task.queries, titles.corpus), gold, "MAP")
        extra = training_groups(language) if groups == "pairs" else []
        evidence = {}
        spaces = product(TITLE_GRID["whitening"], TITLE_GRID["pull"]) if with_groups else [
            (None, 0.0)]
        for whitening, pull in spaces:
            base = replace(TITLE_FUSION, synonym_pull=pull, lexical=0.1, embedding=0.9)
            index = build_title_index(titles.corpus, embedder=embedder, synonym_groups=extra,
                                      esco=with_groups, fusion=base, whitening=whitening)
            for feedback in TITLE_GRID["feedback"]:
                variant = index.with_fusion(replace(base, feedback_labels=feedback[0],
                                                    feedback=feedback[1]))
                evidence[whitening, pull, feedback] = (variant,
                                                       variant.evidence(titles.task.queries))
        for point in grid:
            key = (point.get("whitening"), point.get("pull", 0.0), point["feedback"])
            index, found = evidence[key]
            lexical = float(point["lexical"])
            fusion = replace(index.fusion, lexical=lexical, embedding=1.0 - lexical)
            task.ours.append(per_query(index.fuse(found, fusion), gold, "MAP"))
        tasks.append(task)
        progress(f"titles {code} ({groups})")
    return Family(TITLE_SOURCES[groups], grid, shipped, tasks)


def skill_family(embedder: Embedder, progress: Callable[[str], None]) -> Family:
    grid = points(SKILL_GRID)
    shipped = {"pull": SKILL_FUSION.synonym_pull, "span": SKILL_FUSION.span_words,
               "lexical": SKILL_FUSION.lexical, "whole": SKILL_FUSION.whole_query,
               "prior": SKILL_FUSION.prior}
    labels = data.esco_skill_labels()
    bm25 = PlainBM25(labels, "en")
    synonyms = data.esco_skill_synonyms(labels)
    priors = data.esco_priors()
    indexes = {pull: LabelIndex.build(labels, embedder=embedder, languages=("en", "nl"),
                                      synonyms=synonyms, priors=priors,
                                      fusion=replace(SKILL_FUSION, synonym_pull=pull))
               for pull in SKILL_GRID["pull"]}
    tasks = []
    for name in ("tech", "house"):
        linking = data.skill_linking(name)
        gold = gold_indices(linking.relevant, labels)
        metric_tasks = [Task(f"ESCO {name.upper()} (n={len(gold)})", metric)
                        for metric in ("RP@5", "MRR")]
        cosines = plain_cosines(embedder, linking.queries, labels)
        lexical = bm25.scores(linking.queries)
        for task in metric_tasks:
            plain_scores(task, lexical, cosines, gold, task.metric)
        evidence = {}
        for pull, span in product(SKILL_GRID["pull"], SKILL_GRID["span"]):
            index = indexes[pull].with_fusion(replace(SKILL_FUSION, synonym_pull=pull,
                                                      span_words=span))
            evidence[pull, span] = (index, index.evidence(linking.queries))
        for point in grid:
            index, found = evidence[point["pull"], point["span"]]
            weights = {"lexical": float(point["lexical"] or 0.0),
                       "prior": float(point["prior"] or 0.0),
                       "whole_query": float(point["whole"] or 0.0)}
            fusion = replace(index.fusion, embedding=1.0 - weights["lexical"] - weights["prior"],
                             **weights)
            scores = index.fuse(found, fusion)
            for task in metric_tasks:
                task.ours.append(per_query(scores, gold, task.metric))
        tasks += metric_tasks
        progress(f"skills {name}")
    # Parameters are chosen on RP@5 (the benchmark's metric); MRR is reported alongside.
    return Family("skill linking", grid, shipped, tasks)


def resume_family(embedder: Embedder, progress: Callable[[str], None]) -> Family:
    grid = points(RESUME_GRID)
    shipped = {"passages": SKILL_FUSION.evidence_passages,
               "document_lexical": SKILL_FUSION.document_lexical}
    categories, resumes = data.resume_categories()
    gold = gold_indices(resumes.relevant, categories)
    task = Task(f"Resume -> category (n={len(gold)})", "MAP")
    plain_scores(task, PlainBM25(categories, "en").scores(resumes.queries),
                 plain_cosines(embedder, resumes.queries, categories), gold, "MAP")
    index = LabelIndex.build(categories, embedder=embedder, languages=("en",))
    for point in grid:
        fusion = replace(SKILL_FUSION, evidence_passages=int(point["passages"] or 1),
                         document_lexical=float(point["document_lexical"] or 0.0))
        variant = index.with_fusion(fusion)
        matrix = np.vstack([variant.document_scores(resume) for resume in resumes.queries])
        task.ours.append(per_query(matrix, gold, "MAP"))
    progress("resume categories")
    return Family("resume categories", grid, shipped, [task])


@dataclass
class FoldResult:
    chosen: list[Params]  # per fold
    ours: list[list[float]]  # per task, per fold
    shipped: list[list[float]]
    plain: dict[str, list[list[float]]]
    wins: list[int]  # per task: folds where ours beats the blend


def cross_validate(family: Family, folds: int, seed: int = SEED) -> FoldResult:
    splits = [query_folds(task.size, folds, seed=seed) for task in family.tasks]
    shipped_point = family.grid.index(family.shipped) if family.shipped in family.grid else None
    chosen: list[Params] = []
    ours: list[list[float]] = [[] for _ in family.tasks]
    shipped: list[list[float]] = [[] for _ in family.tasks]
    plain: dict[str, list[list[float]]] = {name: [[] for _ in family.tasks]
                                           for name in ("blend", "BM25", "embed")}
    choosers = [number for number, task in enumerate(family.tasks)
                if task.metric in ("MAP", "RP@5")]
    for fold in range(folds):
        held = [np.asarray(split[fold]) for split in splits]
        train = [np.setdiff1d(np.arange(task.size), rows)
                 for task, rows in zip(family.tasks, held, strict=True)]
        chooser = Family(family.name, family.grid, family.shipped,
                         [family.tasks[n] for n in choosers])
        point = chooser.choose([train[n] for n in choosers])
        chosen.append(family.grid[point])
        for number, (task, rows) in enumerate(zip(family.tasks, held, strict=True)):
            ours[number].append(float(task.ours[point][rows].mean()))
            if shipped_point is not None:
                shipped[number].append(float(task.ours[shipped_point][rows].mean()))
            for name, values in task.plain.items():
                plain[name][number].append(float(values[rows].mean()))
    wins = [sum(o > b for o, b in zip(ours[n], plain["blend"][n], strict=True))
            for n in range(len(family.tasks))]
    return FoldResult(chosen, ours, shipped, plain, wins)


def spread(values: Sequence[float]) -> str:
    if not values:
        return "-"
    scale = 1.0 if max(values) <= 1.0 else 0.1  # MAP in [0, 1]; RP@5/MRR in points
    digits = 3 if scale == 1.0 else 1
    centre, sd = statistics.fmean(values), statistics.stdev(values) if len(values) > 1 else 0.0
    return f"{centre:.{digits}f} ± {sd:.{digits}f}"


def describe(params: Params) -> str:
    return " ".join(f"{key} {'none' if value is None else value}"
                     for key, value in params.items())


def report(family: Family, result: FoldResult, folds: int) -> Iterator[str]:
    yield f"## {family.name}: {len(family.grid)} grid points, {folds} folds over queries"
    header = (f"{'task':30} {'metric':6} {'ours (CV)':>15} {'shipped':>15} {'blend':>15} "
              f"{'BM25':>15} {'embed':>15}  ours>blend")
    yield header
    yield "-" * len(header)
    for number, task in enumerate(family.tasks):
        yield (f"{task.name:30} {task.metric:6} {spread(result.ours[number]):>15} "
               f"{spread(result.shipped[number]):>15} "
               + " ".join(f"{spread(result.plain[name][number]):>15}"
                          for name in ("blend", "BM25", "embed"))
               + f"  {result.wins[number]}/{folds}")
    for number, task in enumerate(family.tasks):
        gains = [o - b for o, b in zip(result.ours[number], result.plain["blend"][number],
                                       strict=True)]
        yield f"ours - blend per fold, {task.name} {task.metric}: " + " ".join(
            f"{gain:+.3f}" if task.metric == "MAP" else f"{gain:+.1f}" for gain in gains)
    for fold, params in enumerate(result.chosen, start=1):
        yield f"fold {fold} chose: {describe(params)}"
    everything = [np.arange(task.size) for task in family.tasks
                  if task.metric in ("MAP", "RP@5")]
    chooser = Family(family.name, family.grid, family.shipped,
                     [task for task in family.tasks if task.metric in ("MAP", "RP@5")])
    best = chooser.choose(everything)
    for label, point in (("all queries choose", best), ("shipped", None)):
        params = family.grid[best] if point is not None else family.shipped
        number = family.grid.index(params) if params in family.grid else None
        seen = "" if number is None else " (in-sample " + ", ".join(
            _number(float(task.ours[number].mean())) for task in family.tasks) + ")"
        yield f"{label + ':':19} {describe(params)}{seen}"


def _number(value: float) -> str:
    return f"{value:.3f}" if value <= 1.0 else f"{value:.1f}"


def repeats(family: Family, folds: int, seeds: Sequence[int]) -> Iterator[str]:
    """Per task, the same cross-validation with other fold seeds: how much the split matters."""
    for seed in seeds:
        result = cross_validate(family, folds, seed)
        yield f"seed {seed}: " + "; ".join(
            f"{task.name.split(' (')[0]} {task.metric} {spread(result.ours[n])} vs blend "
            f"{spread(result.plain['blend'][n])}, {result.wins[n]}/{folds}"
            for n, task in enumerate(family.tasks) if task.metric in ("MAP", "RP@5"))


def run(embedder: Embedder, folds: int, languages: Sequence[str], seeds: int = 1, *,
        titles_only: bool = False, title_sources: Sequence[str] = tuple(TITLE_SOURCES)) -> None:
    memo = MemoEmbedder(embedder)
    started = time.perf_counter()

    def progress(step: str) -> None:
        print(f"  scored {step} ({time.perf_counter() - started:.0f} s)", flush=True)

    families = [title_family(memo, languages, progress, groups=groups)
                for groups in title_sources]
    if not titles_only:
        families += [skill_family(memo, progress), resume_family(memo, progress)]
    for family in families:
        print()
        for line in report(family, cross_validate(family, folds), folds):
            print(line)
        for line in repeats(family, folds, range(SEED + 1, SEED + seeds)):
            print(line)
