"""Language detection: Dutch, English, or honestly unknown."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest
from cvfiles import Language, make_cv

from searchlight.screening.read.extract import detect_language

ESCO = Path(__file__).resolve().parents[3] / "shared" / "data" / "esco"


@pytest.mark.parametrize("language", ["nl", "en"])
def test_it_recognises_dutch_and_english_cvs(language: Language) -> None:
    for seed in range(10):
        assert detect_language(make_cv(language, seed=seed).text) == language


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("Ik ben een ervaren data-analist en werk graag samen met collega's.", "nl"),
        ("I am an experienced data analyst and I enjoy working with colleagues.", "en"),
        ("Verantwoordelijk voor het datawarehouse", "nl"),
        ("Machine learning engineer met ervaring in Python, SQL en de cloud; ik werk bij een "
         "verzekeraar aan modellen voor schadeclaims.", "nl"),
        ("Ich bin ein erfahrener Softwareentwickler und arbeite gern im Team mit anderen.",
         "unknown"),
        ("Je suis un développeur expérimenté et je travaille avec une équipe internationale.",
         "unknown"),
        ("", "unknown"),
        ("2019 - 2023 | +31 6 1234 5678", "unknown"),
        ("Python, SQL, Docker, Kubernetes", "unknown"),
    ],
)
def test_it_detects_the_language_of_short_texts(text: str, language: str) -> None:
    assert detect_language(text) == language


@pytest.mark.parametrize("language", ["nl", "en"])
def test_it_agrees_with_esco_occupation_descriptions(language: str) -> None:
    path = ESCO / f"v1.2_{language}" / f"occupations_{language}.csv"
    if not path.exists():
        pytest.skip("the shared ESCO data is not available")
    with path.open(newline="") as rows:
        descriptions = [row["description"] for row in csv.DictReader(rows) if row["description"]]

    detected = [detect_language(text) for text in descriptions[:500]]

    assert detected.count(language) >= 0.99 * len(detected)
