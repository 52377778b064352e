"""`searchlight anonymise FILE... --format json|text`: the output contract."""

from __future__ import annotations

import json
from pathlib import Path

import typer
from typer.testing import CliRunner

from searchlight.cli.anonymise import register

CV = "Sanne de Vries\nsanne@devries.nl · 06-12345678\n\nProfiel\nSanne bouwt modellen in Python.\n"


def run(*arguments: str) -> tuple[int, list[str], str]:
    app = typer.Typer()
    register(app)

    @app.callback()
    def root() -> None:
        """Make `anonymise` a sub-command, as in the real app."""

    result = CliRunner().invoke(app, ["anonymise", *arguments])
    return result.exit_code, result.stdout.splitlines(), result.stderr


def test_it_prints_one_json_line_per_file_with_offsets_into_the_original(tmp_path: Path) -> None:
    first, second = tmp_path / "sanne.txt", tmp_path / "tweede.md"
    first.write_text(CV, encoding="utf-8")
    second.write_text("# CV\n\nJan Jansen, jan@example.nl", encoding="utf-8")
    code, lines, _ = run(str(first), str(second), "--format", "json")
    assert code == 0
    results = [json.loads(line) for line in lines]
    assert [result["source"] for result in results] == [str(first), str(second)]
    first_result = results[0]
    assert set(first_result) == {"source", "text", "entities"}
    assert first_result["text"].startswith("[PERSON]\n[EMAIL] · [PHONE]")
    assert [(e["type"], CV[e["start"]:e["end"]]) for e in first_result["entities"]] == [
        ("PERSON", "Sanne de Vries"), ("EMAIL", "sanne@devries.nl"), ("PHONE", "06-12345678"),
        ("PERSON", "Sanne"),
    ]


def test_it_counts_offsets_in_the_files_own_text(tmp_path: Path) -> None:
    path = tmp_path / "windows.txt"
    path.write_bytes("\ufeffNaam: Jan Jansen\r\nTel: 06-12345678\r\n".encode())
    _, lines, _ = run(str(path))
    text = "Naam: Jan Jansen\r\nTel: 06-12345678\r\n"
    spans = [text[e["start"]:e["end"]] for e in json.loads(lines[0])["entities"]]
    assert spans == ["Jan Jansen", "06-12345678"]


def test_it_reports_a_bad_file_and_still_processes_the_others(tmp_path: Path) -> None:
    good, broken = tmp_path / "good.txt", tmp_path / "broken.pdf"
    good.write_text(CV, encoding="utf-8")
    broken.write_bytes(b"%PDF-1.7 this is not really a PDF")
    missing = tmp_path / "missing.docx"
    code, lines, _ = run(str(broken), str(missing), str(good))
    assert code == 1
    results = [json.loads(line) for line in lines]
    assert [result["source"] for result in results] == [str(broken), str(missing), str(good)]
    assert results[0]["error"] and results[0]["message"]
    assert results[1]["error"] == "not_found"
    assert "text" in results[2] and "error" not in results[2]


def test_it_prints_the_redacted_text(tmp_path: Path) -> None:
    path = tmp_path / "cv.txt"
    path.write_text(CV, encoding="utf-8")
    code, lines, _ = run(str(path), "--format", "text")
    assert code == 0
    assert lines[:2] == ["[PERSON]", "[EMAIL] · [PHONE]"]
    assert "Sanne" not in "\n".join(lines)
