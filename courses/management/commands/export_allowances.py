"""python manage.py export_allowances --class CODE --output FILE.xlsx|FILE.pdf"""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from courses.exports.files import export_allowances
from courses.exports.queries import ExportRefused
from courses.management.commands.export_attendance import (
    exporting_user,
    visible_class,
)


class Command(BaseCommand):
    help = "Export a class's allowance receipt list as XLSX or PDF."

    def add_arguments(self, parser):
        parser.add_argument("--class", dest="code", required=True)
        parser.add_argument("--output", type=Path, required=True)
        parser.add_argument("--by", help="username the export is logged under")

    def handle(self, *, code, output, by, **options):
        file_format = output.suffix.lower().lstrip(".")
        if file_format not in {"xlsx", "pdf"}:
            raise CommandError("--output must end in .xlsx or .pdf")
        user = exporting_user(by)
        training_class = visible_class(user, code)
        try:
            with output.open("wb") as out:
                count = export_allowances(
                    user=user,
                    training_class=training_class,
                    file_format=file_format,
                    out=out,
                )
        except ExportRefused as refused:
            output.unlink(missing_ok=True)
            raise CommandError(refused.message) from refused
        self.stdout.write(f"{count} rows → {output}")
