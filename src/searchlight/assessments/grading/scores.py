"""Levels to scores: code, never a model. An item's score is where its level sits between the
item's lowest and highest level (0-100); a question's and a dimension's score are the
weighted means of their items' scores."""

from collections.abc import Mapping

from searchlight.assessments.schemas import Challenge, Item, Question


def item_score(item: Item, level: int) -> float:
    if not item.lowest <= level <= item.highest:
        raise ValueError(f"level {level} is outside {item.lowest}-{item.highest} of {item.key}")
    return 100.0 * (level - item.lowest) / (item.highest - item.lowest)


def question_score(question: Question, levels: Mapping[str, int | None]) -> float | None:
    """None until every item has a level (an item waiting for a human has none)."""
    total = weight = 0.0
    for item in question.items:
        level = levels.get(item.key)
        if level is None:
            return None
        total += item.weight * item_score(item, level)
        weight += item.weight
    return round(total / weight, 1)


def dimension_scores(
    challenge: Challenge, levels: Mapping[str, Mapping[str, int | None]]
) -> dict[str, float]:
    """Per SEARCH dimension, the weighted mean score of its graded items over all questions
    (`levels` maps question key to item key to level); dimensions without a graded item are
    left out rather than counted as zero."""
    sums: dict[str, list[float]] = {}
    for question in challenge.questions:
        for item in question.items:
            level = levels.get(question.key, {}).get(item.key)
            if level is None:
                continue
            entry = sums.setdefault(item.dimension, [0.0, 0.0])
            entry[0] += item.weight * item_score(item, level)
            entry[1] += item.weight
    return {dimension: round(total / weight, 1) for dimension, (total, weight) in sums.items()}
