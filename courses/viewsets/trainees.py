"""Trainee screens: the listing, its filters and the guarded sensitive fields."""

from django.utils.translation import gettext_lazy as _
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel, ObjectList
from wagtail.admin.ui.tables import Column

from courses.admin_forms import TraineeAdminForm
from courses.models import Organisation, Trainee
from courses.viewsets.scoping import ScopedModelViewSet, scoped_choice

SENSITIVE = "courses.view_sensitive_trainee"


class TraineeFilterSet(WagtailFilterSet):
    organisation = scoped_choice(Organisation, "organisation", _("đơn vị"))

    class Meta:
        model = Trainee
        fields = ["role", "sex"]


class TraineeViewSet(ScopedModelViewSet):
    model = Trainee
    icon = "user"
    menu_label = _("Học viên")
    list_display = [
        "full_name",
        Column("birth", label=_("Năm sinh"), accessor="birth_display"),
        Column("phone", label=_("Điện thoại"), accessor="phone_display"),
        "role",
        "unit_label",
        "organisation",
    ]
    filterset_class = TraineeFilterSet
    # name_folded lets "hoa" find "Hoà" and "Hòa" alike.
    # Not the phone: a search puts its words in the address, and so in access logs.
    search_fields = ["full_name", "name_folded", "village"]
    edit_handler = ObjectList(
        [
            FieldRowPanel([FieldPanel("full_name"), FieldPanel("given_name")]),
            FieldRowPanel(
                [FieldPanel("sex"), FieldPanel("birth_date"), FieldPanel("birth_year")]
            ),
            FieldRowPanel([FieldPanel("phone"), FieldPanel("role")]),
            FieldPanel("organisation"),
            MultiFieldPanel(
                [FieldPanel("unit_label"), FieldPanel("village")],
                heading=_("Nơi ở"),
            ),
            MultiFieldPanel(
                [
                    FieldPanel("ethnicity", permission=SENSITIVE),
                    FieldPanel("national_id", permission=SENSITIVE),
                ],
                heading=_("Thông tin nhạy cảm (chỉ người có quyền mới thấy)"),
                permission=SENSITIVE,
            ),
            FieldPanel("notes"),
        ],
        base_form_class=TraineeAdminForm,
    )
