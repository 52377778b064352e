import json

import pytest
from sqlalchemy import select
from typer.testing import CliRunner

from searchlight.cli import build_app
from searchlight.governance.models import AuditEntry
from searchlight.taxonomy import esco, service
from searchlight.taxonomy.esco_csv import EscoImportError
from searchlight.taxonomy.models import Occupation, Skill, SkillGroup

HEADER = ("conceptType,conceptUri,preferredLabel,status,skillType,reuseLevel,altLabels,"
          "description,broaderConceptUri,broaderConceptPT\n")
GOOD_ROW = ("KnowledgeSkillCompetence,http://data.europa.eu/esco/skill/abc,Haskell,released,"
            "knowledge,sector-specific,Haskell techniques,A language.,,\n")


def test_it_imports_the_shared_esco_data_in_both_languages_idempotently(db, esco_dir):
    first = esco.import_esco(db_session=db, folder=esco_dir)
    again = esco.import_esco(db_session=db, folder=esco_dir)
    assert first == again
    assert first.languages == ["en", "nl"]
    assert first.skills >= 2300 and first.skill_groups == 640 and first.occupations >= 3000
    assert first.skill_labels > first.skills

    haskell = db.scalar(select(Skill).where(
        Skill.esco_uri == "http://data.europa.eu/esco/skill/000f1d3d-220f-4789-9c0a-cc742521fb02"))
    assert haskell is not None and haskell.label_en == "Haskell" and haskell.kind == "technical"
    assert haskell.description_nl.startswith("De technieken")
    assert haskell.groups, "skills are linked to their ESCO skill groups"
    initiative = db.scalar(select(Skill).where(Skill.label_en == "show initiative"))
    assert initiative is not None and initiative.kind == "soft"
    assert initiative.label_nl == "initiatief aan de dag leggen"

    children = db.scalar(select(SkillGroup).where(SkillGroup.parent_id.is_not(None)))
    assert children is not None and children.parent is not None
    director = db.scalar(select(Occupation).where(Occupation.label_en == "technical director"))
    assert director is not None and director.label_nl == "inspiciënt"
    assert "toneelmeester" in director.alt_labels_nl


def test_it_makes_imported_skills_searchable_in_both_languages(as_alice, db, esco_dir):
    esco.import_esco(db_session=db, folder=esco_dir)
    db.commit()
    english = service.search_skills(db_session=db, query="show initiative", source="esco")
    dutch = service.search_skills(db_session=db, query="initiatief aan de dag leggen",
                                  source="esco")
    assert english.skills and dutch.skills and english.skills[0].key == dutch.skills[0].key
    labels = service.all_skill_labels(db_session=db, language="nl")
    assert "initiatief aan de dag leggen" in labels and "Veerkracht" in labels
    page = as_alice.get(f"/skills/{english.skills[0].key}")
    assert page.status_code == 200 and "initiatief aan de dag leggen" in page.text
    assert "transversal skills and competences" in page.text  # its ESCO group path


def test_it_imports_from_the_command_line_with_counts_and_an_audit_entry(db, esco_dir):
    result = CliRunner().invoke(build_app(), ["taxonomy", "import-esco", str(esco_dir), "--json"])
    assert result.exit_code == 0, result.output
    counts = json.loads(result.stdout)
    assert counts["skill_groups"] == 640 and counts["languages"] == ["en", "nl"]
    assert "640 skill groups" in result.stderr
    entry = db.scalar(select(AuditEntry).where(AuditEntry.action == "taxonomy.esco_imported"))
    assert entry is not None and entry.changes["skills"] == counts["skills"]


def _write(folder, name, text):  # type: ignore[no-untyped-def]
    folder.mkdir(exist_ok=True)
    (folder / name).write_text(text, encoding="utf-8")
    return folder


@pytest.mark.parametrize(("content", "message"), [
    (HEADER + GOOD_ROW + 'Kind,http://x/y,"broken"quote,released,,,,,,\n', "line 3: malformed CSV"),
    (HEADER + GOOD_ROW + GOOD_ROW.strip() + ",extra\n", "line 3: 11 fields"),
    (HEADER.replace("conceptUri", "uri") + GOOD_ROW, "line 1: missing column(s) conceptUri"),
    (HEADER + GOOD_ROW.replace("http://data.europa.eu/esco/skill/abc", ""),
     "line 2: conceptUri is empty"),
    (HEADER + GOOD_ROW + 'K,"http://x/z,never closed\n', "line 3: malformed CSV"),
])
def test_it_names_the_file_and_line_of_a_malformed_csv(db, tmp_path, content, message):
    folder = _write(tmp_path / "esco", "digitalSkillsCollection_en.csv", content)
    with pytest.raises(EscoImportError) as raised:
        esco.import_esco(db_session=db, folder=folder)
    assert "digitalSkillsCollection_en.csv" in raised.value.message
    assert message in raised.value.message


def test_it_reports_a_malformed_csv_from_the_cli_with_a_non_zero_exit(db, tmp_path):
    folder = _write(tmp_path / "esco", "digitalSkillsCollection_en.csv",
                    HEADER + GOOD_ROW + 'K,x,"a"b,,,,,,,\n')
    result = CliRunner().invoke(build_app(), ["taxonomy", "import-esco", str(folder)])
    assert result.exit_code == 1
    assert "digitalSkillsCollection_en.csv, line 3" in result.stderr


def test_it_refuses_a_folder_that_is_not_an_esco_download(db, tmp_path):
    _write(tmp_path / "other", "occupations_en.csv", "conceptUri,preferredLabel\n")
    for folder in (tmp_path / "other", tmp_path / "missing"):
        result = CliRunner().invoke(build_app(), ["taxonomy", "import-esco", str(folder)])
        assert result.exit_code == 1
        assert "ESCO" in result.stderr or "not a folder" in result.stderr


def test_it_imports_the_full_skills_file_when_present(db, tmp_path):
    full = ("conceptType,conceptUri,skillType,reuseLevel,preferredLabel,altLabels,hiddenLabels,"
            "status,modifiedDate,scopeNote,definition,inScheme,description\n"
            'KnowledgeSkillCompetence,http://data.europa.eu/esco/skill/s1,skill/competence,'
            'transversal,think critically,"reason critically\nquestion assumptions",critcal,'
            "released,,,,,Question things.\n")
    folder = _write(tmp_path / "esco", "skills_en.csv", full)
    _write(folder, "skills_nl.csv", full.replace("think critically", "kritisch denken")
           .replace("reason critically\nquestion assumptions", "kritisch redeneren"))
    counts = esco.import_esco(db_session=db, folder=folder)
    assert counts.skills == 1 and counts.languages == ["en", "nl"]
    skill = service.get_skill(db_session=db, key="esco:s1")
    assert (skill.label_en, skill.label_nl, skill.kind) == ("think critically", "kritisch denken",
                                                            "soft")
    assert skill.synonyms("en") == ["reason critically", "question assumptions"]
    assert service.search_skills(db_session=db, query="critcal").skills == [skill]
