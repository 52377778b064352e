"""Re-ranking after an edit that changed only weights, as one INSERT … SELECT in the database.

When a CV's stored result measured exactly the items the new version has (same item signatures
in the same order, compared as one stored `items_key`; the same must-haves), nothing about its
evidence changed: its item strengths, dimension scores, must-have reasons and human-check flag
are copied through, and only what the weights decide is recomputed — the headline, the
coverage, the weights shown with each dimension and the input hash. No row passes through
Python: PostgreSQL computes them in SQL; SQLite, which runs in this process anyway, calls small
Python functions registered on the connection. The arithmetic is `scoring.aggregate`'s,
operation for operation (rounding half to even after scaling, as numpy does), so the rows equal
a full re-rank's (`tests/screening/test_reweigh.py`). Results that do not qualify (older ones
without an `items_key` among them) are left to the full re-rank, which runs after this."""

from collections.abc import Callable, Sequence
from functools import lru_cache, partial
from typing import Any

from sqlalchemy import (
    JSON,
    ColumnElement,
    Connection,
    Float,
    Select,
    Table,
    Text,
    case,
    cast,
    column,
    func,
    insert,
    literal,
    select,
    true,
)

from searchlight.db import UTCDateTime, json_dumps, json_loads, utcnow
from searchlight.roles.models import Role, RoleVersion
from searchlight.screening.models import CvAnalysis, ScreeningResult
from searchlight.screening.score.preparation import profile_items
from searchlight.screening.score.scoring import (
    DIMENSIONS,
    ENGINE_VERSION,
    ItemSpec,
    input_hash,
    items_key,
)

_RESULTS: Table = ScreeningResult.__table__  # type: ignore[assignment]


def scored_for(version: RoleVersion) -> Any:
    """The analyses that already have a result for `version` (a re-rank resumed skips them)."""
    return select(ScreeningResult.analysis_id).where(
        ScreeningResult.role_version_id == version.id)


_COPIED = ("analysis_id", "candidate_id", "role_id", "needs_human_check", "item_strengths",
           "items_key", "reasons", "engine_version")
_COMPUTED = ("overall", "coverage", "dimensions", "input_hash")


def reweigh_unchanged(
    *, connection: Connection, role: Role, version: RoleVersion, items: Sequence[ItemSpec],
    weights: dict[str, float], profile_hash: str,
) -> int:
    """Write the results of `version` for every CV whose result for the newest version scored
    before it measured the same items; returns how many. `items`, `weights` and `profile_hash`
    are the version's scorer's.

    Only that one version's results are read (an index range), not every CV's latest result
    across the role's history: a re-rank gives every CV of the role a result for the version
    it ranks for, so those are the latest results, and a CV without one (a re-rank that never
    ran) is left to the full re-rank. The same analysis measured for the same item signatures
    has the same strengths in whichever of its results, so the rows equal a full re-rank's."""
    signatures = [item.signature for item in items]
    total = sum(max(weights.get(key, 1.0), 0.0) for key in DIMENSIONS
                if any(item.dimension == key for item in items))
    if not items or len(set(signatures)) < len(signatures) or total <= 0:
        return 0
    source = _newest_scored(connection, role, version)
    if source is None or not _same_must_haves(source, items):
        return 0
    # The two orders a stored result lists its items in: the profile's (a re-rank) or grouped
    # by dimension (screening one CV); within a dimension both keep the profile's order.
    orders = sorted({items_key(signatures), items_key(
        item.signature for key in DIMENSIONS for item in items if item.dimension == key)})
    old = _RESULTS.alias("old")
    reused = (select(*(old.c[name] for name in _COPIED), old.c.dimensions, CvAnalysis.document_id)
              .join_from(old, CvAnalysis, CvAnalysis.id == old.c.analysis_id)
              .where(old.c.role_version_id == source.id,
                     old.c.analysis_id.not_in(scored_for(version)),
                     old.c.engine_version == ENGINE_VERSION, old.c.items_key.in_(orders)))
    if connection.dialect.name == "postgresql":
        query = _in_sql(reused, old, weights, total, profile_hash)
    else:
        query = _in_python(connection, reused, weights, total, profile_hash)
    columns = [*_COPIED, *_COMPUTED, "role_version_id", "scored_at"]
    query = query.add_columns(literal(version.id), literal(utcnow(), UTCDateTime()))
    written = connection.execute(insert(_RESULTS).from_select(columns, query),
                                 execution_options={"preserve_rowcount": True})
    return written.rowcount


def _newest_scored(connection: Connection, role: Role, version: RoleVersion) -> RoleVersion | None:
    """The newest version of the role other than `version` that has results."""
    for candidate in sorted(role.versions, key=lambda v: v.number, reverse=True):
        if candidate.id != version.id and connection.scalar(select(literal(1)).where(
                select(ScreeningResult.id).where(
                    ScreeningResult.role_version_id == candidate.id).exists())):
            return candidate
    return None


def _same_must_haves(source: RoleVersion, items: Sequence[ItemSpec]) -> bool:
    """Whether results of `source` carry the right reasons and human-check flag for `items`:
    the same items in the same order with the same must-haves (item signatures, which also
    depend on the taxonomy at the time, are compared per result)."""
    theirs, _ = profile_items(source.profile, synonyms=lambda keys: ())
    return [(i.dimension, i.text_en, i.text_nl, i.must_have) for i in theirs] == [
        (i.dimension, i.text_en, i.text_nl, i.must_have) for i in items]


def _copied(rows: Any) -> list[Any]:
    return [rows.c[name] for name in _COPIED]


def _in_sql(
    reused: Select[Any], old: Any, weights: dict[str, float], total: float, profile_hash: str,
) -> Select[Any]:
    """PostgreSQL: each stored `dimensions` is parsed once (a JSON column is text, so every
    `->` would parse it again), in steps that `OFFSET 0` keeps the planner from folding into
    one another (materialised CTEs did the same but wrote every row to a temporary file, ~30 ms
    more per 10,000); then `aggregate`'s sums in DIMENSIONS order, in double precision (round()
    of a double is rint(), half to even, like numpy's)."""
    stored = func.json_to_record(old.c.dimensions).table_valued(
        *(column(key, JSON) for key in DIMENSIONS)).render_derived(with_types=True)
    parsed = (reused.join(stored, true())
              .add_columns(*(stored.c[key]["score"].as_string().label(key) for key in DIMENSIONS))
              .offset(0).subquery("parsed"))
    weighted: ColumnElement[Any] = literal(0.0, Float)
    known: ColumnElement[Any] = literal(0.0, Float)
    for key in DIMENSIONS:
        if (weight := weights.get(key, 1.0)) > 0:
            score = cast(parsed.c[key], Float)
            weighted = weighted + func.coalesce(score * literal(weight, Float), 0.0)
            known = known + case((score.is_not(None), literal(weight, Float)), else_=0.0)
    summed = select(parsed, weighted.label("weighted"), known.label("known")).offset(
        0).subquery("summed")
    shown: ColumnElement[Any] = literal("{")
    for n, key in enumerate(DIMENSIONS):
        shown = shown + literal(f'{"," if n else ""}"{key}":{{"score":') + func.coalesce(
            summed.c[key], "null") + literal(f',"weight":{json_dumps(weights.get(key, 1.0))}}}')
    return select(
        *_copied(summed),
        case((summed.c.known > 0,
              func.round(summed.c.weighted / literal(total, Float) * 10.0) / 10.0)),
        func.round(summed.c.known / literal(total, Float) * 1000.0) / 1000.0,
        cast(shown + "}", JSON),
        func.encode(func.sha256(func.convert_to(
            literal(f"{profile_hash}:") + cast(summed.c.document_id, Text), "UTF8")), "hex"))


def _in_python(
    connection: Connection, reused: Select[Any], weights: dict[str, float], total: float,
    profile_hash: str,
) -> Select[Any]:
    """SQLite: the same numbers from functions registered on this connection, per row."""

    @lru_cache(maxsize=2)  # the functions below ask for the same row's numbers in turn
    def numbers(stored: str) -> tuple[float | None, float, str]:
        dimensions = json_loads(stored)
        weighted = known = 0.0
        shown = {}
        for key in DIMENSIONS:
            weight = weights.get(key, 1.0)
            score = dimensions.get(key, {}).get("score")
            shown[key] = {"score": score, "weight": weight}
            if weight > 0 and score is not None:
                weighted += score * weight
                known += weight
        overall = float(round(weighted / total * 10.0)) / 10.0 if known > 0 else None
        return overall, float(round(known / total * 1000.0)) / 1000.0, json_dumps(shown)

    functions: dict[str, Callable[..., Any]] = {
        "sl_overall": lambda stored: numbers(stored)[0],
        "sl_coverage": lambda stored: numbers(stored)[1],
        "sl_dimensions": lambda stored: numbers(stored)[2],
        "sl_input_hash": partial(input_hash, profile_hash),
    }
    raw = connection.connection.driver_connection
    for name, function in functions.items():
        raw.create_function(name, 1, function, deterministic=True)  # type: ignore[union-attr]
    rows = reused.subquery()
    return select(*_copied(rows), func.sl_overall(rows.c.dimensions),
                  func.sl_coverage(rows.c.dimensions), func.sl_dimensions(rows.c.dimensions),
                  func.sl_input_hash(rows.c.document_id))
