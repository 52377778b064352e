"""Names found from a CV's structure rather than from name lists: the first line, a "Name:" field,
the e-mail address and profile URL that repeat it, a signature; written in lower case, with bare
initials, particles and hyphens, of any origin. Wrapped profile URLs, and schools and employers
that name a place or a person kept whole. All names here are made up."""

from __future__ import annotations

import pytest

from searchlight.anonymise import anonymise

# Made-up names of many origins, none of them in the anonymiser's name lists on purpose.
NAMES = [
    "Oluwaseun Adebayo", "Yerlan Abenov", "Thandiwe Mokoena", "Aroha Ngata", "Dorji Wangchuk",
    "Ikaika Kealoha", "Haruto Takeda", "Wanjiru Kamau", "Chidi Okafor", "Zanele Sithole",
    "Kavitha Subramanyan", "Tamar Eshel", "Sebastián de la Cruz", "Bartholomew O'Shaughnessy",
    "Nguyen Thi Lan", "Hemant Joshi-Kulkarni",
]


def persons(text: str) -> set[str]:
    redaction = anonymise(text)
    return {text[e.start:e.end] for e in redaction.entities if e.type == "PERSON"}


def redacted(text: str) -> str:
    return anonymise(text).text


def covered(text: str, value: str) -> bool:
    """Every letter of `value` (first occurrence) is inside a redacted entity."""
    start = text.index(value)
    entities = anonymise(text).entities
    return all(any(e.start <= i < e.end for e in entities)
               for i in range(start, start + len(value)) if text[i].isalnum())


@pytest.mark.parametrize("name", NAMES)
def test_it_finds_a_name_alone_on_the_first_line_of_any_origin(name: str) -> None:
    text = f"{name}\nProject Coordinator - Harbour Logistics\n\nExperience\nPlanned shipments."
    assert persons(text) == {name}
    assert "Project Coordinator - Harbour Logistics" in redacted(text)


@pytest.mark.parametrize(("line", "name"), [
    ("T Ranganathan", "T Ranganathan"),
    ("Kavitha S.", "Kavitha S."),
    ("kavitha s", "kavitha s"),
    ("oluwaseun adebayo", "oluwaseun adebayo"),
    ("Chidi okafor", "Chidi okafor"),
    ("T.Ranganathan", "T.Ranganathan"),
    ("YERLAN ABENOV", "YERLAN ABENOV"),
    ("Dorji Wangchuk Tenzin", "Dorji Wangchuk Tenzin"),
])
def test_it_finds_names_written_in_lower_case_or_with_bare_initials(line: str, name: str) -> None:
    text = f"{line}\nWarehouse Supervisor\nAbout\nRan a team of twelve."
    assert persons(text) == {name}


def test_it_finds_the_name_in_a_name_field_in_lower_case() -> None:
    text = "Personal details\nName: wanjiru k\nDate of birth: 01-02-1990\n"
    assert "wanjiru k" in persons(text)


def test_it_finds_a_single_word_name_spelled_in_the_email_address() -> None:
    text = "Zanele\nzanele.work@example.org\nSales Representative\n"
    assert covered(text, "Zanele")
    text = "Accountant\nManaged ledgers at Coastline Freight.\n"
    assert persons(text) == set()


def test_it_finds_later_mentions_and_the_signature_once_the_name_is_known() -> None:
    text = ("Haruto Takeda\nData Analyst\n\nSummary\nTakeda built dashboards.\n\n"
            "Declaration\nI hereby declare that the above is true.\n(HARUTO TAKEDA)\n")
    found = persons(text)
    assert {"Haruto Takeda", "Takeda", "HARUTO TAKEDA"} <= found


def test_it_finds_names_spelled_in_a_profile_url_slug() -> None:
    text = ("Summary\nExperienced welder.\nContact: indeed.com/r/Aroha-Ngata/7c1e2f9a0b3d\n"
            "References available. Aroha Ngata, 2024.\n")
    assert covered(text, "Aroha Ngata, 2024".split(",")[0])


@pytest.mark.parametrize("text", [
    "Dorji Wangchuk\nlinkedin.com/in/dorji-\nwangchuk-4b2a19\nSkills\nWelding",
    "Dorji Wangchuk\nIndeed: indeed.com/r/Dorji-Wangchuk/\n3f9c2a7b1d0e\nSkills\nWelding",
    "Dorji Wangchuk\nhttps://github.com/dorjiw\nSkills\nWelding",
])
def test_it_catches_profile_urls_wrapped_over_a_line_end(text: str) -> None:
    result = redacted(text)
    assert "wangchuk" not in result.lower() and "3f9c2a7b1d0e" not in result
    assert "4b2a19" not in result and "dorjiw" not in result
    assert result.endswith("Skills\nWelding")


def test_it_does_not_swallow_the_next_line_after_a_complete_url() -> None:
    text = "Tamar Eshel\ngithub.com/teshel\nExperience\nBuilt pipelines."
    assert redacted(text).endswith("\nExperience\nBuilt pipelines.")


@pytest.mark.parametrize("first_line", [
    "Senior Data Engineer", "Curriculum Vitae", "Executive Assistant", "Professional Summary",
    "I am a welder", "Based in Nairobi, open to relocation",
])
def test_it_does_not_read_a_title_or_sentence_on_the_first_line_as_a_name(first_line: str) -> None:
    assert persons(f"{first_line}\nBuilt pipelines at Coastline Freight.\n") == set()


@pytest.mark.parametrize("school", [
    "University of Amsterdam", "Mombasa Technical College", "College of Engineering Kochi",
    "Hanzehogeschool Groningen", "St. Ignatius College Nairobi", "Jomo Kenyatta University",
    "Universiteit van Tilburg",
])
def test_it_keeps_schools_that_name_a_place_or_a_person_whole(school: str) -> None:
    text = f"Wanjiru Kamau\nNurse\n\nEducation\n2012-2016 BSc Nursing, {school}\n"
    assert f"BSc Nursing, {school}" in redacted(text)


def test_it_still_redacts_where_someone_lives_next_to_a_school() -> None:
    text = "Wanjiru Kamau\nNurse\n\nEducation\nUniversity of Amsterdam\nLives in Utrecht.\n"
    result = redacted(text)
    assert "University of Amsterdam" in result and "Utrecht" not in result


@pytest.mark.parametrize(("ending", "name"), [
    ("Declaration\nI hereby declare that the above is true.\nPlace: Kisumu\n(wanjiru kamau)",
     "wanjiru kamau"),
    ("Kind regards,\nchidi okafor", "chidi okafor"),
    ("Met vriendelijke groet,\nYerlan Abenov", "Yerlan Abenov"),
])
def test_it_finds_a_signature_at_the_end_without_a_name_at_the_top(ending: str, name: str) -> None:
    text = f"Profile\nWarehouse supervisor with ten years in logistics.\n\n{ending}\n"
    assert name in persons(text)


def test_it_does_not_take_a_bracketed_note_at_the_end_for_a_signature() -> None:
    text = "Skills\nForklift licence\n(references on request)\n(Full Stack Developer)\n"
    assert persons(text) == set()
