"""Settings shared by every environment; each value that varies is read from the env."""

import datetime as dt
import os
from pathlib import Path

import dj_database_url
from csp.constants import NONE, SELF, UNSAFE_INLINE
from django.utils.translation import gettext_lazy as _

BASE_DIR = Path(__file__).resolve().parent.parent.parent
LMS_DIR = BASE_DIR / "lms"
VAR_DIR = Path(os.environ.get("LMS_VAR_DIR", BASE_DIR / "var"))


def env_list(name: str, default: str = "") -> list[str]:
    return [item.strip() for item in os.environ.get(name, default).split(",") if item]


SECRET_KEY = os.environ.get("SECRET_KEY", "")
DEBUG = False
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "127.0.0.1,localhost")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")

INSTALLED_APPS = [
    "courses",
    "certificates",
    "cms",
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
    "wagtail.contrib.settings",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "django_filters",
    "import_export",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "axes",
    "csp",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # Outside the page cache, so pages served from it carry the policies too.
    "lms.security.ContentSecurityPolicyMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "cms.middleware.AnonymousPageCacheMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "lms.security.SessionLifetimeMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "cms.middleware.PersonalisedPageCacheMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    # Last, as django-axes asks: it turns a refused sign-in into the lockout page.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "lms.urls"
WSGI_APPLICATION = "lms.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [LMS_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "django.template.context_processors.i18n",
                "lms.context_processors.site_chrome",
            ],
        },
    },
]

DATABASES = {
    "default": dj_database_url.parse(
        os.environ.get("DATABASE_URL", f"sqlite:///{VAR_DIR / 'db.sqlite3'}"),
        conn_max_age=int(os.environ.get("DB_CONN_MAX_AGE", "60")),
        conn_health_checks=True,
    )
}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"
AUTH_USER_MODEL = "courses.User"

AUTH_PASSWORD_VALIDATORS = [
    {
        "NAME": "django.contrib.auth.password_validation."
        "UserAttributeSimilarityValidator"
    },
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 10},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "/"
LOGOUT_REDIRECT_URL = "/"
AUTHENTICATION_BACKENDS = [
    # First: refuses a locked-out sign-in before any password is checked.
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]

# Sign-in throttling (django-axes). A training room shares one connection, so failures
# lock a username *from one address*, never the address: the next trainee in the room
# still signs in, and the owner of the username still signs in from their phone.
AXES_ENABLED = True
AXES_HANDLER = "axes.handlers.database.AxesDatabaseHandler"
AXES_FAILURE_LIMIT = 5
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_COOLOFF_TIME = dt.timedelta(minutes=15)
# The lock lifts 15 minutes after the fifth failure, as the lockout page says, however
# often the trainee tries meanwhile.
AXES_RESET_COOL_OFF_ON_FAILURE_DURING_LOCKOUT = False
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_CALLABLE = "lms.security.lockout_response"
# The same client-address rule as the certificate checks (TRUSTED_PROXY_COUNT).
AXES_CLIENT_IP_CALLABLE = "certificates.ratelimit.client_ip"
# Failed attempts are kept only while they count; a row per successful sign-in would
# keep every trainee's address and browser for ever.
AXES_DISABLE_ACCESS_LOG = True

# Password reset: the same neutral answer whether or not the email has an account, and
# nothing is sent past these limits. The address limit is higher than the email one:
# a whole class may ask from the training room's connection.
PASSWORD_RESET_PER_EMAIL_PER_HOUR = 5
PASSWORD_RESET_PER_ADDRESS_PER_HOUR = 20
# Wagtail's own reset form (/admin/password_reset/) is not throttled: staff use the
# site's form, which serves every account.
WAGTAIL_PASSWORD_RESET_ENABLED = False

# Sessions. Trainees sign in on their own phones and keep the session 14 days from the
# last visit; staff accounts (is_staff, superuser or any role group) reach personal
# data on shared office computers, so theirs ends 12 hours after sign-in
# (lms.security.SessionLifetimeMiddleware).
SESSION_COOKIE_AGE = 14 * 24 * 3600
STAFF_SESSION_SECONDS = 12 * 3600
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
# No script reads the CSRF cookie: forms carry the token.
CSRF_COOKIE_HTTPONLY = True
CSRF_COOKIE_SAMESITE = "Lax"

# Browser policy, in every environment so tests and the browser journeys run under it
# (production adds HTTPS, HSTS and secure cookies).
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
# Lesson videos are embedded from these hosts.
VIDEO_EMBED_HOSTS = [
    "https://www.youtube.com",
    "https://www.youtube-nocookie.com",
    "https://player.vimeo.com",
]
# The public site runs only its own script files: no inline script, no eval, and no
# nonces (they could not survive the whole-page cache). Stylesheets are only the
# site's own files (style-src-elem: no <style> block, injected or not); style
# attributes stay allowed (style-src-attr), because Wagtail's responsive video embeds
# set one. style-src is the fallback for browsers without the CSP 3 split. Images
# are ours or data: (inline QR codes).
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF],
        "style-src": [SELF, UNSAFE_INLINE],
        "style-src-elem": [SELF],
        "style-src-attr": [UNSAFE_INLINE],
        "img-src": [SELF, "data:"],
        "font-src": [SELF],
        "connect-src": [SELF],
        "media-src": [SELF],
        "frame-src": VIDEO_EMBED_HOSTS,
        "object-src": [NONE],
        "base-uri": [SELF],
        "form-action": [SELF],
        "frame-ancestors": [NONE],
    },
}
# Wagtail's admin still has inline scripts (date widgets, inline panels) and <style>
# blocks, previews pages in a same-origin frame and shows upload previews from blob:.
# Only signed-in staff reach these prefixes.
ADMIN_CSP_URL_PREFIXES = ("/admin/", "/django-admin/")
ADMIN_CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        **CONTENT_SECURITY_POLICY["DIRECTIVES"],
        "script-src": [SELF, UNSAFE_INLINE],
        "style-src-elem": [SELF, UNSAFE_INLINE],
        "img-src": [SELF, "data:", "blob:"],
        "frame-src": [SELF, *VIDEO_EMBED_HOSTS],
        "frame-ancestors": [SELF],
    },
}
# Avatars would otherwise come from gravatar.com, telling it each staff email's hash.
WAGTAIL_GRAVATAR_PROVIDER_URL = None

# Vietnamese first, English second. Formats come from lms/formats: Django's own `vi`
# locale has no input formats and would read 05/03/2026 as 3 May.
LANGUAGE_CODE = "vi"
LANGUAGES = [("vi", _("Tiếng Việt")), ("en", _("English"))]
LOCALE_PATHS = [BASE_DIR / "locale"]
FORMAT_MODULE_PATH = ["lms.formats"]
USE_I18N = True
USE_TZ = True
TIME_ZONE = "Asia/Ho_Chi_Minh"

STATIC_URL = "/static/"
STATIC_ROOT = Path(os.environ.get("STATIC_ROOT", VAR_DIR / "static"))
STATICFILES_DIRS = [LMS_DIR / "static"]
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(os.environ.get("MEDIA_ROOT", VAR_DIR / "media"))
# Signed sheets and exports hold personal data: a storage with no public URL, served
# only through views that check who asks.
PRIVATE_MEDIA_ROOT = Path(os.environ.get("PRIVATE_MEDIA_ROOT", VAR_DIR / "private"))
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "private": {
        "BACKEND": "django.core.files.storage.FileSystemStorage",
        "OPTIONS": {"location": PRIVATE_MEDIA_ROOT, "base_url": None},
    },
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedStaticFilesStorage"},
}
DATA_UPLOAD_MAX_NUMBER_FIELDS = 10_000

CACHES = {
    "default": {
        "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
        "LOCATION": "lms",
    }
}
if os.environ.get("CACHE_URL"):
    CACHES["default"] = {
        "BACKEND": "django.core.cache.backends.redis.RedisCache",
        "LOCATION": os.environ["CACHE_URL"],
    }
# Sessions are read from the cache (Redis in production) and written through to the
# database, saving a query on every signed-in page view.
SESSION_ENGINE = "django.contrib.sessions.backends.cached_db"
# Anonymous visitors get whole pages from the cache; publishing purges it.
PAGE_CACHE_SECONDS = int(os.environ.get("PAGE_CACHE_SECONDS", "600"))

# Public certificate checks allowed per client address per minute, and how many
# proxies (nginx) stand in front of the app and append to X-Forwarded-For.
CERTIFICATE_VERIFY_PER_MINUTE = int(
    os.environ.get("CERTIFICATE_VERIFY_PER_MINUTE", "30")
)
TRUSTED_PROXY_COUNT = int(os.environ.get("TRUSTED_PROXY_COUNT", "0"))

# Celery. With no broker configured (the embedded default) tasks run in-process, so
# `make run` needs nothing but Python.
CELERY_BROKER_URL = os.environ.get("CELERY_BROKER_URL", "")
CELERY_TASK_ALWAYS_EAGER = not CELERY_BROKER_URL
CELERY_TASK_EAGER_PROPAGATES = True
CELERY_RESULT_BACKEND = os.environ.get("CELERY_RESULT_BACKEND") or None
# Celery would close a worker's database connection after every task, so each task
# paid for a new PostgreSQL backend. It keeps the connection instead; lms.celery
# drops it, as Django does after a request, once CONN_MAX_AGE is up or it broke.
CELERY_DB_REUSE_MAX = int(os.environ.get("CELERY_DB_REUSE_MAX", "1000"))
# Redis redelivers an unacknowledged task after the visibility timeout; every time
# limit stays below it so a slow task is killed before a second copy starts.
CELERY_VISIBILITY_TIMEOUT = int(os.environ.get("CELERY_VISIBILITY_TIMEOUT", "3600"))
CELERY_TASK_TIME_LIMIT = int(os.environ.get("CELERY_TASK_TIME_LIMIT", "900"))
# A minute's warning before the hard limit, but never a soft limit at or below zero.
CELERY_TASK_SOFT_TIME_LIMIT = max(
    CELERY_TASK_TIME_LIMIT - 60, CELERY_TASK_TIME_LIMIT * 3 // 4
)
# Sweepers, run by `celery beat` in production; each is safe to run twice.
CELERY_BEAT_SCHEDULE = {
    "close-overdue-quiz-attempts": {
        "task": "courses.close_overdue_quiz_attempts",
        "schedule": 60.0,
    },
    "requeue-pending-certificates": {
        "task": "certificates.requeue_pending_certificates",
        "schedule": 5 * 60.0,
    },
    "purge-stale-roster-uploads": {
        "task": "courses.purge_stale_roster_uploads",
        "schedule": 15 * 60.0,
    },
    "purge-expired-export-files": {
        "task": "courses.purge_expired_export_files",
        "schedule": 60 * 60.0,
    },
}
# A large export's file (names, phones, attendance) is kept this many days after it
# is written, then deleted: long enough to download it, not a second archive of
# people's data. The job and its ExportLog line stay.
EXPORT_FILE_RETENTION_DAYS = int(os.environ.get("EXPORT_FILE_RETENTION_DAYS", "7"))

# django-import-export: only holders of courses.import_trainee may import (the
# library's default lets any staff user in).
IMPORT_EXPORT_IMPORT_PERMISSION_CODE = "import"
IMPORT_EXPORT_EXPORT_PERMISSION_CODE = "view"

WAGTAIL_SITE_NAME = "Tập huấn cộng tác viên"
WAGTAILADMIN_BASE_URL = os.environ.get("WAGTAILADMIN_BASE_URL", "http://127.0.0.1:8000")
WAGTAIL_I18N_ENABLED = False
WAGTAIL_CONTENT_LANGUAGES = LANGUAGES
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "wagtail.search.backends.database"}}
WAGTAILDOCS_EXTENSIONS = ["pdf", "docx", "xlsx", "pptx", "odt", "jpg", "png"]
WAGTAILDOCS_MAX_UPLOAD_SIZE = 20 * 1024 * 1024
# Documents go out through Wagtail's view, which applies the collection's privacy,
# never by a redirect to the storage's own address: that one is public for good.
WAGTAILDOCS_SERVE_METHOD = "serve_view"
# Private pages and documents send visitors to the site's own (Vietnamese) sign-in.
WAGTAIL_FRONTEND_LOGIN_URL = "/accounts/login/"
WAGTAILIMAGES_MAX_UPLOAD_SIZE = 10 * 1024 * 1024
WAGTAILEMBEDS_RESPONSIVE_HTML = True
# Shared-password privacy suits neither trainees nor organisers. Wagtail reads the
# "SHARED_PASSWORD" key (wagtail.admin.forms.pages and .collections).
WAGTAIL_PRIVATE_PAGE_OPTIONS = {"SHARED_PASSWORD": False}
WAGTAILDOCS_PRIVATE_COLLECTION_OPTIONS = {"SHARED_PASSWORD": False}
WAGTAIL_WORKFLOW_ENABLED = True
WAGTAIL_ENABLE_UPDATE_CHECK = False
WAGTAILADMIN_PERMITTED_LANGUAGES = LANGUAGES
WAGTAIL_DATE_FORMAT = "%d/%m/%Y"
WAGTAIL_DATETIME_FORMAT = "%d/%m/%Y %H:%M"
WAGTAIL_TIME_FORMAT = "%H:%M"

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "INFO")},
    "loggers": {
        "django.db.backends": {"level": "WARNING"},
        "django_tasks": {"level": "WARNING"},
        "wagtail": {"level": "WARNING"},
    },
}
