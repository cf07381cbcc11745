"""The completion rule of a class, as a pure function of what a trainee has done.

Lessons done; the course's post-test passed when it has one; attendance at least the
class's threshold when it sets one (sessions held before enrolment not counted).
"""

from dataclasses import dataclass
from decimal import Decimal

from django.utils.translation import gettext as _


@dataclass(frozen=True)
class CompletionFacts:
    lessons_total: int
    lessons_done: int
    post_test_required: bool = False
    post_test_passed: bool = False
    attendance_required_percent: Decimal | None = None
    attendance_percent: Decimal | None = None


def unmet_requirements(facts: CompletionFacts) -> list[str]:
    """What still stands between the trainee and completion, in words; empty if none."""
    unmet = []
    if facts.lessons_total == 0:
        unmet.append(_("Khoá học chưa có bài học nào được xuất bản."))
    elif facts.lessons_done < facts.lessons_total:
        unmet.append(
            _("Còn %(left)d/%(total)d bài học chưa hoàn thành.")
            % {
                "left": facts.lessons_total - facts.lessons_done,
                "total": facts.lessons_total,
            }
        )
    if facts.post_test_required and not facts.post_test_passed:
        unmet.append(_("Chưa đạt bài kiểm tra cuối khoá."))
    required = facts.attendance_required_percent
    if required is not None and (facts.attendance_percent or 0) < required:
        unmet.append(
            _("Chuyên cần %(have)s%% chưa đạt mức %(need)s%%.")
            % {"have": facts.attendance_percent or 0, "need": required}
        )
    return unmet
