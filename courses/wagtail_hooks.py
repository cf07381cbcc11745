from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.viewsets.base import ViewSetGroup
from wagtail.admin.viewsets.model import ModelViewSet

from courses.models import Course, Organisation
from courses.viewsets import (
    EnrollmentViewSet,
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


@hooks.register("register_admin_viewset")
def register_training_viewsets():
    return TrainingViewSetGroup()
