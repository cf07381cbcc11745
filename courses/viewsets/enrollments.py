"""Enrollment screens: adding and changing enrollments through the services."""

from django.utils.translation import gettext_lazy as _
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.panels import FieldPanel, ObjectList
from wagtail.admin.views import generic

from courses.admin_forms import EnrollmentAdminForm
from courses.models import Enrollment, TrainingClass
from courses.services import EnrollmentRefused, enroll, withdraw
from courses.viewsets.scoping import ScopedEditView, ScopedModelViewSet, scoped_choice


class EnrollmentFilterSet(WagtailFilterSet):
    training_class = scoped_choice(TrainingClass, "training_class", _("lớp"))

    class Meta:
        model = Enrollment
        fields = ["status", "method"]


class RefusalOnTheForm:
    """A refused enrollment (class full, closed, already in) shown on the form."""

    def form_valid(self, form):
        try:
            return super().form_valid(form)
        except EnrollmentRefused as refused:
            form.add_error(None, refused.message)
            self.produced_error_message = refused.message
            return self.form_invalid(form)


class EnrollmentCreateView(RefusalOnTheForm, generic.CreateView):
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


class EnrollmentEditView(RefusalOnTheForm, ScopedEditView):
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
