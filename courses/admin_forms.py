"""Forms behind the organizers' admin screens: scoped choices and the lock rule."""

from django import forms
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from wagtail.admin.forms import WagtailAdminModelForm

from courses.models import Organisation, Question, Trainee, TrainingClass, User
from courses.phones import InvalidPhone, normalise_phone
from courses.roles import TRAINERS
from courses.services import record_edit_after_lock


def organisations_for(user: User):
    if user.is_superuser:
        return Organisation.objects.all()
    if user.organisation_id is None:
        return Organisation.objects.none()
    return Organisation.objects.subtree_of(user.organisation)


class TrainingClassAdminForm(WagtailAdminModelForm):
    edit_reason = forms.CharField(
        label=_("Lý do sửa lớp đã khoá sổ"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_("Bắt buộc khi sửa một lớp đã khoá sổ; được lưu vào nhật ký."),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        user = self.for_user
        if user is not None and "organisation" in self.fields:
            self.fields["organisation"].queryset = organisations_for(user)
        if "trainers" in self.fields:
            self.fields["trainers"].queryset = User.objects.filter(
                groups__name=TRAINERS
            ).order_by("full_name")

    def clean(self):
        cleaned = super().clean()
        instance = self.instance
        if instance.pk and instance.is_locked:
            if not (self.for_user and self.for_user.is_superuser):
                raise forms.ValidationError(
                    _("Lớp đã khoá sổ: chỉ quản trị hệ thống được sửa, kèm lý do.")
                )
            if not (cleaned.get("edit_reason") or "").strip():
                self.add_error("edit_reason", _("Ghi lý do sửa lớp đã khoá sổ."))
        capacity = cleaned.get("capacity")
        if capacity is not None and instance.pk and capacity < instance.seats_taken:
            self.add_error(
                "capacity",
                ngettext(
                    "Lớp đã có %(n)d học viên: số chỗ không được nhỏ hơn.",
                    "Lớp đã có %(n)d học viên: số chỗ không được nhỏ hơn.",
                    instance.seats_taken,
                )
                % {"n": instance.seats_taken},
            )
        return cleaned

    def save(self, commit=True):
        instance = super().save(commit=commit)
        if instance.is_locked and self.changed_data:
            record_edit_after_lock(
                training_class=instance,
                by=self.for_user,
                reason=self.cleaned_data["edit_reason"],
                changes={
                    name: str(self.cleaned_data.get(name))
                    for name in self.changed_data
                    if name != "edit_reason"
                },
            )
        return instance


class TraineeAdminForm(WagtailAdminModelForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.for_user is not None and "organisation" in self.fields:
            self.fields["organisation"].queryset = organisations_for(self.for_user)
            # A record outside every organisation would vanish from its creator's view.
            self.fields["organisation"].required = not self.for_user.is_superuser

    def clean_phone(self):
        raw = self.cleaned_data.get("phone", "")
        try:
            return normalise_phone(raw)[0]
        except InvalidPhone:
            raise forms.ValidationError(
                _("Số điện thoại không hợp lệ, ví dụ đúng: 0912 345 678.")
            ) from None

    def clean_national_id(self):
        value = "".join(self.cleaned_data.get("national_id", "").split())
        if value and (not value.isdigit() or len(value) != 12):
            raise forms.ValidationError(_("Số CCCD gồm đúng 12 chữ số."))
        return value

    class Meta:
        model = Trainee
        fields = "__all__"


class EnrollmentAdminForm(WagtailAdminModelForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        user = self.for_user
        if user is not None:
            if "training_class" in self.fields:
                self.fields[
                    "training_class"
                ].queryset = TrainingClass.objects.visible_to(user)
            if "trainee" in self.fields:
                self.fields["trainee"].queryset = Trainee.objects.visible_to(user)


class QuestionAdminForm(WagtailAdminModelForm):
    """Refuses a question grading could not score: the mistake shows here, not when a
    trainee submits."""

    def is_valid(self) -> bool:
        valid = super().is_valid()
        if not valid:
            return False
        kind = self.cleaned_data.get("kind")
        choices = [
            form.cleaned_data
            for form in self.formsets["choices"].forms
            if form.cleaned_data and not form.cleaned_data.get("DELETE")
        ]
        correct = sum(1 for choice in choices if choice.get("is_correct"))
        problem = None
        if kind in (Question.Kind.SINGLE, Question.Kind.TRUE_FALSE) and correct != 1:
            problem = _("Câu một đáp án hoặc Đúng/Sai cần đúng một lựa chọn đúng.")
        elif kind == Question.Kind.MULTIPLE and (correct < 1 or len(choices) < 2):
            problem = _(
                "Câu nhiều đáp án cần ít nhất hai lựa chọn và một lựa chọn đúng."
            )
        elif (
            kind == Question.Kind.SHORT
            and not (self.cleaned_data.get("accepted_answers") or "").strip()
        ):
            problem = _("Câu trả lời ngắn cần ít nhất một đáp án được chấp nhận.")
        if problem:
            self.add_error(None, problem)
            return False
        return True
