"""The rules of next best action, as pure functions over facts (no database).

Each suggestion has a stable `key`: a decision (done, snoozed, dismissed) on that key hides the
suggestion; when the situation changes (another stage, a newer message) the key changes too, so
a new suggestion appears rather than staying hidden for ever."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from searchlight.i18n import N_


@dataclass(frozen=True)
class Suggestion:
    key: str
    kind: str
    priority: int  # lower comes first
    role_key: str
    reason: str  # an English message template (translated when shown)
    values: dict[str, Any] = field(default_factory=dict)
    link: str = ""

    def text(self) -> str:
        return self.reason.format(**self.values)


@dataclass(frozen=True)
class RoleFacts:
    key: str
    title: str
    scarcity: str  # "high", "medium", "low" or "unknown"
    agencies: tuple[str, ...]  # sources that delivered such profiles, agencies first
    inclusive_findings: int  # findings in the role's latest vacancy text(s)
    text_id: int | None = None


@dataclass(frozen=True)
class Waiting:
    application_id: int
    candidate_id: int
    candidate: str  # display name: a pseudonym until a recorded reveal
    role_key: str
    stage: str
    days: int
    score: float | None


@dataclass(frozen=True)
class Silent:
    application_id: int
    candidate_id: int
    candidate: str
    role_key: str
    days: int
    since: str  # ISO time of the last message (or of applying): part of the key


@dataclass(frozen=True)
class IdleChannel:
    source_key: str
    name: str
    days: int | None  # since the last candidate from it; None: never


@dataclass(frozen=True)
class PoolMatch:
    candidate_id: int
    candidate: str
    pool: str
    role_key: str
    role_title: str
    score: float


@dataclass(frozen=True)
class Limits:
    wait_days: int = 5  # a strong candidate waits longer than this in a stage
    message_days: int = 7  # no candidate goes longer without a message
    idle_days: int = 30  # a channel without applicants this long
    strong_score: float = 60.0


def suggest(*, roles: list[RoleFacts], waiting: list[Waiting], silent: list[Silent],
            idle: list[IdleChannel], pool_matches: list[PoolMatch],
            limits: Limits) -> list[Suggestion]:
    found: list[Suggestion] = []
    for role in roles:
        if role.scarcity == "high":
            found.append(Suggestion(
                f"scarce:{role.key}", "scarce_profile", 10, role.key,
                N_("{role} is a scarce profile: call the agencies that delivered similar "
                   "profiles ({agencies}).") if role.agencies else
                N_("{role} is a scarce profile and no source has delivered one yet: brief a "
                   "specialised agency."),
                {"role": role.title, "agencies": ", ".join(role.agencies[:3])},
                f"/roles/{role.key}/scarcity"))
        if role.inclusive_findings:
            found.append(Suggestion(
                f"inclusive:{role.key}:{role.inclusive_findings}", "inclusive_language", 40,
                role.key, N_("The vacancy text of {role} has {count} inclusive-language "
                             "findings: review them before it goes out again."),
                {"role": role.title, "count": role.inclusive_findings},
                f"/content/{role.text_id}" if role.text_id else "/content"))
    for item in waiting:
        if item.days > limits.wait_days and (item.score or 0) >= limits.strong_score:
            found.append(Suggestion(
                f"waiting:{item.application_id}:{item.stage}", "waiting", 20, item.role_key,
                N_("{candidate} (score {score}) has waited {days} days in “{stage}”: move them "
                   "on or tell them where they stand."),
                {"candidate": item.candidate, "score": round(item.score or 0),
                 "days": item.days, "stage": item.stage},
                f"/candidates/{item.candidate_id}"))
    for quiet in silent:
        if quiet.days > limits.message_days:
            found.append(Suggestion(
                f"message:{quiet.application_id}:{quiet.since}", "no_message", 15, quiet.role_key,
                N_("{candidate} has had no message for {days} days (your limit is {limit}): "
                   "send an update."),
                {"candidate": quiet.candidate, "days": quiet.days,
                 "limit": limits.message_days},
                f"/candidates/{quiet.candidate_id}/messages"))
    for channel in idle:
        found.append(Suggestion(
            f"idle:{channel.source_key}", "idle_channel", 50, "",
            N_("{source} brought no applicants in {days} days: refresh the posting or move "
               "the budget."), {"source": channel.name, "days": limits.idle_days},
            "/analytics"))
    for match in pool_matches:
        if match.score >= limits.strong_score:
            found.append(Suggestion(
                f"pool:{match.candidate_id}:{match.role_key}", "talent_pool_match", 30,
                match.role_key,
                N_("{candidate} from talent pool “{pool}” matches the new role {role} (score "
                   "{score}): invite them to apply."),
                {"candidate": match.candidate, "pool": match.pool, "role": match.role_title,
                 "score": round(match.score)}, f"/candidates/{match.candidate_id}"))
    return sorted(found, key=lambda s: (s.priority, s.role_key, s.key))
