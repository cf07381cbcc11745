"""Panels other apps add to the trainee's "Khóa học của tôi" page.

Certificates builds on courses, so courses cannot ask it for anything; instead an
app registers a template and a function giving that template its context.
"""

from collections.abc import Callable
from dataclasses import dataclass

from django.http import HttpRequest
from django.template.loader import render_to_string
from django.utils.safestring import SafeString


@dataclass(frozen=True)
class Panel:
    template_name: str
    context: Callable[[HttpRequest], dict]


PANELS: list[Panel] = []


def register_panel(panel: Panel) -> None:
    if panel not in PANELS:
        PANELS.append(panel)


def render_panels(request: HttpRequest) -> list[SafeString]:
    return [
        render_to_string(panel.template_name, panel.context(request), request=request)
        for panel in PANELS
    ]
