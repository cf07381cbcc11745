from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.contrib.auth import views as auth_views
from django.urls import include, path
from django.views.decorators.cache import never_cache
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.admin.auth import require_admin_access, user_passes_test
from wagtail.admin.views.reports.audit_logging import LogEntriesView
from wagtail.documents import urls as wagtaildocs_urls

from cms import views as cms_views
from lms import security


def _superusers_only(view):
    return never_cache(
        require_admin_access(user_passes_test(lambda user: user.is_superuser)(view))
    )


urlpatterns = [
    path("django-admin/", admin.site.urls),
    # Ahead of Wagtail's own: its site history lists every organisation's log entries
    # (their labels name trainees and classes) to anyone holding a permission on the
    # model. The domain's own history screens are scoped (courses.viewsets).
    path("admin/reports/site-history/", _superusers_only(LogEntriesView.as_view())),
    path(
        "admin/reports/site-history/results/",
        _superusers_only(LogEntriesView.as_view(results_only=True)),
    ),
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
]

# Vietnamese lives at /, English under /en/: the language is part of the address, so
# a language switch is a plain link and cached pages never mix languages.
urlpatterns += i18n_patterns(
    path("search/", cms_views.search, name="search"),
    path("bai-hoc/<int:lesson_id>/", cms_views.lesson_redirect, name="lesson-redirect"),
    path("", include("courses.urls")),
    path("", include("certificates.urls")),
    path("accounts/login/", auth_views.LoginView.as_view(), name="login"),
    path("accounts/logout/", auth_views.LogoutView.as_view(), name="logout"),
    path(
        "accounts/password_reset/",
        security.ThrottledPasswordResetView.as_view(),
        name="password_reset",
    ),
    path(
        "accounts/password_reset/done/",
        auth_views.PasswordResetDoneView.as_view(),
        name="password_reset_done",
    ),
    path(
        "accounts/reset/<uidb64>/<token>/",
        auth_views.PasswordResetConfirmView.as_view(),
        name="password_reset_confirm",
    ),
    path(
        "accounts/reset/done/",
        auth_views.PasswordResetCompleteView.as_view(),
        name="password_reset_complete",
    ),
    path("", include(wagtail_urls)),
    prefix_default_language=False,
)

if settings.DEBUG:
    from django.conf.urls.static import static

    urlpatterns = (
        static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT) + urlpatterns
    )
