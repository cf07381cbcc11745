"""Training class screens: the listing, its filters and the edit screen's buttons."""

from collections.abc import Callable

from django.urls import reverse
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.panels import (
    FieldPanel,
    FieldRowPanel,
    InlinePanel,
    MultiFieldPanel,
    ObjectList,
)
from wagtail.admin.ui.tables import Column
from wagtail.admin.widgets.button import Button

from courses.admin_forms import TrainingClassAdminForm
from courses.models import Organisation, TrainingClass, User
from courses.viewsets.scoping import ScopedEditView, ScopedModelViewSet, scoped_choice


class TrainingClassFilterSet(WagtailFilterSet):
    organisation = scoped_choice(Organisation, "organisation", _("đơn vị tổ chức"))

    class Meta:
        model = TrainingClass
        fields = {
            "course": ["exact"],
            "mode": ["exact"],
            "is_enrollment_open": ["exact"],
            "starts_on": ["gte", "lte"],
        }


# Apps that build on courses add their own buttons to a class's edit screen here
# (certificates adds "Giấy chứng nhận"): courses never imports them.
# Each is called with the class and the user, and gives a button or None.
CLASS_HEADER_BUTTONS: list[Callable[[TrainingClass, User], Button | None]] = []


# The class's own screens, linked from its edit screen: label, URL name, icon, place.
CLASS_SCREENS = [
    (_("Kết quả kiểm tra"), "courses_class_quiz_report", "tasks", 20),
    (_("Điểm danh"), "courses:class-sessions", "list-ul", 30),
    (_("Danh sách, bảng ký, chi hỗ trợ"), "courses_class_exports", "download", 40),
]


class TrainingClassEditView(ScopedEditView):
    @cached_property
    def header_more_buttons(self):
        buttons = super().header_more_buttons
        buttons.extend(
            Button(
                label,
                url=reverse(url_name, args=[self.object.pk]),
                icon_name=icon,
                priority=priority,
            )
            for label, url_name, icon, priority in CLASS_SCREENS
        )
        for make in CLASS_HEADER_BUTTONS:
            button = make(self.object, self.request.user)
            if button is not None:
                buttons.append(button)
        return buttons


class TrainingClassViewSet(ScopedModelViewSet):
    model = TrainingClass
    edit_view_class = TrainingClassEditView
    icon = "date"
    menu_label = _("Lớp tập huấn")
    list_display = [
        "code",
        "title",
        "course",
        "organisation",
        Column("starts_on", label=_("Từ ngày"), accessor="starts_on"),
        Column("seats", label=_("Học viên / chỗ"), accessor="seats_summary"),
    ]
    filterset_class = TrainingClassFilterSet
    search_fields = ["code", "title", "venue", "decision_number"]
    edit_handler = ObjectList(
        [
            MultiFieldPanel(
                [
                    FieldRowPanel([FieldPanel("code"), FieldPanel("course")]),
                    FieldPanel("title"),
                    FieldPanel("organisation"),
                    FieldRowPanel([FieldPanel("starts_on"), FieldPanel("ends_on")]),
                    FieldRowPanel([FieldPanel("mode"), FieldPanel("capacity")]),
                    FieldPanel("is_enrollment_open"),
                ],
                heading=_("Lớp"),
            ),
            MultiFieldPanel(
                [
                    FieldPanel("venue"),
                    FieldPanel("unit_label"),
                    FieldRowPanel(
                        [
                            FieldPanel("unit_province_code"),
                            FieldPanel("unit_commune_code"),
                        ]
                    ),
                ],
                heading=_("Địa điểm"),
            ),
            MultiFieldPanel(
                [
                    FieldPanel("funding_source"),
                    FieldPanel("decision_number"),
                    FieldPanel("trainers"),
                ],
                heading=_("Quyết định, kinh phí, giảng viên"),
            ),
            InlinePanel(
                "sessions",
                heading=_("Các buổi học"),
                label=_("Buổi học"),
                panels=[
                    FieldRowPanel([FieldPanel("held_on"), FieldPanel("part")]),
                    FieldRowPanel([FieldPanel("starts_at"), FieldPanel("ends_at")]),
                    FieldPanel("topic"),
                    FieldPanel("venue"),
                    FieldPanel("trainer"),
                ],
            ),
            InlinePanel(
                "allowance_rates",
                heading=_("Các khoản hỗ trợ (theo ngày có mặt)"),
                label=_("Khoản hỗ trợ"),
                panels=[
                    FieldRowPanel([FieldPanel("label"), FieldPanel("rate_per_day")])
                ],
            ),
            MultiFieldPanel(
                [
                    FieldRowPanel(
                        [
                            FieldPanel("late_points"),
                            FieldPanel("excused_points"),
                            FieldPanel("late_after_minutes"),
                        ]
                    ),
                    FieldPanel("completion_attendance_percent"),
                ],
                heading=_("Điểm danh và điều kiện hoàn thành"),
            ),
            FieldPanel("edit_reason"),
        ],
        base_form_class=TrainingClassAdminForm,
    )
