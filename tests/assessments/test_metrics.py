import pytest

from searchlight.assessments.grading import exact_agreement, quadratic_weighted_kappa
from searchlight.assessments.grading.scores import dimension_scores, question_score


def test_it_computes_quadratic_weighted_kappa_golden_values():
    human = [0, 1, 2, 3, 3, 2, 1, 0, 4, 4]
    machine = [0, 2, 2, 3, 4, 1, 1, 1, 3, 4]
    # 1 - (5/16) / (37/16), worked out by hand in the docstring of the test data
    assert quadratic_weighted_kappa(human, machine) == pytest.approx(1 - 5 / 37)
    assert quadratic_weighted_kappa([0, 0, 1, 1], [0, 1, 1, 1]) == pytest.approx(0.5)
    assert quadratic_weighted_kappa([0, 1, 2], [0, 1, 2]) == pytest.approx(1.0)
    assert quadratic_weighted_kappa([0, 2, 0, 2], [2, 0, 2, 0]) == pytest.approx(-1.0)
    assert exact_agreement(human, machine) == pytest.approx(0.5)


def test_it_turns_levels_into_scores_per_dimension(challenge):
    question = challenge.questions[0]
    assert question_score(question, {"answer": 5}) == 100.0
    assert question_score(question, {"answer": 2}) == 40.0
    assert question_score(question, {"answer": None}) is None
    assert dimension_scores(challenge, {"1.1": {"answer": 3}}) == {"cognitive": 60.0}
    with pytest.raises(ValueError):
        question_score(question, {"answer": 6})
