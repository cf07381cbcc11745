"""manage.py export_attendance --class CODE --format csv|xlsx|pdf --output FILE"""

from pathlib import Path

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError

from courses.exports.files import export_attendance, export_sign_in_sheets
from courses.exports.queries import ExportRefused
from courses.models import TrainingClass


def exporting_user(username: str | None):
    """The user the export is logged under: --by, or the first superuser."""
    users = get_user_model().objects
    user = (
        users.filter(username=username).first()
        if username
        else users.filter(is_superuser=True).order_by("pk").first()
    )
    if user is None:
        raise CommandError(
            f"No user {username!r}."
            if username
            else "No superuser: give --by USERNAME."
        )
    return user


def visible_class(user, code: str) -> TrainingClass:
    training_class = TrainingClass.objects.visible_to(user).filter(code=code).first()
    if training_class is None:
        raise CommandError(f"No class {code!r} visible to {user.username}.")
    return training_class


class Command(BaseCommand):
    help = "Export a class's attendance list (csv, xlsx) or its sign-in sheets (pdf)."

    def add_arguments(self, parser):
        parser.add_argument("--class", dest="code", required=True)
        parser.add_argument("--format", choices=["csv", "xlsx", "pdf"], required=True)
        parser.add_argument("--output", type=Path, required=True)
        parser.add_argument("--by", help="username the export is logged under")

    def handle(self, *, code, format, output, by, **options):
        user = exporting_user(by)
        training_class = visible_class(user, code)
        try:
            with output.open("wb") as out:
                if format == "pdf":
                    count = export_sign_in_sheets(
                        user=user, training_class=training_class, out=out, session=None
                    )
                else:
                    count = export_attendance(
                        user=user,
                        filters={"training_class": training_class.pk},
                        file_format=format,
                        out=out,
                    )
        except ExportRefused as refused:
            output.unlink(missing_ok=True)
            raise CommandError(refused.message) from refused
        self.stdout.write(f"{count} rows → {output}")
