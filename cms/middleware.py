from collections.abc import Callable

from django.http import HttpRequest, HttpResponse

from cms import page_cache


class AnonymousPageCacheMiddleware:
    """Serves anonymous visitors from the page cache before sessions or routing run."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if not page_cache.is_candidate(request):
            return self.get_response(request)
        cached = page_cache.fetch(request)
        if cached is not None:
            return cached
        response = self.get_response(request)
        if (
            getattr(response, "cache_anonymous", False)
            and response.status_code == 200
            and not response.cookies
            and not response.streaming
        ):
            page_cache.store(request, response)
        return response
