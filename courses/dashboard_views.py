"""The organiser's dashboard in the Wagtail admin: parse the filters, read, render."""

import datetime as dt

from django.contrib.auth.decorators import permission_required
from django.http import HttpRequest, HttpResponse
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.translation import gettext as _

from courses.charts import bars
from courses.dashboard import DEFAULT_REFRESHER_MONTHS, build_dashboard, months_before

# Organisers: the permission that gives `visible_to` its organisation scope.
PERMISSION = "courses.change_trainingclass"
MAX_REFRESHER_MONTHS = 120


def _month(raw: str, today: dt.date) -> dt.date:
    try:
        return dt.datetime.strptime(raw, "%Y-%m").date()  # noqa: DTZ007 a month, no time
    except ValueError:
        return today.replace(day=1)


def _refresher_months(raw: str) -> int:
    try:
        months = int(raw)
    except ValueError:
        return DEFAULT_REFRESHER_MONTHS
    return min(max(months, 1), MAX_REFRESHER_MONTHS)


@permission_required(PERMISSION, raise_exception=True)
def organiser_dashboard(request: HttpRequest) -> HttpResponse:
    today = timezone.localdate()
    month = _month(request.GET.get("month", ""), today)
    dashboard = build_dashboard(
        user=request.user,
        month=month,
        today=today,
        refresher_months=_refresher_months(request.GET.get("months", "")),
    )
    return TemplateResponse(
        request,
        "courses/admin/dashboard.html",
        {
            "page_title": _("Tổng quan đào tạo"),
            "dashboard": dashboard,
            "previous_month": months_before(dashboard.month, 1),
            "next_month": dashboard.month_end + dt.timedelta(days=1),
            "class_bars": bars(
                ((s.training_class.code, s.rate) for s in dashboard.classes),
                scale=100,
            ),
            "completion_bars": bars(
                (line.place.commune, line.completions) for line in dashboard.completions
            ),
        },
    )
