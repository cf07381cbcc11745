from django.http import HttpRequest, HttpResponse
from django.urls import path

from lms.urls import urlpatterns as lms_urlpatterns


def bare_django(request: HttpRequest) -> HttpResponse:
    """The baseline: a view that does nothing but answer through the full stack."""
    return HttpResponse("<!doctype html><title>bare</title><p>bare</p>")


urlpatterns = [path("bare-django/", bare_django), *lms_urlpatterns]
