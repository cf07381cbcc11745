"""The trainee's pages: open classes, enrolment with consent, progress, withdrawal.

Thin adapters: parse, call a service, then render or redirect with a message.
"""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db.models import F
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from courses import privacy
from courses.dashboard_panels import render_panels
from courses.forms import EnrollmentConsentForm
from courses.models import Consent, Enrollment, Lesson, TrainingClass, User
from courses.progress import course_progress
from courses.services import (
    ClassLocked,
    EnrollmentRefused,
    complete_lesson,
    open_lesson,
    self_enroll,
    withdraw,
)

CONSENT_ASKED = "consent-asked"


class AuthenticatedRequest(HttpRequest):
    user: User  # what @login_required guarantees


def open_classes(request: HttpRequest) -> HttpResponse:
    """Online classes a trainee can join by themself, with seats left."""
    classes = (
        TrainingClass.objects.open_for_self_enrollment()
        .filter(seats_taken__lt=F("capacity"))
        .select_related("course")
        .order_by("starts_on", "code")
    )
    course_code = request.GET.get("course", "")
    if course_code:
        classes = classes.filter(course__code=course_code)
    joined = set(
        Enrollment.objects.for_user(request.user)
        .active()
        .values_list("training_class_id", flat=True)
    )
    return TemplateResponse(
        request, "courses/open_classes.html", {"classes": classes, "joined": joined}
    )


@login_required
def enrol(request: AuthenticatedRequest, class_id: int) -> HttpResponse:
    """GET: what the class is, and the consent question the first time. POST: join."""
    training_class = get_object_or_404(
        TrainingClass.objects.select_related("course"), pk=class_id
    )
    needs_consent = privacy.needs_enrollment_consent(request.user)
    # An "Đăng ký" button elsewhere posts no answers: ask, rather than show an error.
    answered = request.method == "POST" and CONSENT_ASKED in request.POST
    form = None
    if needs_consent:
        form = EnrollmentConsentForm(request.POST if answered else None)
    if request.method == "POST" and (form is None or form.is_valid()):
        try:
            if form is None:
                enrollment = self_enroll(
                    user=request.user, training_class=training_class
                )
            else:
                enrollment = privacy.self_enroll_with_consent(
                    user=request.user,
                    training_class=training_class,
                    purposes=form.purposes(),
                )
        except EnrollmentRefused as refusal:
            messages.error(request, refusal.message)
            return redirect("courses:open-classes")
        messages.success(
            request,
            _("Bạn đã ghi danh vào lớp %(code)s. Chúc bạn học tốt!")
            % {"code": enrollment.training_class.code},
        )
        return redirect("courses:dashboard")
    can_enrol = (
        TrainingClass.objects.open_for_self_enrollment()
        .filter(pk=training_class.pk, seats_taken__lt=F("capacity"))
        .exists()
    )
    return TemplateResponse(
        request,
        "courses/enrol.html",
        {
            "training_class": training_class,
            "form": form,
            "can_enrol": can_enrol,
            "consent_asked": CONSENT_ASKED,
        },
    )


@login_required
def withdraw_enrollment(
    request: AuthenticatedRequest, enrollment_id: int
) -> HttpResponse:
    """GET asks to confirm; POST leaves the class and frees the seat."""
    enrollment = get_object_or_404(
        Enrollment.objects.for_user(request.user)
        .active()
        .select_related("training_class__course"),
        pk=enrollment_id,
    )
    if request.method != "POST":
        return TemplateResponse(
            request, "courses/withdraw.html", {"enrollment": enrollment}
        )
    code = enrollment.training_class.code
    try:
        withdraw(enrollment=enrollment, by=request.user)
    except ClassLocked:
        messages.error(
            request,
            _("Lớp %(code)s đã khoá sổ. Hãy liên hệ cán bộ tổ chức nếu cần rút tên.")
            % {"code": code},
        )
    else:
        messages.success(request, _("Bạn đã rút khỏi lớp %(code)s.") % {"code": code})
    return redirect("courses:dashboard")


@login_required
def dashboard(request: AuthenticatedRequest) -> HttpResponse:
    """Khoá học của tôi: each active enrollment, how far along, and where to resume."""
    enrollments = list(
        Enrollment.objects.for_user(request.user).active().with_progress()
    )
    consents = Consent.objects.filter(
        trainee__user=request.user, withdrawn_at__isnull=True
    ).order_by("purpose")
    return TemplateResponse(
        request,
        "courses/dashboard.html",
        {
            "rows": course_progress(enrollments),
            "consents": consents,
            "panels": render_panels(request),
        },
    )


@login_required
def enrollment_progress(
    request: AuthenticatedRequest, enrollment_id: int
) -> HttpResponse:
    """Every lesson of one of my courses, done or not."""
    enrollment = get_object_or_404(
        Enrollment.objects.for_user(request.user).with_progress(), pk=enrollment_id
    )
    (row,) = course_progress([enrollment])
    return TemplateResponse(request, "courses/progress.html", {"row": row})


def _lesson_and_enrollment(
    request: AuthenticatedRequest, lesson_id: int
) -> tuple[Lesson, Enrollment]:
    """A published lesson and the user's active place in its course, or 404."""
    lesson = get_object_or_404(Lesson, pk=lesson_id, is_published=True)
    enrollment = (
        Enrollment.objects.for_user(request.user)
        .active()
        .filter(training_class__course_id=lesson.course_id)
        .first()
    )
    if enrollment is None:
        raise Http404
    return lesson, enrollment


@require_POST
@login_required
def mark_lesson_opened(request: AuthenticatedRequest, lesson_id: int) -> HttpResponse:
    """The lesson page's beacon: note the visit, so the dashboard resumes there.

    Showing a page never writes (a GET is safe to repeat, prefetch and cache); the
    page posts here once it is shown. Without JavaScript, "Đánh dấu đã học xong" opens
    the lesson as it marks it done.
    """
    lesson, enrollment = _lesson_and_enrollment(request, lesson_id)
    open_lesson(enrollment=enrollment, lesson=lesson)
    return HttpResponse(status=204)


@require_POST
@login_required
def mark_lesson_done(request: AuthenticatedRequest, lesson_id: int) -> HttpResponse:
    """The "Đánh dấu đã học xong" button; pressing it twice changes nothing."""
    lesson, enrollment = _lesson_and_enrollment(request, lesson_id)
    complete_lesson(enrollment=enrollment, lesson=lesson)
    enrollment.refresh_from_db(fields=["completed_at"])
    if enrollment.is_completed:
        messages.success(
            request, _("Chúc mừng! Bạn đã học xong tất cả các bài của khoá học.")
        )
    return redirect(_back_to_lesson(request, lesson))


@require_POST
@login_required
def withdraw_consent(request: AuthenticatedRequest, consent_id: int) -> HttpResponse:
    consent = get_object_or_404(
        Consent, pk=consent_id, trainee__user=request.user, withdrawn_at__isnull=True
    )
    privacy.withdraw_consent(consent=consent)
    messages.success(
        request,
        _("Đã rút lại sự đồng ý: %(purpose)s.")
        % {"purpose": consent.get_purpose_display()},
    )
    return redirect("courses:dashboard")


def privacy_notice(request: HttpRequest) -> HttpResponse:
    return TemplateResponse(
        request,
        "courses/privacy_notice.html",
        {"notice_version": privacy.NOTICE_VERSION},
    )


def _back_to_lesson(request: HttpRequest, lesson: Lesson) -> str:
    wanted = request.POST.get("next", "")
    if url_has_allowed_host_and_scheme(
        wanted, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return wanted
    # The cms owns lesson addresses; courses only knows this route's name.
    return reverse("lesson-redirect", args=[lesson.pk])
