"""The world every XSS test reads: built once, holding every payload in every
text entry point."""

import datetime as dt
import io
from dataclasses import dataclass, field

import PIL.Image
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from wagtail.documents import get_document_model
from wagtail.images import get_image_model

from certificates.models import Certificate, CertificateTemplate
from cms.models import CourseIndexPage, CoursePage, HomePage, LessonPage, StandardPage
from courses import privacy
from courses.models import (
    Attempt,
    ClassSession,
    Consent,
    DataSubjectRequest,
    Enrollment,
    Quiz,
    Trainee,
    TrainingClass,
    User,
)
from courses.privacy.subject_rights import file_request
from courses.services import enroll, trainee_for_user
from courses.services.attendance import attach_evidence
from courses.services.quizzes import SubmittedAnswer, start_attempt, submit_attempt
from courses.vietnamese import nfc
from tests.courses.factories import (
    ClassSessionFactory,
    CourseFactory,
    OrganisationFactory,
    UserFactory,
)
from tests.lms.xss.placement import (
    EVERYTHING,
    NAMES,
    ROSTER_NAMES,
    WALK_INS,
    first_pack,
    joined,
)
from tests.lms.xss.world_admin import build_certificates, import_through_admin
from tests.lms.xss.world_content import build_pages, build_quizzes, take_big_quiz
from tests.lms.xss_payloads import markers_of, pack


@dataclass
class World:
    admin: User
    trainee_user: User
    trainee: Trainee
    training_class: TrainingClass
    session: ClassSession
    home: HomePage
    catalogue: CourseIndexPage
    course_page: CoursePage
    lesson_pages: list[LessonPage]
    standard_page: StandardPage
    big_quiz: Quiz
    pre_quiz: Quiz
    attempt: Attempt
    certificates: list[Certificate]
    revoked: Certificate
    reissued: Certificate
    template: CertificateTemplate
    data_request: DataSubjectRequest
    # Which payloads went where, to check that pages show them.
    placed: dict[str, set[str]] = field(default_factory=dict)
    # Pages answered while the world was built: the import previews, the attempt.
    rendered: dict[str, str] = field(default_factory=dict)


def _png() -> bytes:
    out = io.BytesIO()
    PIL.Image.new("RGB", (8, 8), (0, 90, 60)).save(out, "PNG")
    return out.getvalue()


def build_world() -> World:
    today = timezone.localdate()
    organisation = OrganisationFactory(name=first_pack(EVERYTHING, 255)[0])
    admin = UserFactory(
        username="xss_admin",
        is_staff=True,
        is_superuser=True,
        full_name=NAMES[0].text,
        organisation=organisation,
    )
    admin_client = Client()
    admin_client.force_login(admin)
    trainee_user = UserFactory(username="xss_trainee", full_name=NAMES[1].text)
    trainee = trainee_for_user(trainee_user)
    trainee.organisation = organisation
    trainee.save()
    privacy.give_consents(
        trainee=trainee,
        purposes=[
            Consent.Purpose.TRAINING_ADMINISTRATION,
            Consent.Purpose.CERTIFICATES,
        ],
        by=trainee_user,
    )
    course = CourseFactory(
        title=first_pack(EVERYTHING, 255)[0],
        title_en=first_pack(EVERYTHING[30:], 255)[0],
    )
    training_class = TrainingClass.objects.create(
        course=course,
        organisation=organisation,
        code="XSS-LOP",
        title=first_pack(EVERYTHING[10:], 255)[0],
        venue=first_pack(EVERYTHING[50:], 255)[0],
        funding_source=first_pack(EVERYTHING[70:], 255)[0],
        mode=TrainingClass.Mode.ONLINE,
        is_enrollment_open=True,
        capacity=5_000,
        starts_on=today - dt.timedelta(days=1),
        ends_on=today + dt.timedelta(days=1),
    )
    session = ClassSessionFactory(
        training_class=training_class,
        held_on=today,
        topic=first_pack(EVERYTHING[90:], 255)[0],
    )
    image = get_image_model().objects.create(
        title=first_pack(EVERYTHING, 255)[0],
        file=SimpleUploadedFile("anh.png", _png()),
        uploaded_by_user=admin,
    )
    document = get_document_model().objects.create(
        title=first_pack(EVERYTHING, 255)[0],
        file=SimpleUploadedFile("tai-lieu.pdf", b"%PDF-1.4\n"),
    )
    big_quiz, pre_quiz, short_questions = build_quizzes(course)
    parts: dict = {
        "admin": admin,
        "trainee_user": trainee_user,
        "trainee": trainee,
        "training_class": training_class,
        "session": session,
        "big_quiz": big_quiz,
        "pre_quiz": pre_quiz,
        "rendered": {},
    }
    build_pages(parts, course, big_quiz, image, document)

    own = enroll(
        trainee=trainee,
        training_class=training_class,
        method=Enrollment.Method.SELF,
        by=trainee_user,
    )
    enrollments = [own]
    for payload in NAMES:
        person = Trainee.objects.create(
            full_name=payload.text,
            organisation=organisation,
            village=nfc(payload.text)[:150],
            notes=payload.text,
        )
        enrollments.append(
            enroll(
                trainee=person,
                training_class=training_class,
                method=Enrollment.Method.ORGANIZER,
                by=admin,
            )
        )
    # One sitting through the services; the rest of the class copies its result, so
    # that the pre-test report lists every name.
    first = start_attempt(quiz=pre_quiz, trainee=enrollments[1].trainee)
    (entry,) = first.layout
    first = submit_attempt(
        attempt=first,
        answers={entry["question"]: SubmittedAnswer(choice_ids=(entry["choices"][0],))},
    )
    Attempt.objects.bulk_create(
        Attempt(
            quiz=pre_quiz,
            trainee=enrollment.trainee,
            number=1,
            status=Attempt.Status.GRADED,
            layout=first.layout,
            submitted_at=first.submitted_at,
            score=first.score,
            max_score=first.max_score,
            percent=first.percent,
            passed=first.passed,
        )
        for enrollment in enrollments[2:]
    )
    for payload in ROSTER_NAMES[:WALK_INS]:
        response = admin_client.post(
            reverse("courses:walk-in", args=[session.pk]),
            {"full_name": payload.text, "phone": ""},
        )
        assert response.status_code == 302, payload
    for text, _held in pack(EVERYTHING, limit=255)[:5]:
        attach_evidence(
            session=session,
            file=SimpleUploadedFile("ky-ten.pdf", b"%PDF-1.4\n"),
            by=admin,
            note=text,
        )
    import_through_admin(parts, admin_client, course)

    trainee_client = Client()
    trainee_client.force_login(trainee_user)
    attempt = take_big_quiz(
        trainee_client, big_quiz, short_questions, parts["rendered"]
    )
    build_certificates(parts, enrollments)
    data_request = file_request(
        trainee=trainee,
        kind=DataSubjectRequest.Kind.ERASE,
        details=joined(EVERYTHING),
        by=trainee_user,
    )
    return World(
        attempt=attempt,
        data_request=data_request,
        placed={
            "names": markers_of(NAMES),
            "roster names": markers_of(ROSTER_NAMES),
            "walk-ins": markers_of(ROSTER_NAMES[:WALK_INS]),
        },
        **parts,
    )
