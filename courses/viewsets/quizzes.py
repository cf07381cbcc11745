"""Quiz snippets: quizzes, the question bank and its categories."""

from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import (
    FieldPanel,
    FieldRowPanel,
    InlinePanel,
    MultiFieldPanel,
    ObjectList,
)
from wagtail.snippets.views.snippets import SnippetViewSet

from courses.admin_forms import QuestionAdminForm
from courses.models import Question, QuestionCategory, Quiz


class QuestionViewSet(SnippetViewSet):
    model = Question
    icon = "help"
    menu_label = _("Ngân hàng câu hỏi")
    list_display = ["text", "kind", "category", "points"]
    list_filter = ["kind", "category"]
    search_fields = ["text"]
    edit_handler = ObjectList(
        [
            FieldRowPanel([FieldPanel("category"), FieldPanel("kind")]),
            FieldPanel("text"),
            InlinePanel(
                "choices",
                heading=_("Các lựa chọn"),
                label=_("Lựa chọn"),
                panels=[FieldPanel("text"), FieldPanel("is_correct")],
            ),
            MultiFieldPanel(
                [
                    FieldPanel("accepted_answers"),
                    FieldRowPanel(
                        [FieldPanel("ignore_case"), FieldPanel("ignore_diacritics")]
                    ),
                ],
                heading=_("Câu trả lời ngắn"),
            ),
            FieldRowPanel([FieldPanel("points"), FieldPanel("partial_credit")]),
            FieldPanel("explanation"),
        ],
        base_form_class=QuestionAdminForm,
    )


class QuestionCategoryViewSet(SnippetViewSet):
    model = QuestionCategory
    icon = "folder-open-inverse"
    menu_label = _("Nhóm câu hỏi")
    list_display = ["name", "course"]
    list_filter = ["course"]
    search_fields = ["name"]
    form_fields = ["name", "course"]


class QuizViewSet(SnippetViewSet):
    model = Quiz
    icon = "tasks"
    menu_label = _("Bài kiểm tra")
    list_display = ["title", "course", "lesson", "purpose", "pass_mark_percent"]
    list_filter = ["purpose", "course"]
    search_fields = ["title"]
    edit_handler = ObjectList(
        [
            FieldPanel("title"),
            FieldRowPanel(
                [FieldPanel("course"), FieldPanel("lesson"), FieldPanel("purpose")]
            ),
            MultiFieldPanel(
                [
                    FieldRowPanel(
                        [
                            FieldPanel("pass_mark_percent"),
                            FieldPanel("attempts_allowed"),
                            FieldPanel("minutes_between_attempts"),
                        ]
                    ),
                    FieldRowPanel(
                        [FieldPanel("time_limit_minutes"), FieldPanel("closes_at")]
                    ),
                    FieldRowPanel(
                        [
                            FieldPanel("shuffle_questions"),
                            FieldPanel("shuffle_choices"),
                        ]
                    ),
                    FieldRowPanel(
                        [FieldPanel("review_shows"), FieldPanel("review_when")]
                    ),
                ],
                heading=_("Quy định làm bài"),
            ),
            InlinePanel(
                "items",
                heading=_("Câu hỏi"),
                label=_("Câu hỏi hoặc lượt rút ngẫu nhiên"),
                panels=[
                    FieldPanel("question"),
                    FieldRowPanel([FieldPanel("category"), FieldPanel("draw_count")]),
                ],
            ),
        ]
    )
