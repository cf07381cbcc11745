"""Where each trainee stands in each course, read in a fixed number of queries."""

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass

from courses.models import Attempt, Enrollment, Lesson, LessonProgress, Quiz


@dataclass(frozen=True)
class LessonState:
    lesson_id: int
    title: str
    is_done: bool


@dataclass(frozen=True)
class QuizState:
    quiz_id: int
    title: str
    purpose: str
    is_passed: bool


@dataclass(frozen=True)
class CourseProgress:
    """One enrollment's lessons, in course order, and where to pick up."""

    enrollment: Enrollment
    lessons: tuple[LessonState, ...]
    resume_lesson_id: int | None
    quizzes: tuple[QuizState, ...] = ()

    @property
    def post_test_due(self) -> QuizState | None:
        """The post-test, once every lesson is done and until it is passed."""
        if self.done < self.total:
            return None
        return next(
            (q for q in self.quizzes if q.purpose == "post_test" and not q.is_passed),
            None,
        )

    @property
    def done(self) -> int:
        return sum(lesson.is_done for lesson in self.lessons)

    @property
    def total(self) -> int:
        return len(self.lessons)


def resume_lesson(
    lesson_ids: Sequence[int], done: set[int], last_opened: int | None
) -> int | None:
    """The lesson last opened if it is still to do, else the first one not done."""
    if last_opened in lesson_ids and last_opened not in done:
        return last_opened
    return next((pk for pk in lesson_ids if pk not in done), None)


def course_progress(enrollments: Sequence[Enrollment]) -> list[CourseProgress]:
    """Lessons, done marks and course tests for many enrollments: four queries."""
    course_ids = {e.training_class.course_id for e in enrollments}
    lessons_by_course: dict[int, list[tuple[int, str]]] = defaultdict(list)
    for pk, course_id, title in (
        Lesson.objects.filter(course_id__in=course_ids, is_published=True)
        .order_by("position", "pk")
        .values_list("pk", "course_id", "title")
    ):
        lessons_by_course[course_id].append((pk, title))
    done_by_enrollment: dict[int, set[int]] = defaultdict(set)
    for enrollment_id, lesson_id in LessonProgress.objects.filter(
        enrollment__in=[e.pk for e in enrollments], completed_at__isnull=False
    ).values_list("enrollment_id", "lesson_id"):
        done_by_enrollment[enrollment_id].add(lesson_id)

    quizzes_by_course: dict[int, list[tuple[int, str, str]]] = defaultdict(list)
    for pk, course_id, title, purpose in (
        Quiz.objects.filter(course_id__in=course_ids)
        .order_by("purpose")
        .values_list("pk", "course_id", "title", "purpose")
    ):
        quizzes_by_course[course_id].append((pk, title, purpose))
    passed = set(
        Attempt.objects.filter(
            trainee__in={e.trainee_id for e in enrollments},
            quiz__course_id__in=course_ids,
            passed=True,
        ).values_list("trainee_id", "quiz_id")
    )

    rows = []
    for enrollment in enrollments:
        lessons = lessons_by_course[enrollment.training_class.course_id]
        done = done_by_enrollment[enrollment.pk]
        rows.append(
            CourseProgress(
                enrollment=enrollment,
                lessons=tuple(
                    LessonState(pk, title, pk in done) for pk, title in lessons
                ),
                resume_lesson_id=resume_lesson(
                    [pk for pk, _title in lessons], done, enrollment.last_lesson_id
                ),
                quizzes=tuple(
                    QuizState(pk, title, purpose, (enrollment.trainee_id, pk) in passed)
                    for pk, title, purpose in quizzes_by_course[
                        enrollment.training_class.course_id
                    ]
                ),
            )
        )
    return rows
