"""The domain's records, one module per sub-domain; import them from here."""

from courses.models.attendance import (
    AllowanceRate,
    AttendanceChange,
    AttendanceMethod,
    AttendanceRecord,
    AttendanceStatus,
    ExportJob,
    ExportLog,
    QrCheckIn,
    SessionEvidence,
)
from courses.models.catalogue import (
    ClassEditAfterLock,
    ClassSession,
    Course,
    Lesson,
    TrainingClass,
)
from courses.models.enrollment import Enrollment, LessonProgress
from courses.models.people import Organisation, User
from courses.models.quizzes import (
    Answer,
    Attempt,
    Choice,
    Question,
    QuestionCategory,
    Quiz,
    QuizItem,
)
from courses.models.requests import DataSubjectRequest
from courses.models.trainees import Consent, Trainee
from courses.models.units import AdminUnit, AdminUnitSuccession, UnitScheme

__all__ = [
    "AdminUnit",
    "AdminUnitSuccession",
    "AllowanceRate",
    "Answer",
    "Attempt",
    "AttendanceChange",
    "AttendanceMethod",
    "AttendanceRecord",
    "AttendanceStatus",
    "Choice",
    "ClassEditAfterLock",
    "ClassSession",
    "Consent",
    "Course",
    "DataSubjectRequest",
    "Enrollment",
    "ExportJob",
    "ExportLog",
    "Lesson",
    "LessonProgress",
    "Organisation",
    "QrCheckIn",
    "Question",
    "QuestionCategory",
    "Quiz",
    "QuizItem",
    "SessionEvidence",
    "Trainee",
    "TrainingClass",
    "UnitScheme",
    "User",
]
