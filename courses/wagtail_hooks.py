from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.viewsets.base import ViewSetGroup
from wagtail.admin.viewsets.model import ModelViewSet

from courses.models import Course, Organisation, TrainingClass


class OrganisationViewSet(ModelViewSet):
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


class TrainingClassViewSet(ModelViewSet):
    model = TrainingClass
    icon = "date"
    menu_label = _("Lớp tập huấn")
    list_display = ["code", "title", "course", "organisation", "starts_on", "ends_on"]
    list_filter = ["course", "organisation", "mode", "is_enrollment_open"]
    search_fields = ["code", "title", "venue"]
    form_fields = [
        "course",
        "organisation",
        "code",
        "title",
        "starts_on",
        "ends_on",
        "venue",
        "mode",
        "capacity",
        "is_enrollment_open",
        "funding_source",
        "decision_number",
        "trainers",
    ]


class TrainingViewSetGroup(ViewSetGroup):
    menu_label = _("Đào tạo")
    menu_icon = "group"
    menu_order = 200
    items = (TrainingClassViewSet, CourseViewSet, OrganisationViewSet)


@hooks.register("register_admin_viewset")
def register_training_viewsets():
    return TrainingViewSetGroup()
