"""Scoring a quiz attempt from plain data: questions, responses and a pass mark.

Pure functions, no ORM: `courses.services.quizzes` builds the inputs from the question
bank and stores the results. Scores are `Decimal` throughout; a share of a question's
points is rounded to cents, like the database columns that keep it.
"""

import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from decimal import Decimal
from enum import StrEnum
from fractions import Fraction

from courses.vietnamese import fold, nfc

ZERO = Decimal(0)
CENT = Decimal("0.01")


class QuestionKind(StrEnum):
    SINGLE = "single"
    MULTIPLE = "multiple"
    TRUE_FALSE = "true_false"
    SHORT = "short"


CHOICE_KINDS = frozenset(
    {QuestionKind.SINGLE, QuestionKind.MULTIPLE, QuestionKind.TRUE_FALSE}
)


@dataclass(frozen=True)
class GradableQuestion:
    """What grading needs of a question; refuses a question it cannot grade.

    `choice_ids` must list every choice of a choice question: a picked id outside it is
    something the client made up, and is ignored rather than credited or penalised.
    """

    id: int
    kind: QuestionKind
    points: Decimal
    choice_ids: frozenset[int] = frozenset()
    correct_choice_ids: frozenset[int] = frozenset()
    partial_credit: bool = False
    accepted_answers: tuple[str, ...] = ()
    ignore_case: bool = True
    ignore_diacritics: bool = False

    def __post_init__(self) -> None:
        # A question that cannot be graded must fail loudly: silently scoring it 0
        # would fail trainees for an editor's mistake.
        if not self.points > 0:
            raise ValueError(f"Question {self.id}: points must be positive.")
        if self.kind in CHOICE_KINDS:
            if not self.correct_choice_ids <= self.choice_ids:
                raise ValueError(
                    f"Question {self.id}: correct choices must be among its choices."
                )
            if self.kind == QuestionKind.MULTIPLE:
                if not self.correct_choice_ids:
                    raise ValueError(f"Question {self.id}: no correct choice.")
            elif len(self.correct_choice_ids) != 1:
                raise ValueError(
                    f"Question {self.id}: needs exactly one correct choice."
                )
        elif not any(normalise_answer(a) for a in self.accepted_answers):
            raise ValueError(f"Question {self.id}: no accepted answer.")


@dataclass(frozen=True)
class Response:
    question_id: int
    choice_ids: frozenset[int] = frozenset()
    text: str = ""


@dataclass(frozen=True)
class QuestionResult:
    question_id: int
    awarded: Decimal
    possible: Decimal
    is_correct: bool


@dataclass(frozen=True)
class AttemptResult:
    results: tuple[QuestionResult, ...]
    score: Decimal
    max_score: Decimal
    percent: Decimal  # 0..100, 2 decimal places, ROUND_HALF_UP
    passed: bool


def round_half_up(value: Fraction, places: int) -> Decimal:
    """An exact quotient rounded once, halves away from zero (never via a float)."""
    scaled = abs(value) * 10**places
    whole = int(scaled + Fraction(1, 2))  # floor, since the value is not negative
    rounded = Decimal(whole).scaleb(-places)
    return -rounded if value < 0 and whole else rounded


def normalise_answer(text: str) -> str:
    """A typed answer as stored: NFC, trimmed, inner runs of spaces collapsed."""
    return nfc(text)


def _without_marks(text: str) -> str:
    # fold() without the casefold, for answers where case matters but marks do not.
    decomposed = unicodedata.normalize("NFD", text.replace("đ", "d").replace("Đ", "D"))
    stripped = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return unicodedata.normalize("NFC", stripped)


def _comparable(text: str, *, ignore_case: bool, ignore_diacritics: bool) -> str:
    text = normalise_answer(text)
    if ignore_diacritics:
        return fold(text) if ignore_case else _without_marks(text)
    if ignore_case:
        # Casefolding can decompose (İ -> i + dot), so recompose before comparing.
        return unicodedata.normalize("NFC", text.casefold())
    return text


def answer_matches(
    given: str, accepted: str, *, ignore_case: bool, ignore_diacritics: bool
) -> bool:
    """Whether a typed answer is the accepted one, under the question's leniency."""
    if not normalise_answer(given) or not normalise_answer(accepted):
        return False
    rules = {"ignore_case": ignore_case, "ignore_diacritics": ignore_diacritics}
    return _comparable(given, **rules) == _comparable(accepted, **rules)


def is_answered(question: GradableQuestion, response: Response | None) -> bool:
    """Whether the trainee gave anything for the question (a wrong answer counts)."""
    if response is None:
        return False
    if question.kind == QuestionKind.SHORT:
        return bool(normalise_answer(response.text))
    return bool(response.choice_ids & question.choice_ids)


def _share(question: GradableQuestion, response: Response) -> Fraction:
    """The fraction of the question's points the response earns, 0 to 1."""
    if question.kind == QuestionKind.SHORT:
        rules = {
            "ignore_case": question.ignore_case,
            "ignore_diacritics": question.ignore_diacritics,
        }
        hit = any(
            answer_matches(response.text, accepted, **rules)
            for accepted in question.accepted_answers
        )
        return Fraction(int(hit))
    picked = response.choice_ids & question.choice_ids
    if question.kind == QuestionKind.MULTIPLE and question.partial_credit:
        right = len(picked & question.correct_choice_ids)
        wrong = len(picked - question.correct_choice_ids)
        share = Fraction(right - wrong, len(question.correct_choice_ids))
        return max(share, Fraction(0))
    # Single and true/false have one correct id, so this also makes two picks wrong.
    return Fraction(int(picked == question.correct_choice_ids))


def grade_question(
    question: GradableQuestion, response: Response | None
) -> QuestionResult:
    """Points earned on one question; an unanswered question earns nothing."""
    if response is not None and response.question_id != question.id:
        raise ValueError(
            f"Response to question {response.question_id} given to {question.id}."
        )
    share = Fraction(0)
    if response is not None and is_answered(question, response):
        share = _share(question, response)
    if share == 1:
        awarded = question.points
    elif share == 0:
        awarded = ZERO
    else:
        # Full points are for a fully right answer only, whatever the rounding.
        awarded = min(
            round_half_up(share * Fraction(question.points), 2), question.points - CENT
        )
    return QuestionResult(
        question_id=question.id,
        awarded=awarded,
        possible=question.points,
        is_correct=share == 1,
    )


def grade_attempt(
    questions: Sequence[GradableQuestion],
    responses: Iterable[Response],
    *,
    pass_mark_percent: Decimal,
) -> AttemptResult:
    """Score every question of an attempt, in the order given, and the total.

    Responses to questions outside the quiz are ignored; of several responses to one
    question, the last counts (the trainee changed their mind).
    """
    ids = [q.id for q in questions]
    if len(set(ids)) != len(ids):
        raise ValueError("A question appears twice in the attempt.")
    latest: dict[int, Response] = {}
    for response in responses:
        latest[response.question_id] = response
    results = tuple(grade_question(q, latest.get(q.id)) for q in questions)
    score = sum((r.awarded for r in results), ZERO)
    max_score = sum((r.possible for r in results), ZERO)
    if max_score:
        percent = round_half_up(Fraction(score) / Fraction(max_score) * 100, 2)
    else:
        percent = ZERO.quantize(CENT)
    return AttemptResult(
        results=results,
        score=score,
        max_score=max_score,
        percent=percent,
        # The rounded percent decides, so a trainee shown the pass mark has passed.
        passed=percent >= pass_mark_percent,
    )
