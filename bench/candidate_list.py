"""Candidate list benchmark: server time of /candidates at 100,000 candidates.

    .venv/bin/python bench/candidate_list.py [--candidates 100000] [--requests 200] [--postgres]

Seeds a scratch database (SQLite in a temporary folder, or the PostgreSQL database
`searchlight_bench_cand` with --postgres) through the real migrations, bulk-inserts candidates
with applications, tags and pool memberships, then requests the list page through the real app
(TestClient, logged in as a recruiter and as a hiring manager). The time measured is the server's:
from the request entering the ASGI app to the last byte of the response, so it includes routing,
the session look-up, the queries and the template.
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))

PG_URL = "postgresql+psycopg://postgres@127.0.0.1:5432/searchlight_bench_cand"
FIRST = ("Jan", "Sanne", "Daan", "Lotte", "Bram", "Femke", "Thijs", "Noor", "Ruben", "Yara",
         "Pieter", "Anouk", "Koen", "Fatima", "Mohammed", "Priya", "Wei", "Oliver", "Amelia",
         "Harry", "Emily", "Jack", "Sophie", "Thomas", "Chloe", "Daniel", "Laura", "Arjun",
         "Olga", "Mateusz", "Grace", "Liam", "Isla", "Kofi", "Esmee", "Gijs", "Floor", "Teun")
LAST = ("de Vries", "Jansen", "Bakker", "Visser", "Smit", "Meijer", "de Boer", "Mulder",
        "de Groot", "Bos", "Vos", "Peters", "Hendriks", "van Leeuwen", "Dekker", "Brouwer",
        "Smith", "Jones", "Taylor", "Brown", "Williams", "Wilson", "Johnson", "Davies", "Patel",
        "Okafor", "Kowalski", "García", "Nguyen", "El Idrissi", "Yılmaz", "Cohen", "Murphy")
PLACES = ("Amsterdam", "Rotterdam", "Utrecht", "Den Haag", "Eindhoven", "Groningen", "Tilburg",
          "Almere", "Breda", "Nijmegen", "Leiden", "Delft", "Zwolle", "London", "Berlin",
          "Antwerpen", "Remote")
TAGS = ("python", "pytorch", "llm", "rag", "mlops", "kubernetes", "insurance", "product",
        "architecture", "agents", "typescript", "graduate", "nlp", "vector-db", "azure", "gcp",
        "aws", "evaluation", "data-engineering", "computer-vision")
ROLES = ("ai-solutions-architect", "ai-product-owner", "ml-engineer", "prompt-engineer",
         "mlops-engineer", "ai-native-software-engineer")
STAGES = ("sourced", "applied", "screened", "assessment", "interview", "offer", "hired",
          "rejected", "withdrawn")
STAGE_WEIGHTS = (20, 25, 15, 8, 8, 3, 2, 15, 4)


def prepare_database(postgres: bool) -> str:
    if not postgres:
        return f"sqlite:///{Path(tempfile.mkdtemp(prefix='bench-candidates-')) / 'bench.sqlite3'}"
    from sqlalchemy import create_engine, text
    from sqlalchemy.engine import make_url

    url = make_url(PG_URL)
    admin = create_engine(url.set(database="postgres"), isolation_level="AUTOCOMMIT")
    with admin.connect() as connection:
        connection.execute(text(f'DROP DATABASE IF EXISTS "{url.database}" WITH (FORCE)'))
        connection.execute(text(f'CREATE DATABASE "{url.database}"'))
    admin.dispose()
    return PG_URL


def chunks(rows: list[dict[str, Any]], size: int = 5000) -> Iterator[list[dict[str, Any]]]:
    for start in range(0, len(rows), size):
        yield rows[start:start + size]


def seed(count: int) -> dict[str, Any]:
    """Bulk-insert `count` candidates; returns ids the scenarios need."""
    from sqlalchemy import insert, select

    from searchlight.auth.models import User
    from searchlight.auth.service import hash_password
    from searchlight.candidates.models import (
        Application,
        Candidate,
        CandidateSearchTerm,
        StageChange,
    )
    from searchlight.candidates.service import refresh_search_keys, search_terms
    from searchlight.crm.models import PoolMember, Source, Tag, TalentPool, candidate_tags
    from searchlight.crm.sources import ensure_default_sources
    from searchlight.db import transaction
    from searchlight.roles.models import Role, RoleVersion

    rng = random.Random(42)
    now = datetime.now(UTC)
    with transaction() as db:
        password = hash_password("bench-password")
        recruiter = User(email="recruiter@bench.local", full_name="Rita Recruiter",
                         role="recruiter", password_hash=password, locale="en")
        manager = User(email="manager@bench.local", full_name="Max Manager",
                       role="hiring_manager", password_hash=password, locale="en")
        db.add_all([recruiter, manager])
        db.flush()
        ensure_default_sources(db_session=db)
        roles = []
        for number, key in enumerate(ROLES):
            role = Role(key=key, title_en=key, title_nl=key, current_version=1,
                        hiring_manager_id=manager.id if number == 2 else None)
            db.add(role)
            db.flush()
            db.add(RoleVersion(role_id=role.id, number=1, profile={}))
            roles.append(role.id)
        tags = [Tag(name=name) for name in TAGS]
        pools = [TalentPool(name=f"Pool {n}") for n in range(3)]
        db.add_all(tags + pools)
        db.flush()
        source_ids = list(db.scalars(select(Source.id)))
        tag_ids, pool_ids = [t.id for t in tags], [p.id for p in pools]
        ids = {"recruiter": recruiter.id, "manager": manager.id}

    candidates, terms, applications, changes, tag_links, members = [], [], [], [], [], []
    for number in range(1, count + 1):
        first, last = rng.choice(FIRST), rng.choice(LAST)
        created = now - timedelta(minutes=rng.randint(0, 3 * 365 * 24 * 60))
        row = Candidate(full_name=f"{first} {last}", location=rng.choice(PLACES),
                        email=f"{first}.{last.replace(' ', '')}{number}@example.org".lower())
        refresh_search_keys(row)
        candidates.append({
            "id": number, "full_name": row.full_name, "email": row.email,
            "email_key": row.email_key, "phone": "", "location": row.location,
            "source_id": rng.choice(source_ids), "owner_id": ids["recruiter"],
            "name_key": row.name_key, "created_at": created,
            "updated_at": created,
        })
        terms += [{"term": term, "candidate_id": number} for term in search_terms(row)]
        for role_id in rng.sample(roles, rng.choice((0, 1, 1, 1, 2))):
            stage = rng.choices(STAGES, STAGE_WEIGHTS)[0]
            app_id = len(applications) + 1
            applications.append({
                "id": app_id, "candidate_id": number, "role_id": role_id, "role_version": 1,
                "stage_key": stage, "stage_entered_at": created, "created_at": created,
                "updated_at": created})
            changes.append({"application_id": app_id, "to_stage": stage, "reason": "",
                            "moved_at": created})
        for tag_id in rng.sample(tag_ids, rng.choice((0, 1, 1, 2, 3))):
            tag_links.append({"candidate_id": number, "tag_id": tag_id})
        if rng.random() < 0.05:
            members.append({"pool_id": rng.choice(pool_ids), "candidate_id": number,
                            "added_at": created})

    with transaction() as db:
        for table, rows in ((Candidate, candidates), (CandidateSearchTerm, terms),
                            (Application, applications),
                            (StageChange, changes), (candidate_tags, tag_links),
                            (PoolMember, members)):
            for part in chunks(rows):
                db.execute(insert(table), part)  # type: ignore[arg-type]
    print(f"seeded {len(candidates):,} candidates, {len(applications):,} applications, "
          f"{len(tag_links):,} tag links, {len(members):,} pool members")
    return ids


def analyse() -> None:
    """Statistics for the planner, and on PostgreSQL the visibility map that autovacuum would
    have written by now on a live server (without it index-only scans visit the heap)."""
    from sqlalchemy import text

    from searchlight.db import get_engine

    engine = get_engine()
    statement = "VACUUM ANALYZE" if engine.dialect.name == "postgresql" else "ANALYZE"
    with engine.connect().execution_options(isolation_level="AUTOCOMMIT") as connection:
        connection.execute(text(statement))


class ServerTimer:
    """ASGI wrapper: time from the request entering the app to the end of the response body."""

    def __init__(self, app: Callable[..., Any]) -> None:
        self.app = app
        self.last_ms = 0.0

    async def __call__(self, scope: Any, receive: Any, send: Any) -> None:
        started = time.perf_counter()
        await self.app(scope, receive, send)
        self.last_ms = (time.perf_counter() - started) * 1000


def client_for(user_id: int) -> tuple[Any, ServerTimer]:
    from fastapi.testclient import TestClient

    from searchlight.auth.models import User
    from searchlight.auth.service import start_session
    from searchlight.db import transaction
    from searchlight.deps import SESSION_COOKIE
    from searchlight.main import create_app

    with transaction() as db:
        user = db.get(User, user_id)
        assert user is not None
        token, _record = start_session(db_session=db, user=user)
    timer = ServerTimer(create_app())
    client = TestClient(timer, base_url="http://bench", headers={"Accept-Language": "en"})
    client.cookies.set(SESSION_COOKIE, token)
    return client, timer


def measure(client: Any, timer: ServerTimer, url: str, requests: int) -> list[float]:
    client.get(url)  # warm caches and templates
    times = []
    for _ in range(requests):
        response = client.get(url)
        assert response.status_code == 200, (url, response.status_code, response.text[:300])
        times.append(timer.last_ms)
    return times


def next_page_url(client: Any, url: str) -> str:
    import re

    html = client.get(url).text
    found = re.search(r'href="\?([^"]*after=[^"]+)"', html)
    return "/candidates?" + found.group(1).replace("&amp;", "&") if found else url


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--candidates", type=int, default=100_000)
    parser.add_argument("--requests", type=int, default=200)
    parser.add_argument("--postgres", action="store_true")
    args = parser.parse_args()

    url = prepare_database(args.postgres)
    os.environ["DATABASE_URL"] = url
    os.environ["SEARCHLIGHT_DATA_DIR"] = tempfile.mkdtemp(prefix="bench-candidates-data-")
    from searchlight.db import get_engine
    from searchlight.migrate import upgrade

    upgrade(get_engine())
    started = time.perf_counter()
    ids = seed(args.candidates)
    analyse()
    print(f"database: {'PostgreSQL' if args.postgres else 'SQLite'}, "
          f"seeding took {time.perf_counter() - started:.1f} s")

    recruiter, recruiter_timer = client_for(ids["recruiter"])
    scenarios = {
        "unfiltered (newest first)": "/candidates",
        "search q=jan": "/candidates?q=jan",
        "search q=okafor utrecht": "/candidates?q=okafor+utrecht",
        "search q=zzz (no match)": "/candidates?q=zzz",
        "filter source+stage+tag": "/candidates?source=linkedin&stage=interview&tag=python",
        "filter role+stage": "/candidates?role=ml-engineer&stage=offer",
        "sort by name": "/candidates?sort=name",
    }
    scenarios["next page (keyset)"] = next_page_url(recruiter, "/candidates?sort=name")
    print(f"\n{'scenario':<34}{'median ms':>10}{'p95 ms':>10}")
    worst = 0.0
    for name, path in scenarios.items():
        times = measure(recruiter, recruiter_timer, path, args.requests)
        p95 = statistics.quantiles(times, n=20)[-1]
        worst = max(worst, p95)
        print(f"{name:<34}{statistics.median(times):>10.1f}{p95:>10.1f}")
    manager, manager_timer = client_for(ids["manager"])
    times = measure(manager, manager_timer, "/candidates", args.requests)
    p95 = statistics.quantiles(times, n=20)[-1]
    worst = max(worst, p95)
    print(f"{'hiring manager (own role only)':<34}{statistics.median(times):>10.1f}{p95:>10.1f}")
    print(f"\nworst p95: {worst:.1f} ms (target < 150 ms) -> {'OK' if worst < 150 else 'SLOW'}")
    # Other work on the machine shows up in the p95; the load average says how much there was.
    print("load average (1, 5, 15 min): " + ", ".join(f"{v:.2f}" for v in os.getloadavg()))


if __name__ == "__main__":
    main()
