"""Attendance on the spot: roll call on a phone, the QR screen and the trainee's scan,
walk-ins, the signed sheet's scan, and merging a walk-in into a known trainee.

Thin adapters over courses.services.attendance. Staff pages are scoped through
`TrainingClass.objects.visible_to`: another organisation's session answers 404.
"""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.db.models import Q
from django.http import FileResponse, Http404, HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy as _lazy
from django.views.decorators.http import require_POST

from courses import qr_codes
from courses.models import (
    AttendanceMethod,
    AttendanceRecord,
    AttendanceStatus,
    ClassSession,
    Enrollment,
    SessionEvidence,
    Trainee,
    TrainingClass,
    User,
)
from courses.services.attendance import (
    AttendanceRefused,
    add_walk_in,
    attach_evidence,
    check_in_with_code,
    is_expected_at,
    mark_expected_present,
    merge_trainees,
    record_attendance,
)
from courses.vietnamese import fold, name_sort_key

MERGE_PERMISSION = "courses.change_trainee"
# The four buttons of a row, shortened to fit a 360 px screen.
BUTTONS = (
    (AttendanceStatus.PRESENT, _lazy("Có mặt")),
    (AttendanceStatus.LATE, _lazy("Muộn")),
    (AttendanceStatus.EXCUSED, _lazy("Có phép")),
    (AttendanceStatus.ABSENT, _lazy("Vắng")),
)
BY_LETTER = {status[0]: status for status in AttendanceStatus.values}


class AuthenticatedRequest(HttpRequest):
    user: User  # what @login_required guarantees


def _staff_session(request: HttpRequest, session_id: int) -> ClassSession:
    return get_object_or_404(
        ClassSession.objects.select_related("training_class").filter(
            training_class__in=TrainingClass.objects.visible_to(request.user)
        ),
        pk=session_id,
    )


def _wants_json(request: HttpRequest) -> bool:
    return "application/json" in request.headers.get("Accept", "")


def _method(request: HttpRequest) -> AttendanceMethod:
    return (
        AttendanceMethod.PAPER
        if request.POST.get("paper")
        else AttendanceMethod.ROLL_CALL
    )


def _roll_call_rows(session: ClassSession) -> list[dict]:
    statuses = dict(
        AttendanceRecord.objects.filter(session=session).values_list(
            "enrollment_id", "status"
        )
    )
    enrollments = (
        Enrollment.objects.active()
        .for_class(session.training_class)
        .select_related("trainee")
    )
    rows = [
        {
            "enrollment": enrollment,
            "status": statuses.get(enrollment.pk, ""),
            "is_late_enrolee": not is_expected_at(enrollment, session),
            "is_walk_in": enrollment.method == Enrollment.Method.WALK_IN,
        }
        for enrollment in enrollments
    ]
    rows.sort(key=lambda row: name_sort_key(row["enrollment"].trainee.full_name))
    return rows


def _counts(rows: list[dict]) -> dict[str, int]:
    counts = dict.fromkeys(AttendanceStatus.values, 0)
    for row in rows:
        if row["status"]:
            counts[row["status"]] += 1
    counts["unmarked"] = sum(1 for row in rows if not row["status"])
    counts["total"] = len(rows)
    return counts


@login_required
def class_sessions(request: AuthenticatedRequest, class_id: int) -> HttpResponse:
    """A class's sessions, each linking to its roll call."""
    training_class = get_object_or_404(
        TrainingClass.objects.visible_to(request.user), pk=class_id
    )
    return TemplateResponse(
        request,
        "courses/attendance/class_sessions.html",
        {
            "training_class": training_class,
            "sessions": training_class.sessions.order_by(
                "held_on", "part", "starts_at"
            ),
            "today": timezone.localdate(),
        },
    )


@login_required
def roll_call(request: AuthenticatedRequest, session_id: int) -> HttpResponse:
    session = _staff_session(request, session_id)
    rows = _roll_call_rows(session)
    return TemplateResponse(
        request,
        "courses/attendance/roll_call.html",
        {
            "session": session,
            "training_class": session.training_class,
            "rows": rows,
            "counts": _counts(rows),
            "buttons": BUTTONS,
            "evidence": session.evidence.all(),
            "can_merge": request.user.has_perm(MERGE_PERMISSION),
            "paper": request.GET.get("paper") == "1",
        },
    )


@login_required
@require_POST
def roll_call_mark(request: AuthenticatedRequest, session_id: int) -> HttpResponse:
    """One tap: "all present", or one trainee's status, saved at once."""
    session = _staff_session(request, session_id)
    method = _method(request)
    try:
        if "all" in request.POST:
            mark_expected_present(session=session, by=request.user, method=method)
        else:
            # "123p": the enrollment and the status's first letter, to keep the page
            # small (four buttons a row, a hundred rows, a weak connection).
            tapped = request.POST.get("s", "")
            enrollment_id, status = tapped[:-1], BY_LETTER.get(tapped[-1:])
            if status is None or not enrollment_id.isdigit():
                raise AttendanceRefused(_("Yêu cầu không hợp lệ."))
            enrollment = get_object_or_404(
                Enrollment.objects.select_related("training_class"),
                pk=enrollment_id,
                training_class=session.training_class_id,
            )
            record_attendance(
                session=session,
                enrollment=enrollment,
                status=status,
                method=method,
                by=request.user,
            )
    except AttendanceRefused as refused:
        if _wants_json(request):
            return JsonResponse({"error": refused.message}, status=409)
        messages.error(request, refused.message)
    if _wants_json(request):
        rows = _roll_call_rows(session)
        return JsonResponse(
            {
                "statuses": {str(row["enrollment"].pk): row["status"] for row in rows},
                "counts": _counts(rows),
            }
        )
    url = reverse("courses:roll-call", args=[session.pk])
    return redirect(url + ("?paper=1" if method == AttendanceMethod.PAPER else ""))


@login_required
@require_POST
def walk_in(request: AuthenticatedRequest, session_id: int) -> HttpResponse:
    session = _staff_session(request, session_id)
    try:
        enrollment = add_walk_in(
            session=session,
            full_name=request.POST.get("full_name", ""),
            phone=request.POST.get("phone", ""),
            by=request.user,
            method=_method(request),
        )
    except AttendanceRefused as refused:
        messages.error(request, refused.message)
    else:
        messages.success(
            request,
            _("Đã thêm %(name)s vào lớp và ghi có mặt.")
            % {"name": enrollment.trainee.full_name},
        )
    return redirect("courses:roll-call", session.pk)


@login_required
@require_POST
def upload_evidence(request: AuthenticatedRequest, session_id: int) -> HttpResponse:
    session = _staff_session(request, session_id)
    upload = request.FILES.get("file")
    if upload is None:
        messages.error(request, _("Hãy chọn tệp ảnh hoặc PDF."))
        return redirect("courses:roll-call", session.pk)
    try:
        attach_evidence(
            session=session,
            file=upload,
            by=request.user,
            note=request.POST.get("note", ""),
        )
    except AttendanceRefused as refused:
        messages.error(request, refused.message)
    else:
        messages.success(request, _("Đã lưu bản chụp danh sách ký."))
    return redirect("courses:roll-call", session.pk)


@login_required
def evidence_file(request: AuthenticatedRequest, evidence_id: int) -> FileResponse:
    """The only way to a signed sheet's scan: staff of its class, never a public URL."""
    evidence = get_object_or_404(
        SessionEvidence.objects.filter(
            session__training_class__in=TrainingClass.objects.visible_to(request.user)
        ),
        pk=evidence_id,
    )
    response = FileResponse(
        evidence.file.open("rb"), filename=evidence.file.name.rsplit("/", 1)[-1]
    )
    response["Cache-Control"] = "private, no-store"
    response["X-Content-Type-Options"] = "nosniff"
    return response


@login_required
def qr_screen(request: AuthenticatedRequest, session_id: int) -> HttpResponse:
    """The trainer's screen: the current code, redrawn when it changes."""
    session = _staff_session(request, session_id)
    now = timezone.now()
    code = qr_codes.current_code(session.pk, now)
    url = request.build_absolute_uri(
        reverse("courses:qr-check-in", args=[session.pk, code])
    )
    refresh = qr_codes.seconds_left(now) + 1
    response = TemplateResponse(
        request,
        "courses/attendance/qr_screen.html",
        {
            "session": session,
            "training_class": session.training_class,
            "url": url,
            "svg": qr_codes.svg(url),
            "refresh": refresh,
            "checked_in": session.qr_check_ins.count(),
        },
    )
    response["Refresh"] = str(refresh)
    response["Cache-Control"] = "no-store"
    return response


@login_required
def qr_check_in(
    request: AuthenticatedRequest, session_id: int, code: str
) -> HttpResponse:
    """GET: what the trainee is checking into, and a button. POST: record it."""
    session = get_object_or_404(
        ClassSession.objects.select_related("training_class"), pk=session_id
    )
    if qr_codes.verify(code, session.pk, timezone.now()) is None and not (
        Enrollment.objects.active()
        .filter(training_class=session.training_class_id, trainee__user=request.user)
        .exists()
    ):
        # Without the code on the screen, someone outside the class learns nothing
        # of it (not even that the session exists); its trainees are told to rescan.
        raise Http404
    record = None
    error = ""
    if request.method == "POST":
        try:
            record = check_in_with_code(session=session, user=request.user, code=code)
        except AttendanceRefused as refused:
            error = refused.message
    elif qr_codes.verify(code, session.pk, timezone.now()) is None:
        error = (
            _("Mã đã hết hạn. Hãy quét lại mã đang hiện trên màn hình.")
            if qr_codes.is_expired(code, session.pk, timezone.now())
            else _("Mã không đúng cho buổi học này.")
        )
    return TemplateResponse(
        request,
        "courses/attendance/check_in.html",
        {
            "session": session,
            "training_class": session.training_class,
            "record": record,
            "error": error,
        },
        status=409 if error and request.method == "POST" else 200,
    )


def _trainee_for_merge(request: HttpRequest, key: str) -> Trainee | None:
    value = request.GET.get(key) or request.POST.get(key) or ""
    if not value.isdigit():
        return None
    return get_object_or_404(Trainee.objects.visible_to(request.user), pk=value)


@login_required
def merge(request: AuthenticatedRequest) -> HttpResponse:
    """Pick the known trainee a walk-in really is, confirm with both shown, merge."""
    if not (request.user.is_staff and request.user.has_perm(MERGE_PERMISSION)):
        raise PermissionDenied
    duplicate = _trainee_for_merge(request, "duplicate")
    keep = _trainee_for_merge(request, "keep")
    if duplicate is None:
        return redirect("wagtailadmin_home")
    if request.method == "POST" and keep is not None:
        try:
            merge_trainees(keep=keep, duplicate=duplicate, by=request.user)
        except AttendanceRefused as refused:
            messages.error(request, refused.message)
        else:
            messages.success(
                request,
                _("Đã gộp vào học viên %(name)s.") % {"name": keep.full_name},
            )
            session_id = request.POST.get("next_session", "")
            if session_id.isdigit():
                return redirect("courses:roll-call", int(session_id))
            return TemplateResponse(
                request, "courses/attendance/merge.html", {"merged": keep}
            )
    candidates = []
    query = request.GET.get("q", "").strip() or duplicate.given_name
    if keep is None:
        match = Q(name_folded__contains=fold(query))
        if duplicate.phone:
            match |= Q(phone=duplicate.phone)
        candidates = sorted(
            Trainee.objects.visible_to(request.user)
            .filter(match)
            .exclude(pk=duplicate.pk)[:50],
            key=lambda t: name_sort_key(t.full_name),
        )
    return TemplateResponse(
        request,
        "courses/attendance/merge.html",
        {
            "duplicate": duplicate,
            "keep": keep,
            "candidates": candidates,
            "query": query,
            "next_session": request.GET.get("next_session", "")
            or request.POST.get("next_session", ""),
            "duplicate_enrollments": _enrollments_of(duplicate),
            "keep_enrollments": _enrollments_of(keep),
        },
    )


def _enrollments_of(trainee: Trainee | None) -> list[Enrollment]:
    if trainee is None:
        return []
    return list(
        Enrollment.objects.filter(trainee=trainee).select_related("training_class")
    )
