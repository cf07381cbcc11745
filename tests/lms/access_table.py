"""Who may open which object, route by route: the access table and the worlds it uses.

Two sides, "a" and "b", are built alike inside one organisation: each has a class
(only class A is taught by the `trainer` persona), a session with a signed sheet, a
trainee with a login, their enrolment, consents, a graded quiz attempt, a certificate
and a data request. `other_trainee` is side b's trainee, so "trainee B" asks for
trainee A's objects; `other_organizer` belongs to another organisation and asks for
side a's. Every route of the URL configuration that takes a parameter has an entry in
ACCESS_TABLE; tests/lms/test_access_walk.py fails, naming the route, when one has not.
"""

import datetime as dt
import io
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import Any

import PIL.Image
from django.apps import apps
from django.contrib.auth.models import Group
from django.contrib.contenttypes.models import ContentType
from django.core.cache import cache
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection, transaction
from django.http.response import HttpResponseBase
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver, reverse
from django.utils import timezone
from wagtail.contrib.redirects.models import Redirect
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Collection, Site, Task, Workflow

from certificates import services as certificate_services
from certificates.models import Certificate, CertificateTemplate
from cms.models import CoursePage, LessonPage
from courses import privacy, qr_codes
from courses.export_jobs import run_export_job, start_export_job
from courses.models import (
    AllowanceRate,
    Attempt,
    ClassSession,
    Consent,
    Course,
    DataSubjectRequest,
    Enrollment,
    ExportJob,
    Lesson,
    Organisation,
    Question,
    QuestionCategory,
    Quiz,
    SessionEvidence,
    Trainee,
    TrainingClass,
    User,
)
from courses.privacy.subject_rights import file_request
from courses.roles import TRAINERS
from courses.services import complete_lesson, enroll, trainee_for_user
from courses.services.attendance import attach_evidence, record_attendance
from courses.services.quizzes import SubmittedAnswer, start_attempt, submit_attempt
from tests.certificates.factories import CertificateTemplateFactory
from tests.cms.factories import course_page, lesson_page
from tests.courses.factories import (
    ClassSessionFactory,
    CourseFactory,
    LessonFactory,
    TrainingClassFactory,
    UserFactory,
)
from tests.courses.quiz_factories import quiz_with_questions, right_choice

PERSONAS = (
    "anonymous",
    "trainee",
    "other_trainee",
    "trainer",
    "organizer",
    "other_organizer",
    "superuser",
)
PDF = b"%PDF-1.4\n% a signed attendance sheet\n"


# --- The URL configuration, walked -------------------------------------------------


@dataclass(frozen=True)
class Route:
    """One URL pattern: its key in the tables and its full pattern string."""

    key: str
    pattern: str
    is_parameterised: bool

    @property
    def is_admin(self) -> bool:
        return self.pattern.startswith(("admin/", "django-admin/"))


_PARAMETER = re.compile(r"<[^>]+>|\(\?P<|\((?!\?:)")


def _walk(patterns, prefix: str = "", namespace: str = "") -> Iterator[Route]:
    for entry in patterns:
        if isinstance(entry, URLResolver):
            inner = namespace
            if entry.namespace:
                inner = (
                    f"{namespace}:{entry.namespace}" if namespace else entry.namespace
                )
            # The i18n resolver's prefix is the current language's ("" for Vietnamese).
            yield from _walk(entry.url_patterns, prefix + str(entry.pattern), inner)
        elif isinstance(entry, URLPattern):
            full = prefix + str(entry.pattern)
            if entry.name:
                key = f"{namespace}:{entry.name}" if namespace else entry.name
            else:
                key = full
            yield Route(key, full, bool(_PARAMETER.search(full)))


def all_routes() -> list[Route]:
    """Every pattern of the site and both admins, Wagtail's and i18n ones included."""
    return list(_walk(get_resolver().url_patterns))


def parameterised_routes() -> list[Route]:
    return [route for route in all_routes() if route.is_parameterised]


def admin_routes_without_parameters() -> list[Route]:
    return [r for r in all_routes() if r.is_admin and not r.is_parameterised]


# --- What a response must be -------------------------------------------------------


@dataclass(frozen=True)
class Expect:
    """A status, and for redirects where they must lead ("" = anywhere but a
    refusal: not a login page, not the admin home)."""

    status: int
    to: str = ""
    label: str = ""

    def mismatch(self, response) -> str | None:
        location = response.get("Location", "")
        if response.status_code != self.status:
            where = f" → {location}" if location else ""
            return f"got {response.status_code}{where}, expected {self}"
        if self.status != 302:
            return None
        path = location.split("?", 1)[0]
        if self.to:
            if path != reverse(self.to):
                return f"redirected to {location}, expected {self}"
        elif path in _refusal_paths():
            return f"redirected to {location}, a refusal, expected {self}"
        return None

    def __str__(self) -> str:
        return self.label or (
            f"{self.status} → {self.to}" if self.to else str(self.status)
        )


def _refusal_paths() -> set[str]:
    return {
        reverse(name)
        for name in ("login", "wagtailadmin_login", "wagtailadmin_home", "admin:login")
    }


OK = Expect(200, label="200")
FOUND = Expect(302, label="302 onwards")
NO_CONTENT = Expect(204, label="204")
CONFLICT = Expect(409, label="409")
NOT_FOUND = Expect(404, label="404")
SITE_LOGIN = Expect(302, "login", "302 → site sign-in")
ADMIN_LOGIN = Expect(302, "wagtailadmin_login", "302 → admin sign-in")
# Wagtail answers a missing model permission with a message and its dashboard.
ADMIN_HOME = Expect(302, "wagtailadmin_home", "302 → admin home (no permission)")
DJANGO_ADMIN_LOGIN = Expect(302, "admin:login", "302 → Django admin sign-in")


# --- The worlds --------------------------------------------------------------------


@dataclass
class Side:
    """One class's people and records; side a's are "A"'s, side b's are "B"'s."""

    label: str
    course: Course
    lesson: Lesson
    quiz: Quiz
    training_class: TrainingClass
    session: ClassSession
    evidence: SessionEvidence
    trainee_user: User
    trainee: Trainee
    enrollment: Enrollment
    consent: Consent
    attempt: Attempt
    certificate: Certificate
    data_request: DataSubjectRequest
    export_job: ExportJob


@dataclass
class World:
    a: Side
    b: Side
    users: dict[str, User]
    organisation: Organisation
    other_organisation: Organisation
    template: CertificateTemplate
    course_page: CoursePage
    lesson_page: LessonPage
    extra: dict[str, Any] = field(default_factory=dict)

    def side(self, label: str) -> Side:
        return self.a if label == "a" else self.b


def _build_side(
    label: str,
    *,
    training_class: TrainingClass,
    lessons: list[Lesson],
    trainee_user: User,
    organizer: User,
) -> Side:
    course = training_class.course
    AllowanceRate.objects.create(
        training_class=training_class, label="Tiền ăn", rate_per_day=150_000
    )
    session = ClassSessionFactory(
        training_class=training_class, held_on=timezone.localdate()
    )
    trainee = trainee_for_user(trainee_user)
    trainee.organisation = training_class.organisation
    trainee.save()
    (consent, *_others) = privacy.give_consents(
        trainee=trainee,
        purposes=[
            Consent.Purpose.TRAINING_ADMINISTRATION,
            Consent.Purpose.CERTIFICATES,
        ],
        by=trainee_user,
    )
    enrollment = enroll(
        trainee=trainee,
        training_class=training_class,
        method=Enrollment.Method.SELF,
        by=trainee_user,
    )
    complete_lesson(enrollment=enrollment, lesson=lessons[0])
    record_attendance(
        session=session,
        enrollment=enrollment,
        status="present",
        method="roll_call",
        by=organizer,
    )
    evidence = attach_evidence(
        session=session,
        file=SimpleUploadedFile(f"ky-ten-{label}.pdf", PDF),
        by=organizer,
    )
    quiz = quiz_with_questions(course, count=2, purpose=Quiz.Purpose.PRE_TEST)
    attempt = start_attempt(quiz=quiz, trainee=trainee)
    first = attempt.layout[0]["question"]
    attempt = submit_attempt(
        attempt=attempt,
        answers={
            first: SubmittedAnswer(
                choice_ids=(right_choice(Question.objects.get(pk=first)),), text=""
            )
        },
        version=attempt.version,
        by=trainee_user,
    )
    certificate = certificate_services.issue_certificate(
        enrollment=enrollment, by=organizer, override_reason="Học bù có giám sát"
    )
    # The worker renders certificates after issue; a download then only reads.
    certificate = certificate_services.render_certificate(certificate_id=certificate.pk)
    data_request = file_request(
        trainee=trainee,
        kind=DataSubjectRequest.Kind.ERASE,
        details="Xin xoá dữ liệu của tôi.",
        by=trainee_user,
    )
    export_job = start_export_job(
        user=organizer,
        filters={"training_class": training_class.pk},
        file_format="csv",
    )
    export_job = run_export_job(job_id=export_job.pk)
    return Side(
        label=label,
        course=course,
        lesson=lessons[0],
        quiz=quiz,
        training_class=training_class,
        session=session,
        evidence=evidence,
        trainee_user=trainee_user,
        trainee=trainee,
        enrollment=enrollment,
        consent=consent,
        attempt=attempt,
        certificate=certificate,
        data_request=data_request,
        export_job=export_job,
    )


def build_world(
    *,
    trainee: User,
    other_trainee: User,
    trainer: User,
    organizer: User,
    other_organizer: User,
    organisation: Organisation,
    other_organisation: Organisation,
) -> World:
    """Sides a and b in `organisation`, through the services wherever they exist."""
    superuser = UserFactory(
        username="superuser", is_staff=True, is_superuser=True, full_name="Quản trị"
    )
    template = CertificateTemplateFactory(organisation=organisation)
    CertificateTemplateFactory(organisation=other_organisation)
    today = timezone.localdate()

    page = course_page(course=CourseFactory(title="Khoá A"), slug="khoa-a")
    first_page = lesson_page(page, slug="bai-1", title="Bài một")
    lesson_page(page, slug="bai-2", title="Bài hai")
    first_page.refresh_from_db()
    course_a = page.course
    lessons_a = list(course_a.lessons.order_by("position"))
    course_b = CourseFactory(title="Khoá B")
    lessons_b = [LessonFactory(course=course_b), LessonFactory(course=course_b)]

    def online_class(course: Course, code: str) -> TrainingClass:
        return TrainingClassFactory(
            course=course,
            organisation=organisation,
            code=code,
            mode=TrainingClass.Mode.ONLINE,
            is_enrollment_open=True,
            capacity=50,
            starts_on=today - dt.timedelta(days=1),
            ends_on=today + dt.timedelta(days=1),
        )

    class_a = online_class(course_a, "LOP-A")
    class_a.trainers.add(trainer)
    class_b = online_class(course_b, "LOP-B")
    side_a = _build_side(
        "a",
        training_class=class_a,
        lessons=lessons_a,
        trainee_user=trainee,
        organizer=organizer,
    )
    side_b = _build_side(
        "b",
        training_class=class_b,
        lessons=lessons_b,
        trainee_user=other_trainee,
        organizer=organizer,
    )
    return World(
        a=side_a,
        b=side_b,
        users={
            "trainee": trainee,
            "other_trainee": other_trainee,
            "trainer": trainer,
            "organizer": organizer,
            "other_organizer": other_organizer,
            "superuser": superuser,
        },
        organisation=organisation,
        other_organisation=other_organisation,
        template=template,
        course_page=page,
        lesson_page=LessonPage.objects.get(pk=first_page.pk),
        extra=_wagtail_samples(organizer, trainers=Group.objects.get(name=TRAINERS)),
    )


def _png() -> bytes:
    out = io.BytesIO()
    PIL.Image.new("RGB", (8, 8), (200, 0, 0)).save(out, "PNG")
    return out.getvalue()


def _wagtail_samples(owner: User, *, trainers: Group) -> dict[str, Any]:
    """One of each of Wagtail's own records, for its object routes."""
    # As an upload through the admin leaves them: with their file's hash and size.
    image = get_image_model()(
        title="Ảnh minh hoạ",
        file=SimpleUploadedFile("anh.png", _png()),
        uploaded_by_user=owner,
    )
    image._set_image_file_metadata()
    image.save()
    document = get_document_model()(
        title="Tài liệu",
        file=SimpleUploadedFile("tai-lieu.pdf", PDF),
        uploaded_by_user=owner,
    )
    document._set_document_file_metadata()
    document.save()
    return {
        "image": image,
        "document": document,
        "collection": Collection.get_first_root_node(),
        "site": Site.objects.get(is_default_site=True),
        "workflow": Workflow.objects.order_by("pk").first(),
        "task": Task.objects.order_by("pk").first(),
        "group": trainers,
        "redirect": Redirect.objects.create(old_path="/cu", redirect_link="/moi"),
        "category": QuestionCategory.objects.order_by("pk").first(),
    }


# --- The table ---------------------------------------------------------------------

type Kwargs = Callable[[World, Side], dict[str, Any]]
type Data = Callable[[World, Side], dict[str, Any]]


@dataclass(frozen=True)
class Check:
    """`persona` asks for side `side`'s object (or for `kwargs`) and gets `expect`."""

    persona: str
    expect: Expect
    side: str = "a"
    kwargs: Kwargs | None = None


@dataclass(frozen=True)
class Scoped:
    """An object route: A's object, who gets in and who is refused, and how."""

    kwargs: Kwargs
    allowed: tuple[Check, ...]
    refused: tuple[Check, ...]
    method: str = "GET"
    data: Data | None = None


@dataclass(frozen=True)
class Unscoped:
    """A route whose parameter names no one's object, or whose objects another rule
    governs (Wagtail's own permissions, a secret code in the address). `sample`
    builds a real address for the crawls; `checks` pin what some personas get."""

    reason: str
    sample: Kwargs | None = None
    checks: tuple[Check, ...] = ()
    is_public: bool = False


type Entry = Scoped | Unscoped


def _pk(path: str, name: str = "pk") -> Kwargs:
    """kwargs {name: side.<path>.pk}; the path may be dotted (`enrollment.trainee`)."""

    def build(world: World, side: Side) -> dict[str, Any]:
        obj: Any = side
        for part in path.split("."):
            obj = getattr(obj, part)
        return {name: obj.pk}

    return build


def _world(path: str, name: str = "pk") -> Kwargs:
    """kwargs {name: world.<path>.pk} for objects outside the two sides."""

    def build(world: World, side: Side) -> dict[str, Any]:
        obj: Any = world
        for part in path.split("."):
            obj = obj[part] if isinstance(obj, dict) else getattr(obj, part)
        return {name: obj.pk}

    return build


def _fixed(**kwargs: Any) -> Kwargs:
    return lambda world, side: dict(kwargs)


def _allowed(*personas: str, expect: Expect = OK) -> tuple[Check, ...]:
    return tuple(Check(persona, expect) for persona in personas)


# Refusals shared by most rows. A trainer reaches only the classes they teach (side b
# is a class of their own organisation they do not teach); another organisation's
# organiser reaches nothing of side a; trainees reach no staff screen, not even their
# own class's.
SITE_STAFF_REFUSED = (
    Check("trainer", NOT_FOUND, side="b"),
    Check("other_organizer", NOT_FOUND),
    Check("trainee", NOT_FOUND),
    Check("other_trainee", NOT_FOUND),
)
ADMIN_STAFF_REFUSED = (
    Check("trainer", NOT_FOUND, side="b"),
    Check("other_organizer", NOT_FOUND),
    Check("trainee", ADMIN_LOGIN),
)
# The trainee's own records: trainee B asks for trainee A's, and staff, who see
# enrolments in the admin, find none of them on the trainee's pages either.
TRAINEE_REFUSED = (
    Check("other_trainee", NOT_FOUND),
    Check("organizer", NOT_FOUND),
    Check("trainer", NOT_FOUND),
)

COURSE_MATERIAL = (
    "course material, the same for everyone signed in; what a trainee does with it "
    "(attempts, progress) has its own scoped routes"
)
WAGTAIL_PAGES = (
    "Wagtail's page tree: page permissions (cms.services.PAGE_PERMISSIONS) govern "
    "editing; course material is shared by every organisation"
)
WAGTAIL_MEDIA = (
    "Wagtail images and documents: collection permissions govern them; they hold "
    "course material, never trainees' records (signed sheets are SessionEvidence)"
)
WAGTAIL_SETTINGS = (
    "Wagtail's own configuration (sites, users, groups, collections, workflows, "
    "redirects, settings, forms): Wagtail's permission policies; the roles hold none "
    "of these permissions (courses.roles)"
)
QUESTION_BANK = (
    "the question bank and quizzes belong to courses, which every organisation "
    "shares; model permissions govern them (trainers edit, organisers read)"
)
DJANGO_ADMIN = "the Django admin is the superusers' tool only (test_admin_matrix)"
WAGTAIL_API = (
    "the admin's own JSON API for choosers and the page explorer: Wagtail's page "
    "and collection permissions"
)


def _wagtail_admin(reason: str, sample: Kwargs | None = None) -> Unscoped:
    return Unscoped(
        reason,
        sample,
        checks=(Check("anonymous", ADMIN_LOGIN), Check("trainee", ADMIN_LOGIN)),
    )


def _django_admin(sample: Kwargs | None = None) -> Unscoped:
    return Unscoped(
        DJANGO_ADMIN,
        sample,
        checks=(
            Check("anonymous", DJANGO_ADMIN_LOGIN),
            Check("trainee", DJANGO_ADMIN_LOGIN),
            Check("trainer", DJANGO_ADMIN_LOGIN),
            Check("organizer", DJANGO_ADMIN_LOGIN),
        ),
    )


def _snippet_routes(model: str, sample: Kwargs) -> dict[str, Entry]:
    routes = [
        "edit",
        "delete",
        "usage",
        "history",
        "history_results",
        "copy",
        "preview_on_edit",
    ]
    if model == "questioncategory":
        routes.remove("preview_on_edit")
    entries: dict[str, Entry] = {
        f"wagtailsnippets_courses_{model}:{route}": _wagtail_admin(
            QUESTION_BANK, sample
        )
        for route in routes
    }
    entries[f"wagtailsnippetchoosers_courses_{model}:chosen"] = _wagtail_admin(
        QUESTION_BANK, sample
    )
    return entries


def _django_admin_model(app_model: str, sample: Kwargs) -> dict[str, Entry]:
    app, model = app_model.split("_", 1)
    entries: dict[str, Entry] = {
        f"admin:{app_model}_{view}": _django_admin(sample)
        for view in ("history", "delete", "change")
    }
    entries[f"django-admin/{app}/{model}/<path:object_id>/"] = _django_admin(sample)
    return entries


def _object_id(path: str) -> Kwargs:
    def build(world: World, side: Side) -> dict[str, Any]:
        return {"object_id": str(_world(path)(world, side)["pk"])}

    return build


type Rows = tuple[tuple[Check, ...], tuple[Check, ...]]


def _domain_viewset(
    prefix: str,
    kwargs: Kwargs,
    *,
    edit: Rows,
    read: Rows,
    delete: tuple[Check, ...],
    nobody_deletes: bool = False,
) -> dict[str, Entry]:
    """A scoped ModelViewSet's object routes: edit, delete, history and usage."""
    rows: dict[str, Entry] = {
        f"{prefix}:edit": Scoped(kwargs, allowed=edit[0], refused=edit[1]),
        f"{prefix}:delete": Scoped(
            kwargs,
            allowed=() if nobody_deletes else _allowed("superuser"),
            refused=delete,
        ),
    }
    for route in ("history", "history_results", "usage"):
        rows[f"{prefix}:{route}"] = Scoped(kwargs, allowed=read[0], refused=read[1])
    return rows


def _qr_code(world: World, side: Side) -> dict[str, Any]:
    return {
        "session_id": side.session.pk,
        "code": qr_codes.current_code(side.session.pk, timezone.now()),
    }


def _wrong_code(world: World, side: Side) -> dict[str, Any]:
    return {"session_id": side.session.pk, "code": "MA-CU-DA-HET-HAN"}


def _page(name: str = "page_id") -> Kwargs:
    return lambda world, side: {name: world.lesson_page.pk}


def _course_page(name: str = "parent_page_id") -> Kwargs:
    return lambda world, side: {name: world.course_page.pk}


def _extra(key: str, name: str = "pk", *, as_str: bool = False) -> Kwargs:
    def build(world: World, side: Side) -> dict[str, Any]:
        pk = world.extra[key].pk
        return {name: str(pk) if as_str else pk}

    return build


def _both(*builders: Kwargs, **fixed: Any) -> Kwargs:
    def build(world: World, side: Side) -> dict[str, Any]:
        kwargs: dict[str, Any] = {}
        for builder in builders:
            kwargs.update(builder(world, side))
        return {**kwargs, **fixed}

    return build


MISSING = 999_999  # an id nothing has: the route's own 404 (or Wagtail's refusal)

ORGANIZER_ONLY_REFUSED = (
    Check("other_organizer", NOT_FOUND),
    Check("trainee", ADMIN_LOGIN),
)
# Trainers hold no certificate or data-request permission: Wagtail's refusal.
TRAINER_NO_PERMISSION = Check("trainer", ADMIN_HOME)

ACCESS_TABLE: dict[str, Entry] = {
    # --- The public site: trainees' own records -----------------------------------
    "courses:progress": Scoped(
        _pk("enrollment", "enrollment_id"),
        allowed=_allowed("trainee"),
        refused=TRAINEE_REFUSED,
    ),
    "courses:withdraw": Scoped(
        _pk("enrollment", "enrollment_id"),
        allowed=_allowed("trainee"),
        refused=TRAINEE_REFUSED,
    ),
    "courses:done": Scoped(
        _pk("lesson", "lesson_id"),
        method="POST",
        allowed=_allowed("trainee", expect=FOUND),
        # Trainee B is enrolled in course B only: course A's lesson has no place of
        # theirs to mark.
        refused=(Check("other_trainee", NOT_FOUND), Check("organizer", NOT_FOUND)),
    ),
    "courses:opened": Scoped(
        _pk("lesson", "lesson_id"),
        method="POST",
        allowed=_allowed("trainee", expect=NO_CONTENT),
        refused=(Check("other_trainee", NOT_FOUND), Check("organizer", NOT_FOUND)),
    ),
    "courses:withdraw-consent": Scoped(
        _pk("consent", "consent_id"),
        method="POST",
        allowed=_allowed("trainee", expect=FOUND),
        refused=TRAINEE_REFUSED,
    ),
    "courses:attempt": Scoped(
        _pk("attempt", "attempt_id"),
        # A graded attempt's page is its review.
        allowed=_allowed("trainee", expect=FOUND),
        refused=TRAINEE_REFUSED,
    ),
    "courses:attempt-save": Scoped(
        _pk("attempt", "attempt_id"),
        method="POST",
        allowed=_allowed("trainee", expect=FOUND),
        refused=TRAINEE_REFUSED,
    ),
    "courses:attempt-submit": Scoped(
        _pk("attempt", "attempt_id"),
        method="POST",
        allowed=_allowed("trainee", expect=FOUND),
        refused=TRAINEE_REFUSED,
    ),
    "courses:attempt-review": Scoped(
        _pk("attempt", "attempt_id"),
        allowed=_allowed("trainee"),
        refused=TRAINEE_REFUSED,
    ),
    "certificates:download": Scoped(
        _pk("certificate", "certificate_id"),
        allowed=_allowed("trainee"),
        refused=TRAINEE_REFUSED,
    ),
    # --- The public site: staff screens of one class --------------------------------
    "courses:class-sessions": Scoped(
        _pk("training_class", "class_id"),
        allowed=_allowed("trainer", "organizer"),
        refused=SITE_STAFF_REFUSED,
    ),
    "courses:roll-call": Scoped(
        _pk("session", "session_id"),
        allowed=_allowed("trainer", "organizer"),
        refused=SITE_STAFF_REFUSED,
    ),
    "courses:roll-call-mark": Scoped(
        _pk("session", "session_id"),
        method="POST",
        data=lambda world, side: {"all": "1"},
        allowed=_allowed("trainer", "organizer", expect=FOUND),
        refused=SITE_STAFF_REFUSED,
    ),
    "courses:walk-in": Scoped(
        _pk("session", "session_id"),
        method="POST",
        data=lambda world, side: {"full_name": "Lường Văn Mới", "phone": ""},
        allowed=_allowed("trainer", "organizer", expect=FOUND),
        refused=SITE_STAFF_REFUSED,
    ),
    "courses:upload-evidence": Scoped(
        _pk("session", "session_id"),
        method="POST",
        data=lambda world, side: {"file": SimpleUploadedFile("ky.pdf", PDF)},
        allowed=_allowed("trainer", "organizer", expect=FOUND),
        refused=SITE_STAFF_REFUSED,
    ),
    "courses:evidence-file": Scoped(
        _pk("evidence", "evidence_id"),
        allowed=_allowed("trainer", "organizer"),
        refused=SITE_STAFF_REFUSED,
    ),
    "courses:qr-screen": Scoped(
        _pk("session", "session_id"),
        allowed=_allowed("trainer", "organizer"),
        refused=SITE_STAFF_REFUSED,
    ),
    "courses:qr-check-in": Scoped(
        _qr_code,
        method="POST",
        allowed=(
            Check("trainee", OK),
            # A code no longer on the screen: the class's own trainee is told to rescan.
            Check("trainee", CONFLICT, kwargs=_wrong_code),
        ),
        # The current code is the key to the page (it is on the screen in the room);
        # recording also needs a place in the class. Without the code, someone outside
        # the class learns nothing of the session.
        refused=(
            Check("other_trainee", CONFLICT),
            Check("trainer", CONFLICT),
            Check("other_trainee", NOT_FOUND, kwargs=_wrong_code),
            Check("organizer", NOT_FOUND, kwargs=_wrong_code),
        ),
    ),
    # --- The public site: no one's object --------------------------------------------
    "lesson-redirect": Unscoped(
        "a published lesson is public material",
        _pk("lesson", "lesson_id"),
        is_public=True,
    ),
    "courses:enrol": Unscoped(
        "a class's enrolment page: signing in is required, the enrolment service "
        "refuses classes that are not open online",
        _pk("training_class", "class_id"),
        checks=(Check("anonymous", SITE_LOGIN), Check("other_trainee", OK)),
    ),
    "courses:quiz": Unscoped(
        COURSE_MATERIAL,
        _pk("quiz", "quiz_id"),
        checks=(Check("anonymous", SITE_LOGIN), Check("other_trainee", OK)),
    ),
    "courses:quiz-start": Unscoped(COURSE_MATERIAL, _pk("quiz", "quiz_id")),
    "certificates:verify": Unscoped(
        "public by code: the code printed on the paper is the key",
        lambda world, side: {"code": side.certificate.verification_code},
        checks=(Check("anonymous", OK),),
        is_public=True,
    ),
    "password_reset_confirm": Unscoped(
        "public by token: the emailed link is the key",
        _fixed(uidb64="MQ", token="set-password"),
        is_public=True,
    ),
    "wagtail_serve": Unscoped(
        "Wagtail pages are public unless Wagtail's page privacy says otherwise",
        lambda world, side: {"__args__": [world.lesson_page.url.strip("/") + "/"]},
        checks=(Check("anonymous", OK),),
        is_public=True,
    ),
    "wagtaildocs_serve": Unscoped(
        WAGTAIL_MEDIA,
        lambda world, side: {
            "__args__": [
                world.extra["document"].pk,
                world.extra["document"].filename,
            ]
        },
        is_public=True,
    ),
    "wagtaildocs_authenticate_with_password": Unscoped(
        WAGTAIL_MEDIA, _fixed(restriction_id=MISSING), is_public=True
    ),
    "wagtailcore_authenticate_with_password": Unscoped(
        "Wagtail's password-protected pages",
        _both(_page(), page_view_restriction_id=MISSING),
        is_public=True,
    ),
    # --- Wagtail admin: class screens ---------------------------------------------
    "courses_class_quiz_report": Scoped(
        _pk("training_class", "class_id"),
        allowed=_allowed("trainer", "organizer"),
        refused=ADMIN_STAFF_REFUSED,
    ),
    "courses_class_results_export": Scoped(
        _both(_pk("training_class", "class_id"), fmt="csv"),
        allowed=_allowed("trainer", "organizer"),
        refused=ADMIN_STAFF_REFUSED,
    ),
    "courses_class_exports": Scoped(
        _pk("training_class", "class_id"),
        allowed=_allowed("trainer", "organizer"),
        refused=ADMIN_STAFF_REFUSED,
    ),
    "courses_class_attendance_export": Scoped(
        _both(_pk("training_class", "class_id"), file_format="csv"),
        allowed=_allowed("trainer", "organizer"),
        refused=ADMIN_STAFF_REFUSED,
    ),
    "courses_class_allowances_export": Scoped(
        _both(_pk("training_class", "class_id"), file_format="xlsx"),
        allowed=_allowed("trainer", "organizer"),
        refused=ADMIN_STAFF_REFUSED,
    ),
    "courses_class_sign_in_sheets": Scoped(
        _pk("training_class", "class_id"),
        allowed=_allowed("trainer", "organizer"),
        refused=ADMIN_STAFF_REFUSED,
    ),
    "courses_session_sign_in_sheet": Scoped(
        _pk("session", "session_id"),
        allowed=_allowed("trainer", "organizer"),
        refused=ADMIN_STAFF_REFUSED,
    ),
    "courses_export_jobs:detail": Scoped(
        _pk("export_job", "job_id"),
        allowed=_allowed("organizer"),
        # A job belongs to the user who asked, whoever else may see the class.
        refused=(
            Check("trainer", NOT_FOUND),
            Check("other_organizer", NOT_FOUND),
            Check("trainee", ADMIN_LOGIN),
        ),
    ),
    "courses_export_jobs:download": Scoped(
        _pk("export_job", "job_id"),
        allowed=_allowed("organizer"),
        refused=(
            Check("trainer", NOT_FOUND),
            Check("other_organizer", NOT_FOUND),
            Check("trainee", ADMIN_LOGIN),
        ),
    ),
    # --- Wagtail admin: certificates --------------------------------------------------
    "certificates_admin:class": Scoped(
        _pk("training_class", "class_id"),
        allowed=_allowed("organizer"),
        refused=(*ORGANIZER_ONLY_REFUSED, TRAINER_NO_PERMISSION),
    ),
    "certificates_admin:class_issue": Scoped(
        _pk("training_class", "class_id"),
        method="POST",
        allowed=_allowed("organizer", expect=FOUND),
        refused=(*ORGANIZER_ONLY_REFUSED, TRAINER_NO_PERMISSION),
    ),
    "certificates_admin:class_override": Scoped(
        _both(_pk("training_class", "class_id"), _pk("enrollment", "enrollment_id")),
        method="POST",
        data=lambda world, side: {"reason": "Học bù có giám sát", "result": "Đạt"},
        allowed=_allowed("organizer", expect=FOUND),
        refused=(
            *ORGANIZER_ONLY_REFUSED,
            Check("trainer", ADMIN_HOME),
            # Class A in the address, trainee B's enrolment (class B) in the other.
            Check(
                "organizer",
                NOT_FOUND,
                kwargs=lambda world, side: {
                    "class_id": world.a.training_class.pk,
                    "enrollment_id": world.b.enrollment.pk,
                },
            ),
        ),
    ),
    "certificates_admin:class_pdf": Scoped(
        _pk("training_class", "class_id"),
        allowed=_allowed("organizer"),
        refused=(*ORGANIZER_ONLY_REFUSED, TRAINER_NO_PERMISSION),
    ),
    "certificates_admin:class_zip": Scoped(
        _pk("training_class", "class_id"),
        allowed=_allowed("organizer"),
        refused=(*ORGANIZER_ONLY_REFUSED, TRAINER_NO_PERMISSION),
    ),
    "certificate:inspect": Scoped(
        _pk("certificate"),
        allowed=_allowed("organizer"),
        refused=(*ORGANIZER_ONLY_REFUSED, TRAINER_NO_PERMISSION),
    ),
    "certificate:pdf": Scoped(
        _pk("certificate"),
        allowed=_allowed("organizer"),
        refused=(*ORGANIZER_ONLY_REFUSED, TRAINER_NO_PERMISSION),
    ),
    "certificate:revoke": Scoped(
        _pk("certificate"),
        method="POST",
        data=lambda world, side: {"reason": "Cấp nhầm"},
        allowed=_allowed("organizer", expect=FOUND),
        refused=(*ORGANIZER_ONLY_REFUSED, TRAINER_NO_PERMISSION),
    ),
    "certificate:reissue": Scoped(
        _pk("certificate"),
        method="POST",
        data=lambda world, side: {"reason": "Sửa ngày sinh", "result": "Đạt"},
        allowed=_allowed("organizer", expect=FOUND),
        refused=(*ORGANIZER_ONLY_REFUSED, TRAINER_NO_PERMISSION),
    ),
    "certificatetemplate:preview_pdf": Scoped(
        _world("template"),
        allowed=_allowed("organizer"),
        refused=(*ORGANIZER_ONLY_REFUSED, TRAINER_NO_PERMISSION),
    ),
    **_domain_viewset(
        "certificatetemplate",
        _world("template"),
        edit=(_allowed("organizer"), (*ORGANIZER_ONLY_REFUSED, TRAINER_NO_PERMISSION)),
        read=(_allowed("organizer"), (*ORGANIZER_ONLY_REFUSED, TRAINER_NO_PERMISSION)),
        delete=(
            *ORGANIZER_ONLY_REFUSED,
            Check("organizer", ADMIN_HOME),
            TRAINER_NO_PERMISSION,
        ),
    ),
    # --- Wagtail admin: the domain's viewsets -----------------------------------------
    # Wagtail checks a view's model permission before the scope on edit screens, and
    # after it (in finding the object) on the others; the roles delete nothing.
    **_domain_viewset(
        "trainingclass",
        _pk("training_class"),
        edit=(_allowed("organizer"), (*ORGANIZER_ONLY_REFUSED, TRAINER_NO_PERMISSION)),
        read=(_allowed("organizer"), (*ADMIN_STAFF_REFUSED, TRAINER_NO_PERMISSION)),
        delete=(*ADMIN_STAFF_REFUSED, Check("organizer", ADMIN_HOME)),
    ),
    **_domain_viewset(
        "enrollment",
        _pk("enrollment"),
        edit=(_allowed("trainer", "organizer"), ADMIN_STAFF_REFUSED),
        read=(_allowed("trainer", "organizer"), ADMIN_STAFF_REFUSED),
        delete=(*ADMIN_STAFF_REFUSED, Check("organizer", ADMIN_HOME)),
    ),
    **_domain_viewset(
        "trainee",
        _pk("trainee"),
        edit=(
            _allowed("organizer"),
            (
                Check("trainer", ADMIN_HOME, side="b"),
                Check("other_organizer", NOT_FOUND),
                Check("trainee", ADMIN_LOGIN),
            ),
        ),
        read=(_allowed("organizer"), (*ADMIN_STAFF_REFUSED, TRAINER_NO_PERMISSION)),
        delete=(*ADMIN_STAFF_REFUSED, Check("organizer", ADMIN_HOME)),
    ),
    # Organisers only list their organisation tree; superusers keep it.
    **_domain_viewset(
        "organisation",
        _world("organisation"),
        edit=(
            _allowed("superuser"),
            (
                Check("organizer", ADMIN_HOME),
                Check("other_organizer", ADMIN_HOME),
                Check("trainee", ADMIN_LOGIN),
            ),
        ),
        read=(
            _allowed("superuser"),
            (*ORGANIZER_ONLY_REFUSED, Check("organizer", ADMIN_HOME)),
        ),
        delete=(*ORGANIZER_ONLY_REFUSED, Check("organizer", ADMIN_HOME)),
    ),
    **_domain_viewset(
        "datasubjectrequest",
        _pk("data_request"),
        edit=(_allowed("organizer"), (*ORGANIZER_ONLY_REFUSED, TRAINER_NO_PERMISSION)),
        read=(_allowed("organizer"), (*ORGANIZER_ONLY_REFUSED, TRAINER_NO_PERMISSION)),
        # A request is never deleted, not even by a superuser (RequestQueuePolicy).
        delete=(
            *ORGANIZER_ONLY_REFUSED,
            Check("organizer", ADMIN_HOME),
            Check("superuser", ADMIN_HOME),
            TRAINER_NO_PERMISSION,
        ),
        nobody_deletes=True,
    ),
    **{
        f"datasubjectrequest:{route}": Scoped(
            _pk("data_request"),
            allowed=_allowed("organizer"),
            refused=(*ORGANIZER_ONLY_REFUSED, TRAINER_NO_PERMISSION),
        )
        for route in ("export", "erase")
    },
    **{
        f"course:{route}": _wagtail_admin(
            "courses are the shared catalogue, no organisation's own; model "
            "permissions govern them (organisers add and change)",
            _pk("course"),
        )
        for route in ("edit", "delete", "history", "history_results", "usage", "copy")
    },
    # --- Wagtail admin: question bank ----------------------------------------------
    **_snippet_routes("quiz", _pk("quiz")),
    **_snippet_routes(
        "question", lambda world, side: {"pk": side.quiz.items.first().question_id}
    ),
    **_snippet_routes("questioncategory", _extra("category")),
}

_lesson_page = _page()
_revision = lambda world, side: {  # noqa: E731
    "page_id": world.lesson_page.pk,
    "revision_id": world.lesson_page.latest_revision_id,
}
_lesson_type = _fixed(content_type_app_name="cms", content_type_model_name="lessonpage")

ACCESS_TABLE |= {
    # --- Wagtail admin: its page tree, media and JSON API ----------------------------
    "wagtailadmin_api:pages:detail": _wagtail_admin(WAGTAIL_API, _page("pk")),
    "wagtailadmin_api:pages:action": _wagtail_admin(
        WAGTAIL_API, _both(_page("pk"), action_name="copy")
    ),
    "wagtailadmin_api:documents:detail": _wagtail_admin(
        WAGTAIL_API, _extra("document")
    ),
    "wagtailadmin_api:images:detail": _wagtail_admin(WAGTAIL_API, _extra("image")),
    "wagtailadmin_explore": _wagtail_admin(WAGTAIL_PAGES, _course_page()),
    "wagtailadmin_explore_results": _wagtail_admin(WAGTAIL_PAGES, _course_page()),
    "wagtail_bulk_action": _wagtail_admin(
        WAGTAIL_PAGES,
        _fixed(app_label="wagtailcore", model_name="page", action="delete"),
    ),
    "wagtailadmin_pages:add": _wagtail_admin(
        WAGTAIL_PAGES, _both(_lesson_type, _course_page())
    ),
    "wagtailadmin_pages:preview_on_add": _wagtail_admin(
        WAGTAIL_PAGES, _both(_lesson_type, _course_page())
    ),
    "wagtailadmin_pages:type_use": _wagtail_admin(WAGTAIL_PAGES, _lesson_type),
    "wagtailadmin_pages:type_use_results": _wagtail_admin(WAGTAIL_PAGES, _lesson_type),
    "wagtailadmin_pages:choose_parent": _wagtail_admin(
        WAGTAIL_PAGES, _fixed(app_label="cms", model_name="lessonpage")
    ),
    **{
        f"wagtailadmin_pages:{route}": _wagtail_admin(WAGTAIL_PAGES, _lesson_page)
        for route in (
            "usage",
            "edit",
            "preview_on_edit",
            "view_draft",
            "delete",
            "unpublish",
            "convert_alias",
            "copy",
            "set_privacy",
            "lock",
            "unlock",
            "revisions_index",
            "workflow_history",
            "history",
            "history_results",
            "confirm_workflow_cancellation",
        )
    },
    "wagtailadmin_pages:add_subpage": _wagtail_admin(WAGTAIL_PAGES, _course_page()),
    "wagtailadmin_pages:move": _wagtail_admin(WAGTAIL_PAGES, _page("page_to_move_id")),
    "wagtailadmin_pages:set_page_position": _wagtail_admin(
        WAGTAIL_PAGES, _page("page_to_move_id")
    ),
    "wagtailadmin_pages:move_confirm": _wagtail_admin(
        WAGTAIL_PAGES, _both(_page("page_to_move_id"), _course_page("destination_id"))
    ),
    "wagtailadmin_pages:workflow_action": _wagtail_admin(
        WAGTAIL_PAGES,
        _both(_lesson_page, action_name="approve", task_state_id=MISSING),
    ),
    "wagtailadmin_pages:collect_workflow_action_data": _wagtail_admin(
        WAGTAIL_PAGES,
        _both(_lesson_page, action_name="approve", task_state_id=MISSING),
    ),
    "wagtailadmin_pages:workflow_preview": _wagtail_admin(
        WAGTAIL_PAGES, _both(_lesson_page, _extra("task", "task_id"))
    ),
    "wagtailadmin_pages:revisions_view": _wagtail_admin(WAGTAIL_PAGES, _revision),
    "wagtailadmin_pages:revisions_revert": _wagtail_admin(WAGTAIL_PAGES, _revision),
    "wagtailadmin_pages:revisions_unschedule": _wagtail_admin(WAGTAIL_PAGES, _revision),
    "wagtailadmin_pages:revisions_compare": _wagtail_admin(
        WAGTAIL_PAGES,
        _both(_page("pk"), revision_id_a="earliest", revision_id_b="latest"),
    ),
    "wagtailadmin_pages:workflow_history_detail": _wagtail_admin(
        WAGTAIL_PAGES, _both(_lesson_page, workflow_state_id=MISSING)
    ),
    "wagtailadmin_choose_page_child": _wagtail_admin(WAGTAIL_PAGES, _course_page()),
    "wagtailadmin_tag_model_autocomplete": _wagtail_admin(
        WAGTAIL_MEDIA, _fixed(app_name="wagtailimages", model_name="image")
    ),
    "wagtailadmin_editing_sessions:ping": _wagtail_admin(
        "Wagtail's concurrent-editing notices, for whoever may edit the object",
        lambda world, side: {
            "app_label": "wagtailcore",
            "model_name": "page",
            "object_id": str(world.lesson_page.pk),
            "session_id": MISSING,
        },
    ),
    "wagtailadmin_editing_sessions:release": _wagtail_admin(
        "Wagtail's concurrent-editing notices, for whoever may edit the object",
        _fixed(session_id=MISSING),
    ),
    "wagtailadmin_password_reset_confirm": Unscoped(
        "public by token: the emailed link is the key",
        _fixed(uidb64="MQ", token="set-password"),
        is_public=True,
    ),
    **{
        f"wagtaildocs:{route}": _wagtail_admin(
            WAGTAIL_MEDIA, _extra("document", "document_id")
        )
        for route in ("edit", "delete", "document_usage")
    },
    **{
        f"wagtaildocs:{route}": _wagtail_admin(
            WAGTAIL_MEDIA, _extra("document", "doc_id")
        )
        for route in ("edit_multiple", "delete_multiple")
    },
    **{
        f"wagtaildocs:{route}": _wagtail_admin(
            WAGTAIL_MEDIA, _fixed(uploaded_file_id=MISSING)
        )
        for route in (
            "create_multiple_from_uploaded_document",
            "delete_upload_multiple",
        )
    },
    **{
        f"wagtailimages:{route}": _wagtail_admin(
            WAGTAIL_MEDIA, _extra("image", "image_id")
        )
        for route in (
            "edit",
            "delete",
            "url_generator",
            "url_generator_output",
            "image_usage",
            "edit_multiple",
            "delete_multiple",
        )
    },
    "wagtailimages:preview": _wagtail_admin(
        WAGTAIL_MEDIA, _both(_extra("image", "image_id"), filter_spec="original")
    ),
    **{
        f"wagtailimages:{route}": _wagtail_admin(
            WAGTAIL_MEDIA, _fixed(uploaded_file_id=MISSING)
        )
        for route in ("create_multiple_from_uploaded_image", "delete_upload_multiple")
    },
    "wagtaildocs_chooser:chosen": _wagtail_admin(
        WAGTAIL_MEDIA, _extra("document", as_str=True)
    ),
    "wagtailimages_chooser:chosen": _wagtail_admin(
        WAGTAIL_MEDIA, _extra("image", as_str=True)
    ),
    "wagtailimages_chooser:select_format": _wagtail_admin(
        WAGTAIL_MEDIA, _extra("image", "image_id")
    ),
    # --- Wagtail admin: its own configuration ---------------------------------------
    "wagtailadmin_collections:edit": _wagtail_admin(
        WAGTAIL_SETTINGS, _extra("collection")
    ),
    "wagtailadmin_collections:delete": _wagtail_admin(
        WAGTAIL_SETTINGS, _extra("collection")
    ),
    "wagtailadmin_collections:set_privacy": _wagtail_admin(
        WAGTAIL_SETTINGS, _extra("collection", "collection_id")
    ),
    **{
        f"wagtailadmin_workflows:{route}": _wagtail_admin(
            WAGTAIL_SETTINGS, _extra("workflow")
        )
        for route in ("enable", "disable", "edit", "usage", "usage_results")
    },
    # Two patterns share this name (with and without the workflow): one entry.
    "wagtailadmin_workflows:remove": _wagtail_admin(WAGTAIL_SETTINGS, _page("page_pk")),
    "wagtailadmin_workflows:add_task": _wagtail_admin(
        WAGTAIL_SETTINGS,
        _fixed(app_label="wagtailcore", model_name="groupapprovaltask"),
    ),
    **{
        f"wagtailadmin_workflows:{route}": _wagtail_admin(
            WAGTAIL_SETTINGS, _extra("task")
        )
        for route in ("edit_task", "disable_task", "enable_task")
    },
    "wagtailadmin_workflows:task_chosen": _wagtail_admin(
        WAGTAIL_SETTINGS, _extra("task", "task_id")
    ),
    **{
        f"wagtailforms:{route}": _wagtail_admin(WAGTAIL_SETTINGS, _lesson_page)
        for route in (
            "list_submissions",
            "list_submissions_results",
            "delete_submissions",
        )
    },
    "wagtailredirects:edit": _wagtail_admin(
        WAGTAIL_SETTINGS, _extra("redirect", "redirect_id")
    ),
    "wagtailredirects:delete": _wagtail_admin(
        WAGTAIL_SETTINGS, _extra("redirect", "redirect_id")
    ),
    # Two patterns share this name (with and without the row's pk): one entry.
    "wagtailsettings:edit": _wagtail_admin(
        WAGTAIL_SETTINGS, _fixed(app_name="wagtailcore", model_name="site")
    ),
    "wagtailsettings:preview_on_edit": _wagtail_admin(
        WAGTAIL_SETTINGS, _fixed(app_name="wagtailcore", model_name="site", pk=1)
    ),
    **{
        f"{viewset}:{route}": _wagtail_admin(WAGTAIL_SETTINGS, sample)
        for viewset, sample in (
            ("wagtailsites", _extra("site")),
            ("wagtailusers_users", _pk("trainee_user")),
            ("wagtailusers_groups", _extra("group")),
        )
        for route in ("edit", "delete", "history", "history_results", "usage", "copy")
        if not (viewset == "wagtailusers_groups" and route == "copy")
    },
    # --- The Django admin -------------------------------------------------------------
    "admin:view_on_site": _django_admin(
        lambda world, side: {
            "content_type_id": str(ContentType.objects.get_for_model(User).pk),
            "object_id": str(side.trainee_user.pk),
        }
    ),
    "admin:auth_user_password_change": _django_admin(
        lambda world, side: {"id": str(side.trainee_user.pk)}
    ),
    "admin:app_list": _django_admin(_fixed(app_label="courses")),
    "django-admin/(?P<url>.*)$": _django_admin(
        _fixed(__path__="/django-admin/no-such-page/")
    ),
    **_django_admin_model("auth_group", _object_id("extra.group")),
    **_django_admin_model(
        "courses_user", lambda world, side: {"object_id": str(side.trainee_user.pk)}
    ),
    **_django_admin_model("wagtaildocs_document", _object_id("extra.document")),
    **_django_admin_model("wagtailimages_image", _object_id("extra.image")),
    **_django_admin_model("taggit_tag", _fixed(object_id=str(MISSING))),
    **_django_admin_model("axes_accessattempt", _fixed(object_id=str(MISSING))),
    **_django_admin_model("axes_accesslog", _fixed(object_id=str(MISSING))),
    **_django_admin_model("axes_accessfailurelog", _fixed(object_id=str(MISSING))),
}


# --- Addresses ---------------------------------------------------------------------


def url_for(key: str, kwargs: dict[str, Any]) -> str:
    """The address of a table key: reversed by name, or filled in for unnamed ones."""
    kwargs = dict(kwargs)
    if "__path__" in kwargs:
        return kwargs["__path__"]
    if "__args__" in kwargs:
        return reverse(key, args=kwargs["__args__"])
    if "/" not in key:  # a route name; unnamed routes are keyed by their pattern
        return reverse(key, kwargs=kwargs)
    path = re.sub(r"<(?:\w+:)?(\w+)>", lambda m: str(kwargs[m.group(1)]), key)
    return "/" + path


# --- Crawling ---------------------------------------------------------------------

# Wagtail's sign-out drops the session cookie even when it refuses a GET (405).
SIGN_OUT = {"logout", "wagtailadmin_logout", "admin:logout"}


def addresses(world: World) -> list[tuple[str, str]]:
    """(key, address) of every page to crawl: each route, with A's objects."""
    found: list[tuple[str, str]] = []
    for route in all_routes():
        if route.is_parameterised:
            entry = ACCESS_TABLE[route.key]
            build = entry.kwargs if isinstance(entry, Scoped) else entry.sample
            if build is None:
                continue
            found.append((route.key, url_for(route.key, build(world, world.a))))
        elif "/" in route.key:  # unnamed: keyed by its pattern
            found.append((route.key, "/" + route.key.replace("^.*/$", "x/")))
        else:
            found.append((route.key, reverse(route.key)))
    pages = [
        world.course_page.get_parent().get_parent(),  # home
        world.course_page.get_parent(),  # catalogue
        world.course_page,
        *world.course_page.get_children(),
    ]
    found += [("page", page.url) for page in pages]
    found += [("page (English)", "/en" + page.url) for page in pages]
    found += [
        ("search", reverse("search") + "?q=bai"),
        ("courses:open-classes", reverse("courses:open-classes") + "?course=C"),
        (
            "courses:roll-call",
            reverse("courses:roll-call", args=[world.a.session.pk]) + "?paper=1",
        ),
    ]
    return found


# --- Asking ------------------------------------------------------------------------


def clients(world: World) -> dict[str, Client]:
    """A signed-in test client per persona, and one for an anonymous visitor."""
    by_persona = {"anonymous": Client()}
    for persona, user in world.users.items():
        client = Client()
        client.force_login(user)
        by_persona[persona] = client
    return by_persona


def ask(
    client: Client,
    method: str,
    url: str,
    data: dict[str, Any] | None = None,
    *,
    watch_rows: bool = False,
) -> tuple[HttpResponseBase, dict[str, tuple[int, int]]]:
    """One request whose writes are rolled back, so each check starts from the same
    world; with `watch_rows`, also the tables whose row counts it changed."""
    with transaction.atomic():
        before = row_counts() if watch_rows else {}
        response = client.post(url, data or {}) if method == "POST" else client.get(url)
        if response.streaming:
            # Read to the end: the test client's wrapper then closes the file without
            # closing the database connection, as calling close() here would.
            b"".join(response.streaming_content)
        after = row_counts() if watch_rows else {}
        transaction.set_rollback(True)
    cache.clear()
    changed = {
        table: (count, after[table])
        for table, count in before.items()
        if after[table] != count
    }
    return response, changed


def row_counts() -> dict[str, int]:
    """Rows per table of every installed model, in one query."""
    tables = sorted(
        {
            model._meta.db_table
            for model in apps.get_models(include_auto_created=True)
            if model._meta.managed and not model._meta.proxy
        }
    )
    quote = connection.ops.quote_name
    # Table names from the models' own options, quoted: nothing from a request.
    counts = ", ".join(f"(SELECT COUNT(*) FROM {quote(t)})" for t in tables)  # noqa: S608
    sql = f"SELECT {counts}"
    with connection.cursor() as cursor:
        cursor.execute(sql)
        return dict(zip(tables, cursor.fetchone(), strict=True))
