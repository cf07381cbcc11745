"""The course, the quizzes and the trainees the load run seeds."""

from dataclasses import dataclass

from django.contrib.auth.hashers import PBKDF2PasswordHasher
from wagtail.rich_text import RichText

from courses.models import (
    Choice,
    Enrollment,
    Question,
    QuestionCategory,
    Quiz,
    QuizItem,
    TrainingClass,
    User,
)
from courses.services import enroll, trainee_for_user
from tests.cms.factories import course_page, lesson_page
from tests.courses.factories import CourseFactory, TrainingClassFactory, UserFactory
from tests.courses.quiz_factories import short_answer_question, single_choice_question
from tests.lms.load import LESSONS, PASSWORD, TRAINEES


@dataclass(frozen=True)
class Plan:
    catalogue: str
    course: str
    lessons: list[str]
    usernames: list[str]
    post_test_attempts: int


def _bank(course) -> tuple[QuestionCategory, list[Question]]:
    """Every kind of question: single, short typed answer, multiple, true/false."""
    category = QuestionCategory.objects.create(name="Sổ A0", course=course)
    single = single_choice_question(category, text="Sổ A0 ghi gì?")
    typed = short_answer_question(category, accepted="ma túy")
    several = Question.objects.create(
        category=category,
        kind=Question.Kind.MULTIPLE,
        text="Những việc nào cộng tác viên làm hằng tháng?",
        partial_credit=True,
    )
    for label, right in [
        ("Cập nhật sổ A0", True),
        ("Họp giao ban", True),
        ("Thu thuế", False),
        ("Cấp giấy khai sinh", False),
    ]:
        Choice.objects.create(question=several, text=label, is_correct=right)
    true_false = Question.objects.create(
        category=category, kind=Question.Kind.TRUE_FALSE, text="Trẻ sơ sinh ghi sổ?"
    )
    Choice.objects.create(question=true_false, text="Đúng", is_correct=True)
    Choice.objects.create(question=true_false, text="Sai", is_correct=False)
    for n in range(5):
        single_choice_question(category, text=f"Câu rút ngẫu nhiên {n + 1}?")
    return category, [single, typed, several, true_false]


def _quiz(course, category, fixed, *, purpose, attempts_allowed, draw) -> Quiz:
    """Fixed questions plus a draw from the bank, questions and choices shuffled."""
    quiz = Quiz.objects.create(
        title=f"Kiểm tra {purpose}",
        course=course,
        purpose=purpose,
        pass_mark_percent=60,
        attempts_allowed=attempts_allowed,
        time_limit_minutes=20,
    )
    for order, question in enumerate(fixed):
        QuizItem.objects.create(quiz=quiz, question=question, sort_order=order)
    QuizItem.objects.create(quiz=quiz, category=category, draw_count=draw, sort_order=9)
    return quiz


def seed() -> Plan:
    course = CourseFactory(code="TAI-THU", title="Ghi chép sổ A0")
    category, fixed = _bank(course)
    # Every kind of question in both: a run too slow to reach the post-test still
    # checks the grading of each.
    pre_test = _quiz(
        course,
        category,
        fixed[1:],
        purpose=Quiz.Purpose.PRE_TEST,
        attempts_allowed=1,
        draw=2,
    )
    post_test = _quiz(
        course,
        category,
        fixed,
        purpose=Quiz.Purpose.POST_TEST,
        attempts_allowed=2,
        draw=3,
    )
    page = course_page(course=course, slug="ghi-chep-so-a0")
    lessons = []
    for n in range(LESSONS):
        body = [("paragraph", RichText(f"<p>Nội dung bài {n + 1}.</p>"))]
        # The quizzes are found as trainees find them: a card in the lesson.
        if n == 0:
            body.append(("quiz", {"quiz": pre_test, "intro": "Làm trước khi học."}))
        if n == LESSONS - 1:
            body.append(("quiz", {"quiz": post_test, "intro": "Kiểm tra cuối."}))
        lessons.append(
            lesson_page(page, slug=f"bai-{n + 1}", title=f"Bài {n + 1}", body=body)
        )
    training_class = TrainingClassFactory(
        course=course, mode=TrainingClass.Mode.ONLINE, capacity=TRAINEES
    )
    # The server checks passwords with production's hasher, not the test suite's.
    encoded = PBKDF2PasswordHasher().encode(PASSWORD, "tap-huan-load-salt")
    users = [
        UserFactory(username=f"hocvien{n:02d}", full_name=f"Lò Thị Mai {n}")
        for n in range(TRAINEES)
    ]
    User.objects.filter(pk__in=[u.pk for u in users]).update(password=encoded)
    for user in users:
        enroll(
            trainee=trainee_for_user(user),
            training_class=training_class,
            method=Enrollment.Method.ORGANIZER,
        )
    return Plan(
        catalogue=page.get_parent().url,
        course=page.url,
        lessons=[lesson.url for lesson in lessons],
        usernames=[u.username for u in users],
        post_test_attempts=post_test.attempts_allowed,
    )
