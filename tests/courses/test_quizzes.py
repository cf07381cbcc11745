"""Attempts: saved as you go, graded exactly once, never leaking the key."""

import datetime as dt
import re
import threading
from decimal import Decimal

import pytest
from django.db import connection
from django.utils import timezone

from courses.models import Attempt, Enrollment, Question
from courses.services import enroll, trainee_for_user
from courses.services.quizzes import (
    AttemptRefused,
    StaleAttempt,
    SubmittedAnswer,
    close_overdue_attempts,
    save_answers,
    start_attempt,
    submit_attempt,
)
from tests.courses.factories import CourseFactory, TrainingClassFactory
from tests.courses.quiz_factories import quiz_with_questions, right_choice, wrong_choice


@pytest.fixture
def quiz(db):
    return quiz_with_questions(CourseFactory(), count=3)


def _questions(attempt):
    return [Question.objects.get(pk=pk) for pk in attempt.question_ids]


def _all_right(attempt):
    return {
        q.pk: SubmittedAnswer(choice_ids=(right_choice(q),))
        for q in _questions(attempt)
    }


@pytest.mark.django_db
def test_starting_twice_resumes_the_same_attempt(quiz, trainee):
    person = trainee_for_user(trainee)
    first = start_attempt(quiz=quiz, trainee=person)
    assert start_attempt(quiz=quiz, trainee=person).pk == first.pk
    assert len(first.question_ids) == 3


@pytest.mark.django_db
def test_answers_saved_as_you_go_are_graded_on_submit(quiz, trainee):
    attempt = start_attempt(quiz=quiz, trainee=trainee_for_user(trainee))
    questions = _questions(attempt)
    save_answers(
        attempt=attempt,
        answers={
            questions[0].pk: SubmittedAnswer(choice_ids=(right_choice(questions[0]),))
        },
        version=0,
    )
    attempt = submit_attempt(attempt=attempt)
    assert attempt.status == Attempt.Status.GRADED
    assert attempt.score == Decimal(1)
    assert attempt.max_score == Decimal(3)
    assert attempt.passed is False


@pytest.mark.django_db
def test_a_stale_page_is_refused_after_a_newer_save(quiz, trainee):
    attempt = start_attempt(quiz=quiz, trainee=trainee_for_user(trainee))
    question = _questions(attempt)[0]
    save_answers(
        attempt=attempt,
        answers={question.pk: SubmittedAnswer(choice_ids=(right_choice(question),))},
        version=0,
    )
    with pytest.raises(StaleAttempt, match="Tải lại trang"):
        save_answers(
            attempt=attempt,
            answers={
                question.pk: SubmittedAnswer(choice_ids=(wrong_choice(question),))
            },
            version=0,
        )
    assert attempt.answers.get().choice_ids == [right_choice(question)]


@pytest.mark.django_db
def test_choices_of_other_questions_are_never_stored(quiz, trainee):
    attempt = start_attempt(quiz=quiz, trainee=trainee_for_user(trainee))
    first, second = _questions(attempt)[:2]
    save_answers(
        attempt=attempt,
        answers={first.pk: SubmittedAnswer(choice_ids=(right_choice(second),))},
        version=0,
    )
    assert attempt.answers.get().choice_ids == []


@pytest.mark.django_db
def test_attempts_allowed_is_enforced(trainee):
    quiz = quiz_with_questions(CourseFactory(), count=1, attempts_allowed=1)
    person = trainee_for_user(trainee)
    submit_attempt(attempt=start_attempt(quiz=quiz, trainee=person))
    with pytest.raises(AttemptRefused, match="hết 1 lần"):
        start_attempt(quiz=quiz, trainee=person)


@pytest.mark.django_db
def test_minimum_time_between_attempts_is_enforced(trainee):
    quiz = quiz_with_questions(CourseFactory(), count=1, minutes_between_attempts=30)
    person = trainee_for_user(trainee)
    submit_attempt(attempt=start_attempt(quiz=quiz, trainee=person))
    with pytest.raises(AttemptRefused, match="làm lại từ"):
        start_attempt(quiz=quiz, trainee=person)


@pytest.mark.django_db
def test_an_attempt_past_its_time_limit_is_closed_with_what_was_saved(trainee):
    quiz = quiz_with_questions(CourseFactory(), count=2, time_limit_minutes=10)
    attempt = start_attempt(quiz=quiz, trainee=trainee_for_user(trainee))
    question = _questions(attempt)[0]
    save_answers(
        attempt=attempt,
        answers={question.pk: SubmittedAnswer(choice_ids=(right_choice(question),))},
        version=0,
    )
    Attempt.objects.filter(pk=attempt.pk).update(
        started_at=timezone.now() - dt.timedelta(minutes=30),
        deadline_at=timezone.now() - dt.timedelta(minutes=20),
    )
    # A late submit with more answers: only what was saved in time counts.
    late = submit_attempt(attempt=attempt, answers=_all_right(attempt), version=1)
    assert late.was_auto_submitted
    assert late.score == Decimal(1)


@pytest.mark.django_db
def test_sweeper_closes_overdue_attempts(trainee):
    quiz = quiz_with_questions(CourseFactory(), count=1, time_limit_minutes=5)
    attempt = start_attempt(quiz=quiz, trainee=trainee_for_user(trainee))
    Attempt.objects.filter(pk=attempt.pk).update(
        started_at=timezone.now() - dt.timedelta(minutes=30),
        deadline_at=timezone.now() - dt.timedelta(minutes=25),
    )
    assert close_overdue_attempts() == 1
    attempt.refresh_from_db()
    assert attempt.status == Attempt.Status.GRADED


@pytest.mark.django_db
def test_passing_the_post_test_completes_the_enrollment(trainee):
    training_class = TrainingClassFactory()
    quiz = quiz_with_questions(training_class.course, count=2)
    person = trainee_for_user(trainee)
    enrollment = enroll(
        trainee=person, training_class=training_class, method=Enrollment.Method.SELF
    )
    from courses.services import complete_lesson
    from tests.courses.factories import LessonFactory

    complete_lesson(
        enrollment=enrollment, lesson=LessonFactory(course=training_class.course)
    )
    enrollment.refresh_from_db()
    assert not enrollment.is_completed  # lessons done, post-test not yet passed
    attempt = start_attempt(quiz=quiz, trainee=person)
    submit_attempt(attempt=attempt, answers=_all_right(attempt), version=0)
    enrollment.refresh_from_db()
    assert enrollment.is_completed


@pytest.mark.django_db
def test_attempt_page_never_carries_the_answer_key(client, trainee, quiz):
    client.force_login(trainee)
    response = client.post(f"/bai-kiem-tra/{quiz.pk}/bat-dau/")
    html = client.get(response["Location"]).content.decode()
    assert 'name="q' in html
    assert not re.search(r"correct|is_correct|đúng\s*[:=]", html.split("<main")[1])
    for question in Question.objects.all():
        assert question.explanation not in html


@pytest.mark.django_db
def test_client_sent_score_fields_are_ignored(client, trainee, quiz):
    client.force_login(trainee)
    start = client.post(f"/bai-kiem-tra/{quiz.pk}/bat-dau/")
    attempt = Attempt.objects.get()
    client.post(
        f"/lan-lam-bai/{attempt.pk}/nop/",
        {"version": "0", "score": "100", "percent": "100", "passed": "true"},
    )
    attempt.refresh_from_db()
    assert start.status_code == 302
    assert attempt.percent == Decimal(0)
    assert attempt.passed is False


@pytest.mark.django_db
def test_another_trainees_attempt_is_not_found(client, trainee, other_trainee, quiz):
    attempt = start_attempt(quiz=quiz, trainee=trainee_for_user(trainee))
    client.force_login(other_trainee)
    for path in ("", "ket-qua/"):
        assert client.get(f"/lan-lam-bai/{attempt.pk}/{path}").status_code == 404
    assert client.post(f"/lan-lam-bai/{attempt.pk}/nop/").status_code == 404


@pytest.mark.django_db
def test_review_follows_the_policy(client, trainee):
    from courses.models import Quiz

    quiz = quiz_with_questions(
        CourseFactory(), count=1, review_shows=Quiz.ReviewShows.SCORE
    )
    client.force_login(trainee)
    client.post(f"/bai-kiem-tra/{quiz.pk}/bat-dau/")
    attempt = Attempt.objects.get()
    client.post(f"/lan-lam-bai/{attempt.pk}/nop/", {"version": "0"})
    html = client.get(f"/lan-lam-bai/{attempt.pk}/ket-qua/").content.decode()
    assert "0/1" in html
    assert "✓" not in html


@pytest.mark.pg
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_twenty_simultaneous_submissions_grade_the_attempt_once(trainee):
    quiz = quiz_with_questions(CourseFactory(), count=3)
    attempt = start_attempt(quiz=quiz, trainee=trainee_for_user(trainee))
    answers = _all_right(attempt)
    barrier = threading.Barrier(20)
    errors: list[Exception] = []
    submitted_at: set = set()

    def submit():
        try:
            barrier.wait()
            graded = submit_attempt(attempt=attempt, answers=answers, version=0)
            submitted_at.add(graded.submitted_at)
        except Exception as exc:
            errors.append(exc)
        finally:
            connection.close()

    threads = [threading.Thread(target=submit) for _ in range(20)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    assert len(submitted_at) == 1
    assert Attempt.objects.graded().count() == 1
    assert Attempt.objects.get().percent == Decimal(100)


@pytest.mark.django_db
def test_sweeper_task_called_directly_closes_overdue_attempts(trainee):
    from courses.tasks import close_overdue_quiz_attempts

    quiz = quiz_with_questions(CourseFactory(), count=1, time_limit_minutes=5)
    attempt = start_attempt(quiz=quiz, trainee=trainee_for_user(trainee))
    Attempt.objects.filter(pk=attempt.pk).update(
        started_at=timezone.now() - dt.timedelta(minutes=30),
        deadline_at=timezone.now() - dt.timedelta(minutes=25),
    )
    assert close_overdue_quiz_attempts() == 1
    assert close_overdue_quiz_attempts() == 0
