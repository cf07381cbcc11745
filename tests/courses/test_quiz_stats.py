from decimal import Decimal
from fractions import Fraction

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from courses.grading import (
    GradableQuestion,
    QuestionKind,
    QuestionResult,
    Response,
    grade_attempt,
    round_half_up,
)
from courses.quiz_stats import (
    GainRow,
    discrimination_index,
    knowledge_gain,
    question_statistics,
)
from tests.courses.test_grading import answered_quizzes

# Pure and fast, but on a busy machine a per-example time limit makes them flaky.
unhurried = settings(deadline=None)

SINGLE = GradableQuestion(
    id=1,
    kind=QuestionKind.SINGLE,
    points=Decimal(1),
    choice_ids=frozenset({11, 12, 13}),
    correct_choice_ids=frozenset({12}),
)
PARTIAL = GradableQuestion(
    id=2,
    kind=QuestionKind.MULTIPLE,
    points=Decimal(2),
    choice_ids=frozenset({21, 22, 23, 24}),
    correct_choice_ids=frozenset({21, 22}),
    partial_credit=True,
)
QUIZ = [SINGLE, PARTIAL]


def picks(qid: int, *choice_ids: int) -> Response:
    return Response(question_id=qid, choice_ids=frozenset(choice_ids))


def graded(*attempts: list[Response]):
    """Results and responses of attempts at QUIZ, as a report would load them."""
    results = [
        grade_attempt(QUIZ, responses, pass_mark_percent=Decimal(50)).results
        for responses in attempts
    ]
    return results, [list(responses) for responses in attempts]


def result(qid: int, awarded: str, possible: str = "1") -> QuestionResult:
    return QuestionResult(
        question_id=qid,
        awarded=Decimal(awarded),
        possible=Decimal(possible),
        is_correct=awarded == possible,
    )


# Question statistics


def test_statistics_count_answers_the_share_right_and_picks_per_choice():
    stats = question_statistics(
        *graded(
            [picks(1, 12), picks(2, 21, 22)],
            [picks(1, 12), picks(2, 21)],
            [picks(1, 11)],
        )
    )
    assert stats.keys() == {1, 2}
    assert stats[1].answered == 3
    assert stats[1].share_correct == Decimal("0.6667")
    assert stats[1].choice_counts == {11: 1, 12: 2}
    assert stats[2].answered == 2
    # Half marks on partial credit are not "correct".
    assert stats[2].share_correct == Decimal("0.5")
    assert stats[2].choice_counts == {21: 2, 22: 1}


def test_a_question_nobody_answered_has_no_share_correct():
    stats = question_statistics(*graded([picks(1, 12)], [picks(1, 11), picks(2)]))
    assert stats[2].answered == 0
    assert stats[2].share_correct is None
    assert stats[2].choice_counts == {}


def test_statistics_take_the_last_response_and_ignore_questions_outside_the_attempt():
    results, responses = graded([picks(1, 12)])
    responses[0] = [picks(1, 11), picks(1, 13), picks(99, 991)]
    stats = question_statistics(results, responses)
    assert stats.keys() == {1, 2}
    assert stats[1].choice_counts == {13: 1}
    assert stats[1].answered == 1


def test_a_blank_short_answer_is_not_counted_as_answered():
    results = [[result(5, "0")], [result(5, "1")]]
    responses = [
        [Response(question_id=5, text="   ")],
        [Response(question_id=5, text="HIV")],
    ]
    stats = question_statistics(results, responses)
    assert stats[5].answered == 1
    assert stats[5].share_correct == 1


def test_statistics_need_one_list_of_responses_per_attempt():
    results, responses = graded([picks(1, 12)], [picks(1, 12)])
    with pytest.raises(ValueError, match="responses"):
        question_statistics(results, responses[:1])


def test_statistics_discrimination_uses_the_share_of_points_and_attempt_totals():
    strong = [picks(1, 12), picks(2, 21, 22)]
    half = [picks(1, 12), picks(2, 21)]
    weak = [picks(1, 11), picks(2, 23)]
    stats = question_statistics(*graded(strong, strong, half, weak, weak, weak))
    # Totals 3, 3, 2, 0, 0, 0: the top two got question 2 fully right, the bottom
    # two got nothing on it.
    assert stats[2].discrimination == 1
    assert stats[1].discrimination == 1
    assert question_statistics(*graded(strong, weak))[1].discrimination is None


# Discrimination index


def scores(*values) -> list[Decimal]:
    return [Decimal(str(v)) for v in values]


def test_a_question_only_the_strongest_got_right_discriminates_fully():
    totals = scores(*range(1, 11))
    items = scores(0, 0, 0, 0, 0, 0, 0, 1, 1, 1)
    assert discrimination_index(items, totals) == Decimal(1)


def test_a_question_only_the_weakest_got_right_discriminates_negatively():
    totals = scores(*range(1, 11))
    items = scores(1, 1, 1, 0, 0, 0, 0, 0, 0, 0)
    assert discrimination_index(items, totals) == Decimal(-1)


def test_the_groups_are_the_top_and_bottom_27_percent():
    totals = scores(*range(1, 11))
    # 27% of 10 is 3 attempts a group: the fourth strongest falls outside.
    items = scores(0, 0, 0, 0, 0, 0, 1, 1, 1, 0)
    assert discrimination_index(items, totals) == Decimal("0.6667")


def test_discrimination_needs_at_least_two_attempts_in_each_group():
    # 27% of 5 rounds to 1 attempt a group; of 6, to 2.
    assert discrimination_index(scores(0, 0, 0, 1, 1), scores(1, 2, 3, 4, 5)) is None
    assert discrimination_index(scores(0, 0, 0, 0, 1, 1), scores(*range(6))) == 1
    assert discrimination_index([], []) is None


def test_attempts_tied_at_a_group_edge_count_equally_whatever_their_order():
    totals = scores(4, 3, 3, 3, 2, 1)
    # The upper group is the 4 and one of three tied 3s; each 3 counts a third.
    first = discrimination_index(scores(1, 1, 0, 0, 0, 0), totals)
    last = discrimination_index(scores(1, 0, 0, 1, 0, 0), totals)
    assert first == last == Decimal("0.6667")


def test_a_question_is_not_discriminating_when_everyone_scored_the_same_total():
    items = scores(1, 0, 1, 0, 1, 0, 1, 0)
    assert discrimination_index(items, scores(*[5] * 8)) == 0


def test_discrimination_refuses_item_scores_that_are_not_shares():
    with pytest.raises(ValueError, match="0 to 1"):
        discrimination_index(scores(2, 0, 0, 0, 0, 0), scores(*range(6)))
    with pytest.raises(ValueError, match="total"):
        discrimination_index(scores(1, 0), scores(1))


shares = st.fractions(min_value=0, max_value=1, max_denominator=100).map(
    lambda f: round_half_up(f, 4)
)
# Few distinct totals, so that attempts often tie at a group's edge.
totals_strategy = st.decimals(min_value=Decimal(0), max_value=Decimal(100), places=2)
few_totals = st.integers(min_value=0, max_value=5).map(Decimal)
item_and_total = st.tuples(shares, totals_strategy | few_totals)


@unhurried
@given(st.lists(item_and_total, max_size=60))
def test_discrimination_lies_between_minus_one_and_one(pairs):
    items = [item for item, _ in pairs]
    totals = [total for _, total in pairs]
    index = discrimination_index(items, totals)
    if len(pairs) < 6:
        assert index is None
    else:
        assert index is not None
        assert -1 <= index <= 1


@unhurried
@given(st.lists(item_and_total, min_size=6, max_size=60), st.randoms())
def test_discrimination_does_not_depend_on_the_order_of_attempts(pairs, random):
    shuffled = list(pairs)
    random.shuffle(shuffled)
    assert discrimination_index(*zip(*pairs, strict=True)) == discrimination_index(
        *zip(*shuffled, strict=True)
    )


@unhurried
@given(st.lists(answered_quizzes(), max_size=12))
def test_statistics_stay_within_what_the_attempts_allow(sittings):
    results = [
        grade_attempt(quiz, responses, pass_mark_percent=Decimal(50)).results
        for quiz, responses in sittings
    ]
    responses = [responses for _, responses in sittings]
    stats = question_statistics(results, responses)
    for qid, question_stats in stats.items():
        sat = sum(1 for attempt in results for r in attempt if r.question_id == qid)
        assert 0 <= question_stats.answered <= sat
        assert all(0 < count <= sat for count in question_stats.choice_counts.values())
        if question_stats.share_correct is not None:
            assert 0 <= question_stats.share_correct <= 1
        if question_stats.discrimination is not None:
            assert -1 <= question_stats.discrimination <= 1


# Knowledge gain


def test_knowledge_gain_pairs_each_trainee_pre_and_post_test():
    report = knowledge_gain(
        {1: Decimal(40), 2: Decimal(50), 3: Decimal(60)},
        {1: Decimal(80), 2: Decimal(70), 4: Decimal(90)},
    )
    assert report.rows == (
        GainRow(trainee_id=1, pre=Decimal(40), post=Decimal(80), gain=Decimal(40)),
        GainRow(trainee_id=2, pre=Decimal(50), post=Decimal(70), gain=Decimal(20)),
        GainRow(trainee_id=3, pre=Decimal(60), post=None, gain=None),
        GainRow(trainee_id=4, pre=None, post=Decimal(90), gain=None),
    )
    assert report.mean_pre == Decimal(50)
    assert report.mean_post == Decimal(80)
    # Trainee 3 dropped out and trainee 4 skipped the pre-test: neither counts.
    assert report.mean_gain == Decimal(30)


def test_knowledge_gain_means_are_rounded_half_up_to_two_places():
    report = knowledge_gain(
        {1: Decimal("10.00"), 2: Decimal("10.01")}, {1: Decimal(20), 2: Decimal(20)}
    )
    assert str(report.mean_pre) == "10.01"
    assert str(report.mean_gain) == "10.00"
    thirds = knowledge_gain({1: Decimal(0), 2: Decimal(0), 3: Decimal(1)}, {})
    assert str(thirds.mean_pre) == "0.33"


def test_a_fall_in_score_is_a_negative_gain():
    report = knowledge_gain({1: Decimal(80)}, {1: Decimal("62.5")})
    assert report.rows[0].gain == Decimal("-17.5")
    assert report.mean_gain == Decimal("-17.50")


def test_knowledge_gain_without_results_has_no_means():
    report = knowledge_gain({}, {})
    assert report.rows == ()
    assert report.mean_pre is report.mean_post is report.mean_gain is None
    only_pre = knowledge_gain({7: Decimal(55)}, {})
    assert only_pre.mean_pre == Decimal(55)
    assert only_pre.mean_post is None
    assert only_pre.mean_gain is None


percents = st.decimals(min_value=Decimal(0), max_value=Decimal(100), places=2)
trainee_percents = st.dictionaries(st.integers(1, 30), percents, max_size=30)


@unhurried
@given(trainee_percents, trainee_percents)
def test_mean_gain_is_mean_post_minus_mean_pre_over_trainees_with_both(pre, post):
    report = knowledge_gain(pre, post)
    paired = sorted(pre.keys() & post.keys())
    assert [row.trainee_id for row in report.rows] == sorted(pre.keys() | post.keys())
    for row in report.rows:
        assert (row.gain is None) == (row.trainee_id not in paired)
        if row.gain is not None:
            assert row.gain == row.post - row.pre
    if not paired:
        assert report.mean_gain is None
        return
    mean_post = sum(Fraction(post[t]) for t in paired) / len(paired)
    mean_pre = sum(Fraction(pre[t]) for t in paired) / len(paired)
    assert report.mean_gain == round_half_up(mean_post - mean_pre, 2)
    assert -100 <= report.mean_gain <= 100
