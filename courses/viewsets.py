"""Wagtail admin screens for the domain's records, each scoped to what its user may see.

Organizers see their organisation's tree, trainers their own classes (and those
classes' people); the scope applies to listings and to every view of one object, so a
guessed id of another organisation's record answers 404.
"""

from collections.abc import Callable

import django_filters
from django.db.models import Model
from django.shortcuts import get_object_or_404
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
from wagtail.admin.views import generic
from wagtail.admin.views.generic import history, usage
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.admin.widgets.button import Button
from wagtail.snippets.views.snippets import SnippetViewSet

from courses.admin_forms import (
    EnrollmentAdminForm,
    QuestionAdminForm,
    TraineeAdminForm,
    TrainingClassAdminForm,
)
from courses.models import (
    Enrollment,
    Organisation,
    Question,
    QuestionCategory,
    Quiz,
    Trainee,
    TrainingClass,
    User,
)
from courses.services import EnrollmentRefused, enroll, withdraw

SENSITIVE = "courses.view_sensitive_trainee"


class ScopedToUser:
    """Every queryset a view reads goes through the model's `visible_to(user)`."""

    def scoped(self):
        return self.model._default_manager.visible_to(self.request.user)

    def get_base_queryset(self):
        return self.scoped()

    def get_queryset(self):
        if isinstance(self, generic.IndexView):
            return super().get_queryset()
        return self.scoped()

    def get_base_object_queryset(self):
        return self.scoped()


class ScopedIndexView(ScopedToUser, generic.IndexView):
    pass


class ScopedEditView(ScopedToUser, generic.EditView):
    pass


class ScopedDeleteView(ScopedToUser, generic.DeleteView):
    pass


class ScopedHistoryView(ScopedToUser, history.HistoryView):
    # The object comes from the scope; the listing is its log entries, not the scope.
    def get_base_queryset(self):
        return history.HistoryView.get_base_queryset(self)

    def get_queryset(self):
        return history.HistoryView.get_queryset(self)


class ScopedUsageView(ScopedToUser, usage.UsageView):
    # The object comes from the scope; the listing is what refers to it.
    def get_base_queryset(self):
        return usage.UsageView.get_base_queryset(self)

    def get_queryset(self):
        return usage.UsageView.get_queryset(self)


class ScopedInspectView(ScopedToUser, generic.InspectView):
    def get_object(self, queryset=None):
        return get_object_or_404(self.scoped(), pk=self.pk)


class ScopedModelViewSet(ModelViewSet):
    index_view_class = ScopedIndexView
    edit_view_class = ScopedEditView
    delete_view_class = ScopedDeleteView
    history_view_class = ScopedHistoryView
    usage_view_class = ScopedUsageView
    inspect_view_class = ScopedInspectView
    copy_view_enabled = False


def visible_choices(model: type[Model]) -> Callable:
    """A filter's choices: only the rows the user may see, like the listing itself.

    Wagtail would otherwise offer every row of the model (every organisation's
    classes) as a choice.
    """

    def queryset(request):
        if request is None:
            return model._default_manager.none()
        return model._default_manager.visible_to(request.user)

    return queryset


def _scoped_choice(model: type[Model], field: str, label) -> django_filters.Filter:
    return django_filters.ModelChoiceFilter(
        label=label, field_name=field, queryset=visible_choices(model)
    )


class TrainingClassFilterSet(WagtailFilterSet):
    organisation = _scoped_choice(Organisation, "organisation", _("đơn vị tổ chức"))

    class Meta:
        model = TrainingClass
        fields = {
            "course": ["exact"],
            "mode": ["exact"],
            "is_enrollment_open": ["exact"],
            "starts_on": ["gte", "lte"],
        }


class TraineeFilterSet(WagtailFilterSet):
    organisation = _scoped_choice(Organisation, "organisation", _("đơn vị"))

    class Meta:
        model = Trainee
        fields = ["role", "sex"]


class EnrollmentFilterSet(WagtailFilterSet):
    training_class = _scoped_choice(TrainingClass, "training_class", _("lớp"))

    class Meta:
        model = Enrollment
        fields = ["status", "method"]


# Apps that build on courses add their own buttons to a class's edit screen here
# (certificates adds "Giấy chứng nhận"): courses never imports them.
# Each is called with the class and the user, and gives a button or None.
CLASS_HEADER_BUTTONS: list[Callable[[TrainingClass, User], Button | None]] = []


class TrainingClassEditView(ScopedEditView):
    @cached_property
    def header_more_buttons(self):
        buttons = super().header_more_buttons
        buttons.append(
            Button(
                _("Kết quả kiểm tra"),
                url=reverse("courses_class_quiz_report", args=[self.object.pk]),
                icon_name="tasks",
                priority=20,
            )
        )
        buttons.append(
            Button(
                _("Điểm danh"),
                url=reverse("courses:class-sessions", args=[self.object.pk]),
                icon_name="list-ul",
                priority=30,
            )
        )
        buttons.append(
            Button(
                _("Danh sách, bảng ký, chi hỗ trợ"),
                url=reverse("courses_class_exports", args=[self.object.pk]),
                icon_name="download",
                priority=40,
            )
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


class EnrollmentCreateView(generic.CreateView):
    def save_instance(self):
        data = self.form.cleaned_data
        method = (
            Enrollment.Method.ORGANIZER
            if self.request.user.has_perm("courses.change_trainingclass")
            else Enrollment.Method.TRAINER
        )
        return enroll(
            trainee=data["trainee"],
            training_class=data["training_class"],
            method=method,
            by=self.request.user,
        )

    def form_valid(self, form):
        try:
            return super().form_valid(form)
        except EnrollmentRefused as refused:
            form.add_error(None, refused.message)
            self.produced_error_message = refused.message
            return self.form_invalid(form)


class EnrollmentEditView(ScopedEditView):
    def save_instance(self):
        # The bound form already changed self.object; the stored row says where from.
        enrollment = Enrollment.objects.get(pk=self.object.pk)
        wanted = self.form.cleaned_data["status"]
        if wanted == enrollment.status:
            return enrollment
        if wanted == Enrollment.Status.WITHDRAWN:
            return withdraw(enrollment=enrollment, by=self.request.user)
        return enroll(
            trainee=enrollment.trainee,
            training_class=enrollment.training_class,
            method=enrollment.method,
            by=self.request.user,
        )
        return enrollment

    def form_valid(self, form):
        try:
            return super().form_valid(form)
        except EnrollmentRefused as refused:
            form.add_error(None, refused.message)
            self.produced_error_message = refused.message
            return self.form_invalid(form)


class EnrollmentViewSet(ScopedModelViewSet):
    model = Enrollment
    icon = "list-ul"
    menu_label = _("Ghi danh")
    add_view_class = EnrollmentCreateView
    edit_view_class = EnrollmentEditView
    list_display = ["trainee", "training_class", "status", "method", "enrolled_at"]
    filterset_class = EnrollmentFilterSet
    search_fields = [
        "trainee__full_name",
        "trainee__name_folded",
        "training_class__code",
    ]
    add_handler = ObjectList(
        [FieldPanel("training_class"), FieldPanel("trainee")],
        base_form_class=EnrollmentAdminForm,
    )
    edit_handler = ObjectList(
        [FieldPanel("status")], base_form_class=EnrollmentAdminForm
    )

    def get_add_view_kwargs(self, **kwargs):
        # Adding picks a class and a trainee; editing only changes the status.
        add_handler = self.add_handler.bind_to_model(self.model)
        return super().get_add_view_kwargs(
            panel=add_handler, form_class=add_handler.get_form_class(), **kwargs
        )


class QuestionViewSet(SnippetViewSet):
    model = Question
    icon = "help"
    menu_label = _("Ngân hàng câu hỏi")
    list_display = ["text", "kind", "category", "points"]
    list_filter = ["kind", "category"]
    search_fields = ["text"]
    edit_handler = ObjectList(
        [
            FieldRowPanel([FieldPanel("category"), FieldPanel("kind")]),
            FieldPanel("text"),
            InlinePanel(
                "choices",
                heading=_("Các lựa chọn"),
                label=_("Lựa chọn"),
                panels=[FieldPanel("text"), FieldPanel("is_correct")],
            ),
            MultiFieldPanel(
                [
                    FieldPanel("accepted_answers"),
                    FieldRowPanel(
                        [FieldPanel("ignore_case"), FieldPanel("ignore_diacritics")]
                    ),
                ],
                heading=_("Câu trả lời ngắn"),
            ),
            FieldRowPanel([FieldPanel("points"), FieldPanel("partial_credit")]),
            FieldPanel("explanation"),
        ],
        base_form_class=QuestionAdminForm,
    )


class QuestionCategoryViewSet(SnippetViewSet):
    model = QuestionCategory
    icon = "folder-open-inverse"
    menu_label = _("Nhóm câu hỏi")
    list_display = ["name", "course"]
    list_filter = ["course"]
    search_fields = ["name"]
    form_fields = ["name", "course"]


class QuizViewSet(SnippetViewSet):
    model = Quiz
    icon = "tasks"
    menu_label = _("Bài kiểm tra")
    list_display = ["title", "course", "lesson", "purpose", "pass_mark_percent"]
    list_filter = ["purpose", "course"]
    search_fields = ["title"]
    edit_handler = ObjectList(
        [
            FieldPanel("title"),
            FieldRowPanel(
                [FieldPanel("course"), FieldPanel("lesson"), FieldPanel("purpose")]
            ),
            MultiFieldPanel(
                [
                    FieldRowPanel(
                        [
                            FieldPanel("pass_mark_percent"),
                            FieldPanel("attempts_allowed"),
                            FieldPanel("minutes_between_attempts"),
                        ]
                    ),
                    FieldRowPanel(
                        [FieldPanel("time_limit_minutes"), FieldPanel("closes_at")]
                    ),
                    FieldRowPanel(
                        [
                            FieldPanel("shuffle_questions"),
                            FieldPanel("shuffle_choices"),
                        ]
                    ),
                    FieldRowPanel(
                        [FieldPanel("review_shows"), FieldPanel("review_when")]
                    ),
                ],
                heading=_("Quy định làm bài"),
            ),
            InlinePanel(
                "items",
                heading=_("Câu hỏi"),
                label=_("Câu hỏi hoặc lượt rút ngẫu nhiên"),
                panels=[
                    FieldPanel("question"),
                    FieldRowPanel([FieldPanel("category"), FieldPanel("draw_count")]),
                ],
            ),
        ]
    )
