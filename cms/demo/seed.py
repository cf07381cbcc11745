"""Demo organisations, accounts, courses, lessons and classes for `seed_demo`.

Every step looks for what it would create first, so a second run changes nothing.
"""

import datetime as dt
from dataclasses import dataclass, field

from django.contrib.auth.models import Group
from django.db import transaction
from wagtail.rich_text import RichText

from cms.demo.content import COURSES
from cms.demo.people import DEMO_TRAINEES
from cms.demo.quizzes import seed_demo_quizzes
from cms.models import CourseIndexPage, CoursePage, LessonPage
from cms.services import ensure_site_structure, sync_course_lessons
from courses.models import (
    ClassSession,
    Course,
    Enrollment,
    Organisation,
    Trainee,
    TrainingClass,
    User,
)
from courses.roles import ORGANIZERS, TRAINERS
from courses.services import enroll
from courses.vietnamese import nfc

CAPACITY = 40
DEMO_PASSWORD = "changeme"  # noqa: S105  (documented demo accounts, created only here)

# (key, name, kind, parent key)
ORGANISATIONS = [
    ("so-y-te-tq", "Sở Y tế tỉnh Tuyên Quang", Organisation.Kind.HEALTH, None),
    (
        "chi-cuc-ds-tq",
        "Chi cục Dân số tỉnh Tuyên Quang",
        Organisation.Kind.POPULATION_CENTRE,
        "so-y-te-tq",
    ),
    (
        "ttds-lam-binh",
        "Trung tâm Dân số khu vực Lâm Bình",
        Organisation.Kind.POPULATION_CENTRE,
        "chi-cuc-ds-tq",
    ),
    ("so-y-te-pt", "Sở Y tế tỉnh Phú Thọ", Organisation.Kind.SOCIAL_AFFAIRS, None),
    (
        "tt-ctxh-pt",
        "Trung tâm Công tác xã hội tỉnh Phú Thọ",
        Organisation.Kind.SOCIAL_AFFAIRS,
        "so-y-te-pt",
    ),
    (
        "hoi-nct-tn",
        "Hội Người cao tuổi tỉnh Thái Nguyên",
        Organisation.Kind.ASSOCIATION,
        None,
    ),
]

# (code, course code, organisation key, title, starts, ends, venue, mode, open)
CLASSES = [
    (
        "DEMO-DS-01",
        "DS",
        "ttds-lam-binh",
        "Tập huấn cộng tác viên dân số mới năm 2026 (trực tuyến)",
        dt.date(2026, 12, 8),
        dt.date(2026, 12, 9),
        "Trực tuyến",
        TrainingClass.Mode.ONLINE,
        True,
    ),
    (
        "DEMO-CTXH-01",
        "CTXH",
        "tt-ctxh-pt",
        "Kỹ năng tư vấn cho đội công tác xã hội tình nguyện",
        dt.date(2026, 12, 15),
        dt.date(2026, 12, 17),
        "Trung tâm Công tác xã hội tỉnh Phú Thọ",
        TrainingClass.Mode.BLENDED,
        True,
    ),
    (
        "DEMO-CLB-01",
        "CLB",
        "hoi-nct-tn",
        "Quản lý câu lạc bộ liên thế hệ tự giúp nhau (trực tuyến)",
        dt.date(2026, 12, 1),
        dt.date(2027, 1, 31),
        "Trực tuyến",
        TrainingClass.Mode.ONLINE,
        True,
    ),
]


@dataclass
class SeedReport:
    created: list[str] = field(default_factory=list)

    def add(self, what: str) -> None:
        self.created.append(what)


@transaction.atomic
def seed_demo() -> SeedReport:
    report = SeedReport()
    catalogue = ensure_site_structure()
    organisations = _seed_organisations(report)
    users = _seed_users(report, organisations)
    courses = {spec["code"]: _seed_course(report, catalogue, spec) for spec in COURSES}
    classes = _seed_classes(report, courses, organisations, users["giangvien"])
    _seed_trainees(report, classes, users, organisations)
    seed_demo_quizzes()
    return report


def _seed_organisations(report: SeedReport) -> dict[str, Organisation]:
    found: dict[str, Organisation] = {}
    for key, name, kind, parent_key in ORGANISATIONS:
        parent = found[parent_key] if parent_key else None
        organisation, created = Organisation.objects.get_or_create(
            name=name, parent=parent, defaults={"kind": kind}
        )
        if created:
            report.add(f"organisation {name}")
        found[key] = organisation
    return found


def _seed_users(
    report: SeedReport, organisations: dict[str, Organisation]
) -> dict[str, User]:
    specs = [
        ("admin", "Quản trị hệ thống", None, None, True),
        ("tochuc", "Hoàng Thị Lan", ORGANIZERS, "ttds-lam-binh", False),
        ("giangvien", "Nguyễn Văn Đức", TRAINERS, "chi-cuc-ds-tq", False),
        ("hocvien", "Ma Thị Hoà", None, None, False),
    ]
    users = {}
    for username, full_name, group_name, org_key, is_superuser in specs:
        user = User.objects.filter(username=username).first()
        if user is None:
            user = User(
                username=username,
                full_name=full_name,
                organisation=organisations[org_key] if org_key else None,
                is_staff=is_superuser or group_name is not None,
                is_superuser=is_superuser,
            )
            user.set_password(DEMO_PASSWORD)
            user.save()
            if group_name:
                user.groups.add(Group.objects.get(name=group_name))
            report.add(f"user {username}")
        users[username] = user
    return users


def _seed_course(report: SeedReport, catalogue: CourseIndexPage, spec: dict) -> Course:
    course, created = Course.objects.get_or_create(
        code=spec["code"],
        defaults={
            "title": spec["title"],
            "title_en": spec["title_en"],
            "topic": spec["topic"],
            "audience": spec["audience"],
        },
    )
    if created:
        report.add(f"course {course.code}")
    course_page = CoursePage.objects.filter(course=course).first()
    if course_page is None:
        course_page = CoursePage(
            title=spec["title"],
            title_en=spec["title_en"],
            slug=spec["slug"],
            course=course,
            summary=spec["summary"],
            summary_en=spec["summary_en"],
        )
        catalogue.add_child(instance=course_page)
        course_page.save_revision().publish()
        report.add(f"course page {spec['slug']}")
    for lesson in spec["lessons"]:
        if (
            LessonPage.objects.child_of(course_page)
            .filter(slug=lesson["slug"])
            .exists()
        ):
            continue
        lesson_page = LessonPage(
            title=lesson["title"],
            title_en=lesson["title_en"],
            slug=lesson["slug"],
            intro=lesson["intro"],
            estimated_minutes=lesson["minutes"],
            body=[_block(kind, value) for kind, value in lesson["body"]],
        )
        course_page.add_child(instance=lesson_page)
        lesson_page.save_revision().publish()
        report.add(f"lesson {spec['slug']}/{lesson['slug']}")
    # Publishing links each lesson page to its domain lesson; this also links pages
    # made before that link existed, and changes nothing on a second run.
    sync_course_lessons(course_page)
    return course


def _block(kind: str, value: object) -> tuple[str, object]:
    if kind == "paragraph":
        return (kind, RichText(str(value)))
    if kind == "key_points" and isinstance(value, list):
        return (kind, {"title": "", "points": value})
    return (kind, value)


def _seed_classes(
    report: SeedReport,
    courses: dict[str, Course],
    organisations: dict[str, Organisation],
    trainer: User,
) -> dict[str, TrainingClass]:
    classes = {}
    for (
        code,
        course_code,
        org_key,
        title,
        starts,
        ends,
        venue,
        mode,
        is_open,
    ) in CLASSES:
        training_class = TrainingClass.objects.filter(code=code).first()
        if training_class is None:
            training_class = TrainingClass.objects.create(
                code=code,
                course=courses[course_code],
                organisation=organisations[org_key],
                title=title,
                starts_on=starts,
                ends_on=ends,
                venue=venue,
                mode=mode,
                is_enrollment_open=is_open,
                capacity=CAPACITY,
                funding_source="Ngân sách địa phương năm 2026",
            )
            training_class.trainers.add(trainer)
            report.add(f"class {code}")
        elif not training_class.is_locked and (
            training_class.mode,
            training_class.is_enrollment_open,
        ) != (mode, is_open):
            # Databases seeded before DEMO-DS-01 went online catch up here.
            TrainingClass.objects.filter(pk=training_class.pk).update(
                mode=mode, is_enrollment_open=is_open, title=title, venue=venue
            )
            training_class.refresh_from_db()
            report.add(f"class {code} updated")
        _seed_sessions(report, training_class)
        classes[code] = training_class
    return classes


def _seed_sessions(report: SeedReport, training_class: TrainingClass) -> None:
    """A morning and an afternoon session for every day the class runs."""
    existing = set(training_class.sessions.values_list("held_on", "part"))
    missing = []
    day = training_class.starts_on
    while day <= training_class.ends_on:
        for part in (ClassSession.Part.MORNING, ClassSession.Part.AFTERNOON):
            if (day, part) not in existing:
                missing.append(
                    ClassSession(training_class=training_class, held_on=day, part=part)
                )
        day += dt.timedelta(days=1)
    if missing:
        ClassSession.objects.bulk_create(missing)
        report.add(f"{len(missing)} sessions of {training_class.code}")


def _seed_trainees(
    report: SeedReport,
    classes: dict[str, TrainingClass],
    users: dict[str, User],
    organisations: dict[str, Organisation],
) -> None:
    hocvien = users["hocvien"]
    _trainee, created = Trainee.objects.get_or_create(
        user=hocvien,
        defaults={
            "full_name": hocvien.full_name,
            "sex": Trainee.Sex.FEMALE,
            "role": Trainee.Role.POPULATION_COLLABORATOR,
            "organisation": organisations["ttds-lam-binh"],
            "village": "Thôn Nà Tông",
        },
    )
    if created:
        report.add("trainee hocvien")
    for code, (org_key, role, names) in DEMO_TRAINEES.items():
        training_class = classes[code]
        for full_name, sex, birth_year, village in names:
            trainee, created = Trainee.objects.get_or_create(
                full_name=nfc(full_name),
                organisation=organisations[org_key],
                user=None,
                defaults={
                    "sex": sex,
                    "birth_year": birth_year,
                    "role": role,
                    "village": village,
                },
            )
            if created:
                report.add(f"trainee {trainee.full_name}")
            if not Enrollment.objects.filter(
                trainee=trainee, training_class=training_class
            ).exists():
                enroll(
                    trainee=trainee,
                    training_class=training_class,
                    method=Enrollment.Method.ORGANIZER,
                    by=users["tochuc"],
                )
                report.add(f"enrollment {trainee.full_name} in {code}")
