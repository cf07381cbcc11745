import unicodedata
from decimal import Decimal

import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from courses.grading import (
    GradableQuestion,
    QuestionKind,
    Response,
    answer_matches,
    grade_attempt,
    grade_question,
)

# Pure and fast, but on a busy machine a per-example time limit makes them flaky.
unhurried = settings(deadline=None)

GARBAGE_ID = 999_999


def single(
    qid: int = 1, *, points: str = "1", correct: int = 2, choices=(1, 2, 3)
) -> GradableQuestion:
    return GradableQuestion(
        id=qid,
        kind=QuestionKind.SINGLE,
        points=Decimal(points),
        choice_ids=frozenset(choices),
        correct_choice_ids=frozenset({correct}),
    )


def multiple(
    qid: int = 1,
    *,
    points: str = "3",
    correct=(1, 2, 3),
    choices=(1, 2, 3, 4, 5),
    partial_credit: bool = False,
) -> GradableQuestion:
    return GradableQuestion(
        id=qid,
        kind=QuestionKind.MULTIPLE,
        points=Decimal(points),
        choice_ids=frozenset(choices),
        correct_choice_ids=frozenset(correct),
        partial_credit=partial_credit,
    )


def short(
    *accepted: str,
    qid: int = 1,
    ignore_case: bool = True,
    ignore_diacritics: bool = False,
) -> GradableQuestion:
    return GradableQuestion(
        id=qid,
        kind=QuestionKind.SHORT,
        points=Decimal(1),
        accepted_answers=accepted,
        ignore_case=ignore_case,
        ignore_diacritics=ignore_diacritics,
    )


def picks(*choice_ids: int, qid: int = 1) -> Response:
    return Response(question_id=qid, choice_ids=frozenset(choice_ids))


def typed(text: str, qid: int = 1) -> Response:
    return Response(question_id=qid, text=text)


def awarded(question: GradableQuestion, response: Response | None) -> Decimal:
    return grade_question(question, response).awarded


# Unanswered


def test_an_unanswered_question_earns_nothing():
    for question, empty in [
        (single(), None),
        (single(), picks()),
        (multiple(partial_credit=True), picks()),
        (short("ma túy"), typed("   ")),
    ]:
        result = grade_question(question, empty)
        assert result.awarded == 0
        assert result.possible == question.points
        assert not result.is_correct


# Single choice and true/false


def test_single_choice_earns_full_points_only_for_the_correct_choice():
    question = single(points="2.5", correct=2)
    assert grade_question(question, picks(2)).awarded == Decimal("2.5")
    assert grade_question(question, picks(2)).is_correct
    assert awarded(question, picks(1)) == 0
    assert not grade_question(question, picks(3)).is_correct


def test_single_choice_with_more_than_one_pick_earns_nothing():
    question = single(correct=2)
    assert awarded(question, picks(2, 3)) == 0
    assert awarded(question, picks(1, 2, 3)) == 0


def test_true_false_is_graded_like_single_choice():
    question = GradableQuestion(
        id=1,
        kind=QuestionKind.TRUE_FALSE,
        points=Decimal(1),
        choice_ids=frozenset({10, 11}),
        correct_choice_ids=frozenset({11}),
    )
    assert awarded(question, picks(11)) == 1
    assert awarded(question, picks(10)) == 0
    assert awarded(question, picks(10, 11)) == 0


# Multiple choice


def test_multiple_choice_without_partial_credit_needs_exactly_the_correct_set():
    question = multiple(correct=(1, 2, 3))
    assert awarded(question, picks(1, 2, 3)) == 3
    assert grade_question(question, picks(1, 2, 3)).is_correct
    assert awarded(question, picks(1, 2)) == 0
    assert awarded(question, picks(1, 2, 3, 4)) == 0


def test_partial_credit_is_right_picks_minus_wrong_picks_over_the_correct_count():
    question = multiple(points="3", correct=(1, 2, 3), partial_credit=True)
    assert awarded(question, picks(1, 2)) == 2
    assert awarded(question, picks(1, 2, 4)) == 1
    assert awarded(question, picks(1, 2, 3)) == 3
    assert grade_question(question, picks(1, 2, 3)).is_correct
    assert not grade_question(question, picks(1, 2)).is_correct


def test_partial_credit_never_goes_below_zero():
    question = multiple(points="3", correct=(1, 2, 3), partial_credit=True)
    assert awarded(question, picks(1, 4, 5)) == 0
    assert awarded(question, picks(4, 5)) == 0


def test_partial_credit_is_rounded_half_up_to_cents():
    question = multiple(points="1", correct=(1, 2, 3), partial_credit=True)
    assert awarded(question, picks(1, 2)) == Decimal("0.67")
    assert awarded(question, picks(1)) == Decimal("0.33")
    eighth = multiple(points="0.1", correct=(1, 2, 3, 4), partial_credit=True)
    # 0.025 exactly: half-up gives 0.03 where banker's rounding would give 0.02.
    assert awarded(eighth, picks(1)) == Decimal("0.03")


def test_partial_credit_never_rounds_up_to_full_points():
    tiny = multiple(points="0.01", correct=(1, 2, 3), partial_credit=True)
    assert awarded(tiny, picks(1, 2)) == 0
    assert not grade_question(tiny, picks(1, 2)).is_correct
    assert awarded(tiny, picks(1, 2, 3)) == Decimal("0.01")


def test_choice_ids_from_outside_the_question_are_never_credited_nor_penalised():
    partial = multiple(correct=(1, 2, 3), partial_credit=True)
    assert awarded(partial, picks(1, 2, GARBAGE_ID)) == 2
    assert awarded(partial, picks(GARBAGE_ID, GARBAGE_ID + 1)) == 0
    assert awarded(single(correct=2), picks(GARBAGE_ID)) == 0
    # A made-up id is not a second pick: it cannot hedge between real choices.
    assert awarded(single(correct=2), picks(2, GARBAGE_ID)) == 1
    assert awarded(multiple(correct=(1, 2, 3)), picks(1, 2, 3, GARBAGE_ID)) == 3


# Short answer


def test_short_answer_ignores_surrounding_and_repeated_spaces_and_unicode_form():
    question = short("ma túy")
    assert awarded(question, typed("  ma    túy \n")) == 1
    assert awarded(question, typed(unicodedata.normalize("NFD", "ma túy"))) == 1
    nfd_accepted = short(unicodedata.normalize("NFD", "Hòa Bình"))
    assert awarded(nfd_accepted, typed("Hòa Bình")) == 1


def test_short_answer_ignores_case_unless_told_not_to():
    assert awarded(short("Ma Túy"), typed("MA TÚY")) == 1
    assert awarded(short("Ma Túy", ignore_case=False), typed("MA TÚY")) == 0
    assert awarded(short("Ma Túy", ignore_case=False), typed("Ma Túy")) == 1


def test_short_answer_tells_diacritics_apart_unless_told_not_to():
    assert awarded(short("ma túy"), typed("ma tuy")) == 0
    assert awarded(short("ma túy"), typed("má túy")) == 0
    # The two tone placements are different letters: they only meet when folded.
    assert awarded(short("Hoà"), typed("Hòa")) == 0
    assert awarded(short("Đặng"), typed("Dang")) == 0


def test_short_answer_with_diacritic_folding_accepts_unmarked_spellings():
    assert awarded(short("ma túy", ignore_diacritics=True), typed("ma tuy")) == 1
    assert awarded(short("ma túy", ignore_diacritics=True), typed("MA TUY")) == 1
    assert awarded(short("Hoà", ignore_diacritics=True), typed("Hòa")) == 1
    assert awarded(short("Đặng", ignore_diacritics=True), typed("dang")) == 1
    assert awarded(short("ma túy", ignore_diacritics=True), typed("ma ty")) == 0


def test_diacritic_folding_can_still_respect_case():
    question = short("Đặng", ignore_case=False, ignore_diacritics=True)
    assert awarded(question, typed("Dang")) == 1
    assert awarded(question, typed("dang")) == 0
    assert awarded(question, typed("DANG")) == 0


def test_short_answer_may_match_any_accepted_answer():
    question = short("HIV", "virus gây suy giảm miễn dịch ở người")
    assert awarded(question, typed("hiv")) == 1
    assert awarded(question, typed("Virus gây suy giảm miễn dịch ở người")) == 1
    assert awarded(question, typed("AIDS")) == 0


def test_short_answer_ignores_picked_choices():
    response = Response(question_id=1, choice_ids=frozenset({1}), text="ma tuy")
    assert awarded(short("ma túy"), response) == 0


# Questions that cannot be graded


@pytest.mark.parametrize(
    ("kwargs", "reason"),
    [
        ({"kind": QuestionKind.SINGLE, "points": Decimal(0)}, "points"),
        ({"kind": QuestionKind.SINGLE, "correct_choice_ids": frozenset()}, "exactly"),
        (
            {"kind": QuestionKind.TRUE_FALSE, "correct_choice_ids": frozenset({1, 2})},
            "exactly",
        ),
        ({"kind": QuestionKind.MULTIPLE, "correct_choice_ids": frozenset()}, "no"),
        (
            {"kind": QuestionKind.MULTIPLE, "correct_choice_ids": frozenset({7})},
            "among",
        ),
        ({"kind": QuestionKind.SHORT, "accepted_answers": (" ", "")}, "accepted"),
    ],
)
def test_a_question_that_cannot_be_graded_is_refused(kwargs, reason):
    fields = {
        "id": 1,
        "points": Decimal(1),
        "choice_ids": frozenset({1, 2, 3}),
        "correct_choice_ids": frozenset({1}),
        **kwargs,
    }
    with pytest.raises(ValueError, match=reason):
        GradableQuestion(**fields)


def test_a_response_to_another_question_is_refused():
    with pytest.raises(ValueError, match="question 2"):
        grade_question(single(qid=1), picks(2, qid=2))


# Attempts


def test_attempt_score_is_the_sum_over_its_questions_in_their_order():
    questions = [single(qid=3, points="2"), multiple(qid=1), short("HIV", qid=2)]
    result = grade_attempt(
        questions,
        [picks(2, qid=3), typed("hiv", qid=2), picks(1, 2, qid=1)],
        pass_mark_percent=Decimal(50),
    )
    assert [r.question_id for r in result.results] == [3, 1, 2]
    assert [r.awarded for r in result.results] == [2, 0, 1]
    assert result.score == 3
    assert result.max_score == 6
    assert result.percent == Decimal("50.00")
    assert result.passed


def test_attempt_ignores_responses_to_questions_outside_the_quiz():
    result = grade_attempt(
        [single(qid=1)],
        [picks(2, qid=1), picks(2, qid=2), typed("hiv", qid=3)],
        pass_mark_percent=Decimal(0),
    )
    assert [r.question_id for r in result.results] == [1]
    assert result.score == 1
    assert result.max_score == 1


def test_the_last_of_several_responses_to_a_question_counts():
    question = single(qid=1, correct=2)
    changed_to_right = grade_attempt(
        [question], [picks(1), picks(2)], pass_mark_percent=Decimal(100)
    )
    changed_to_wrong = grade_attempt(
        [question], [picks(2), picks(1)], pass_mark_percent=Decimal(100)
    )
    assert changed_to_right.score == 1
    assert changed_to_wrong.score == 0


def test_percent_is_rounded_half_up_to_two_places():
    questions = [single(qid=1, points="24.69"), single(qid=2, points="175.31")]
    result = grade_attempt(questions, [picks(2, qid=1)], pass_mark_percent=Decimal(0))
    # 24.69 / 200 is 12.345% exactly; banker's rounding or a float would say 12.34.
    assert result.percent == Decimal("12.35")
    assert str(result.percent) == "12.35"
    thirds = grade_attempt(
        [single(qid=1, points="2"), single(qid=2)],
        [picks(2, qid=1)],
        pass_mark_percent=Decimal(0),
    )
    assert str(thirds.percent) == "66.67"


def test_a_percent_equal_to_the_pass_mark_passes_and_one_below_fails():
    questions = [single(qid=1, points="7"), single(qid=2, points="3")]
    seventy = grade_attempt(questions, [picks(2, qid=1)], pass_mark_percent=Decimal(70))
    assert seventy.percent == 70
    assert seventy.passed
    sixty_nine_99 = grade_attempt(
        [single(qid=1, points="6999"), single(qid=2, points="3001")],
        [picks(2, qid=1)],
        pass_mark_percent=Decimal(70),
    )
    assert sixty_nine_99.percent == Decimal("69.99")
    assert not sixty_nine_99.passed


def test_the_pass_is_decided_on_the_percent_the_trainee_is_shown():
    # 79.996% shows as 80.00%: a trainee shown the pass mark has passed.
    result = grade_attempt(
        [single(qid=1, points="1999.9"), single(qid=2, points="500.1")],
        [picks(2, qid=1)],
        pass_mark_percent=Decimal(80),
    )
    assert result.percent == Decimal("80.00")
    assert result.passed


def test_a_quiz_without_questions_scores_zero_percent():
    result = grade_attempt([], [picks(1)], pass_mark_percent=Decimal(50))
    assert result.results == ()
    assert result.score == result.max_score == 0
    assert str(result.percent) == "0.00"
    assert not result.passed


def test_an_attempt_with_a_question_twice_is_refused():
    with pytest.raises(ValueError, match="twice"):
        grade_attempt([single(qid=1), single(qid=1)], [], pass_mark_percent=Decimal(0))


# Properties

VIETNAMESE_LETTERS = (
    "aăâbcdđeêghiklmnoôơpqrstuưvxy"
    "àáảãạằắẳẵặầấẩẫậèéẻẽẹềếểễệìíỉĩịòóỏõọồốổỗộờớởỡợùúủũụừứửữựỳýỷỹỵ"
)
vietnamese_text = st.text(
    alphabet=VIETNAMESE_LETTERS + VIETNAMESE_LETTERS.upper() + "  ", max_size=20
)
answer_text = vietnamese_text.filter(str.strip)
points = st.decimals(min_value=Decimal("0.01"), max_value=Decimal("999.99"), places=2)
percent_marks = st.decimals(min_value=Decimal(0), max_value=Decimal(100), places=2)
garbage_ids = st.frozensets(st.integers(min_value=GARBAGE_ID, max_value=GARBAGE_ID + 9))


@st.composite
def questions(draw, qid: int = 1) -> GradableQuestion:
    kind = draw(st.sampled_from(QuestionKind))
    if kind == QuestionKind.SHORT:
        return GradableQuestion(
            id=qid,
            kind=kind,
            points=draw(points),
            accepted_answers=tuple(draw(st.lists(answer_text, min_size=1, max_size=3))),
            ignore_case=draw(st.booleans()),
            ignore_diacritics=draw(st.booleans()),
        )
    size = 2 if kind == QuestionKind.TRUE_FALSE else draw(st.integers(2, 6))
    choice_ids = list(range(qid * 10, qid * 10 + size))
    if kind == QuestionKind.MULTIPLE:
        correct = draw(st.sets(st.sampled_from(choice_ids), min_size=1))
    else:
        correct = {draw(st.sampled_from(choice_ids))}
    return GradableQuestion(
        id=qid,
        kind=kind,
        points=draw(points),
        choice_ids=frozenset(choice_ids),
        correct_choice_ids=frozenset(correct),
        partial_credit=draw(st.booleans()),
    )


@st.composite
def quizzes(draw, min_size: int = 0) -> list[GradableQuestion]:
    count = draw(st.integers(min_value=min_size, max_value=8))
    return [draw(questions(qid)) for qid in range(1, count + 1)]


@st.composite
def responses_to(draw, question: GradableQuestion) -> Response:
    if question.kind == QuestionKind.SHORT:
        text = draw(st.sampled_from(question.accepted_answers) | vietnamese_text)
        return Response(question_id=question.id, text=text)
    picked = draw(st.sets(st.sampled_from(sorted(question.choice_ids))))
    return Response(question_id=question.id, choice_ids=frozenset(picked))


@st.composite
def answered_quizzes(draw):
    """A quiz and at most one response per question, some questions left blank."""
    quiz = draw(quizzes())
    responses = [draw(responses_to(q)) for q in quiz if draw(st.booleans())]
    return quiz, responses


def full_marks(question: GradableQuestion) -> Response:
    return Response(
        question_id=question.id,
        choice_ids=question.correct_choice_ids,
        text=question.accepted_answers[0] if question.accepted_answers else "",
    )


@unhurried
@given(answered_quizzes(), percent_marks)
def test_scores_stay_between_zero_and_the_maximum(answered, pass_mark):
    quiz, responses = answered
    result = grade_attempt(quiz, responses, pass_mark_percent=pass_mark)
    assert 0 <= result.score <= result.max_score
    assert 0 <= result.percent <= 100
    assert result.percent == result.percent.quantize(Decimal("0.01"))
    assert result.max_score == sum(q.points for q in quiz)
    for question_result in result.results:
        assert 0 <= question_result.awarded <= question_result.possible
        assert question_result.is_correct == (
            question_result.awarded == question_result.possible
        )
    assert result.passed == (result.percent >= pass_mark)


@unhurried
@given(answered_quizzes(), st.randoms(use_true_random=False))
def test_the_order_of_responses_does_not_change_the_score(answered, random):
    quiz, responses = answered
    shuffled = list(responses)
    random.shuffle(shuffled)
    as_sent = grade_attempt(quiz, responses, pass_mark_percent=Decimal(50))
    reordered = grade_attempt(quiz, shuffled, pass_mark_percent=Decimal(50))
    assert reordered == as_sent


@st.composite
def partial_credit_questions(draw) -> GradableQuestion:
    """A multiple-choice question with partial credit and at least one wrong choice."""
    choice_ids = list(range(1, draw(st.integers(2, 6)) + 1))
    wrong = draw(st.sets(st.sampled_from(choice_ids), min_size=1))
    assume(len(wrong) < len(choice_ids))
    return GradableQuestion(
        id=1,
        kind=QuestionKind.MULTIPLE,
        points=draw(points),
        choice_ids=frozenset(choice_ids),
        correct_choice_ids=frozenset(choice_ids) - wrong,
        partial_credit=True,
    )


@unhurried
@given(st.data())
def test_adding_a_wrong_pick_never_raises_a_partial_credit_score(data):
    question = data.draw(partial_credit_questions())
    response = data.draw(responses_to(question))
    wrong_choices = question.choice_ids - question.correct_choice_ids
    wrong = data.draw(st.sampled_from(sorted(wrong_choices)))
    with_wrong = Response(question_id=1, choice_ids=response.choice_ids | {wrong})
    assert awarded(question, with_wrong) <= awarded(question, response)


@unhurried
@given(quizzes(min_size=1), percent_marks)
def test_answering_everything_right_scores_100_and_passes_any_pass_mark(
    quiz, pass_mark
):
    result = grade_attempt(
        quiz, [full_marks(q) for q in quiz], pass_mark_percent=pass_mark
    )
    assert result.score == result.max_score
    assert str(result.percent) == "100.00"
    assert result.passed
    assert all(r.is_correct for r in result.results)


@unhurried
@given(answered_quizzes(), st.lists(garbage_ids))
def test_made_up_choice_ids_are_never_credited(answered, garbage):
    quiz, responses = answered
    polluted = [
        Response(
            question_id=r.question_id,
            choice_ids=r.choice_ids | extra,
            text=r.text,
        )
        for r, extra in zip(
            responses, garbage + [frozenset()] * len(responses), strict=False
        )
    ]
    only_garbage = [
        Response(question_id=q.id, choice_ids=extra)
        for q, extra in zip(quiz, garbage, strict=False)
    ]
    honest = grade_attempt(quiz, responses, pass_mark_percent=Decimal(50))
    assert grade_attempt(quiz, polluted, pass_mark_percent=Decimal(50)) == honest
    assert grade_attempt(quiz, only_garbage, pass_mark_percent=Decimal(50)).score == 0


flags = st.fixed_dictionaries(
    {"ignore_case": st.booleans(), "ignore_diacritics": st.booleans()}
)


@unhurried
@given(vietnamese_text, vietnamese_text, flags)
def test_answer_matching_is_symmetric(first, second, rules):
    assert answer_matches(first, second, **rules) == answer_matches(
        second, first, **rules
    )


@unhurried
@given(vietnamese_text, vietnamese_text)
def test_leniency_only_ever_accepts_more(given_text, accepted):
    strict = answer_matches(
        given_text, accepted, ignore_case=False, ignore_diacritics=False
    )
    no_case = answer_matches(
        given_text, accepted, ignore_case=True, ignore_diacritics=False
    )
    no_marks = answer_matches(
        given_text, accepted, ignore_case=False, ignore_diacritics=True
    )
    lenient = answer_matches(
        given_text, accepted, ignore_case=True, ignore_diacritics=True
    )
    assert strict <= no_case <= lenient
    assert strict <= no_marks <= lenient


@unhurried
@given(answer_text, flags)
def test_an_answer_matches_itself_in_any_unicode_form_and_spacing(text, rules):
    for form in ("NFC", "NFD"):
        spelled = "  " + unicodedata.normalize(form, text).replace(" ", "   ") + " "
        assert answer_matches(spelled, text, **rules)


@unhurried
@given(answer_text)
def test_an_answer_stripped_of_its_marks_matches_only_when_folding(text):
    stripped = "".join(
        ch
        for ch in unicodedata.normalize("NFD", text.replace("đ", "d").replace("Đ", "D"))
        if not unicodedata.combining(ch)
    )
    assert answer_matches(stripped, text, ignore_case=True, ignore_diacritics=True)
    differs = unicodedata.normalize("NFC", stripped).casefold() != text.casefold()
    if differs:
        assert not answer_matches(
            stripped, text, ignore_case=True, ignore_diacritics=False
        )
