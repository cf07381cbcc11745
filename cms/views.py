import re

from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.template.response import TemplateResponse

from cms.models import LessonPage
from courses.vietnamese import fold

RESULTS_PER_PAGE = 20


def search(request: HttpRequest) -> HttpResponse:
    """Lesson search that ignores diacritics: "ma tuy" finds "ma túy"."""
    query = request.GET.get("q", "").strip()[:200]
    results = LessonPage.objects.none()
    # Words only: to SQLite's full-text index quotes and other punctuation are query
    # syntax, and a stray '"' would be an error page instead of a search.
    words = " ".join(re.findall(r"\w+", fold(query)))
    if words:
        results = LessonPage.objects.live().search(words, operator="and")
    page = Paginator(results, RESULTS_PER_PAGE).get_page(request.GET.get("page"))
    return TemplateResponse(
        request, "cms/search.html", {"query": query, "results": page}
    )


def lesson_redirect(request: HttpRequest, lesson_id: int) -> HttpResponse:
    """/bai-hoc/<id>/: the domain links lessons by id; the page decides the address."""
    page = LessonPage.objects.live().filter(lesson_id=lesson_id).first()
    if page is None:
        raise Http404
    return redirect(page.url)
