"""Page lookups that would otherwise cost a query per level of the tree, per request."""

from django.contrib.contenttypes.models import ContentType
from wagtail.models import Page, PageViewRestriction

from cms import page_cache


def find_page(url_path: str) -> Page | None:
    """The specific page at a full url_path, in one query once the route is known."""
    target = page_cache.remember(
        f"route:{url_path}",
        lambda: (
            Page.objects.filter(url_path=url_path)
            .values_list("id", "content_type_id")
            .first()
        ),
    )
    if target is None:
        return None
    page_id, content_type_id = target
    model = ContentType.objects.get_for_id(content_type_id).model_class()
    return model.objects.filter(pk=page_id).first()


def restricted_paths() -> list[str]:
    """Tree paths of every page with a view restriction (usually none at all)."""
    return page_cache.remember(
        "restricted-paths",
        lambda: list(PageViewRestriction.objects.values_list("page__path", flat=True)),
    )
