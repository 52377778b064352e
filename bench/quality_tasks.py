"""Each evaluation: our method, plain BM25 and plain embeddings on the same queries and items."""

import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

import numpy as np

import quality_data as data
from quality_baselines import PlainBM25, plain_cosines
from searchlight.matching.cache import encode_cached
from searchlight.matching.embedder import Embedder
from searchlight.matching.hybrid import LabelIndex
from searchlight.matching.metrics import (
    average_precision,
    mean,
    r_precision_at_k,
    reciprocal_rank,
)
from searchlight.matching.titles import build_title_index, read_title_groups

Metric = Callable[[list[str], set[str]], float]
METRICS: dict[str, Metric] = {
    "RP@5": lambda ranked, gold: 100 * r_precision_at_k(ranked, gold, 5),
    "MRR": lambda ranked, gold: 100 * reciprocal_rank(ranked, gold),
    "MAP": average_precision,
    "acc@1": lambda ranked, gold: 100.0 * (ranked[0] in gold),
    "acc@5": lambda ranked, gold: 100.0 * bool(gold & set(ranked[:5])),
}


@dataclass
class Row:
    task: str
    metric: str
    ours: float
    bm25: float
    embeddings: float
    target: float | None = None
    reference: str = ""


@dataclass
class Result:
    rows: list[Row] = field(default_factory=list)
    seconds: dict[str, float] = field(default_factory=dict)


def rankings(matrix: np.ndarray, item_ids: Sequence[str]) -> list[list[str]]:
    ids = np.asarray(item_ids, dtype=object)
    return [list(ids[np.argsort(-row, kind="stable")]) for row in matrix]


def compare(name: str, task: data.RankingTask, item_ids: Sequence[str],
            matrices: tuple[np.ndarray, np.ndarray, np.ndarray], metrics: dict[str, float | None],
            references: dict[str, str]) -> list[Row]:
    """One row per metric with the mean over queries for ours, BM25 and embeddings."""
    ranked = [rankings(matrix, item_ids) for matrix in matrices]
    rows = []
    for metric, target in metrics.items():
        means = [mean([METRICS[metric](order, gold)
                       for order, gold in zip(orders, task.relevant, strict=True)])
                 for orders in ranked]
        rows.append(Row(name, metric, *means, target=target,
                        reference=references.get(metric, "")))
    return rows


def limited(task: data.RankingTask, limit: int | None) -> data.RankingTask:
    return task if limit is None else data.RankingTask(task.queries[:limit], task.relevant[:limit])


def skill_linking(embedder: Embedder, result: Result, limit: int | None) -> None:
    """ESCO skills for TECH/HOUSE sentences, and Dutch ESCO labels to their English label."""
    started = time.perf_counter()
    labels = data.esco_skill_labels()
    index = LabelIndex.build(labels, embedder=embedder, languages=("en", "nl"),
                             synonyms=data.esco_skill_synonyms(labels), priors=data.esco_priors())
    bm25 = PlainBM25(labels, "en")
    label_vectors = encode_cached(embedder, labels)
    result.seconds["ESCO index build"] = time.perf_counter() - started
    evaluations = [
        ("ESCO TECH", data.skill_linking("tech"), {"RP@5": 68.0, "MRR": None}, "65.0 blend"),
        ("ESCO HOUSE", data.skill_linking("house"), {"RP@5": 47.0, "MRR": None}, "42.7 blend"),
        ("ESCO nl->en label", data.dutch_to_english_skills(labels),
         {"acc@1": None, "acc@5": None}, ""),
    ]
    for name, full_task, metrics, reference in evaluations:
        started = time.perf_counter()
        task = limited(full_task, limit)
        matrices = (index.scores(task.queries), bm25.scores(task.queries),
                    embedder.encode(task.queries) @ label_vectors.T)
        result.rows += compare(f"{name} (n={len(task.queries)})", task, labels, matrices, metrics,
                               {"RP@5": reference})
        result.seconds[name] = time.perf_counter() - started


TITLE_TARGETS = {"english": 0.50, "spanish": 0.40, "german": 0.35}
TITLE_REFERENCES = {"english": "0.487", "spanish": "0.383", "german": "0.314"}


def training_groups(language: str) -> list[list[str]]:
    """The TalentCLEF training pairs of `language` as title groups, read as the CLI's
    `--synonyms FILE` reads them; none when the file is not there (English, the held-out half)."""
    path = data.training_file(language)
    return read_title_groups(path) if path.is_file() else []


def job_titles(embedder: Embedder, result: Result, limit: int | None,
               languages: Sequence[str]) -> None:
    """Ours is exactly `searchlight titles rank --corpus FILE`: the shipped ESCO titles, the
    corpus language guessed; where training pairs exist, a second row adds them (`--synonyms`)."""
    for language in languages:
        started = time.perf_counter()
        titles = data.talentclef(language)
        task = limited(titles.task, limit)
        code = data.TALENTCLEF_CODES[language]
        plain = (PlainBM25(titles.corpus, code).scores(task.queries),
                 plain_cosines(embedder, task.queries, titles.corpus))
        variants = [("", ())]
        training = training_groups(language)
        if training:
            variants.append((" +pairs", training))
        for suffix, groups in variants:
            index = build_title_index(titles.corpus, embedder=embedder, synonym_groups=groups)
            result.rows += compare(f"TalentCLEF A {code}{suffix} (n={len(task.queries)})", task,
                                   titles.corpus_ids, (index.scores(task.queries), *plain),
                                   {"MAP": TITLE_TARGETS[language]},
                                   {"MAP": TITLE_REFERENCES[language]})
        result.seconds[f"TalentCLEF {code}"] = time.perf_counter() - started


def resume_categories(embedder: Embedder, result: Result, limit: int | None) -> None:
    """Per resume, rank the 24 category names (one relevant), so MAP equals MRR here."""
    started = time.perf_counter()
    categories, task = data.resume_categories()
    task = limited(task, limit)
    index = LabelIndex.build(categories, embedder=embedder, languages=("en",))
    ours = np.vstack([index.document_scores(resume) for resume in task.queries])
    matrices = (ours, PlainBM25(categories, "en").scores(task.queries),
                plain_cosines(embedder, task.queries, categories))
    result.rows += compare(f"Resume -> category (n={len(task.queries)})", task, categories,
                           matrices, {"MAP": 0.93}, {"MAP": "0.927 TF-IDF"})
    result.seconds["Resume categories"] = time.perf_counter() - started
