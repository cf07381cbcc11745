"""Admin screens for large attendance exports: ask, watch the progress, download.

A job and its file belong to the user who asked (or a superuser); anyone else gets
404, as for any object outside their reach.
"""

from django import forms
from django.conf import settings
from django.contrib.auth.decorators import permission_required
from django.db import transaction
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from courses.export_jobs import can_download, file_kept_until, start_export_job
from courses.models import ExportJob, Organisation, TrainingClass
from courses.tasks import run_attendance_export

PERMISSION = "courses.view_trainingclass"
REFRESH_SECONDS = 2


class ExportJobForm(forms.Form):
    training_class = forms.ModelChoiceField(
        label=gettext_lazy("Lớp"), queryset=TrainingClass.objects.none(), required=False
    )
    organisation = forms.ModelChoiceField(
        label=gettext_lazy("Đơn vị tổ chức"),
        queryset=Organisation.objects.none(),
        required=False,
    )
    date_from = forms.DateField(label=gettext_lazy("Từ ngày"), required=False)
    date_to = forms.DateField(label=gettext_lazy("Đến ngày"), required=False)
    file_format = forms.ChoiceField(
        label=gettext_lazy("Định dạng"),
        choices=[("xlsx", "XLSX"), ("csv", "CSV")],
        initial="xlsx",
    )

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["training_class"].queryset = TrainingClass.objects.visible_to(user)
        self.fields["organisation"].queryset = Organisation.objects.visible_to(user)

    def clean(self):
        data = super().clean()
        start, end = data.get("date_from"), data.get("date_to")
        if start and end and end < start:
            raise forms.ValidationError(
                _("Ngày kết thúc không được trước ngày bắt đầu.")
            )
        return data

    def filters(self) -> dict:
        """JSON-ready filters, as `attendance_rows` reads them."""
        data = self.cleaned_data
        chosen = {
            "training_class": data["training_class"] and data["training_class"].pk,
            "organisation": data["organisation"] and data["organisation"].pk,
            "date_from": data["date_from"] and data["date_from"].isoformat(),
            "date_to": data["date_to"] and data["date_to"].isoformat(),
        }
        return {key: value for key, value in chosen.items() if value}


def _own_job(request: HttpRequest, job_id: int) -> ExportJob:
    job = get_object_or_404(ExportJob, pk=job_id)
    if not can_download(job, request.user):
        raise Http404
    return job


@permission_required(PERMISSION, raise_exception=True)
def new_export_job(request: HttpRequest) -> HttpResponse:
    form = ExportJobForm(request.POST or None, user=request.user)
    if request.method == "POST" and form.is_valid():
        with transaction.atomic():
            job = start_export_job(
                user=request.user,
                filters=form.filters(),
                file_format=form.cleaned_data["file_format"],
            )
            run_attendance_export.delay_on_commit(job.pk)
        return redirect("courses_export_jobs:detail", job.pk)
    return TemplateResponse(
        request,
        "courses/admin/export_job_new.html",
        {
            "page_title": _("Xuất danh sách điểm danh (tệp lớn)"),
            "form": form,
            "jobs": ExportJob.objects.filter(user=request.user)[:20],
        },
    )


@permission_required(PERMISSION, raise_exception=True)
def export_job_detail(request: HttpRequest, job_id: int) -> HttpResponse:
    job = _own_job(request, job_id)
    return TemplateResponse(
        request,
        "courses/admin/export_job.html",
        {
            "page_title": _("Xuất dữ liệu lớn"),
            "job": job,
            "is_pending": job.status
            in (ExportJob.Status.QUEUED, ExportJob.Status.RUNNING),
            "refresh_seconds": REFRESH_SECONDS,
            "kept_until": file_kept_until(job),
            "retention_days": settings.EXPORT_FILE_RETENTION_DAYS,
        },
    )


@permission_required(PERMISSION, raise_exception=True)
def download_export_job(request: HttpRequest, job_id: int) -> FileResponse:
    job = _own_job(request, job_id)
    if job.status != ExportJob.Status.DONE or not job.file:
        raise Http404
    return FileResponse(
        job.file.open("rb"),
        as_attachment=True,
        filename=job.file.name.rsplit("/", 1)[-1],
    )
