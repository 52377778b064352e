"""Scarcity of a profile: the indicator's arithmetic, the CSV import of labour-market figures,
and the benchmark from real screening results, pools and hires. alice (recruiter) sees and sets
everything, bob (hiring manager) sees his own role only, charlie (employee) nothing."""

import json

from sqlalchemy import select
from typer.testing import CliRunner

from searchlight.analytics.models import LabourMarketFigure
from searchlight.analytics.scarcity import Inputs, parse_market_csv, scarcity, similar_roles
from searchlight.cli import build_app
from searchlight.config import get_settings
from searchlight.governance.models import AuditEntry
from searchlight.matching.embedder import default_embedder
from searchlight.screening.batches import screen_entries
from searchlight.screening.models import ScreeningResult
from tests.screening.cvfiles import make_cv, make_pdf
from tests.screening.factories import make_role

MARKET = ("code;period;vacancies;job_seekers;label;source\n"
          "2512;2026Q2;900;300;Software developers;CBS\n"
          "2512;2026Q3;1200;300;Software developers;CBS\n")


def test_it_combines_the_signals_and_leaves_out_what_has_no_data():
    scarce = scarcity(Inputs(0, 0, 90.0, 4, 1200, 300))
    assert scarce.signals == {"market": 0.8, "pool": 1.0, "speed": 0.667}
    assert scarce.level == "high" and scarce.score == 82.2
    plenty = scarcity(Inputs(12, 5, None, 0, None, None))
    assert plenty.missing == ("market", "speed") and plenty.signals == {"pool": 0.2}
    assert plenty.level == "unknown" and plenty.score == 20.0
    assert scarcity(Inputs(12, 5, 5.0, 3, None, None)).level == "low"


def test_it_finds_similar_roles_by_shared_skills():
    skills = {"ml": ["python", "pytorch", "mlops"], "data": ["python", "pytorch", "sql"],
              "prompt": ["prompting"], "empty": []}
    assert similar_roles("ml", skills) == ["ml", "data"]
    assert similar_roles("empty", skills) == ["empty"]


def test_it_parses_a_dutch_csv_and_names_each_bad_line():
    rows, problems = parse_market_csv(MARKET + "2513;2026Q3;veel;3;;\n;2026;1;1;;\n")
    assert [(r.code, r.period, r.vacancies) for r in rows] == [("2512", "2026Q2", 900),
                                                               ("2512", "2026Q3", 1200)]
    assert [values["line"] for _, values in problems] == [4, 5]
    assert parse_market_csv("a,b\n1,2\n")[0] == []


def _screened(db, alice, bob):  # type: ignore[no-untyped-def]
    role = make_role(db)
    role.hiring_manager_id = bob.id
    entries = [(f"cv{i}.pdf", make_pdf(make_cv("en", seed=60 + i).paragraphs)) for i in range(2)]
    entries.append(("baker.txt", b"Piet Bakker\nBaker in Utrecht since 2010: bread, pastry, "
                                 b"early mornings.\n"))
    list(screen_entries(entries, role_id=role.id, actor_id=alice.id, settings=get_settings(),
                        embedder=default_embedder()))
    db.commit()
    scores = sorted(r.overall for r in db.scalars(select(ScreeningResult)) if r.overall)
    return role, scores


def test_it_counts_strong_matches_and_reads_the_market_for_alice(as_alice, db, alice, bob):
    role, scores = _screened(db, alice, bob)
    threshold = scores[-1]  # only the best CVs count as strong matches, never the baker
    strong = sum(score >= threshold for score in scores)
    assert 0 < strong < 3
    answer = as_alice.post("/analytics/labour-market",
                           files={"file": ("cbs.csv", MARKET.encode(), "text/csv")})
    assert answer.status_code == 200 and "2 figures added" in answer.text
    assert db.scalars(select(LabourMarketFigure)).all()
    as_alice.post(f"/roles/{role.key}/occupation", data={"code": "2512"})
    assert db.scalars(select(AuditEntry).where(AuditEntry.action == "role.occupation_set")).one()
    result = CliRunner().invoke(build_app(), ["roles", "scarcity", role.key, "--min-score",
                                              str(threshold), "--format", "json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert data["inputs"]["strong_matches"] == strong
    assert data["market"]["period"] == "2026Q3" and data["market"]["vacancies"] == 1200
    assert data["signals"]["market"] == 0.8 and data["level"] in {"high", "medium", "low"}
    page = as_alice.get(f"/roles/{role.key}/scarcity", headers={"Accept-Language": "nl"})
    assert page.status_code == 200 and "1200 vacatures" in page.text
    assert 'hx-get="/roles/' in as_alice.get(f"/roles/{role.key}").text


def test_it_refuses_a_csv_without_the_columns(as_alice, db, alice, bob):
    answer = as_alice.post("/analytics/labour-market",
                           files={"file": ("x.csv", b"name,count\nx,1\n", "text/csv")})
    assert answer.status_code == 422 and "Missing columns" in answer.text


def test_it_shows_bob_his_role_but_lets_him_change_nothing(as_bob, db, alice, bob):
    role, _ = _screened(db, alice, bob)
    other = make_role(db, {**_profile_copy(), "key": "other-role"})
    db.commit()
    assert as_bob.get(f"/roles/{role.key}/scarcity").status_code == 200
    assert as_bob.get(f"/roles/{other.key}/scarcity").status_code == 403
    # The role page loads the panel only where it may: a refusal is audited, so it would write.
    assert f'hx-get="/roles/{role.key}/scarcity"' in as_bob.get(f"/roles/{role.key}").text
    assert "/scarcity" not in as_bob.get(f"/roles/{other.key}").text
    assert as_bob.post(f"/roles/{role.key}/occupation", data={"code": "1"}).status_code == 403
    assert as_bob.post("/analytics/labour-market", files={
        "file": ("cbs.csv", MARKET.encode(), "text/csv")}).status_code == 403
    assert db.scalars(select(LabourMarketFigure)).first() is None


def test_it_refuses_charlie(as_charlie, db, alice, bob):
    role, _ = _screened(db, alice, bob)
    assert as_charlie.get(f"/roles/{role.key}/scarcity").status_code == 403
    assert as_charlie.get("/analytics/labour-market").status_code == 403


def _profile_copy():  # type: ignore[no-untyped-def]
    from tests.screening.factories import ML_PROFILE
    return dict(ML_PROFILE)
