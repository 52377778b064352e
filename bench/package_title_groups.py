"""Write the ESCO occupation titles the title matcher ships with (run when ESCO is updated).

    .venv/bin/python bench/package_title_groups.py [ESCO_FOLDER]

Reads `occupations_<lang>.csv` (English and Dutch) from the ESCO CSV download (default:
../shared/data/esco) and writes src/searchlight/matching/data/esco_occupation_titles.tsv.gz:
one occupation and language per line, `language<TAB>preferred label<TAB>alternative labels...`.
Only labels are kept (no descriptions, codes or URIs).
"""

import csv
import gzip
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from searchlight.matching.titles import ESCO_TITLES_FILE  # noqa: E402
from searchlight.taxonomy.esco_csv import split_labels  # noqa: E402

DEFAULT_FOLDER = ROOT.parent / "shared" / "data" / "esco"
LANGUAGES = ("en", "nl")


def groups(folder: Path, language: str) -> list[list[str]]:
    paths = sorted(folder.glob(f"**/occupations_{language}.csv"))
    if not paths:
        sys.exit(f"no occupations_{language}.csv under {folder}")
    with paths[0].open(encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    found = []
    for row in sorted(rows, key=lambda row: row["conceptUri"]):
        labels = [row["preferredLabel"].strip(), *split_labels(row["altLabels"])]
        labels = [" ".join(label.split()) for label in labels if label.strip()]
        found.append(list(dict.fromkeys(labels)))
    return found


def main() -> None:
    folder = Path(sys.argv[1]) if len(sys.argv) > 1 else DEFAULT_FOLDER
    lines = [f"{language}\t" + "\t".join(group)
             for language in LANGUAGES for group in groups(folder, language) if group]
    # mtime=0: the same ESCO gives the same bytes
    ESCO_TITLES_FILE.write_bytes(gzip.compress(("\n".join(lines) + "\n").encode("utf-8"),
                                               mtime=0))
    print(f"wrote {len(lines)} groups to {ESCO_TITLES_FILE.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
