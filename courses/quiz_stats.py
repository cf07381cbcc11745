"""Statistics over graded attempts: how each question did, and what trainees learnt.

Pure functions over `courses.grading` results, no ORM: reports load the attempts and
hand them here. Shares and indices are rounded once, at the end, to four places (a
share shows as a percentage with two decimals); percentages to two.
"""

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from decimal import Decimal
from fractions import Fraction

from courses.grading import QuestionResult, Response, normalise_answer, round_half_up

SHARE_PLACES = 4
PERCENT_PLACES = 2
# Kelley's groups: the top and bottom 27% of attempts by total score.
KELLEY_SHARE = Fraction(27, 100)
MIN_GROUP_SIZE = 2


@dataclass(frozen=True)
class QuestionStats:
    question_id: int
    answered: int
    share_correct: Decimal | None  # of the attempts that answered it
    choice_counts: dict[int, int]  # choice id -> attempts that picked it
    discrimination: Decimal | None


@dataclass(frozen=True)
class GainRow:
    trainee_id: int
    pre: Decimal | None
    post: Decimal | None
    gain: Decimal | None


@dataclass(frozen=True)
class KnowledgeGain:
    rows: tuple[GainRow, ...]
    mean_pre: Decimal | None  # over trainees with a pre-test
    mean_post: Decimal | None  # over trainees with a post-test
    mean_gain: Decimal | None  # over trainees with both


def _gave_answer(response: Response) -> bool:
    return bool(response.choice_ids or normalise_answer(response.text))


def question_statistics(
    attempts: Sequence[Sequence[QuestionResult]],
    responses: Sequence[Sequence[Response]],
) -> dict[int, QuestionStats]:
    """Per question: answers, share right, picks per choice and discrimination.

    `attempts[i]` and `responses[i]` are the same attempt. A question counts in the
    attempts that contain it (attempts may draw different questions from a bank);
    responses to questions outside an attempt are ignored, and the last of several
    responses to one question counts, as in grading.
    """
    if len(attempts) != len(responses):
        raise ValueError("Each attempt needs its own list of responses.")
    answered: dict[int, int] = {}
    correct: dict[int, int] = {}
    choice_counts: dict[int, dict[int, int]] = {}
    item_scores: dict[int, list[Fraction]] = {}
    totals: dict[int, list[Fraction]] = {}
    for results, attempt_responses in zip(attempts, responses, strict=True):
        latest = {r.question_id: r for r in attempt_responses}
        total = sum((Fraction(r.awarded) for r in results), Fraction(0))
        for result in results:
            qid = result.question_id
            counts = choice_counts.setdefault(qid, {})
            answered.setdefault(qid, 0)
            correct.setdefault(qid, 0)
            response = latest.get(qid)
            if response is not None and _gave_answer(response):
                answered[qid] += 1
                correct[qid] += result.is_correct
                for choice_id in response.choice_ids:
                    counts[choice_id] = counts.get(choice_id, 0) + 1
            item_scores.setdefault(qid, []).append(
                Fraction(result.awarded) / Fraction(result.possible)
            )
            totals.setdefault(qid, []).append(total)
    return {
        qid: QuestionStats(
            question_id=qid,
            answered=answered[qid],
            share_correct=(
                round_half_up(Fraction(correct[qid], answered[qid]), SHARE_PLACES)
                if answered[qid]
                else None
            ),
            choice_counts=dict(sorted(choice_counts[qid].items())),
            discrimination=_discrimination(item_scores[qid], totals[qid]),
        )
        for qid in answered
    }


def discrimination_index(
    item_scores: Sequence[Decimal], total_scores: Sequence[Decimal]
) -> Decimal | None:
    """Kelley's upper-lower index: mean item score of the top 27% minus the bottom 27%.

    Item scores are the share of the question's points each attempt earned (0 to 1),
    so the index lies in [-1, 1]; None when a group would hold fewer than two attempts.
    """
    if len(item_scores) != len(total_scores):
        raise ValueError("Each item score needs the total score of its attempt.")
    items = [Fraction(score) for score in item_scores]
    if any(not 0 <= item <= 1 for item in items):
        raise ValueError("Item scores are shares of the question's points, 0 to 1.")
    return _discrimination(items, [Fraction(total) for total in total_scores])


def _discrimination(items: list[Fraction], totals: list[Fraction]) -> Decimal | None:
    size = int(round_half_up(KELLEY_SHARE * len(items), 0))
    if size < MIN_GROUP_SIZE:
        return None
    upper = _group_mean(items, totals, size, highest=True)
    lower = _group_mean(items, totals, size, highest=False)
    return round_half_up(upper - lower, SHARE_PLACES)


def _group_mean(
    items: list[Fraction], totals: list[Fraction], size: int, *, highest: bool
) -> Fraction:
    """Mean item score of the `size` attempts with the highest (or lowest) totals.

    Attempts tied on the total at the group's edge each count for the same fraction,
    so the index depends on the scores alone, never on the order attempts came in.
    """
    by_total: dict[Fraction, list[Fraction]] = {}
    for item, total in zip(items, totals, strict=True):
        by_total.setdefault(total, []).append(item)
    taken, summed = 0, Fraction(0)
    for total in sorted(by_total, reverse=highest):
        tied = by_total[total]
        room = size - taken
        if len(tied) <= room:
            taken += len(tied)
            summed += sum(tied, Fraction(0))
        else:
            summed += sum(tied, Fraction(0)) * Fraction(room, len(tied))
            taken = size
        if taken == size:
            break
    return summed / size


def _mean_percent(values: Sequence[Decimal]) -> Decimal | None:
    if not values:
        return None
    exact = sum((Fraction(v) for v in values), Fraction(0)) / len(values)
    return round_half_up(exact, PERCENT_PLACES)


def knowledge_gain(
    pre: Mapping[int, Decimal], post: Mapping[int, Decimal]
) -> KnowledgeGain:
    """Pre- and post-test percents side by side per trainee id, with their means.

    The caller picks which attempt stands for each trainee (best or last). The mean
    gain covers only trainees who sat both tests, so that a trainee who dropped out
    after the pre-test does not count as having learnt nothing.
    """
    rows = []
    gains = []
    for trainee_id in sorted(pre.keys() | post.keys()):
        before, after = pre.get(trainee_id), post.get(trainee_id)
        gain = after - before if before is not None and after is not None else None
        if gain is not None:
            gains.append(gain)
        rows.append(GainRow(trainee_id=trainee_id, pre=before, post=after, gain=gain))
    return KnowledgeGain(
        rows=tuple(rows),
        mean_pre=_mean_percent(list(pre.values())),
        mean_post=_mean_percent(list(post.values())),
        mean_gain=_mean_percent(gains),
    )
