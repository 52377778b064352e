"""Matching quality: our hybrid method vs plain BM25 vs plain embeddings, on the shared data.

    .venv/bin/python bench/quality.py            # everything (a few minutes on 2 cores)
    .venv/bin/python bench/quality.py --quick    # first 25 queries per task, English titles only
    .venv/bin/python bench/quality.py --folds 5  # k-fold cross-validation of the parameters
    .venv/bin/python bench/quality.py --folds 5 --seeds 3   # ... and two more fold splits
    .venv/bin/python bench/quality.py --folds 5 --seeds 3 --titles-only

Data is read in place from ../shared/data (see each folder's SOURCE.md). See bench/README.md for
the task definitions, the global parameters and the last measured table.
"""

import argparse
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))

import quality_cv  # noqa: E402
import quality_data as data  # noqa: E402
import quality_tasks as tasks  # noqa: E402
from searchlight.matching.embedder import default_embedder  # noqa: E402

QUICK_LIMIT = 25


def encode_speed() -> dict[str, float]:
    """Sentences per second of the default embedder, cold (no cache), on labels and sentences."""
    embedder = default_embedder()
    embedder.encode(["warm up the weights"])
    labels = data.esco_skill_labels()[:3000]
    sentences = data.skill_linking("house").queries + data.skill_linking("tech").queries
    speeds = {}
    for name, texts in (("ESCO labels", labels), ("job-ad sentences", sentences)):
        started = time.perf_counter()
        embedder.encode(texts)
        speeds[name] = len(texts) / (time.perf_counter() - started)
    return speeds


def print_table(result: tasks.Result) -> None:
    header = f"{'task':34} {'metric':6} {'ours':>7} {'BM25':>7} {'embed':>7} {'target':>7}  ref"
    print(header)
    print("-" * len(header))
    for row in result.rows:
        met = "" if row.target is None else ("met" if row.ours >= row.target else "MISSED")
        target = "" if row.target is None else _number(row.target)
        print(f"{row.task:34} {row.metric:6} {_number(row.ours):>7} {_number(row.bm25):>7} "
              f"{_number(row.embeddings):>7} {target:>7}  {row.reference} {met}")


def _number(value: float) -> str:
    return f"{value:.3f}" if value <= 1.0 else f"{value:.1f}"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--quick", action="store_true", help="small subsets, for a smoke run")
    parser.add_argument("--folds", type=int, default=0, metavar="K",
                        help="k-fold cross-validation of the global parameters instead")
    parser.add_argument("--seeds", type=int, default=1, metavar="N",
                        help="with --folds: also repeat the folds with N-1 other seeds")
    parser.add_argument("--titles-only", action="store_true",
                        help="with --folds: only the title-matching families")
    arguments = parser.parse_args()
    if not data.DATA.is_dir():
        sys.exit(f"shared data not found at {data.DATA}")
    if arguments.folds:
        started = time.perf_counter()
        quality_cv.run(default_embedder(), arguments.folds, ("english", "spanish", "german"),
                       arguments.seeds, titles_only=arguments.titles_only)
        print(f"total {time.perf_counter() - started:.1f} s")
        return
    limit = QUICK_LIMIT if arguments.quick else None
    started = time.perf_counter()
    speeds = encode_speed()
    embedder = default_embedder()
    result = tasks.Result()
    tasks.skill_linking(embedder, result, limit)
    languages = ("english",) if arguments.quick else ("english", "spanish", "german")
    tasks.job_titles(embedder, result, limit, languages)
    tasks.resume_categories(embedder, result, limit)
    print_table(result)
    print()
    print("encode speed (sentences/s, 1 BLAS thread): "
          + ", ".join(f"{name} {speed:.0f}" for name, speed in speeds.items()))
    print("seconds: " + ", ".join(f"{name} {secs:.1f}" for name, secs in result.seconds.items()))
    print(f"total {time.perf_counter() - started:.1f} s" + (" (quick)" if limit else ""))


if __name__ == "__main__":
    main()
