"""Wagtail admin screens for the domain's records, one module per sub-domain.

Organizers see their organisation's tree, trainers their own classes (and those
classes' people); the scope applies to listings and to every view of one object, so a
guessed id of another organisation's record answers 404.
"""

from courses.viewsets.classes import CLASS_HEADER_BUTTONS, TrainingClassViewSet
from courses.viewsets.enrollments import EnrollmentViewSet
from courses.viewsets.quizzes import (
    QuestionCategoryViewSet,
    QuestionViewSet,
    QuizViewSet,
)
from courses.viewsets.scoping import (
    ScopedEditView,
    ScopedIndexView,
    ScopedInspectView,
    ScopedModelViewSet,
)
from courses.viewsets.trainees import TraineeViewSet

__all__ = [
    "CLASS_HEADER_BUTTONS",
    "EnrollmentViewSet",
    "QuestionCategoryViewSet",
    "QuestionViewSet",
    "QuizViewSet",
    "ScopedEditView",
    "ScopedIndexView",
    "ScopedInspectView",
    "ScopedModelViewSet",
    "TraineeViewSet",
    "TrainingClassViewSet",
]
