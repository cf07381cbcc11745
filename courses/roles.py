"""The staff roles as Django groups, with the model permissions each one needs."""

from django.contrib.auth.models import Group, Permission
from django.db import transaction
from django.utils.translation import gettext_lazy as _

TRAINERS = "Giảng viên"
ORGANIZERS = "Tổ chức"

ROLE_LABELS = {TRAINERS: _("Giảng viên"), ORGANIZERS: _("Cán bộ tổ chức lớp")}

# (app_label, codename) pairs. Wagtail's admin needs `access_admin` for anyone who
# edits material or manages classes there. Nobody gets `view_sensitive_trainee` by
# default (least access): an administrator grants it to whoever settles payments.
ROLE_PERMISSIONS: dict[str, list[tuple[str, str]]] = {
    TRAINERS: [
        ("wagtailadmin", "access_admin"),
        ("courses", "view_course"),
        ("courses", "view_trainingclass"),
        ("courses", "view_trainee"),
        ("courses", "view_enrollment"),
        ("courses", "add_enrollment"),
        ("courses", "change_enrollment"),
        ("courses", "view_quiz"),
        ("courses", "add_quiz"),
        ("courses", "change_quiz"),
        ("courses", "view_question"),
        ("courses", "add_question"),
        ("courses", "change_question"),
        ("courses", "view_questioncategory"),
        ("courses", "add_questioncategory"),
        ("courses", "change_questioncategory"),
        ("wagtailimages", "add_image"),
        ("wagtailimages", "choose_image"),
        ("wagtaildocs", "add_document"),
        ("wagtaildocs", "choose_document"),
    ],
    ORGANIZERS: [
        ("wagtailadmin", "access_admin"),
        ("courses", "view_organisation"),
        ("courses", "view_course"),
        ("courses", "add_course"),
        ("courses", "change_course"),
        ("courses", "view_trainingclass"),
        ("courses", "add_trainingclass"),
        ("courses", "change_trainingclass"),
        ("courses", "view_classsession"),
        ("courses", "view_trainee"),
        ("courses", "add_trainee"),
        ("courses", "change_trainee"),
        ("courses", "import_trainee"),
        ("courses", "view_enrollment"),
        ("courses", "add_enrollment"),
        ("courses", "change_enrollment"),
        ("courses", "view_quiz"),
        ("courses", "view_question"),
        ("courses", "view_questioncategory"),
        ("wagtailimages", "add_image"),
        ("wagtailimages", "choose_image"),
        ("wagtaildocs", "add_document"),
        ("wagtaildocs", "choose_document"),
    ],
}


def add_role_permissions(role: str, pairs: list[tuple[str, str]]) -> None:
    """Let an app that builds on courses give a role its own models' permissions."""
    wanted = ROLE_PERMISSIONS[role]
    wanted.extend(pair for pair in pairs if pair not in wanted)


@transaction.atomic
def ensure_role_groups() -> dict[str, Group]:
    """Create the role groups and give them exactly their permissions; idempotent."""
    groups = {}
    for name, wanted in ROLE_PERMISSIONS.items():
        group, _created = Group.objects.get_or_create(name=name)
        permissions = [
            Permission.objects.get(content_type__app_label=app, codename=codename)
            for app, codename in wanted
        ]
        group.permissions.add(*permissions)
        groups[name] = group
    return groups
