"""Small lesson blocks. Each renders its own template and previews in the picker."""

from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.embeds.blocks import EmbedBlock
from wagtail.images.blocks import ImageChooserBlock
from wagtail.snippets.blocks import SnippetChooserBlock

from courses.models import Quiz

RICH_TEXT_FEATURES = ["bold", "italic", "ol", "ul", "link"]


class HeadingBlock(blocks.CharBlock):
    class Meta:
        icon = "title"
        label = _("Tiêu đề mục")
        description = _("Tiêu đề chia bài học thành các phần ngắn.")
        template = "cms/blocks/heading.html"
        preview_value = "Sổ A0 và phiếu hộ gia đình"
        form_classname = "title"


class ParagraphBlock(blocks.RichTextBlock):
    def __init__(self, **kwargs):
        super().__init__(features=RICH_TEXT_FEATURES, **kwargs)

    class Meta:
        icon = "pilcrow"
        label = _("Đoạn văn")
        description = _("Văn bản có chữ đậm, nghiêng, danh sách và liên kết.")
        template = "cms/blocks/paragraph.html"
        preview_value = (
            "<p>Mỗi hộ gia đình trong thôn có <b>một trang riêng</b> trong sổ A0.</p>"
        )


class ImageBlock(blocks.StructBlock):
    image = ImageChooserBlock(label=_("Ảnh"))
    alt_text = blocks.CharBlock(
        label=_("Mô tả ảnh cho người khiếm thị"), max_length=200
    )
    caption = blocks.CharBlock(label=_("Chú thích"), required=False, max_length=255)

    class Meta:
        icon = "image"
        label = _("Ảnh có chú thích")
        description = _("Một ảnh minh hoạ, tải nhẹ trên điện thoại.")
        template = "cms/blocks/image.html"
        preview_value = {
            "alt_text": "Buổi giao ban tại trạm y tế xã",
            "caption": "Buổi giao ban hằng tháng tại trạm y tế xã",
        }


class VideoBlock(blocks.StructBlock):
    video = EmbedBlock(label=_("Đường dẫn video"), help_text=_("YouTube, Vimeo..."))
    caption = blocks.CharBlock(label=_("Chú thích"), required=False, max_length=255)

    class Meta:
        icon = "media"
        label = _("Video")
        description = _("Video nhúng; chỉ tải khi người học bấm xem.")
        template = "cms/blocks/video.html"
        preview_value = {"caption": "Video: kỹ năng lắng nghe tích cực (8 phút)"}


class HandoutBlock(blocks.StructBlock):
    document = DocumentChooserBlock(label=_("Tài liệu"))
    title = blocks.CharBlock(label=_("Tên tài liệu"), max_length=255)
    description = blocks.CharBlock(label=_("Mô tả"), required=False, max_length=255)

    class Meta:
        icon = "doc-full"
        label = _("Tài liệu phát tay")
        description = _("Tệp PDF, Word hoặc Excel để tải về và in.")
        template = "cms/blocks/handout.html"
        preview_value = {
            "title": "Mẫu phiếu thu tin P0/CTV",
            "description": "PDF, 1 trang, in khổ A4",
        }


class CalloutBlock(blocks.StructBlock):
    kind = blocks.ChoiceBlock(
        label=_("Loại"),
        choices=[("tip", _("Mẹo")), ("warning", _("Lưu ý"))],
        default="tip",
    )
    text = blocks.TextBlock(label=_("Nội dung"))

    class Meta:
        icon = "warning"
        label = _("Hộp lưu ý")
        description = _("Mẹo hoặc cảnh báo nổi bật trong bài.")
        template = "cms/blocks/callout.html"
        preview_value = {
            "kind": "warning",
            "text": "Không xoá trang hộ khi hộ chuyển đi: ghi ngày và lý do.",
        }


class KeyPointsBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("Tiêu đề"), required=False, max_length=255)
    points = blocks.ListBlock(blocks.CharBlock(label=_("Ý chính")), label=_("Ý chính"))

    class Meta:
        icon = "list-ul"
        label = _("Ý chính cần nhớ")
        description = _("Danh sách ngắn những điều cần nhớ.")
        template = "cms/blocks/key_points.html"
        preview_value = {
            "title": "Cần nhớ",
            "points": [
                "Nộp phiếu thu tin tại buổi giao ban của xã.",
                "Tháng báo cáo tính từ ngày 1 đến ngày cuối tháng.",
            ],
        }


class CaseStudyBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("Tên tình huống"), max_length=255)
    text = blocks.TextBlock(
        label=_("Tình huống"),
        help_text=_(
            "Chỉ dùng tình huống hư cấu. "
            "Không ghi thông tin thật của người được hỗ trợ."
        ),
    )
    question = blocks.CharBlock(
        label=_("Câu hỏi thảo luận"), required=False, max_length=500
    )

    class Meta:
        icon = "group"
        label = _("Tình huống")
        description = _("Một tình huống hư cấu để thảo luận.")
        template = "cms/blocks/case_study.html"
        preview_value = {
            "title": "Chị H. chưa muốn dùng biện pháp nào",
            "text": "Chị H., 24 tuổi, vừa sinh con đầu lòng...",
            "question": "Anh/chị sẽ nói gì với chị H.?",
        }


class ChecklistBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("Tiêu đề"), max_length=255)
    items = blocks.ListBlock(blocks.CharBlock(label=_("Việc cần làm")), label=_("Mục"))

    class Meta:
        icon = "tasks"
        label = _("Danh sách kiểm tra")
        description = _("Các bước cần làm, có ô đánh dấu để in.")
        template = "cms/blocks/checklist.html"
        preview_value = {
            "title": "Trước buổi giao ban",
            "items": ["Tổng hợp phiếu thu tin", "Kiểm tra sổ A0"],
        }


class QuizBlock(blocks.StructBlock):
    # Quiz is registered as a snippet (courses.wagtail_hooks), which gives editors
    # the searchable chooser; the card shows the quiz's facts, never its answers.
    quiz = SnippetChooserBlock("courses.Quiz", label=_("Bài kiểm tra"))
    intro = blocks.TextBlock(
        label=_("Lời dẫn"),
        required=False,
        help_text=_("Một, hai câu nói vì sao nên làm bài này."),
    )

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context=parent_context)
        quiz = value.get("quiz")
        context["quiz"] = quiz
        context["question_count"] = quiz.question_count() if quiz else 0
        return context

    def get_preview_value(self):
        # A quiz cannot be named in code, so the picker's preview shows the first one.
        return self.normalize(
            {**self.meta.preview_value, "quiz": Quiz.objects.order_by("pk").first()}
        )

    class Meta:
        icon = "tasks"
        label = _("Bài kiểm tra")
        description = _(
            "Thẻ mời người học làm một bài kiểm tra, kèm số câu và điểm đạt."
        )
        template = "cms/blocks/quiz_block.html"
        preview_value = {
            "intro": "Làm thử vài câu để xem mình đã nắm chắc bài này chưa."
        }


class LessonBodyBlock(blocks.StreamBlock):
    heading = HeadingBlock()
    paragraph = ParagraphBlock()
    image = ImageBlock()
    video = VideoBlock()
    handout = HandoutBlock()
    callout = CalloutBlock()
    key_points = KeyPointsBlock()
    case_study = CaseStudyBlock()
    checklist = ChecklistBlock()
    quiz = QuizBlock()
