"""Quiz results as a spreadsheet, one column definition for XLSX and CSV."""

from django.utils.translation import gettext_lazy as _
from import_export import fields, resources

from courses.models import Attempt


class AttemptResultResource(resources.ModelResource):
    full_name = fields.Field(attribute="trainee__full_name", column_name=_("Họ và tên"))
    quiz = fields.Field(attribute="quiz__title", column_name=_("Bài kiểm tra"))
    number = fields.Field(attribute="number", column_name=_("Lần"))
    submitted_on = fields.Field(column_name=_("Ngày nộp"))
    score = fields.Field(attribute="score", column_name=_("Điểm"))
    max_score = fields.Field(attribute="max_score", column_name=_("Điểm tối đa"))
    percent = fields.Field(attribute="percent", column_name=_("Tỉ lệ (%)"))
    result = fields.Field(column_name=_("Kết quả"))

    class Meta:
        model = Attempt
        fields = export_order = (
            "full_name",
            "quiz",
            "number",
            "submitted_on",
            "score",
            "max_score",
            "percent",
            "result",
        )

    def dehydrate_submitted_on(self, attempt: Attempt) -> str:
        return attempt.submitted_at.strftime("%d/%m/%Y") if attempt.submitted_at else ""

    def dehydrate_result(self, attempt: Attempt) -> str:
        return str(_("Đạt") if attempt.passed else _("Chưa đạt"))
