"""A trainee sits the post-test on a phone, reloads half-way, submits and reviews;
the trainer reads the statistics."""

import pytest
from django.core.management import call_command

from courses.models import (
    Attempt,
    Choice,
    Enrollment,
    Question,
    Quiz,
    TrainingClass,
    User,
)
from courses.services import enroll, trainee_for_user

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


def _log_in(page, base, username, next_path):
    page.goto(f"{base}/accounts/login/?next={next_path}")
    page.get_by_label("Tên đăng nhập").fill(username)
    page.get_by_label("Mật khẩu").fill("changeme")
    page.get_by_role("button", name="Đăng nhập").click()


def _answer_rightly(page, question: Question) -> None:
    fieldset = page.locator(f"#question-{question.pk}")
    if question.kind == Question.Kind.SHORT:
        fieldset.locator("input[type=text]").fill(question.accepted_answer_list[0])
        fieldset.locator("input[type=text]").blur()
        return
    for choice in Choice.objects.filter(question=question, is_correct=True):
        fieldset.locator(f"input[value='{choice.pk}']").check()


def test_trainee_takes_the_post_test_reloads_submits_and_reviews(
    live_server, phone, artifacts
):
    call_command("seed_demo", verbosity=0)
    training_class = TrainingClass.objects.get(code="DEMO-DS-01")
    hocvien = User.objects.get(username="hocvien")
    enroll(
        trainee=trainee_for_user(hocvien),
        training_class=training_class,
        method=Enrollment.Method.SELF,
    )
    quiz = Quiz.objects.get(
        course=training_class.course, purpose=Quiz.Purpose.POST_TEST
    )
    base = live_server.url
    _log_in(phone, base, "hocvien", f"/bai-kiem-tra/{quiz.pk}/")
    phone.get_by_role("button", name="Bắt đầu làm bài").click()
    attempt = Attempt.objects.get(quiz=quiz)
    questions = [Question.objects.get(pk=pk) for pk in attempt.question_ids]
    assert phone.locator("fieldset.question").count() == len(questions)

    half = len(questions) // 2
    for question in questions[:half]:
        _answer_rightly(phone, question)
    # Autosave runs on change; wait until the server holds every answer.
    phone.wait_for_function(
        "() => document.getElementById('save-state').textContent === '✓'"
    )

    def answered() -> int:
        # Blank short-answer fields are saved too; count what holds an answer.
        return sum(1 for a in attempt.answers.all() if a.choice_ids or a.text)

    for _ in range(50):
        if answered() == half:
            break
        phone.wait_for_timeout(100)
    assert answered() == half

    phone.reload()
    for question in questions[:half]:
        if question.kind != Question.Kind.SHORT:
            right = Choice.objects.filter(question=question, is_correct=True).first()
            assert phone.locator(f"input[value='{right.pk}']").is_checked()
    for question in questions[half:]:
        _answer_rightly(phone, question)
    phone.get_by_role("button", name="Nộp bài").click()

    assert phone.get_by_role("heading", name="Đạt").is_visible()
    assert "100%" in phone.locator(".score").inner_text()
    assert phone.locator(".explanation").count() > 0
    assert phone.evaluate("document.documentElement.scrollWidth") <= 360
    phone.screenshot(path=artifacts / "quiz-review-360x740.png")
    attempt.refresh_from_db()
    assert attempt.status == Attempt.Status.GRADED
    assert attempt.passed


def test_trainer_reads_the_statistics_of_their_class(live_server, browser):
    call_command("seed_demo", verbosity=0)
    training_class = TrainingClass.objects.get(code="DEMO-CTXH-01")
    quiz = Quiz.objects.get(
        course=training_class.course, purpose=Quiz.Purpose.POST_TEST
    )
    from courses.services.quizzes import SubmittedAnswer, start_attempt, submit_attempt

    for enrollment in training_class.enrollments.all()[:3]:
        attempt = start_attempt(quiz=quiz, trainee=enrollment.trainee)
        answers = {
            entry["question"]: SubmittedAnswer(
                choice_ids=tuple(entry["choices"][:1]), text="không phán xét"
            )
            for entry in attempt.layout
        }
        submit_attempt(attempt=attempt, answers=answers, version=0)
    training_class.trainers.add(User.objects.get(username="giangvien"))

    page = browser.new_page()
    _log_in(page, live_server.url, "giangvien", "/admin/")
    page.goto(
        f"{live_server.url}/admin/classes/{training_class.pk}/quiz-results/"
        f"?quiz={quiz.pk}"
    )
    assert page.get_by_role("heading", name="Từng câu hỏi").count() == 1
    rows = page.locator("table.question-stats tbody tr")
    assert rows.count() >= 1
    answered = [int(r.locator("td").nth(1).inner_text()) for r in rows.all()]
    # Each sitting draws its questions at random: 3 sittings answered in all.
    assert sum(answered) == 3 * quiz.question_count()
    assert max(answered) <= 3
