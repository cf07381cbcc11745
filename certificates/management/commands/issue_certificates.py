"""`manage.py issue_certificates --class CODE [--dry-run]`: certificates for a class.

Issues to everyone in the class who qualifies (as the admin's bulk button does) and
lists the others with why. Messages are in Vietnamese and English: the command runs
from cron and from an operator's shell alike.
"""

from django.core.management.base import BaseCommand, CommandError
from django.utils import translation
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from certificates import services
from courses.models import TrainingClass
from courses.vietnamese import name_sort_key


def _both(vietnamese: str, english: str) -> str:
    return f"{vietnamese} / {english}"


class Command(BaseCommand):
    help = "Cấp giấy chứng nhận cho học viên đủ điều kiện của một lớp."

    def add_arguments(self, parser):
        parser.add_argument("--class", dest="class_code", required=True)
        parser.add_argument(
            "--dry-run",
            action="store_true",
            help="Chỉ liệt kê, không cấp / list only, issue nothing",
        )

    def handle(self, *args, class_code: str, dry_run: bool, **options):
        with translation.override("vi"):
            self._issue(class_code=class_code, dry_run=dry_run)

    def _issue(self, *, class_code: str, dry_run: bool) -> None:
        training_class = (
            TrainingClass.objects.select_related("organisation")
            .filter(code=class_code)
            .first()
        )
        if training_class is None:
            raise CommandError(
                _both(
                    _("Không có lớp mã «%(code)s».") % {"code": class_code},
                    f"No class with code {class_code!r}.",
                )
            )
        organisation = training_class.organisation
        if services.template_for(organisation) is None:
            raise CommandError(
                _both(
                    _(
                        "Đơn vị «%(name)s» chưa có mẫu giấy chứng nhận mặc định: "
                        "hãy tạo mẫu trong trang quản trị."
                    )
                    % {"name": organisation.name},
                    f"Organisation {organisation.name!r} has no default certificate "
                    "template: create one in the admin.",
                )
            )
        if dry_run:
            candidates = services.qualification(training_class)
            qualifying = [c for c in candidates if c.qualifies]
            skipped = [c for c in candidates if not c.qualifies]
            self.stdout.write(
                ngettext(
                    "Sẽ cấp %(count)d giấy chứng nhận (--dry-run: chưa cấp gì).",
                    "Sẽ cấp %(count)d giấy chứng nhận (--dry-run: chưa cấp gì).",
                    len(qualifying),
                )
                % {"count": len(qualifying)}
            )
            for candidate in sorted(qualifying, key=self._name):
                self.stdout.write(f"  + {candidate.enrollment.trainee.full_name}")
        else:
            result = services.issue_for_class(training_class=training_class, by=None)
            skipped = result.skipped
            self.stdout.write(
                self.style.SUCCESS(
                    ngettext(
                        "Đã cấp %(count)d giấy chứng nhận cho lớp %(code)s.",
                        "Đã cấp %(count)d giấy chứng nhận cho lớp %(code)s.",
                        len(result.issued),
                    )
                    % {"count": len(result.issued), "code": training_class.code}
                )
            )
            for certificate in sorted(
                result.issued, key=lambda c: (c.register_year, c.register_seq)
            ):
                self.stdout.write(
                    f"  + {certificate.register_number}  {certificate.holder_name}"
                )
        if skipped:
            self.stdout.write(
                ngettext(
                    "Không cấp cho %(count)d người:",
                    "Không cấp cho %(count)d người:",
                    len(skipped),
                )
                % {"count": len(skipped)}
            )
            for candidate in sorted(skipped, key=self._name):
                self.stdout.write(
                    f"  - {candidate.enrollment.trainee.full_name}: "
                    f"{self._why(candidate)}"
                )

    @staticmethod
    def _name(candidate: services.Candidate):
        return name_sort_key(candidate.enrollment.trainee.full_name)

    @staticmethod
    def _why(candidate: services.Candidate) -> str:
        if candidate.certificate is not None:
            return _("đã có giấy chứng nhận số %(number)s.") % {
                "number": candidate.certificate.register_number
            }
        return " ".join(candidate.unmet)
