"""Quizzes: a question bank, quizzes drawing from it, and trainees' attempts.

Scoring is not here: `courses.grading` scores from plain data, and the services feed
it. Correct answers live only in these tables and never reach a page before
submission.
"""

from decimal import Decimal

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.models import PreviewableMixin

from courses.models.catalogue import Course, Lesson
from courses.models.trainees import Trainee
from courses.vietnamese import nfc, nfc_text


class QuestionCategory(models.Model):
    """A shelf of the question bank, e.g. "Sổ A0 — ghi chép hộ gia đình"."""

    name = models.CharField(_("tên nhóm câu hỏi"), max_length=150)
    course = models.ForeignKey(
        Course,
        verbose_name=_("khoá học"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="question_categories",
    )

    class Meta:
        verbose_name = _("nhóm câu hỏi")
        verbose_name_plural = pgettext_lazy("plural", "nhóm câu hỏi")
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(
                fields=["course", "name"],
                name="question_category_name_unique_in_course",
            )
        ]

    def __str__(self) -> str:
        return self.name

    def save(self, *args, **kwargs):
        self.name = nfc(self.name)
        super().save(*args, **kwargs)


class Question(PreviewableMixin, ClusterableModel):
    """One question of the bank, reusable across quizzes."""

    class Kind(models.TextChoices):
        SINGLE = "single", _("Một đáp án đúng")
        MULTIPLE = "multiple", _("Nhiều đáp án đúng")
        TRUE_FALSE = "true_false", _("Đúng/Sai")
        SHORT = "short", _("Trả lời ngắn")

    category = models.ForeignKey(
        QuestionCategory,
        verbose_name=_("nhóm câu hỏi"),
        on_delete=models.PROTECT,
        related_name="questions",
    )
    kind = models.CharField(_("loại câu hỏi"), max_length=12, choices=Kind.choices)
    text = models.TextField(_("câu hỏi"))
    explanation = models.TextField(
        _("giải thích"), blank=True, help_text=_("Hiện khi xem lại bài, nếu cho phép.")
    )
    points = models.DecimalField(
        _("điểm"),
        max_digits=5,
        decimal_places=2,
        default=Decimal(1),
        validators=[MinValueValidator(Decimal("0.01"))],
    )
    partial_credit = models.BooleanField(
        _("tính điểm từng phần"),
        default=False,
        help_text=_("Chỉ với câu nhiều đáp án đúng: mỗi lựa chọn đúng được một phần."),
    )
    accepted_answers = models.TextField(
        _("các đáp án chấp nhận"),
        blank=True,
        help_text=_("Câu trả lời ngắn: mỗi dòng một đáp án được chấp nhận."),
    )
    ignore_case = models.BooleanField(_("không phân biệt hoa thường"), default=True)
    ignore_diacritics = models.BooleanField(_("không phân biệt dấu"), default=False)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("câu hỏi")
        verbose_name_plural = pgettext_lazy("plural", "câu hỏi")
        ordering = ["category", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(points__gt=0), name="question_points_positive"
            ),
        ]

    def __str__(self) -> str:
        return self.text[:80]

    def save(self, *args, **kwargs):
        self.text = nfc_text(self.text)
        self.explanation = nfc_text(self.explanation)
        self.accepted_answers = nfc_text(self.accepted_answers)
        super().save(*args, **kwargs)

    @property
    def accepted_answer_list(self) -> tuple[str, ...]:
        return tuple(a for a in self.accepted_answers.split("\n") if a.strip())

    @property
    def preview_modes(self):
        return [("", _("Như học viên thấy")), ("answers", _("Kèm đáp án"))]

    def get_preview_template(self, request, mode_name):
        return "courses/quiz/preview_question.html"

    def get_preview_context(self, request, mode_name):
        return {
            "question": self,
            "choices": list(self.choices.all()),
            "show_answers": mode_name == "answers",
        }


class Choice(models.Model):
    question = ParentalKey(Question, on_delete=models.CASCADE, related_name="choices")
    text = models.CharField(_("lựa chọn"), max_length=500)
    is_correct = models.BooleanField(_("đúng"), default=False)
    sort_order = models.PositiveIntegerField(default=0, editable=False)

    class Meta:
        verbose_name = _("lựa chọn")
        verbose_name_plural = pgettext_lazy("plural", "lựa chọn")
        ordering = ["sort_order", "pk"]

    def __str__(self) -> str:
        return self.text

    def save(self, *args, **kwargs):
        self.text = nfc(self.text)
        super().save(*args, **kwargs)


class Quiz(PreviewableMixin, ClusterableModel):
    """A test placed in a course (pre-/post-test) or in one lesson."""

    class Purpose(models.TextChoices):
        PRE_TEST = "pre_test", _("Kiểm tra đầu khoá")
        POST_TEST = "post_test", _("Kiểm tra cuối khoá")
        PRACTICE = "practice", _("Luyện tập trong bài")

    class ReviewShows(models.TextChoices):
        SCORE = "score", _("Chỉ điểm")
        CORRECT = "correct", _("Điểm và đáp án đúng")
        EXPLANATIONS = "explanations", _("Điểm, đáp án đúng và giải thích")

    class ReviewWhen(models.TextChoices):
        AFTER_SUBMIT = "after_submit", _("Ngay sau khi nộp bài")
        AFTER_CLOSE = "after_close", _("Sau khi bài kiểm tra đóng")

    title = models.CharField(_("tên bài kiểm tra"), max_length=255)
    course = models.ForeignKey(
        Course,
        verbose_name=_("khoá học"),
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="quizzes",
    )
    lesson = models.ForeignKey(
        Lesson,
        verbose_name=_("bài học"),
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="quizzes",
    )
    purpose = models.CharField(
        _("mục đích"), max_length=12, choices=Purpose.choices, default=Purpose.PRACTICE
    )
    pass_mark_percent = models.PositiveSmallIntegerField(
        _("điểm đạt (%)"),
        default=70,
        validators=[MinValueValidator(0), MaxValueValidator(100)],
    )
    attempts_allowed = models.PositiveSmallIntegerField(
        _("số lần làm tối đa"), default=0, help_text=_("0: không giới hạn.")
    )
    minutes_between_attempts = models.PositiveIntegerField(
        _("phút chờ giữa hai lần làm"), default=0
    )
    time_limit_minutes = models.PositiveIntegerField(
        _("thời gian làm bài (phút)"),
        null=True,
        blank=True,
        help_text=_(
            "Để trống: không giới hạn. Hết giờ, bài tự nộp với các câu đã lưu."
        ),
    )
    shuffle_questions = models.BooleanField(_("đảo thứ tự câu hỏi"), default=True)
    shuffle_choices = models.BooleanField(_("đảo thứ tự lựa chọn"), default=True)
    review_shows = models.CharField(
        _("khi xem lại, hiện"),
        max_length=14,
        choices=ReviewShows.choices,
        default=ReviewShows.EXPLANATIONS,
    )
    review_when = models.CharField(
        _("được xem lại"),
        max_length=14,
        choices=ReviewWhen.choices,
        default=ReviewWhen.AFTER_SUBMIT,
    )
    closes_at = models.DateTimeField(_("đóng lúc"), null=True, blank=True)

    class Meta:
        verbose_name = _("bài kiểm tra")
        verbose_name_plural = pgettext_lazy("plural", "bài kiểm tra")
        ordering = ["title"]
        constraints = [
            models.CheckConstraint(
                condition=Q(course__isnull=False) ^ Q(lesson__isnull=False),
                name="quiz_belongs_to_a_course_or_a_lesson",
            ),
            models.CheckConstraint(
                condition=Q(lesson__isnull=True) | Q(purpose="practice"),
                name="quiz_in_a_lesson_is_practice",
            ),
            models.UniqueConstraint(
                fields=["course", "purpose"],
                condition=Q(purpose__in=["pre_test", "post_test"]),
                name="one_pre_and_one_post_test_per_course",
            ),
        ]

    def __str__(self) -> str:
        return self.title

    def save(self, *args, **kwargs):
        self.title = nfc(self.title)
        super().save(*args, **kwargs)

    def question_count(self) -> int:
        """Questions a sitting shows: fixed ones plus those drawn at random."""
        return sum(
            1 if item.question_id else item.draw_count for item in self.items.all()
        )

    def get_preview_template(self, request, mode_name):
        return "courses/quiz/preview_quiz.html"

    def get_preview_context(self, request, mode_name):
        return {"quiz": self, "items": list(self.items.all())}


class QuizItem(models.Model):
    """A fixed question, or N questions drawn at random from a category."""

    quiz = ParentalKey(Quiz, on_delete=models.CASCADE, related_name="items")
    question = models.ForeignKey(
        Question,
        verbose_name=_("câu hỏi"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    category = models.ForeignKey(
        QuestionCategory,
        verbose_name=_("hoặc rút ngẫu nhiên từ nhóm"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    draw_count = models.PositiveSmallIntegerField(_("số câu rút"), default=1)
    sort_order = models.PositiveIntegerField(default=0, editable=False)

    class Meta:
        ordering = ["sort_order", "pk"]
        verbose_name = _("câu trong bài kiểm tra")
        verbose_name_plural = pgettext_lazy("plural", "câu trong bài kiểm tra")
        constraints = [
            models.CheckConstraint(
                condition=Q(question__isnull=False) ^ Q(category__isnull=False),
                name="quiz_item_is_a_question_or_a_draw",
            ),
        ]

    def __str__(self) -> str:
        return str(self.question or self.category)


class AttemptQuerySet(models.QuerySet["Attempt"]):
    def in_progress(self) -> "AttemptQuerySet":
        return self.filter(status=Attempt.Status.IN_PROGRESS)

    def graded(self) -> "AttemptQuerySet":
        return self.filter(status=Attempt.Status.GRADED)


class Attempt(models.Model):
    """One sitting of a quiz. Questions and choice order are fixed when it starts."""

    class Status(models.TextChoices):
        IN_PROGRESS = "in_progress", _("Đang làm")
        GRADED = "graded", _("Đã chấm")

    quiz = models.ForeignKey(Quiz, on_delete=models.PROTECT, related_name="attempts")
    trainee = models.ForeignKey(
        Trainee, on_delete=models.PROTECT, related_name="quiz_attempts"
    )
    number = models.PositiveSmallIntegerField(_("lần thứ"))
    status = models.CharField(
        _("trạng thái"),
        max_length=12,
        choices=Status.choices,
        default=Status.IN_PROGRESS,
    )
    # [{"question": id, "choices": [id, ...]}, ...] in the order shown to the trainee.
    layout = models.JSONField(default=list, editable=False)
    started_at = models.DateTimeField(_("bắt đầu lúc"), auto_now_add=True)
    deadline_at = models.DateTimeField(_("hạn nộp"), null=True, blank=True)
    submitted_at = models.DateTimeField(_("nộp lúc"), null=True, blank=True)
    was_auto_submitted = models.BooleanField(_("tự nộp khi hết giờ"), default=False)
    # Bumped by every save; a page holding an older version is stale.
    version = models.PositiveIntegerField(default=0)
    score = models.DecimalField(max_digits=7, decimal_places=2, null=True, blank=True)
    max_score = models.DecimalField(
        max_digits=7, decimal_places=2, null=True, blank=True
    )
    percent = models.DecimalField(
        _("điểm (%)"), max_digits=5, decimal_places=2, null=True, blank=True
    )
    passed = models.BooleanField(_("đạt"), null=True, blank=True)
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )

    objects = AttemptQuerySet.as_manager()

    class Meta:
        verbose_name = _("lượt làm bài")
        verbose_name_plural = pgettext_lazy("plural", "lượt làm bài")
        ordering = ["-started_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["quiz", "trainee"],
                condition=Q(status="in_progress"),
                name="one_attempt_in_progress_per_trainee_per_quiz",
            ),
            models.UniqueConstraint(
                fields=["quiz", "trainee", "number"],
                name="attempt_numbers_unique_per_trainee_per_quiz",
            ),
            models.CheckConstraint(
                condition=Q(status="in_progress", percent__isnull=True)
                | Q(status="graded", percent__isnull=False, submitted_at__isnull=False),
                name="graded_attempt_has_score_and_submission_time",
            ),
            models.CheckConstraint(
                condition=Q(deadline_at__isnull=True)
                | Q(deadline_at__gt=F("started_at")),
                name="attempt_deadline_after_start",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.quiz} — {self.trainee} — {self.number}"

    @property
    def question_ids(self) -> list[int]:
        return [entry["question"] for entry in self.layout]


class Answer(models.Model):
    """What a trainee put for one question of an attempt; saved as they go."""

    attempt = models.ForeignKey(
        Attempt, on_delete=models.CASCADE, related_name="answers"
    )
    question = models.ForeignKey(
        Question, on_delete=models.PROTECT, related_name="answers"
    )
    choice_ids = models.JSONField(default=list)
    text = models.CharField(max_length=500, blank=True)
    saved_at = models.DateTimeField(auto_now=True)
    awarded = models.DecimalField(max_digits=5, decimal_places=2, null=True, blank=True)
    is_correct = models.BooleanField(null=True, blank=True)

    class Meta:
        verbose_name = _("câu trả lời")
        verbose_name_plural = pgettext_lazy("plural", "câu trả lời")
        constraints = [
            models.UniqueConstraint(
                fields=["attempt", "question"],
                name="one_answer_per_question_per_attempt",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.attempt_id}/{self.question_id}"

    def save(self, *args, **kwargs):
        self.text = nfc(self.text)
        super().save(*args, **kwargs)
