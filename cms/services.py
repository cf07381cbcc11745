"""Site structure, the editorial workflow, and keeping the domain's lessons in step."""

from django.contrib.auth.models import Group, Permission
from django.db import transaction
from wagtail.models import (
    GroupApprovalTask,
    GroupPagePermission,
    Page,
    Site,
    Workflow,
    WorkflowPage,
    WorkflowTask,
)

from cms.models import CourseIndexPage, CoursePage, HomePage, LessonPage
from courses import services as course_services
from courses.models import Lesson
from courses.roles import ORGANIZERS, TRAINERS, ensure_role_groups

WORKFLOW_NAME = "Duyệt tài liệu tập huấn"
TASK_NAME = "Cán bộ tổ chức duyệt và xuất bản"
# What each role may do in the page tree below the catalogue. Trainers cannot
# publish, so saving offers "Submit for moderation" to the organizers' workflow.
PAGE_PERMISSIONS = {
    TRAINERS: ["add_page", "change_page"],
    ORGANIZERS: ["add_page", "change_page", "publish_page", "delete_page"],
}


@transaction.atomic
def ensure_site_structure() -> CourseIndexPage:
    """Home page as the site root and the catalogue under it; idempotent."""
    home = HomePage.objects.first()
    if home is None:
        root = Page.get_first_root_node()
        home = HomePage(
            title="Tập huấn cộng tác viên cơ sở",
            title_en="Training for community collaborators",
            slug="trang-chu",
            intro=(
                "<p>Học trên điện thoại, làm bài kiểm tra và nhận giấy chứng nhận "
                "cho cộng tác viên dân số, công tác xã hội và câu lạc bộ liên thế "
                "hệ tự giúp nhau.</p>"
            ),
        )
        root.add_child(instance=home)
        home.save_revision().publish()
    site = Site.objects.filter(is_default_site=True).first()
    if site is None:
        Site.objects.create(
            hostname="localhost",
            root_page=home,
            is_default_site=True,
            site_name="Tập huấn CTV",
        )
    elif site.root_page_id != home.pk:
        old_root = site.root_page
        site.root_page = home
        site.save()
        # Wagtail's placeholder welcome page has nothing worth keeping.
        if type(old_root.specific) is Page and not old_root.get_children().exists():
            old_root.delete()

    catalogue = CourseIndexPage.objects.first()
    if catalogue is None:
        catalogue = CourseIndexPage(
            title="Khoá học",
            title_en="Courses",
            slug="khoa-hoc",
            intro="<p>Chọn khoá học theo chủ đề hoặc theo đối tượng học viên.</p>",
        )
        home.add_child(instance=catalogue)
        catalogue.save_revision().publish()
    ensure_editorial_workflow(catalogue)
    return catalogue


@transaction.atomic
def ensure_editorial_workflow(catalogue: Page) -> Workflow:
    """Trainers' edits under the catalogue go to the organizers for approval."""
    groups = ensure_role_groups()
    for group_name, codenames in PAGE_PERMISSIONS.items():
        _grant_page_permissions(groups[group_name], catalogue, codenames)

    workflow, _created = Workflow.objects.get_or_create(name=WORKFLOW_NAME)
    task = GroupApprovalTask.objects.filter(name=TASK_NAME).first()
    if task is None:
        task = GroupApprovalTask.objects.create(name=TASK_NAME)
    task.groups.add(groups[ORGANIZERS])
    WorkflowTask.objects.get_or_create(
        workflow=workflow, task=task.task_ptr, defaults={"sort_order": 0}
    )
    WorkflowPage.objects.update_or_create(
        page=catalogue, defaults={"workflow": workflow}
    )
    return workflow


def _grant_page_permissions(group: Group, page: Page, codenames: list[str]) -> None:
    for codename in codenames:
        permission = Permission.objects.get(
            content_type__app_label="wagtailcore", codename=codename
        )
        GroupPagePermission.objects.get_or_create(
            group=group, page=page, permission=permission
        )


@transaction.atomic
def sync_course_lessons(course_page: CoursePage) -> list[Lesson]:
    """Tell the domain the lessons under a course page: titles, order, published.

    Positions count published lessons only (1, 2, 3 ... in tree order), so one
    publish, unpublish or move can renumber its siblings: the whole course is synced.
    """
    synced = []
    position = 0
    pages = LessonPage.objects.child_of(course_page).select_related("lesson")
    for page in pages.order_by("path"):
        if page.live:
            position += 1
        lesson = course_services.sync_lesson(
            lesson=page.lesson,
            course=course_page.course,
            title=page.title,
            position=position if page.live else _kept_position(page.lesson),
            is_published=page.live,
        )
        if page.lesson_id != lesson.pk:
            # update(), not save(): linking is not an edit and makes no revision.
            LessonPage.objects.filter(pk=page.pk).update(lesson=lesson)
        synced.append(lesson)
    return synced


def retire_lesson(lesson: Lesson) -> Lesson:
    """The page is gone; its lesson stays, unpublished, for the progress on it."""
    return course_services.sync_lesson(
        lesson=lesson,
        course=lesson.course,
        title=lesson.title,
        position=lesson.position,
        is_published=False,
    )


def course_page_of(page: Page) -> CoursePage | None:
    """The course page right above a lesson page, if it still exists."""
    parent_path = page.path[: -page.steplen]
    return CoursePage.objects.filter(path=parent_path).first()


def _kept_position(lesson: Lesson | None) -> int:
    return lesson.position if lesson is not None else 0
