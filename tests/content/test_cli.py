import io
import json

import pypdfium2 as pdfium
from typer.testing import CliRunner

from searchlight.cli import build_app


def _run(*args):  # type: ignore[no-untyped-def]
    return CliRunner().invoke(build_app(), ["content", *args])


def test_it_checks_a_file_in_any_encoding_with_offsets(tmp_path):
    text = "Wij zoeken een collega (m/v) voor ons jonge team.\r\nCafé-ervaring is een pré."
    path = tmp_path / "vacature.txt"
    path.write_bytes(text.encode("cp1252"))
    result = _run("check", str(path), "--language", "nl", "--format", "json")
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert [f["category"] for f in data["findings"]] == ["gender_marker", "age"]
    for finding in data["findings"]:
        assert text[finding["start"]:finding["end"]] == finding["text"]
        assert set(finding) >= {"start", "end", "text", "category", "suggestion"}
    assert data["readability"]["method"] == "flesch-douma"
    assert isinstance(data["readability"]["score"], float)


def test_it_refuses_a_missing_file_or_language_in_one_line(tmp_path):
    missing = _run("check", str(tmp_path / "nope.txt"), "--language", "nl")
    assert missing.exit_code == 1 and "cannot read" in missing.stderr
    assert "Traceback" not in missing.output
    (tmp_path / "a.txt").write_text("x")
    wrong = _run("check", str(tmp_path / "a.txt"), "--language", "de")
    assert wrong.exit_code == 1 and "--language" in wrong.stderr


def test_it_generates_a_vacancy_as_json(seeded):
    seeded.commit()
    result = _run("generate", "vacancy", "--role", "ml-engineer", "--language", "nl",
                  "--format", "json")
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert set(data) == {"kind", "role", "role_version", "language", "title", "text", "engine",
                         "findings"}
    assert (data["kind"], data["role"], data["role_version"], data["language"]) == (
        "vacancy", "ml-engineer", 1, "nl")
    assert data["engine"] == {"name": "offline", "model": "offline-templates-v1"}
    assert data["text"].startswith("# Machine Learning Engineer")
    for finding in data["findings"]:
        assert data["text"][finding["start"]:finding["end"]] == finding["text"]


def test_it_generates_social_posts_and_onboarding_in_english(seeded):
    seeded.commit()
    for kind, heading in (("social", "## LinkedIn"), ("onboarding", "## First day")):
        result = _run("generate", kind, "--role", "prompt-engineer", "--language", "en")
        assert result.exit_code == 0, result.output
        assert heading in json.loads(result.stdout)["text"]


def test_it_refuses_an_unknown_role_or_kind(seeded):
    seeded.commit()
    unknown = _run("generate", "vacancy", "--role", "nope")
    assert unknown.exit_code == 1 and "does not exist" in unknown.stderr
    kind = _run("generate", "poem", "--role", "ml-engineer")
    assert kind.exit_code == 1 and "kind" in kind.stderr


def test_it_writes_a_role_card_pdf(seeded, tmp_path):
    seeded.commit()
    output = tmp_path / "card.pdf"
    result = _run("role-card", "ml-engineer", "--language", "en", "--output", str(output))
    assert result.exit_code == 0, result.output
    document = pdfium.PdfDocument(io.BytesIO(output.read_bytes()))
    text = "".join(document[i].get_textpage().get_text_range() for i in range(len(document)))
    assert "Role card" in text and "Machine Learning Engineer" in text
    assert "Weight 30%" in text and "Hiring workflow" in text
    assert _run("role-card", "nope", "--output", str(output)).exit_code == 1
