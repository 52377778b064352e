"""Loaders for the shared evaluation data (read in place from ../shared/data, never copied)."""

import csv
import json
import re
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

DATA = Path(__file__).resolve().parents[2] / "shared" / "data"
DECORTE = DATA / "decorte_esco_skill_extraction"
ESCO = DATA / "esco"
TALENTCLEF = DATA / "talentclef2025_taskA_validation"
RESUMES = DATA / "resume_category_updated_resume_dataset" / "resumes_shared.csv"
NOT_GOLD = {"LABEL NOT PRESENT", "UNDERSPECIFIED"}
TALENTCLEF_CODES = {"english": "en", "spanish": "es", "german": "de"}


@dataclass(frozen=True)
class RankingTask:
    """Queries with their relevant items; `relevant[i]` belongs to `queries[i]`."""

    queries: list[str]
    relevant: list[set[str]]


def esco_skill_labels() -> list[str]:
    """ESCO v1.1.0 English preferred labels, exactly as written (some carry odd whitespace)."""
    text = (DECORTE / "skills_en_label.txt").read_text(encoding="utf-8")
    return [line for line in text.split("\n") if line]


def esco_priors() -> dict[str, float]:
    return json.loads((DECORTE / "esco_priors.json").read_text(encoding="utf-8"))


def skill_linking(name: str) -> RankingTask:
    """Sentences of TECH or HOUSE with their gold labels; sentences without gold are skipped."""
    gold: dict[str, set[str]] = defaultdict(set)
    with (DECORTE / f"{name}_validation_annotations.csv").open(encoding="utf-8") as handle:
        for row in csv.DictReader(handle):
            gold.setdefault(row["sentence"], set())
            if row["label"] not in NOT_GOLD:
                gold[row["sentence"]].add(row["label"])
    kept = [(sentence, labels) for sentence, labels in gold.items() if labels]
    return RankingTask([sentence for sentence, _ in kept], [labels for _, labels in kept])


def _esco_rows(language: str, pattern: str) -> list[dict[str, str]]:
    rows: list[dict[str, str]] = []
    for path in sorted((ESCO / f"v1.2_{language}").glob(pattern)):
        with path.open(encoding="utf-8") as handle:
            rows.extend(csv.DictReader(handle))
    return rows


def _alternatives(field: str) -> list[str]:
    """ESCO lists alternative labels separated by newlines (full files) or " | " (collections)."""
    return [part.strip() for part in re.split(r"[|\n]", field or "") if part.strip()]


def esco_skill_synonyms(labels: list[str]) -> dict[str, list[str]]:
    """English altLabels of the skills in the shared ESCO collections, keyed by preferred label."""
    known = set(labels)
    synonyms: dict[str, list[str]] = defaultdict(list)
    for row in _esco_rows("en", "*SkillsCollection_en.csv"):
        if row["preferredLabel"] in known:
            for alternative in _alternatives(row["altLabels"]):
                if alternative not in synonyms[row["preferredLabel"]]:
                    synonyms[row["preferredLabel"]].append(alternative)
    return dict(synonyms)


def dutch_to_english_skills(labels: list[str]) -> RankingTask:
    """Dutch preferred labels of ESCO digital skills, gold = the English label of the same URI."""
    english = {row["conceptUri"]: row["preferredLabel"]
               for row in _esco_rows("en", "digitalSkillsCollection_en.csv")}
    known = set(labels)
    pairs = [(row["preferredLabel"], english.get(row["conceptUri"], ""))
             for row in _esco_rows("nl", "digitalSkillsCollection_nl.csv")]
    kept = [(dutch, target) for dutch, target in pairs if target in known]
    return RankingTask([dutch for dutch, _ in kept], [{target} for _, target in kept])


def training_file(language: str) -> Path:
    """TalentCLEF training pairs (family URI, occupation URI, title, title); shared half only."""
    return TALENTCLEF / "training" / f"taskA_training_{TALENTCLEF_CODES[language]}.tsv"


@dataclass(frozen=True)
class TitleTask:
    corpus_ids: list[str]
    corpus: list[str]
    task: RankingTask


def talentclef(language: str) -> TitleTask:
    folder = TALENTCLEF / language
    corpus = _tsv_pairs(folder / "corpus_elements.tsv")
    queries = _tsv_pairs(folder / "queries.tsv")
    relevant: dict[str, set[str]] = defaultdict(set)
    with (folder / "qrels.tsv").open(encoding="utf-8") as handle:
        for query_id, _iteration, corpus_id, relevance in csv.reader(handle, delimiter="\t"):
            if int(relevance) > 0:
                relevant[query_id].add(corpus_id)
    kept = [(text, relevant[qid]) for qid, text in queries if relevant[qid]]
    return TitleTask(
        corpus_ids=[cid for cid, _ in corpus],
        corpus=[text for _, text in corpus],
        task=RankingTask([text for text, _ in kept], [ids for _, ids in kept]),
    )


def _tsv_pairs(path: Path) -> list[tuple[str, str]]:
    with path.open(encoding="utf-8") as handle:
        rows = list(csv.reader(handle, delimiter="\t"))
    return [(identifier, text) for identifier, text in rows[1:]]


def resume_categories() -> tuple[list[str], RankingTask]:
    """Category names and, per resume (the query), its one relevant category."""
    with RESUMES.open(encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    categories = sorted({row["category"] for row in rows})
    return categories, RankingTask([row["resume"] for row in rows],
                                   [{row["category"]} for row in rows])
