from datetime import date

from searchlight.screening.score.evidence import collect_evidence, merged_years, years_by_sector

CV = """Profiel
Pragmatische ML engineer met passie voor productiemodellen.

Werkervaring
ML Engineer, Acme Verzekeringen (jan 2019 - heden)
- Bouwde een fraudedetectiemodel in PyTorch.
Data scientist, Bol.com webshop (2016 - 2018)
- Analyses in Python en SQL.

Opleiding
MSc Artificial Intelligence, Universiteit van Amsterdam (2014 - 2016)

Skills
Python, PyTorch, Docker
"""
TODAY = date(2025, 1, 15)


def test_it_finds_dutch_and_english_section_headings():
    evidence = collect_evidence(CV, today=TODAY)
    assert evidence.sections_found == ("summary", "experience", "education", "skills")
    by_text = {p.text: p.section for p in evidence.passages}
    assert by_text["Bouwde een fraudedetectiemodel in PyTorch."] == "experience"
    assert by_text["Python, PyTorch, Docker"] == "skills"


def test_it_counts_work_years_but_not_study_years():
    evidence = collect_evidence(CV, today=TODAY)
    assert [p.context.split(",")[0] for p in evidence.periods] == ["ML Engineer", "Data scientist"]
    assert evidence.total_years == 9.0


def test_it_counts_overlapping_jobs_once():
    evidence = collect_evidence("Ervaring\nA (2018 - 2020)\nB (2019 - 2021)\n", today=TODAY)
    assert merged_years(evidence.periods) == 4.0


def test_it_gives_years_per_sector():
    evidence = collect_evidence(CV, today=TODAY)
    sectors = years_by_sector(evidence.periods)
    assert sectors["insurance"] == 6.0
    assert sectors["retail"] == 3.0


def test_it_keeps_offsets_that_point_into_the_text():
    evidence = collect_evidence(CV, today=TODAY)
    for passage in evidence.passages:
        assert " ".join(CV[passage.start:passage.end].split()) == passage.text


def test_it_makes_the_same_passages_from_hard_and_soft_line_breaks():
    wrapped = "Werkervaring\nBouwde een fraudedetectiemodel in PyTorch dat veel\ngeld bespaarde.\n"
    flowing = "Werkervaring\nBouwde een fraudedetectiemodel in PyTorch dat veel geld bespaarde.\n"
    assert [p.text for p in collect_evidence(wrapped).passages] == [
        p.text for p in collect_evidence(flowing).passages
    ]


def test_it_reads_a_cv_on_the_29th_of_february():
    leap_day = date(2028, 2, 29)
    evidence = collect_evidence(CV, today=leap_day)
    assert evidence.periods[0].end == leap_day  # "heden": up to today
    assert evidence.total_years is not None and evidence.total_years > 10
