"""The scarcity indicator: three signals, each turned into a 0-1 "scarce" share, averaged.

- Market: vacancies per job seeker `t`; `t / (1 + t)` is 0.5 when there is one job seeker per
  vacancy and approaches 1 as vacancies outnumber seekers (the CBS "spanning" idea).
- Pool: strong matches `n` among our own candidates and talent pools; `k / (k + n)` with
  k = POOL_HALF: no match gives 1, POOL_HALF matches give 0.5.
- Speed: median days to hire for similar roles `d`; `d / (d + DAYS_HALF)`.
A signal without data is left out (and listed as missing), never counted as zero; with fewer
than two signals the level is "unknown" (an empty pool alone says little about the market).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

POOL_HALF = 3
DAYS_HALF = 45.0
LEVELS = ((65.0, "high"), (40.0, "medium"), (0.0, "low"))


@dataclass(frozen=True)
class Inputs:
    strong_matches: int  # candidates whose best score for the role is at least the threshold
    in_talent_pools: int  # of those, how many are in a talent pool
    median_days_to_hire: float | None  # similar roles, None without hires
    hires_counted: int
    vacancies: int | None  # labour market, None without figures
    job_seekers: int | None


@dataclass(frozen=True)
class Scarcity:
    score: float | None  # 0-100, None when no signal has data
    level: str  # "high", "medium", "low" or "unknown"
    signals: dict[str, float] = field(default_factory=dict)  # name -> 0-1 scarce share
    missing: tuple[str, ...] = ()


def scarcity(inputs: Inputs) -> Scarcity:
    signals: dict[str, float] = {}
    missing: list[str] = []
    if inputs.vacancies is not None and inputs.job_seekers is not None and (
            inputs.vacancies or inputs.job_seekers):
        tightness = inputs.vacancies / max(inputs.job_seekers, 1)
        signals["market"] = round(tightness / (1 + tightness), 3)
    else:
        missing.append("market")
    signals["pool"] = round(POOL_HALF / (POOL_HALF + inputs.strong_matches), 3)
    if inputs.median_days_to_hire is not None:
        days = inputs.median_days_to_hire
        signals["speed"] = round(days / (days + DAYS_HALF), 3)
    else:
        missing.append("speed")
    score = round(100 * sum(signals.values()) / len(signals), 1)
    level = (next(name for floor, name in LEVELS if score >= floor) if len(signals) >= 2
             else "unknown")
    return Scarcity(score, level, signals, tuple(missing))


def skill_keys(profile: Mapping[str, Any]) -> set[str]:
    """Taxonomy skills a stored profile links to (read from the raw JSON, so an old or partial
    profile never breaks the benchmark)."""
    keys: set[str] = set()
    for dimension in profile.get("dimensions") or []:
        for item in dimension.get("items") or []:
            keys.update(str(skill) for skill in item.get("skills") or [])
    return keys


def similar_roles(target: str, profiles: Mapping[str, Iterable[str]], *,
                  threshold: float = 0.3) -> list[str]:
    """Role keys whose skills overlap the target's by Jaccard >= threshold, the target first.
    A role without linked skills is similar only to itself."""
    mine = set(profiles.get(target, ()))
    found = [target]
    for key, skills in sorted(profiles.items()):
        other = set(skills)
        if key == target or not mine or not other:
            continue
        if len(mine & other) / len(mine | other) >= threshold:
            found.append(key)
    return found
