"""Cross-site scripting: every payload through every text entry point, every page that
shows the text rendered and parsed.

The entry points: trainee names (the model, a walk-in typed at roll call, roster
cells through the admin import), question bank text, choices and explanations,
questions imported from XLSX, short answers a trainee types, certificate template
wording and signer, the certificate's frozen values, Wagtail page titles and body
blocks (rich text through the editor's own converter), a data request's details, a
search query. The world is built once for the module, inside a transaction rolled
back at the end; each page is rendered once with many payloads on it and audited
by tests/lms/xss_payloads.py.
"""

import datetime as dt
import inspect
import io
import json
import math
from collections.abc import Iterable
from dataclasses import dataclass, field
from urllib.parse import urlencode

import PIL.Image
import pytest
from django.apps import apps
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import transaction
from django.http import HttpRequest
from django.test import Client, RequestFactory, override_settings
from django.urls import reverse
from django.utils import timezone, translation
from wagtail import blocks as wagtail_blocks
from wagtail.admin.rich_text.converters.contentstate import ContentstateConverter
from wagtail.documents import get_document_model
from wagtail.fields import StreamField
from wagtail.images import get_image_model
from wagtail.rich_text import RichText

from certificates import services as certificate_services
from certificates.models import Certificate, CertificateTemplate
from cms import blocks as cms_blocks
from cms.blocks import RICH_TEXT_FEATURES
from cms.models import CourseIndexPage, CoursePage, HomePage, LessonPage, StandardPage
from cms.services import ensure_site_structure, sync_course_lessons
from courses import privacy
from courses.models import (
    Attempt,
    Choice,
    ClassSession,
    Consent,
    DataSubjectRequest,
    Enrollment,
    Question,
    QuestionCategory,
    Quiz,
    QuizItem,
    Trainee,
    TrainingClass,
    User,
)
from courses.privacy.subject_rights import file_request
from courses.question_import import TEMPLATE_HEADERS
from courses.services import enroll, trainee_for_user
from courses.services.attendance import attach_evidence
from courses.services.quizzes import SubmittedAnswer, start_attempt, submit_attempt
from courses.vietnamese import fold, given_name, nfc, nfc_text
from tests.cms.factories import course_page, lesson_page
from tests.courses.factories import (
    ClassSessionFactory,
    CourseFactory,
    OrganisationFactory,
    UserFactory,
)
from tests.courses.roster_files import csv_bytes, xlsx_bytes
from tests.lms.xss_payloads import (
    PAYLOADS,
    Payload,
    audit,
    markers_of,
    pack,
)

pytestmark = pytest.mark.django_db

EVERYTHING = list(PAYLOADS)
SEARCH_WORD = "kiemthuxss"
ROSTER_HEADERS = [
    "Họ và tên",
    "Giới tính",
    "Ngày sinh",
    "Số điện thoại",
    "Chức danh",
    "Đơn vị",
    "Thôn",
    "Ghi chú",
]
PER_ADMIN_PAGE = 20
WALK_INS = 40


def fits_a_name(name: str) -> bool:
    """What Trainee.full_name (150), its folded copy and given name (50) can hold."""
    text = nfc(name)
    return (
        0 < len(text) <= 150 and len(fold(text)) <= 150 and len(given_name(text)) <= 50
    )


NAMES = [p for p in PAYLOADS if fits_a_name(p.text)]
# The roster refuses names with digits; those rows go to the preview of errors.
# Rows name other people than the trainees already in the class: the import would
# refuse a duplicate.
ROSTER_FAMILY_NAME = "Lò Thị"
ROSTER_NAMES = [
    p
    for p in PAYLOADS
    if not p.has_digits and fits_a_name(f"{ROSTER_FAMILY_NAME} {p.text}")
]


def joined(payloads: Iterable[Payload], separator: str = "\n") -> str:
    return separator.join(p.text for p in payloads)


def first_pack(payloads: Iterable[Payload], limit: int) -> tuple[str, list[Payload]]:
    return pack(payloads, limit=limit)[0]


def chunks[T](items: list[T], count: int) -> list[list[T]]:
    size = math.ceil(len(items) / count)
    return [items[i : i + size] for i in range(0, len(items), size)]


# --- Building the world ------------------------------------------------------------


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


def _rich_text(payloads: Iterable[Payload]) -> RichText:
    """What Draftail saves when an editor types each payload as a paragraph and
    links it to the payload itself as an address."""
    blocks, entities = [], {}
    for index, payload in enumerate(payloads):
        text = payload.text.replace("\n", " ")
        entities[str(index)] = {
            "type": "LINK",
            "mutability": "MUTABLE",
            "data": {"url": payload.text},
        }
        blocks.append(
            {
                "key": f"b{index}",
                "type": "unstyled",
                "text": text,
                "depth": 0,
                "inlineStyleRanges": [{"offset": 0, "length": 1, "style": "BOLD"}],
                "entityRanges": [{"offset": 0, "length": len(text), "key": index}],
                "data": {},
            }
        )
    contentstate = json.dumps({"blocks": blocks, "entityMap": entities})
    converter = ContentstateConverter(features=RICH_TEXT_FEATURES)
    return RichText(converter.to_database_format(contentstate))


def _png() -> bytes:
    out = io.BytesIO()
    PIL.Image.new("RGB", (8, 8), (0, 90, 60)).save(out, "PNG")
    return out.getvalue()


def _lesson_body(quiz: Quiz, image, document) -> list[tuple[str, object]]:
    body: list[tuple[str, object]] = [
        ("heading", text) for text, _held in pack(EVERYTHING, limit=255)
    ]
    body.append(("paragraph", _rich_text(EVERYTHING)))
    alts = pack(EVERYTHING, limit=200)
    captions = pack(EVERYTHING, limit=255)
    for index in range(max(len(alts), len(captions))):
        body.append(
            (
                "image",
                {
                    "image": image,
                    "alt_text": alts[index % len(alts)][0],
                    "caption": captions[index % len(captions)][0],
                },
            )
        )
    for text, _held in pack(EVERYTHING, limit=255):
        body.append(
            ("handout", {"document": document, "title": text, "description": text})
        )
    body += [
        ("callout", {"kind": "warning", "text": joined(EVERYTHING)}),
        (
            "key_points",
            {
                "title": first_pack(EVERYTHING, 255)[0],
                "points": [p.text for p in EVERYTHING],
            },
        ),
        (
            "case_study",
            {
                "title": first_pack(EVERYTHING, 255)[0],
                "text": joined(EVERYTHING),
                "question": first_pack(EVERYTHING, 500)[0],
            },
        ),
        (
            "checklist",
            {
                "title": first_pack(EVERYTHING, 255)[0],
                "items": [p.text for p in EVERYTHING],
            },
        ),
        ("quiz", {"quiz": quiz, "intro": joined(EVERYTHING)}),
    ]
    return body


def _build_pages(world_parts: dict, course, quiz: Quiz, image, document) -> None:
    catalogue = ensure_site_structure()
    home = HomePage.objects.get()
    home.intro = _rich_text(EVERYTHING).source
    home.save_revision().publish()
    catalogue.intro = _rich_text(EVERYTHING).source
    catalogue.save_revision().publish()
    standard = StandardPage(
        title=first_pack(EVERYTHING, 255)[0],
        slug="trang-xss",
        body=_rich_text(EVERYTHING).source,
    )
    home.add_child(instance=standard)
    standard.save_revision().publish()
    course_page = CoursePage(
        title=first_pack(EVERYTHING, 255)[0],
        slug="khoa-xss",
        course=course,
        summary=joined(EVERYTHING),
    )
    catalogue.add_child(instance=course_page)
    course_page.save_revision().publish()
    lesson_pages = []
    titles = pack(EVERYTHING, limit=255)
    intros = pack(EVERYTHING, limit=255 - len(SEARCH_WORD) - 1)
    for index in range(max(len(titles), len(intros))):
        page = LessonPage(
            title=titles[index % len(titles)][0],
            slug=f"bai-xss-{index}",
            intro=f"{SEARCH_WORD} {intros[index % len(intros)][0]}",
            body=_lesson_body(quiz, image, document)
            if index == 0
            else [("paragraph", RichText("<p>Nội dung.</p>"))],
        )
        # Added live, as the demo seed does: publishing each of some sixty pages
        # would re-sync the whole course every time.
        course_page.add_child(instance=page)
        lesson_pages.append(page)
    lesson_pages[0].save_revision().publish()
    sync_course_lessons(course_page)
    lesson_pages = [LessonPage.objects.get(pk=page.pk) for page in lesson_pages]
    world_parts.update(
        home=HomePage.objects.get(pk=home.pk),
        catalogue=CourseIndexPage.objects.get(pk=catalogue.pk),
        course_page=CoursePage.objects.get(pk=course_page.pk),
        lesson_pages=lesson_pages,
        standard_page=StandardPage.objects.get(pk=standard.pk),
    )


def _build_quizzes(course) -> tuple[Quiz, Quiz, list[Question]]:
    """A post-test holding every payload in its questions, choices, explanations and
    accepted answers, and a one-question pre-test every trainee sits."""
    big = Quiz.objects.create(
        title=first_pack(EVERYTHING, 255)[0],
        course=course,
        purpose=Quiz.Purpose.POST_TEST,
        shuffle_questions=False,
        shuffle_choices=False,
        review_shows=Quiz.ReviewShows.EXPLANATIONS,
    )
    pre = Quiz.objects.create(
        title="Kiểm tra đầu khoá", course=course, purpose=Quiz.Purpose.PRE_TEST
    )
    order = 0
    categories = pack(EVERYTHING, limit=150)
    for index, part in enumerate(chunks(EVERYTHING, 10)):
        category = QuestionCategory.objects.create(
            name=categories[index % len(categories)][0], course=course
        )
        question = Question.objects.create(
            category=category,
            kind=Question.Kind.SINGLE,
            text=joined(part),
            explanation=joined(part),
        )
        for position, (text, _held) in enumerate(pack(part, limit=500)):
            Choice.objects.create(
                question=question, text=text, is_correct=position == 0
            )
        QuizItem.objects.create(quiz=big, question=question, sort_order=order)
        order += 1
    short_questions = []
    for text, held in pack(EVERYTHING, limit=500):
        question = Question.objects.create(
            category=category,
            kind=Question.Kind.SHORT,
            text=text,
            accepted_answers=joined(held),
        )
        QuizItem.objects.create(quiz=big, question=question, sort_order=order)
        order += 1
        short_questions.append(question)
    pre_question = Question.objects.create(
        category=category, kind=Question.Kind.TRUE_FALSE, text="Sổ A0 ghi hộ gia đình?"
    )
    Choice.objects.create(question=pre_question, text="Đúng", is_correct=True)
    Choice.objects.create(question=pre_question, text="Sai", sort_order=1)
    QuizItem.objects.create(quiz=pre, question=pre_question)
    return big, pre, short_questions


def _take_big_quiz(
    client: Client, quiz: Quiz, short_questions: list[Question], rendered: dict
) -> Attempt:
    """The trainee types every payload into the short answers, saves, and submits."""
    response = client.post(reverse("courses:quiz-start", args=[quiz.pk]))
    assert response.status_code == 302
    attempt = Attempt.objects.get(quiz=quiz, status=Attempt.Status.IN_PROGRESS)
    answers = {"version": str(attempt.version)}
    for question, (text, _held) in zip(
        short_questions, pack(EVERYTHING, limit=500), strict=True
    ):
        answers[f"q{question.pk}-text"] = text
    saved = client.post(reverse("courses:attempt-save", args=[attempt.pk]), answers)
    assert saved.status_code == 302, saved
    rendered["quiz attempt (answers saved)"] = client.get(
        reverse("courses:attempt", args=[attempt.pk])
    ).content.decode()
    attempt.refresh_from_db()
    submitted = client.post(
        reverse("courses:attempt-submit", args=[attempt.pk]),
        {**answers, "version": str(attempt.version)},
    )
    assert submitted.status_code == 302, submitted
    attempt.refresh_from_db()
    assert attempt.status == Attempt.Status.GRADED
    return attempt


def _roster_rows(valid: bool) -> list[list[object]]:
    if valid:
        return [
            [
                f"{ROSTER_FAMILY_NAME} {payload.text}",
                "",
                "",
                "",
                other.text,
                other.text,
                nfc(other.text)[:150],
                other.text,
            ]
            for payload, other in zip(ROSTER_NAMES, reversed(ROSTER_NAMES), strict=True)
        ]
    return [
        [payload.text, payload.text, payload.text, payload.text, "", "", "", ""]
        for payload in EVERYTHING
    ]


def _question_rows(valid: bool) -> list[list[object]]:
    headers = list(TEMPLATE_HEADERS)
    rows = []
    categories = pack(EVERYTHING, limit=150)
    for index, (text, held) in enumerate(pack(EVERYTHING, limit=500)):
        cells = {
            "Nhóm câu hỏi": categories[index % len(categories)][0],
            "Loại": "Một đáp án" if valid else text,
            "Câu hỏi": f"Nhập {index}: {text}",
            "Lựa chọn A": text,
            "Lựa chọn B": held[0].text,
            "Đáp án đúng": "A" if valid else text,
            "Giải thích": joined(held),
        }
        rows.append([cells.get(header) for header in headers])
    return rows


def _import_through_admin(world_parts: dict, admin_client: Client, course) -> None:
    rendered = world_parts["rendered"]
    training_class = world_parts["training_class"]
    upload = reverse("courses_roster:upload")
    for label, valid in (("roster preview (errors)", False), ("roster preview", True)):
        response = admin_client.post(
            upload,
            {
                "training_class": training_class.pk,
                "file": SimpleUploadedFile(
                    "danh-sach.csv", csv_bytes(_roster_rows(valid), ROSTER_HEADERS)
                ),
            },
        )
        assert response.status_code == 200
        rendered[label] = response.content.decode()
    token = response.context["token"]
    assert token, [str(e) for e in response.context["report"].errors[:5]]
    confirmed = admin_client.post(reverse("courses_roster:confirm"), {"token": token})
    assert confirmed.status_code == 302
    question_upload = reverse("courses_question_import")
    for label, valid in (
        ("question import preview (errors)", False),
        ("question import preview", True),
    ):
        data = xlsx_bytes(_question_rows(valid), list(TEMPLATE_HEADERS))
        response = admin_client.post(
            question_upload,
            {"course": course.pk, "file": SimpleUploadedFile("cau-hoi.xlsx", data)},
        )
        assert response.status_code == 200
        rendered[label] = response.content.decode()
    token = response.context["token"]
    assert token, [str(e) for e in response.context["result"].problems[:5]]
    confirmed = admin_client.post(
        reverse("courses_question_import_confirm"), {"token": token}
    )
    assert confirmed.status_code == 302


def _build_certificates(world_parts: dict, enrollments: list[Enrollment]) -> None:
    admin = world_parts["admin"]
    organisation = world_parts["training_class"].organisation
    wording = "{ho_ten} " + joined(EVERYTHING) + " {khoa_hoc} {noi_hoc}"
    template = CertificateTemplate.objects.create(
        organisation=organisation,
        name=first_pack(EVERYTHING, 150)[0],
        parent_body=first_pack(EVERYTHING, 255)[0],
        issuing_body=first_pack(EVERYTHING[20:], 255)[0],
        title=first_pack(EVERYTHING[40:], 100)[0],
        wording=wording,
        result_label=first_pack(EVERYTHING[60:], 50)[0],
        default_result=first_pack(EVERYTHING[80:], 50)[0],
        place=first_pack(EVERYTHING[100:], 100)[0],
        signer_title=first_pack(EVERYTHING[120:], 150)[0],
        signer_name=first_pack(EVERYTHING[140:], 150)[0],
        register_suffix="GCN",
    )
    reasons = pack(EVERYTHING, limit=500)
    certificates = [
        certificate_services.issue_certificate(
            enrollment=enrollment,
            by=admin,
            override_reason=reasons[index % len(reasons)][0],
        )
        for index, enrollment in enumerate(enrollments)
    ]
    revoked = certificate_services.revoke_certificate(
        certificate=certificates[0], by=admin, reason=joined(EVERYTHING)
    )
    reissued = certificates[1]
    trainee = reissued.enrollment.trainee
    trainee.full_name = NAMES[-1].text
    trainee.save()
    reissued = certificate_services.reissue_certificate(
        certificate=reissued, by=admin, reason=joined(EVERYTHING)
    )
    # The PDF draws the same values; rendering must not choke on them.
    reissued = certificate_services.render_certificate(certificate_id=reissued.pk)
    world_parts.update(
        template=template,
        certificates=certificates,
        revoked=revoked,
        reissued=reissued,
    )


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
    big_quiz, pre_quiz, short_questions = _build_quizzes(course)
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
    _build_pages(parts, course, big_quiz, image, document)

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
    _import_through_admin(parts, admin_client, course)

    trainee_client = Client()
    trainee_client.force_login(trainee_user)
    attempt = _take_big_quiz(
        trainee_client, big_quiz, short_questions, parts["rendered"]
    )
    _build_certificates(parts, enrollments)
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


@pytest.fixture(scope="module")
def world(django_db_setup, django_db_blocker):
    """One world for the module, rolled back when the module is done."""
    with (
        django_db_blocker.unblock(),
        translation.override("vi"),
        transaction.atomic(),
    ):
        built = build_world()
        yield built
        transaction.set_rollback(True)


@pytest.fixture
def as_admin(world) -> Client:
    client = Client()
    client.force_login(world.admin)
    return client


@pytest.fixture
def as_trainee(world) -> Client:
    client = Client()
    client.force_login(world.trainee_user)
    return client


# --- Auditing ----------------------------------------------------------------------


def get(client: Client, url: str) -> str:
    response = client.get(url)
    assert response.status_code == 200, f"{url}: {response.status_code}"
    return response.content.decode()


def listing(
    client: Client, url: str, count: int, *, at_most: int | None = None
) -> dict[str, str]:
    """The pages of a Wagtail admin listing of `count` rows (the first `at_most`)."""
    pages = max(1, math.ceil(count / PER_ADMIN_PAGE))
    pages = min(pages, at_most or pages)
    return {
        f"{url}?p={page}": get(client, f"{url}?p={page}")
        for page in range(1, pages + 1)
    }


def assert_inert(
    pages: dict[str, str],
    *,
    shows: Iterable[str] = (),
    each_shows: dict[str, Iterable[str]] | None = None,
) -> None:
    """No page runs anything a payload brought; together the pages show `shows`, and
    each page named in `each_shows` shows its own markers."""
    problems = []
    seen: set[str] = set()
    for name, html in pages.items():
        result = audit(html)
        seen |= result.seen_markers
        problems += [f"{name}: {finding}" for finding in result.findings]
        wanted = set((each_shows or {}).get(name, ()))
        if missing := wanted - result.seen_markers:
            problems.append(f"{name}: does not show {sorted(missing)[:10]}")
    if missing := set(shows) - seen:
        problems.append(f"the pages do not show {len(missing)}: {sorted(missing)[:10]}")
    assert not problems, "\n".join(problems[:40])


# --- The payloads and the auditor themselves ---------------------------------------


def test_there_are_at_least_two_hundred_distinct_payloads():
    assert len(PAYLOADS) >= 200
    assert len(markers_of(PAYLOADS)) == len(PAYLOADS)
    assert len({p.text for p in PAYLOADS}) == len(PAYLOADS)
    families = {p.family for p in PAYLOADS}
    assert {
        "script",
        "handler",
        "scheme",
        "breakout",
        "template",
        "unicode",
    } <= families
    assert len(NAMES) >= 200
    assert any("Nguyễn" in nfc(p.text) for p in PAYLOADS)


def test_the_auditor_flags_payloads_written_into_a_page_unescaped():
    """Otherwise every test below would pass on a page that runs them."""
    flagged = {
        context: sum(
            bool(audit(template.replace("P", p.text), [p]).findings) for p in PAYLOADS
        )
        for context, template in {
            "text": "<div>P</div>",
            "double-quoted attribute": '<input value="P">',
            "single-quoted attribute": "<input value='P'>",
        }.items()
    }
    tag_openers = sum(p.opens_tag for p in PAYLOADS)
    assert flagged["text"] >= tag_openers
    assert flagged["double-quoted attribute"] >= sum('"' in p.text for p in PAYLOADS)
    assert flagged["single-quoted attribute"] >= sum("'" in p.text for p in PAYLOADS)


def test_no_lesson_block_is_raw_html():
    """RawHTMLBlock prints editors' HTML as typed: no block may be or hold one."""
    offenders = [
        name
        for name, member in inspect.getmembers(cms_blocks, inspect.isclass)
        if issubclass(member, wagtail_blocks.RawHTMLBlock)
    ]

    def walk(block) -> Iterable:
        yield block
        for child in getattr(block, "child_blocks", {}).values():
            yield from walk(child)
        if child := getattr(block, "child_block", None):
            yield from walk(child)

    for model in apps.get_models():
        for model_field in model._meta.get_fields():
            if isinstance(model_field, StreamField):
                offenders += [
                    f"{model._meta.label}.{model_field.name}: {type(block).__name__}"
                    for block in walk(model_field.stream_block)
                    if isinstance(block, wagtail_blocks.RawHTMLBlock)
                ]
    assert offenders == []


# --- Trainee names -----------------------------------------------------------------


def test_trainee_names_are_shown_as_text_on_staff_pages(world, as_admin):
    training_class = world.training_class
    names = world.placed["names"]
    trainees = Trainee.objects.count()
    enrollments = Enrollment.objects.filter(training_class=training_class).count()
    roll_call = reverse("courses:roll-call", args=[world.session.pk])
    pages = {
        "roll call": get(as_admin, roll_call),
        "class sessions": get(
            as_admin, reverse("courses:class-sessions", args=[training_class.pk])
        ),
        "qr screen": get(
            as_admin, reverse("courses:qr-screen", args=[world.session.pk])
        ),
        "class certificates": get(
            as_admin, reverse("certificates_admin:class", args=[training_class.pk])
        ),
        "pre-test report": get(
            as_admin,
            reverse("courses_class_quiz_report", args=[training_class.pk])
            + f"?quiz={world.pre_quiz.pk}",
        ),
        "trainee edit": get(
            as_admin,
            reverse("trainee:edit", args=[world.certificates[5].enrollment.trainee_id]),
        ),
        **listing(as_admin, reverse("trainee:index"), trainees),
        # Rows render alike: the first pages stand for the rest.
        **listing(as_admin, reverse("enrollment:index"), enrollments, at_most=3),
    }
    roster_and_walk_ins = world.placed["roster names"] | world.placed["walk-ins"]
    assert_inert(
        pages,
        shows=names | roster_and_walk_ins,
        each_shows={
            "roll call": names | roster_and_walk_ins,
            "class certificates": names,
            "pre-test report": names,
        },
    )


def test_roster_cells_are_shown_as_text_in_the_import_preview(world):
    previews = {
        name: html for name, html in world.rendered.items() if name.startswith("roster")
    }
    assert_inert(
        previews,
        each_shows={
            # Refused cells are quoted back in the error messages.
            "roster preview (errors)": markers_of(EVERYTHING),
            "roster preview": world.placed["roster names"],
        },
    )
    imported = set(
        Trainee.objects.filter(
            enrollments__method=Enrollment.Method.IMPORT
        ).values_list("full_name", flat=True)
    )
    assert {nfc(f"{ROSTER_FAMILY_NAME} {p.text}") for p in ROSTER_NAMES} <= imported


# --- Quizzes -----------------------------------------------------------------------


def test_quiz_text_and_typed_answers_are_shown_as_text(world, as_admin, as_trainee):
    quiz = world.big_quiz
    questions = Question.objects.count()
    everything = markers_of(EVERYTHING)
    question = quiz.items.first().question
    pages = {
        "quiz attempt (answers saved)": world.rendered["quiz attempt (answers saved)"],
        "quiz review": get(
            as_trainee, reverse("courses:attempt-review", args=[world.attempt.pk])
        ),
        "quiz intro": get(as_trainee, reverse("courses:quiz", args=[quiz.pk])),
        "post-test report": get(
            as_admin,
            reverse("courses_class_quiz_report", args=[world.training_class.pk]),
        ),
        "question edit": get(
            as_admin,
            reverse("wagtailsnippets_courses_question:edit", args=[question.pk]),
        ),
        "quiz edit": get(
            as_admin, reverse("wagtailsnippets_courses_quiz:edit", args=[quiz.pk])
        ),
        "question preview": question.serve_preview(
            _admin_request(world.admin), "answers"
        )
        .render()
        .content.decode(),
        "quiz preview": quiz.serve_preview(_admin_request(world.admin), "")
        .render()
        .content.decode(),
        "quiz list": get(as_admin, reverse("wagtailsnippets_courses_quiz:list")),
        "category list": get(
            as_admin, reverse("wagtailsnippets_courses_questioncategory:list")
        ),
        **listing(
            as_admin,
            reverse("wagtailsnippets_courses_question:list"),
            questions,
            at_most=3,
        ),
    }
    assert_inert(
        pages,
        each_shows={
            "quiz attempt (answers saved)": everything,
            # Question text, choices, explanations, accepted and typed answers.
            "quiz review": everything,
            "question preview": markers_of(
                p for p in EVERYTHING if p.text in question.text
            ),
        },
    )
    typed = "".join(world.attempt.answers.values_list("text", flat=True))
    assert all(nfc(text) in typed for text, _held in pack(EVERYTHING, limit=500))


def test_imported_questions_stay_plain_text(world):
    """The import takes text, not HTML: what a cell says is stored as written (NFC)
    and escaped on every page, so there is nothing to sanitise."""
    assert_inert(
        {
            name: html
            for name, html in world.rendered.items()
            if name.startswith("question import")
        },
        each_shows={
            "question import preview (errors)": markers_of(EVERYTHING),
            "question import preview": markers_of(EVERYTHING),
        },
    )
    imported = Question.objects.filter(text__startswith="Nhập 0: ").get()
    text, _held = pack(EVERYTHING, limit=500)[0]
    assert imported.text == nfc_text(f"Nhập 0: {text}")


def _admin_request(user: User) -> HttpRequest:
    request = RequestFactory().get("/admin/")
    request.user = user
    return request


# --- Certificates ------------------------------------------------------------------


@override_settings(CERTIFICATE_VERIFY_PER_MINUTE=10_000)
def test_certificate_values_are_shown_as_text(world, as_admin, as_trainee):
    certificates = Certificate.objects.count()
    verify = {
        f"verify {certificate.register_number}": get(
            Client(),
            reverse("certificates:verify", args=[certificate.verification_code]),
        )
        for certificate in world.certificates
    }
    pages = {
        **verify,
        "dashboard": get(as_trainee, reverse("courses:dashboard")),
        "inspect revoked": get(
            as_admin, reverse("certificate:inspect", args=[world.revoked.pk])
        ),
        "inspect reissued": get(
            as_admin, reverse("certificate:inspect", args=[world.reissued.pk])
        ),
        "inspect issued": get(
            as_admin, reverse("certificate:inspect", args=[world.certificates[7].pk])
        ),
        "template list": get(as_admin, reverse("certificatetemplate:index")),
        "template edit": get(
            as_admin, reverse("certificatetemplate:edit", args=[world.template.pk])
        ),
        **listing(as_admin, reverse("certificate:index"), certificates, at_most=3),
    }
    holders = {
        f"verify {c.register_number}": markers_of(
            p for p in NAMES if nfc(p.text) == c.holder_name
        )
        for c in world.certificates
        if c.pk != world.reissued.pk
    }
    assert_inert(
        pages,
        shows=world.placed["names"],
        each_shows={
            **holders,
            f"verify {world.revoked.register_number}": markers_of(EVERYTHING),
            # The revoked certificate is the trainee's own: its reason is shown.
            "dashboard": markers_of(EVERYTHING),
            "template edit": markers_of(
                p for p in EVERYTHING if p.text in world.template.wording
            ),
        },
    )


# --- Wagtail pages -----------------------------------------------------------------


def test_page_titles_and_blocks_are_shown_as_text(world, as_admin, as_trainee):
    lesson = world.lesson_pages[0]
    everything = markers_of(EVERYTHING)
    anonymous = Client()
    pages = {
        "home": get(anonymous, world.home.url),
        "catalogue": get(anonymous, world.catalogue.url),
        "course page": get(anonymous, world.course_page.url),
        "course page (trainee)": get(as_trainee, world.course_page.url),
        "lesson page": get(anonymous, lesson.url),
        "lesson page (trainee)": get(as_trainee, lesson.url),
        "standard page": get(anonymous, world.standard_page.url),
        **{
            f"search results {page}": get(
                anonymous, reverse("search") + f"?q={SEARCH_WORD}&page={page}"
            )
            for page in range(1, math.ceil(len(world.lesson_pages) / 20) + 1)
        },
        "admin explorer": get(
            as_admin, reverse("wagtailadmin_explore", args=[world.course_page.pk])
        ),
        "admin page edit": get(
            as_admin, reverse("wagtailadmin_pages:edit", args=[lesson.pk])
        ),
    }
    assert_inert(
        pages,
        # Every lesson's title and one-line summary, page after page of results.
        shows=everything,
        each_shows={
            "home": everything,
            "catalogue": everything,
            # Its lessons' titles, and its summary.
            "course page": everything,
            "lesson page": everything,
            "lesson page (trainee)": everything,
            "standard page": everything,
        },
    )


def test_search_queries_are_echoed_as_text(world):
    queries = pack(EVERYTHING, limit=200, separator=" ")
    pages = {
        f"search {index}": get(
            Client(), reverse("search") + "?" + urlencode({"q": text})
        )
        for index, (text, _held) in enumerate(queries)
    }
    assert_inert(pages, shows=markers_of(p for _t, held in queries for p in held))


def test_a_search_with_quotes_is_a_search_not_an_error():
    """SQLite's full-text index reads quotes as query syntax (make test's second
    pass runs on SQLite, as does `make run`)."""
    lesson_page(course_page(slug="khoa-tim"), slug="bai-tim", title="Sổ A0 ghi gì")
    for query in ['"', 'sổ "A0', "sổ 'A0", 'ma túy" OR "', "(", "*"]:
        assert get(Client(), reverse("search") + "?" + urlencode({"q": query}))
    assert "Sổ A0 ghi gì" in get(Client(), reverse("search") + '?q="A0"')


# --- The trainee's own pages -------------------------------------------------------


def test_trainee_pages_show_their_records_as_text(world, as_trainee):
    enrollment = Enrollment.objects.get(
        trainee=world.trainee, training_class=world.training_class
    )
    pages = {
        "dashboard": get(as_trainee, reverse("courses:dashboard")),
        "progress": get(as_trainee, reverse("courses:progress", args=[enrollment.pk])),
        "open classes": get(as_trainee, reverse("courses:open-classes")),
        "my data": get(as_trainee, reverse("courses:my-data")),
    }
    class_title = markers_of(
        p for p in EVERYTHING if p.text in world.training_class.title
    )
    assert_inert(
        pages,
        each_shows={
            "open classes": class_title,
            "progress": markers_of(
                p
                for page in world.lesson_pages
                for p in EVERYTHING
                if nfc(p.text) in page.title
            ),
        },
    )


def test_class_and_request_screens_show_text_as_text(world, as_admin):
    pages = {
        "data requests": get(as_admin, reverse("datasubjectrequest:index")),
        "erase confirm": get(
            as_admin, reverse("datasubjectrequest:erase", args=[world.data_request.pk])
        ),
        "organiser dashboard": get(as_admin, reverse("courses_organiser_dashboard")),
        "class edit": get(
            as_admin, reverse("trainingclass:edit", args=[world.training_class.pk])
        ),
        "class list": get(as_admin, reverse("trainingclass:index")),
        "class exports": get(
            as_admin, reverse("courses_class_exports", args=[world.training_class.pk])
        ),
    }
    class_title = markers_of(
        p for p in EVERYTHING if p.text in world.training_class.title
    )
    assert_inert(
        pages,
        each_shows={
            # The request's details, as the trainee typed them.
            "erase confirm": markers_of(EVERYTHING),
            "class edit": class_title,
            "class list": class_title,
        },
    )
