"""Gap analysis and the personal plan: an employee's SEARCH profile against a target role's
profile, with the courses and programme assignments that close each gap.

The level a role asks for is the mid-level AI expert's "good" (4 of 5 on the rubrics = 75 of
100) on every dimension the role weighs. A dimension without any score yet counts as 0 and is
marked as unknown. Priority = gap × the dimension's share of the role's weight."""

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from searchlight.reskilling.models import Course, Milestone
from searchlight.reskilling.rubrics import rubric_for
from searchlight.roles.schemas import DIMENSION_KEYS, RoleProfile

TARGET_LEVEL = 75
COURSES_PER_GAP = 3


@dataclass
class DimensionGap:
    key: str
    weight: float
    current: int | None
    gap: int
    priority: float
    asks: list[dict[str, Any]]
    courses: list[Course] = field(default_factory=list)
    assignments: list[dict[str, Any]] = field(default_factory=list)


def _course_fit(course: Course, dimension: str, dimension_skills: set[str],
                role_skills: set[str]) -> int:
    if dimension not in course.dimensions:
        return 0
    skills = set(course.skills)
    return 1 + 3 * len(skills & dimension_skills) + len(skills & role_skills)


def analyse(
    *, current: dict[str, int | None], role: RoleProfile, courses: list[Course],
    open_milestones: Sequence[Milestone] = (),
) -> list[DimensionGap]:
    """The gaps, highest priority first; dimensions the role does not weigh are left out."""
    total_weight = sum(d.weight for d in role.dimensions) or 1.0
    role_skills = set(role.skill_keys())
    found: list[DimensionGap] = []
    for dimension in role.dimensions:
        if dimension.weight <= 0:
            continue
        score = current.get(dimension.key)
        gap = max(0, TARGET_LEVEL - (score or 0))
        dimension_skills = {s for item in dimension.items for s in item.skills}
        entry = DimensionGap(
            key=dimension.key, weight=round(dimension.weight / total_weight, 3), current=score,
            gap=gap, priority=round(gap * dimension.weight / total_weight, 1),
            asks=[{"nl": i.text_nl, "en": i.text_en, "must_have": i.must_have}
                  for i in sorted(dimension.items, key=lambda i: not i.must_have)])
        if gap:
            ranked = sorted(
                ((_course_fit(c, dimension.key, dimension_skills, role_skills), c.key, c)
                 for c in courses if c.is_active),
                key=lambda t: (-t[0], t[1]))
            entry.courses = [c for fit, _key, c in ranked if fit > 0][:COURSES_PER_GAP]
            entry.assignments = [
                {"month": m.month, "goal_nl": m.goal_nl, "goal_en": m.goal_en,
                 "form_nl": m.form_nl, "form_en": m.form_en}
                for m in open_milestones
                if dimension.key in {i.dimension for i in rubric_for(m.form_kind)}]
        found.append(entry)
    return sorted(found, key=lambda g: (-g.priority, DIMENSION_KEYS.index(g.key)))


def course_out(course: Course) -> dict[str, Any]:
    return {"key": course.key, "title": course.title, "provider": course.provider,
            "language": course.language, "hours": course.hours, "cost_eur": course.cost_eur,
            "url": course.url}


def plan_document(*, employee_email: str, role_key: str, role_version: int, title_nl: str,
                  title_en: str, gaps: list[DimensionGap]) -> dict[str, Any]:
    """The plan as stored with the enrolment and printed by the CLI."""
    courses: dict[str, Course] = {}
    for gap in gaps:
        for course in gap.courses:
            courses.setdefault(course.key, course)
    known_hours = [c.hours for c in courses.values() if c.hours is not None]
    known_cost = [c.cost_eur for c in courses.values() if c.cost_eur is not None]
    return {
        "employee": employee_email,
        "role": {"key": role_key, "version": role_version,
                 "title": {"nl": title_nl, "en": title_en}},
        "target_level": TARGET_LEVEL,
        "gaps": [{"dimension": g.key, "weight": g.weight, "current": g.current,
                  "known": g.current is not None, "gap": g.gap, "priority": g.priority,
                  "asks": g.asks, "courses": [c.key for c in g.courses],
                  "assignments": g.assignments} for g in gaps],
        "courses": [course_out(c) for c in courses.values()],
        "totals": {"hours": sum(known_hours), "cost_eur": sum(known_cost),
                   "courses_without_hours": len(courses) - len(known_hours),
                   "courses_without_cost": len(courses) - len(known_cost)},
    }
