"""Personal regions of cached pages: rendered per user, spliced into the shared HTML.

A template marks a region with `<!--region:NAME-->...<!--/region:NAME-->` around the
anonymous version; a renderer registered here produces the signed-in version. Both
usually include the same template, so the two paths cannot drift apart.
"""

import re
from collections.abc import Callable

from django.contrib.messages import get_messages
from django.http import HttpRequest
from django.middleware.csrf import get_token
from django.template.loader import render_to_string

type Renderer = Callable[[HttpRequest, int | None], str]

REGION = re.compile(rb"<!--region:([a-z-]+)-->.*?<!--/region:\1-->", re.DOTALL)
RENDERERS: dict[str, Renderer] = {}


def region(name: str) -> Callable[[Renderer], Renderer]:
    def register(renderer: Renderer) -> Renderer:
        RENDERERS[name] = renderer
        return renderer

    return register


def personalise(content: bytes, request: HttpRequest, page_id: int | None) -> bytes:
    def render(match: re.Match[bytes]) -> bytes:
        name = match.group(1).decode()
        renderer = RENDERERS.get(name)
        if renderer is None:
            return match.group(0)
        html = renderer(request, page_id)
        return f"<!--region:{name}-->{html}<!--/region:{name}-->".encode()

    return REGION.sub(render, content)


# Regions render with just what they use, not every context processor: this runs on
# each signed-in page view.
@region("user-nav")
def render_user_nav(request: HttpRequest, page_id: int | None) -> str:
    context = {"user": request.user, "csrf_token": get_token(request)}
    return render_to_string("includes/user_nav.html", context)


@region("messages")
def render_messages(request: HttpRequest, page_id: int | None) -> str:
    messages = get_messages(request)
    if not messages:
        return ""
    return render_to_string("includes/messages.html", {"messages": messages})
