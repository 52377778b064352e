"""`searchlight skills link` and `searchlight titles rank`: JSON lines in, JSON lines out."""

import json

import pytest
import typer
from typer.testing import CliRunner

from searchlight.cli.matching import register
from searchlight.matching import labels as label_hook

runner = CliRunner()


@pytest.fixture
def app() -> typer.Typer:
    application = typer.Typer()
    register(application)
    return application


@pytest.fixture
def skill_file(tmp_path):
    path = tmp_path / "skills.txt"
    path.write_text("vector databases\nresilience\nmanage budgets\n\nresilience\n")
    return path


def json_lines(output: str) -> list[dict]:
    return [json.loads(line) for line in output.splitlines() if line.strip()]


def test_it_links_each_input_line_to_its_best_skills(app, skill_file):
    result = runner.invoke(app, ["skills", "link", "--labels", str(skill_file), "--top", "2"],
                           input="Ervaring met vectordatabases\n\nveerkracht\n")
    assert result.exit_code == 0, result.output
    records = json_lines(result.stdout)
    assert [record["text"] for record in records] == ["Ervaring met vectordatabases", "veerkracht"]
    assert [len(record["skills"]) for record in records] == [2, 2]
    assert records[0]["skills"][0]["label"] == "vector databases"
    assert records[1]["skills"][0]["label"] == "resilience"
    scores = [skill["score"] for skill in records[0]["skills"]]
    assert scores == sorted(scores, reverse=True)


def test_it_asks_for_a_label_file_when_there_is_no_taxonomy(app, monkeypatch):
    def unavailable() -> list[str]:
        raise label_hook.LabelSpaceUnavailable("no taxonomy; pass --labels FILE")

    monkeypatch.setattr(label_hook, "default_skill_labels", unavailable)
    result = runner.invoke(app, ["skills", "link"], input="python\n")
    assert result.exit_code == 2
    assert "--labels" in result.output


def test_it_ranks_titles_from_a_corpus_file(app, tmp_path):
    corpus = tmp_path / "titles.txt"
    corpus.write_text("machine learning engineer\nverpleegkundige\naccountant\n")
    result = runner.invoke(app, ["titles", "rank", "--corpus", str(corpus), "--top", "1"],
                           input="ML engineer\nnurse\n")
    assert result.exit_code == 0, result.output
    records = json_lines(result.stdout)
    assert [record["matches"][0]["title"] for record in records] == [
        "machine learning engineer", "verpleegkundige",
    ]
    assert set(records[0]["matches"][0]) == {"title", "score"}


def test_it_ranks_titles_as_the_engine_does_with_the_same_options(app, tmp_path):
    from searchlight.matching import build_title_index

    titles = ["boekhouder", "verpleegkundige", "softwareontwikkelaar", "kok", "accountant"]
    corpus = tmp_path / "titles.txt"
    corpus.write_text("\n".join(titles) + "\n")
    groups = tmp_path / "groups.tsv"
    groups.write_text("kok\tchef-kok\tcuisinier\n")
    queries = ["cuisinier", "programmeur"]
    for options, engine in (
        ([], {}),
        (["--language", "nl", "--synonyms", str(groups)],
         {"languages": ["nl"], "synonym_groups": [["kok", "chef-kok", "cuisinier"]]}),
        (["--no-esco"], {"esco": False}),
    ):
        result = runner.invoke(app, ["titles", "rank", "--corpus", str(corpus), "--top", "5",
                                     *options], input="\n".join(queries) + "\n")
        assert result.exit_code == 0, result.output
        expected = build_title_index(titles, **engine).search(queries, top_k=5)
        assert [[m["title"] for m in record["matches"]] for record in json_lines(result.stdout)] \
            == [[m.label for m in matches] for matches in expected]
    assert json_lines(result.stdout)[0]["matches"][0]["title"] == "kok"


def test_it_refuses_an_unknown_title_language(app, tmp_path):
    corpus = tmp_path / "titles.txt"
    corpus.write_text("accountant\n")
    result = runner.invoke(app, ["titles", "rank", "--corpus", str(corpus), "--language", "fr"],
                           input="accountant\n")
    assert result.exit_code == 2
    assert "unsupported language fr" in result.output


def test_it_refuses_a_missing_corpus_file(app, tmp_path):
    result = runner.invoke(app, ["titles", "rank", "--corpus", str(tmp_path / "nope.txt")])
    assert result.exit_code != 0
