"""courses' entries in the personal-data registry: what each model holds about a
trainee, and what erasure does to it.

The rule of thumb: what the accountant settles against (enrollments, attendance) and
what proves the organiser acted lawfully (consents, requests) stays, without the
person's name or anything they wrote; what only served the person's own learning
(lesson progress, check-in codes) goes; their login goes.
"""

from django.apps import apps
from django.db import models, transaction
from django.db.models.deletion import ProtectedError
from django.utils.translation import gettext_lazy as _
from wagtail.users.models import UserProfile

from courses.models import (
    AdminUnit,
    AdminUnitSuccession,
    AllowanceRate,
    Answer,
    Attempt,
    AttendanceChange,
    AttendanceRecord,
    Choice,
    ClassEditAfterLock,
    ClassSession,
    Consent,
    Course,
    DataSubjectRequest,
    Enrollment,
    ExportJob,
    ExportLog,
    Lesson,
    LessonProgress,
    Organisation,
    QrCheckIn,
    Question,
    QuestionCategory,
    Quiz,
    QuizItem,
    SessionEvidence,
    Trainee,
    TrainingClass,
    User,
)
from courses.privacy import leave_open_classes
from courses.privacy.registry import (
    Erasure,
    ErasureContext,
    declare_not_personal,
    register,
)
from courses.vietnamese import fold


def _anonymise_trainees(rows: models.QuerySet, context: ErasureContext) -> None:
    # The row stays because enrollments and attempts point at it (the signed lists
    # and class results are settled against them). Organisation stays so that the
    # organiser still finds the record and its request; role stays for counts by
    # role. Everything that tells who the person was goes, commune included: with
    # one collaborator per village, a commune and a role can name someone.
    rows.update(
        full_name=context.placeholder,
        given_name=context.placeholder,
        name_folded=fold(context.placeholder),
        sex="",
        birth_date=None,
        birth_year=None,
        phone="",
        national_id="",
        ethnicity="",
        village="",
        notes="",
        unit_province_code=None,
        unit_commune_code=None,
        unit_label="",
        user=None,
        updated_at=context.at,
    )


# django-axes keeps sign-in attempts by username and address, not by foreign key.
SIGN_IN_RECORDS = ("AccessAttempt", "AccessFailureLog", "AccessLog")


def _erase_logins(rows: models.QuerySet, context: ErasureContext) -> None:
    for user in rows:
        Trainee.objects.filter(user=user).update(user=None)
        if user.is_staff or user.is_superuser:
            # A colleague who also took a class: their staff login serves their
            # work, not their training. Only the link to the trainee goes.
            continue
        if apps.is_installed("axes"):
            for name in SIGN_IN_RECORDS:
                apps.get_model("axes", name).objects.filter(
                    username=user.username
                ).delete()
        try:
            with transaction.atomic():
                user.delete()
        except ProtectedError:
            # Something that must stay points at the login (an export it made, say):
            # keep the row, empty it, lock it.
            UserProfile.objects.filter(user=user).delete()
            user.username = f"da-xoa-{user.pk}"
            user.full_name = context.placeholder
            user.first_name = user.last_name = user.email = ""
            user.is_active = False
            user.set_unusable_password()
            user.save()


def _withdraw_consents(rows: models.QuerySet, context: ErasureContext) -> None:
    rows.filter(withdrawn_at__isnull=True).update(withdrawn_at=context.at)


def _leave_classes(rows: models.QuerySet, context: ErasureContext) -> None:
    for trainee in Trainee.objects.filter(enrollments__in=rows).distinct():
        leave_open_classes(trainee=trainee, by=context.by)


def _delete(rows: models.QuerySet, context: ErasureContext) -> None:
    rows.delete()


def _blank(*names: str):
    def blank(rows: models.QuerySet, context: ErasureContext) -> None:
        rows.update(**dict.fromkeys(names, ""))

    return blank


register(
    Trainee,
    rows=lambda trainee: Trainee.objects.filter(pk=trainee.pk),
    erasure=Erasure.ANONYMISE,
    reason=_(
        "Giữ một dòng không tên (chỉ còn đơn vị và chức danh) vì các danh sách ký "
        "nhận đã thanh toán gắn với nó; họ tên, ngày sinh, giới tính, điện thoại, "
        "số CCCD, dân tộc, nơi ở và ghi chú bị xoá."
    ),
    erase=_anonymise_trainees,
    not_exported=("name_folded",),
    sensitive=Trainee.SENSITIVE_FIELDS,
    order=100,
)
register(
    User,
    rows=lambda trainee: User.objects.filter(trainee=trainee),
    erasure=Erasure.DELETE,
    reason=_(
        "Tài khoản đăng nhập bị xoá. Tài khoản của cán bộ (nếu học viên cũng là cán "
        "bộ) được giữ cho công việc, chỉ bỏ liên kết với hồ sơ học viên."
    ),
    erase=_erase_logins,
    not_exported=("is_superuser", "is_staff", "organisation"),
    order=90,
)
register(
    Consent,
    rows=lambda trainee: Consent.objects.filter(trainee=trainee),
    erasure=Erasure.KEEP,
    reason=_(
        "Giữ bản ghi đồng ý (đều chuyển thành đã rút lại) để chứng minh việc xử lý "
        "trước đây có sự đồng ý; bản ghi không còn tên."
    ),
    erase=_withdraw_consents,
)
register(
    Enrollment,
    rows=lambda trainee: Enrollment.objects.filter(trainee=trainee),
    erasure=Erasure.KEEP,
    reason=_(
        "Giữ vì danh sách ký nhận và quyết toán tiền hỗ trợ dựa trên đó; rời các lớp "
        "đang học."
    ),
    erase=_leave_classes,
    order=10,
)
register(
    LessonProgress,
    rows=lambda trainee: LessonProgress.objects.filter(enrollment__trainee=trainee),
    erasure=Erasure.DELETE,
    reason=_("Tiến độ đọc từng bài chỉ phục vụ việc học của bạn: bị xoá."),
    erase=_delete,
)
register(
    Attempt,
    rows=lambda trainee: Attempt.objects.filter(trainee=trainee),
    erasure=Erasure.KEEP,
    reason=_(
        "Giữ điểm từng lượt làm bài, không tên, vì báo cáo kết quả trước và sau khoá "
        "học của lớp đã dùng chúng."
    ),
    not_exported=("layout", "version"),
)
register(
    Answer,
    rows=lambda trainee: Answer.objects.filter(attempt__trainee=trainee),
    erasure=Erasure.ANONYMISE,
    reason=_("Giữ kết quả chấm từng câu cho thống kê câu hỏi; xoá chữ bạn tự viết."),
    erase=_blank("text"),
)
register(
    AttendanceRecord,
    rows=lambda trainee: AttendanceRecord.objects.filter(enrollment__trainee=trainee),
    erasure=Erasure.ANONYMISE,
    reason=_(
        "Giữ trạng thái có mặt từng buổi vì tiền hỗ trợ được quyết toán theo đó; "
        "xoá ghi chú."
    ),
    erase=_blank("note"),
)
register(
    AttendanceChange,
    rows=lambda trainee: AttendanceChange.objects.filter(
        record__enrollment__trainee=trainee
    ),
    erasure=Erasure.ANONYMISE,
    reason=_("Giữ lịch sử sửa điểm danh cho kế toán; xoá các ghi chú."),
    erase=_blank("old_note", "new_note"),
)
register(
    QrCheckIn,
    rows=lambda trainee: QrCheckIn.objects.filter(enrollment__trainee=trainee),
    erasure=Erasure.DELETE,
    reason=_(
        "Lượt quét mã chỉ dùng để chống quét lại; điểm danh đã ghi ở trên: bị xoá."
    ),
    erase=_delete,
)
register(
    SessionEvidence,
    rows=lambda trainee: SessionEvidence.objects.filter(
        session__training_class__enrollments__trainee=trainee
    ).distinct(),
    erasure=Erasure.KEEP,
    reason=_(
        "Ảnh danh sách ký của buổi học có chữ ký của cả lớp và là chứng từ kế toán: "
        "được giữ nguyên, không gửi kèm bản sao (có dữ liệu của người khác)."
    ),
    not_exported=("note",),
)
register(
    DataSubjectRequest,
    rows=lambda trainee: DataSubjectRequest.objects.filter(trainee=trainee),
    erasure=Erasure.ANONYMISE,
    reason=_(
        "Giữ các yêu cầu và câu trả lời để chứng minh đã trả lời đúng hạn; xoá nội "
        "dung bạn viết."
    ),
    erase=_blank("details"),
)

NOT_PERSONAL: dict[type[models.Model], str] = {
    Organisation: "agencies and units: names and parents, no person",
    AdminUnit: "the list of administrative units",
    AdminUnitSuccession: "which old unit became which new one",
    Course: "course catalogue",
    Lesson: "course content",
    TrainingClass: "a class's dates, place, funding; its trainers are staff logins",
    ClassSession: "a session's date, time and topic",
    ClassEditAfterLock: "a superuser's edits of a class's own fields, and why",
    AllowanceRate: "a class's allowance types and rates",
    ExportLog: "who exported, when, what kind, with which filters (ids only)",
    ExportJob: (
        "a staff member's class-wide export file: many people at once, never one "
        "trainee's rows; deleted EXPORT_FILE_RETENTION_DAYS after it was written "
        "(courses.export_jobs), not erased per person"
    ),
    QuestionCategory: "question bank",
    Question: "question bank",
    Choice: "question bank",
    Quiz: "quiz settings",
    QuizItem: "quiz settings",
}
for model, reason in NOT_PERSONAL.items():
    declare_not_personal(model, reason=reason)
