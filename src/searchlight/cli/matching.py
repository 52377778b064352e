"""`searchlight skills link` and `searchlight titles rank`: the matching engine on the command line.

Both read one text per line from standard input and write one JSON object per line, best match
first, so they compose with other tools (`jq`, files, pipes).
"""

import json
import sys
from collections.abc import Iterable, Iterator
from pathlib import Path

import typer

from searchlight.cli.console import fail

skills_app = typer.Typer(help="Link text to skills.", no_args_is_help=True)
titles_app = typer.Typer(help="Compare job titles.", no_args_is_help=True)
# Lines embedded per batch: output starts early on long inputs, batches stay efficient.
BATCH_LINES = 256

LabelsOption = typer.Option(
    None, "--labels", exists=True, dir_okay=False, readable=True,
    help="File with one label per line; replaces the skill taxonomy as the label space.",
)
CorpusOption = typer.Option(
    ..., "--corpus", exists=True, dir_okay=False, readable=True,
    help="File with one job title per line to rank against.",
)


def read_lines(path: Path) -> list[str]:
    lines = path.read_text(encoding="utf-8").splitlines()
    return list(dict.fromkeys(line.strip() for line in lines if line.strip()))


def input_batches(stream: Iterable[str]) -> Iterator[list[str]]:
    batch: list[str] = []
    for line in stream:
        if line.strip():
            batch.append(line.strip())
        if len(batch) == BATCH_LINES:
            yield batch
            batch = []
    if batch:
        yield batch


def emit(record: dict[str, object]) -> None:
    typer.echo(json.dumps(record, ensure_ascii=False))


@skills_app.command("link")
def link_skills(
    labels: Path | None = LabelsOption,
    top: int = typer.Option(5, "--top", min=1, help="Skills per line."),
) -> None:
    """Link each line of standard input to its best skills."""
    from searchlight.matching import LabelIndex
    from searchlight.matching.labels import LabelSpaceUnavailable, default_skill_labels

    try:
        label_space = read_lines(labels) if labels else default_skill_labels()
    except LabelSpaceUnavailable as error:
        fail(str(error), code=2)
    index = LabelIndex.build(label_space)
    for batch in input_batches(sys.stdin):
        for text, matches in zip(batch, index.search(batch, top_k=top), strict=True):
            skills = [{"label": m.label, "score": round(m.score, 4)} for m in matches]
            emit({"text": text, "skills": skills})


SynonymsOption = typer.Option(
    None, "--synonyms", exists=True, dir_okay=False, readable=True,
    help="File with groups of equivalent titles (one group per line, tab-separated; lines "
         "naming the same concept URI are one group), used next to the built-in ESCO titles.",
)
TITLE_LANGUAGES = ("en", "nl", "de", "es")


@titles_app.command("rank")
def rank_titles(
    corpus: Path = CorpusOption,
    top: int = typer.Option(10, "--top", min=1, help="Titles per line."),
    language: list[str] = typer.Option(
        [], "--language",
        help="Language of the corpus titles (en, nl, de, es; repeat for a mixed corpus). "
             "Default: guessed from the titles."),
    synonyms: Path | None = SynonymsOption,
    no_esco: bool = typer.Option(False, "--no-esco",
                                 help="Leave out the built-in ESCO occupation titles."),
) -> None:
    """Rank the corpus titles for each job title on standard input."""
    from searchlight.matching import build_title_index
    from searchlight.matching.titles import read_title_groups

    unknown = sorted(set(language) - set(TITLE_LANGUAGES))
    if unknown:
        fail(f"unsupported language {', '.join(unknown)}; "
             f"choose from {', '.join(TITLE_LANGUAGES)}", code=2)
    index = build_title_index(read_lines(corpus), languages=language or None,
                              synonym_groups=read_title_groups(synonyms) if synonyms else (),
                              esco=not no_esco)
    for batch in input_batches(sys.stdin):
        for text, matches in zip(batch, index.search(batch, top_k=top), strict=True):
            ranked = [{"title": m.label, "score": round(m.score, 4)} for m in matches]
            emit({"text": text, "matches": ranked})


def register(app: typer.Typer) -> None:
    app.add_typer(skills_app, name="skills")
    app.add_typer(titles_app, name="titles")
