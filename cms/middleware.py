from collections.abc import Callable

from django.http import HttpRequest, HttpResponse
from django.utils.cache import patch_cache_control, patch_vary_headers

from cms import page_cache
from cms.personal import personalise


class AnonymousPageCacheMiddleware:
    """Serves cookie-less visitors from the page cache before sessions or routing run.

    It is also the only place that fills the cache, so no entry can hold anyone's
    name, messages or CSRF token.
    """

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if not page_cache.is_anonymous_visit(request):
            return self.get_response(request)
        entry = page_cache.fetch_entry(request)
        if entry is not None:
            return page_cache.respond(entry, entry["content"], state="hit")
        response = self.get_response(request)
        if (
            getattr(response, "cache_anonymous", False)
            and response.status_code == 200
            and not response.cookies
            and not response.streaming
        ):
            page_cache.store(request, response)
        return response


class PersonalisedPageCacheMiddleware:
    """Serves signed-in users the cached page with their own regions spliced in.

    When there is no entry yet, the freshly rendered page gets the same treatment, so
    a region's signed-in version comes from its renderer on both paths.
    """

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        entry = page_cache.fetch_entry(request)
        if entry is None:
            response = self.get_response(request)
            page_id = getattr(response, "page_id", None)
            if (
                page_id is not None
                and request.user.is_authenticated
                and response.status_code == 200
                and not response.streaming
            ):
                response.content = personalise(response.content, request, page_id)
            return response
        content = personalise(entry["content"], request, entry["page_id"])
        response = page_cache.respond(entry, content, state="personal")
        patch_vary_headers(response, ["Cookie"])
        patch_cache_control(response, private=True)
        return response
