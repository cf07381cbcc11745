"""`manage.py import_roster FILE --class CODE [--dry-run]`: a roster into a class."""

import os
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.utils import translation
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from courses.models import TrainingClass, User
from courses.roster.services import RosterRejected, import_roster


class Command(BaseCommand):
    help = "Nhập danh sách học viên (XLSX/CSV) vào một lớp: tất cả hoặc không dòng nào."

    def add_arguments(self, parser):
        parser.add_argument("file", type=Path)
        parser.add_argument("--class", dest="class_code", required=True)
        parser.add_argument("--dry-run", action="store_true")
        parser.add_argument("--by", dest="username", default="")

    def handle(self, *args, **options):
        # Vietnamese unless the shell asks for English (LANGUAGE=en, as gettext does).
        wanted = os.environ.get("LANGUAGE", "").split(":")[0].split("_")[0].lower()
        with translation.override("en" if wanted == "en" else "vi"):
            self._import(**options)

    def _import(self, *, file: Path, class_code: str, dry_run: bool, **options):
        try:
            training_class = TrainingClass.objects.get(code=class_code)
        except TrainingClass.DoesNotExist as exc:
            raise CommandError(
                _("Không có lớp mã “%(code)s”.") % {"code": class_code}
            ) from exc
        by = None
        if options["username"]:
            by = User.objects.filter(username=options["username"]).first()
        try:
            data = file.read_bytes()
        except OSError as exc:
            raise CommandError(
                _("Không đọc được tệp %(file)s.") % {"file": file}
            ) from exc
        try:
            report = import_roster(
                data=data,
                filename=file.name,
                training_class=training_class,
                by=by,
                dry_run=dry_run,
            )
        except RosterRejected as rejected:
            for problem in rejected.report.errors:
                self.stderr.write(str(problem))
            raise CommandError(
                ngettext(
                    "%(count)s lỗi; chưa ghi gì vào cơ sở dữ liệu.",
                    "%(count)s lỗi; chưa ghi gì vào cơ sở dữ liệu.",
                    len(rejected.report.errors),
                )
                % {"count": len(rejected.report.errors)}
            ) from None
        for notice in report.notices:
            self.stdout.write(str(notice))
        if dry_run:
            self.stdout.write(
                ngettext(
                    "Kiểm tra xong: %(count)s học viên hợp lệ; "
                    "chưa ghi gì (--dry-run).",
                    "Kiểm tra xong: %(count)s học viên hợp lệ; "
                    "chưa ghi gì (--dry-run).",
                    len(report.rows),
                )
                % {"count": len(report.rows)}
            )
        else:
            self.stdout.write(
                self.style.SUCCESS(
                    ngettext(
                        "Đã thêm %(count)s học viên vào lớp %(code)s.",
                        "Đã thêm %(count)s học viên vào lớp %(code)s.",
                        report.created,
                    )
                    % {"count": report.created, "code": training_class.code}
                )
            )
