from django.conf import settings
from django.http import HttpRequest
from django.urls import translate_url
from django.utils.translation import get_language, get_language_info

from courses.vietnamese import nfc


def site_chrome(request: HttpRequest) -> dict:
    """Links every page shows: the same page in each language."""
    current = get_language()
    path = request.get_full_path()
    return {
        "language_links": [
            {
                "code": code,
                # Each language is named in itself, whatever the page's language.
                # Django's own "Tiếng Việt" is decomposed: compose it like all text.
                "name": nfc(get_language_info(code)["name_local"]),
                "url": translate_url(path, code),
                "is_current": code == current,
            }
            for code, _name in settings.LANGUAGES
        ],
    }
