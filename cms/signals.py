from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver
from wagtail.models import Page, PageViewRestriction
from wagtail.signals import (
    page_published,
    page_slug_changed,
    page_unpublished,
    post_page_move,
)

from cms import page_cache


@receiver(page_published)
@receiver(page_unpublished)
@receiver(page_slug_changed)
@receiver(post_page_move)
def purge_page_cache(sender, **kwargs) -> None:
    page_cache.purge()


@receiver(post_delete)
@receiver(post_save, sender=PageViewRestriction)
def purge_page_cache_on_change(sender, instance, **kwargs) -> None:
    if isinstance(instance, Page | PageViewRestriction):
        page_cache.purge()
