"""The auditor's bias audit page: per role, pipeline stage and SEARCH dimension, computed by the
same function as `searchlight bias audit`, with a CSV download. Only the auditor (audrey) opens
it: alice (recruiter), bob (hiring manager), pia (privacy officer), dora (admin) and charlie
(employee) get 403."""

import csv
import io

import pytest
from sqlalchemy.orm import Session

from searchlight.fairness.audit import audit
from searchlight.fairness.decisions import read_decisions
from tests.candidates.factories import make_role
from tests.factories import log_in, make_user
from tests.fairness.factories import answered, golden, scored


def test_it_shows_the_auditor_what_to_do_when_there_are_no_answers(as_audrey) -> None:
    page = as_audrey.get("/fairness")
    assert page.status_code == 200
    assert "No self-identification answers yet" in page.text
    assert "careers site" in page.text and "Messages page" in page.text


def test_it_gives_the_golden_impact_ratio_with_n_and_unknowns(as_audrey, db: Session) -> None:
    role = make_role(db, "ml-engineer")
    golden(db, role)
    db.commit()
    page = as_audrey.get("/fairness?role=ml-engineer&measure=stage:screened")
    assert page.status_code == 200
    text = page.text
    assert "Selection rate: reached “Screened”" in text
    assert "<dd data-answers>132</dd>" in text
    assert "130 people compared" not in text and "132 people compared" in text
    assert "2 unknown (prefer not to say)" in text
    women = text.split("<th scope=\"row\">Woman</th>")[1].split("</tr>")[0]
    assert "<td>50</td><td>21</td><td>42.0%</td>" in women and "0.70" in women
    assert "under 0.8" in women
    assert '<tr class="ratio-low">\n        <th scope="row">Woman</th>' in text
    assert "Gender × Age" in text and "Woman × 25 to 34" in text  # intersections


def test_it_computes_the_page_with_the_same_function_as_the_cli(as_audrey, db: Session) -> None:
    role = make_role(db, "ml-engineer")
    golden(db, role)
    db.commit()
    download = as_audrey.get("/fairness/report.csv?role=ml-engineer")
    assert download.status_code == 200 and download.headers["cache-control"] == "no-store"
    rows = [r for r in csv.DictReader(io.StringIO(download.text))
            if r["measure"] == "stage:screened"]
    # The same people as a decisions CSV for `searchlight bias audit`.
    lines = ["gender,age_band,migration,selected"]
    lines += [f"man,{'25_34' if i % 2 else '35_44'},,{int(i < 48)}" for i in range(80)]
    lines += [f"woman,{'25_34' if i % 2 else '35_44'},,{int(i < 21)}" for i in range(50)]
    lines += [",,,1", ",,,1"]
    parsed = read_decisions("\n".join(lines))
    expected = audit(parsed.people, parsed.columns)
    want = {(c.category, g.group): (g.n, g.favourable, round(g.rate, 4), g.impact_ratio)
            for c in expected.categories for g in c.groups}
    got = {(r["category"], r["group"]): (int(r["n"]), int(r["favourable"]), float(r["rate"]),
                                         float(r["impact_ratio"]) if r["impact_ratio"] else None)
           for r in rows}
    assert set(got) == set(want)
    for key, (n, favourable, rate, ratio) in want.items():
        assert got[key][:3] == (n, favourable, rate)
        assert (got[key][3] is None) == (ratio is None)
        if ratio is not None:
            assert got[key][3] == pytest.approx(ratio, abs=1e-4)
    by_group = {r["group"]: r for r in rows if r["category"] == "gender"}
    assert by_group["woman"]["below_0_8"] == "1" and by_group["woman"]["unknown"] == "2"


def test_it_reports_scoring_rates_per_search_dimension(as_audrey, db: Session) -> None:
    role = make_role(db, "ml-engineer")
    scores = {"woman": (80, 70, 40, 30), "man": (90, 85, 75, 20)}
    for gender, values in scores.items():
        for index, value in enumerate(values):
            application, _row = answered(db, role, f"{gender} {index}", gender=gender)
            scored(db, application, skills=value)
    answered(db, role, "Not screened", gender="woman")
    db.commit()
    page = as_audrey.get("/fairness?role=ml-engineer&measure=score:skills")
    assert "Scoring rate: skills above the median" in page.text
    assert "1 person without a score" in page.text
    assert "Median score" in page.text and "<dd>72.5</dd>" in page.text
    women = page.text.split("<th scope=\"row\">Woman</th>")[1].split("</tr>")[0]
    assert "<td>4</td><td>1</td><td>25.0%</td>" in women  # only 80 is above 72.5
    assert "0.33" in women and "under 0.8" in women  # men: 90, 85, 75 (75%); 0.25 / 0.75


@pytest.mark.parametrize("role", ["recruiter", "hiring_manager", "privacy_officer", "admin",
                                  "employee"])
def test_it_refuses_everybody_but_the_auditor(client, db: Session, role: str) -> None:
    """alice, bob, pia, dora and charlie: the answers are special-category data."""
    name = {"recruiter": "Alice", "hiring_manager": "Bob", "privacy_officer": "Pia",
            "admin": "Dora", "employee": "Charlie"}[role]
    make_role(db, "ml-engineer")
    who = log_in(client, db, make_user(db, name, role))
    for path in ("/fairness", "/fairness?role=ml-engineer",
                 "/fairness/report.csv?role=ml-engineer"):
        assert who.get(path).status_code == 403, (role, path)
    assert 'href="/fairness"' not in who.get("/").text


def test_it_gives_the_auditor_a_menu_entry_and_a_home_panel(as_audrey, db: Session) -> None:
    role = make_role(db, "ml-engineer")
    answered(db, role, "Een Persoon", gender="woman")
    db.commit()
    home = as_audrey.get("/")
    assert home.status_code == 200
    assert 'href="/fairness"' in home.text and "Bias audit" in home.text
    assert "self-identification answer" in home.text and "for 1 role" in home.text
    assert 'href="/candidates"' not in home.text  # no access to the people themselves
    assert as_audrey.get("/candidates").status_code == 403


def test_it_speaks_dutch_with_plurals(client, db: Session) -> None:
    dutch = log_in(client, db, make_user(db, "Auke", "auditor", locale="nl"))
    role = make_role(db, "ml-engineer")
    answered(db, role, "Een Persoon", stage="screened", gender="woman")
    answered(db, role, "Twee Persoon", gender="man")
    db.commit()
    client.headers["Accept-Language"] = "nl"
    page = dutch.get("/fairness?role=ml-engineer&measure=stage:screened")
    assert "Bias-audit" in page.text and "2 personen vergeleken" in page.text
    assert "Selectiepercentage: “Gescreend” bereikt" in page.text
    assert "0,00" in page.text and "onder 0,8" in page.text
