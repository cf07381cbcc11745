"""Wagtail admin adjustments that belong to no domain app."""

from django.http import HttpRequest
from wagtail import hooks
from wagtail.admin.menu import MenuItem


@hooks.register("construct_reports_menu")
def offer_site_history_to_superusers_only(
    request: HttpRequest, menu_items: list[MenuItem]
) -> None:
    # lms/urls.py lets only superusers see Wagtail's site history (it lists every
    # organisation's log entries); anyone else would find a menu entry that only
    # answers "no permission".
    if not request.user.is_superuser:
        menu_items[:] = [item for item in menu_items if item.name != "site-history"]
