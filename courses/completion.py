"""The completion rule of a class, as a pure function of what a trainee has done.

Lessons are the first requirement; the post-test and attendance join the rule when
quizzes and attendance exist, each a field here and a line in `unmet_requirements`.
"""

from dataclasses import dataclass

from django.utils.translation import gettext as _


@dataclass(frozen=True)
class CompletionFacts:
    lessons_total: int
    lessons_done: int


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
    return unmet
