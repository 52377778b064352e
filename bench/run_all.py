"""`make bench`: every benchmark in one run, each printing its own figures.

    quality          skill linking, job titles, resume categories: ours vs BM25 vs embeddings
    anonymisation    recall per entity type on generated Dutch and English CVs
    screening_speed  CVs per second end to end, peak memory, re-rank of a stored pool
    candidate_list   median and p95 server time of the candidate list at 100,000 candidates
    content_check    inclusive-language findings on public job ads, and the check's speed
    grading          offline grading engine vs reference similarity: QWK on graded answers

Pass names to run only some: `python bench/run_all.py quality anonymisation`."""

import subprocess
import sys
import time
from pathlib import Path

BENCH = Path(__file__).resolve().parent
SUITE = ("quality", "anonymisation", "screening_speed", "candidate_list", "content_check",
         "grading")


def main() -> int:
    chosen = sys.argv[1:] or list(SUITE)
    failed = []
    for name in chosen:
        print(f"\n=== {name} " + "=" * (60 - len(name)), flush=True)
        started = time.perf_counter()
        code = subprocess.call([sys.executable, str(BENCH / f"{name}.py")], cwd=BENCH.parent)
        print(f"--- {name}: {time.perf_counter() - started:.0f} s, exit {code}", flush=True)
        if code:
            failed.append(name)
    if failed:
        print(f"\nfailed: {', '.join(failed)}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
