from django.urls import path
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.viewsets.base import ViewSetGroup
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSetGroup

from courses import quiz_admin_views
from courses.models import Course, Organisation
from courses.viewsets import (
    EnrollmentViewSet,
    QuestionCategoryViewSet,
    QuestionViewSet,
    QuizViewSet,
    ScopedModelViewSet,
    TraineeViewSet,
    TrainingClassViewSet,
)


class OrganisationViewSet(ScopedModelViewSet):
    model = Organisation
    icon = "group"
    menu_label = _("Tổ chức")
    list_display = ["name", "kind", "parent"]
    list_filter = ["kind"]
    search_fields = ["name", "short_name"]
    form_fields = ["name", "short_name", "kind", "parent"]


class CourseViewSet(ModelViewSet):
    model = Course
    icon = "book"
    menu_label = _("Khoá học")
    list_display = ["title", "code", "topic", "audience"]
    list_filter = ["topic", "audience"]
    search_fields = ["title", "title_en", "code"]
    form_fields = ["code", "title", "title_en", "topic", "audience"]


class TrainingViewSetGroup(ViewSetGroup):
    menu_label = _("Đào tạo")
    menu_icon = "group"
    menu_order = 200
    items = (
        TrainingClassViewSet,
        EnrollmentViewSet,
        TraineeViewSet,
        CourseViewSet,
        OrganisationViewSet,
    )


class QuizViewSetGroup(SnippetViewSetGroup):
    menu_label = _("Kiểm tra")
    menu_icon = "tasks"
    menu_order = 210
    items = (QuizViewSet, QuestionViewSet, QuestionCategoryViewSet)


@hooks.register("register_admin_viewset")
def register_training_viewsets():
    return TrainingViewSetGroup()


# Snippets rather than plain model screens: they bring the live preview trainers use
# to see a question as a trainee will.
register_snippet(QuizViewSetGroup)


@hooks.register("register_admin_urls")
def register_quiz_report_urls():
    return [
        path(
            "classes/<int:class_id>/quiz-results/",
            quiz_admin_views.class_quiz_report,
            name="courses_class_quiz_report",
        ),
        path(
            "classes/<int:class_id>/quiz-results/export.<str:fmt>",
            quiz_admin_views.export_class_results,
            name="courses_class_results_export",
        ),
    ]


# --- Roster import (courses.roster) ------------------------------------------------
# Upload → preview → confirm, for holders of courses.import_trainee only.


@hooks.register("register_admin_urls")
def register_roster_import_urls():
    from django.urls import include, path

    from courses.roster import views as roster_views

    urls = [
        path("", roster_views.upload, name="upload"),
        path("confirm/", roster_views.confirm, name="confirm"),
        path("template.xlsx", roster_views.template, name="template"),
    ]
    return [path("roster-import/", include((urls, "courses_roster")))]


@hooks.register("register_admin_menu_item")
def register_roster_import_menu_item():
    from django.urls import reverse
    from wagtail.admin.menu import MenuItem

    from courses.roster.views import PERMISSION

    class RosterImportMenuItem(MenuItem):
        def is_shown(self, request):
            return request.user.has_perm(PERMISSION)

    return RosterImportMenuItem(
        _("Nhập danh sách học viên"),
        reverse("courses_roster:upload"),
        icon_name="upload",
        order=210,
    )


# --- Question import (courses.question_import) --------------------------------------
# Upload → preview → confirm, for holders of courses.add_question only.


@hooks.register("register_admin_urls")
def register_question_import_admin_urls():
    from courses.question_import.views import register_question_import_urls

    return register_question_import_urls()


@hooks.register("register_admin_menu_item")
def register_question_import_menu_item():
    from courses.question_import.views import QUESTION_IMPORT_MENU_ITEM

    return QUESTION_IMPORT_MENU_ITEM


# --- Organiser dashboard and large exports (courses.dashboard, courses.export_jobs) --
# The dashboard for organisers (their organisation's tree); export jobs for whoever
# may see classes, each job and its file only for the user who asked.


@hooks.register("register_admin_urls")
def register_dashboard_and_export_job_urls():
    from django.urls import include, path

    from courses import dashboard_views, export_job_views

    jobs = [
        path("", export_job_views.new_export_job, name="new"),
        path("<int:job_id>/", export_job_views.export_job_detail, name="detail"),
        path(
            "<int:job_id>/download/",
            export_job_views.download_export_job,
            name="download",
        ),
    ]
    return [
        path(
            "training-overview/",
            dashboard_views.organiser_dashboard,
            name="courses_organiser_dashboard",
        ),
        path("export-jobs/", include((jobs, "courses_export_jobs"))),
    ]


@hooks.register("register_admin_menu_item")
def register_organiser_dashboard_menu_item():
    from django.urls import reverse
    from wagtail.admin.menu import MenuItem

    from courses.dashboard_views import PERMISSION

    class DashboardMenuItem(MenuItem):
        def is_shown(self, request):
            return request.user.has_perm(PERMISSION)

    return DashboardMenuItem(
        _("Tổng quan đào tạo"),
        reverse("courses_organiser_dashboard"),
        icon_name="doc-full",
        order=190,
    )


@hooks.register("register_admin_menu_item")
def register_export_jobs_menu_item():
    from django.urls import reverse
    from wagtail.admin.menu import MenuItem

    from courses.export_job_views import PERMISSION

    class ExportJobsMenuItem(MenuItem):
        def is_shown(self, request):
            return request.user.has_perm(PERMISSION)

    return ExportJobsMenuItem(
        _("Xuất điểm danh (tệp lớn)"),
        reverse("courses_export_jobs:new"),
        icon_name="download",
        order=220,
    )


# --- Exports: attendance lists, sign-in sheets, allowance lists (courses.exports) ----


@hooks.register("register_admin_urls")
def register_class_export_admin_urls():
    from courses.export_views import export_urls

    return export_urls()


# --- Data subject requests (courses.privacy): the organisers' queue ------------------


@hooks.register("register_admin_viewset")
def register_data_request_viewset():
    from wagtail.permissions import register_permission_policy

    from courses.models import DataSubjectRequest
    from courses.privacy.admin_views import (
        DataSubjectRequestViewSet,
        RequestQueuePolicy,
    )

    register_permission_policy(
        DataSubjectRequest, RequestQueuePolicy(DataSubjectRequest)
    )
    return DataSubjectRequestViewSet()
