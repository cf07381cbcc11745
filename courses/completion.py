"""The completion rule of a class, as a pure function of what a trainee has done.

Lessons done, and the course's post-test passed when it has one; attendance joins
the rule when attendance exists, as a field here and a line in `unmet_requirements`.
"""

from dataclasses import dataclass

from django.utils.translation import gettext as _


@dataclass(frozen=True)
class CompletionFacts:
    lessons_total: int
    lessons_done: int
    post_test_required: bool = False
    post_test_passed: bool = False


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
    return unmet
