"""Wagtail pages: the training material. Records (courses, classes) live in courses."""

from typing import Any

from django.core.exceptions import ValidationError
from django.db import models
from django.http import HttpRequest
from django.utils.html import strip_tags
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page, PageViewRestriction
from wagtail.search import index

from cms import page_cache, routing
from cms.blocks import RICH_TEXT_FEATURES, LessonBodyBlock
from courses.models import Course, Lesson
from courses.vietnamese import fold, nfc


def _texts(value: Any) -> list[str]:
    """Every string inside a StreamField's raw data, in order."""
    if isinstance(value, str):
        return [strip_tags(value)]
    if isinstance(value, dict):
        return [text for item in value.values() for text in _texts(item)]
    if isinstance(value, list):
        return [text for item in value for text in _texts(item)]
    return []


class BilingualTitleMixin(models.Model):
    """Content is Vietnamese; an English title lets English readers find their way."""

    title_en = models.CharField(_("tiêu đề tiếng Anh"), max_length=255, blank=True)

    class Meta:
        abstract = True

    @property
    def display_title(self) -> str:
        if get_language() == "en" and self.title_en:
            return self.title_en
        return self.title


class CacheableForAnonymousMixin:
    """Marks responses to anonymous visitors as safe for the whole-page cache."""

    def get_view_restrictions(self):
        # Wagtail checks restrictions on every view with two queries; restrictions
        # are rare, so look them up only when one sits on this page or above it.
        restricted = routing.restricted_paths()
        path = self.path  # type: ignore[attr-defined]
        if not any(path.startswith(restricted_path) for restricted_path in restricted):
            return PageViewRestriction.objects.none()
        return super().get_view_restrictions()  # type: ignore[misc]

    def serve(self, request: HttpRequest, *args: Any, **kwargs: Any):
        response = super().serve(request, *args, **kwargs)  # type: ignore[misc]
        # Personal regions are filled from the page id, cached or not.
        response.page_id = self.pk  # type: ignore[attr-defined]
        if self.is_cacheable_request(request):
            response.cache_anonymous = True
        return response

    def is_cacheable_request(self, request: HttpRequest) -> bool:
        return not request.GET


class HomePage(CacheableForAnonymousMixin, BilingualTitleMixin, Page):
    intro = RichTextField(_("lời giới thiệu"), features=RICH_TEXT_FEATURES, blank=True)

    content_panels = [*Page.content_panels, FieldPanel("title_en"), FieldPanel("intro")]
    parent_page_types = ["wagtailcore.Page"]
    subpage_types = ["cms.CourseIndexPage", "cms.StandardPage"]
    max_count = 1

    class Meta:
        verbose_name = _("trang chủ")

    def route(self, request: HttpRequest, path_components: list[str]):
        """Resolve the whole path at once instead of one query per tree level."""
        if path_components:
            page = routing.find_page(self.url_path + "/".join(path_components) + "/")
            if page is not None:
                return page.route(request, [])
        return super().route(request, path_components)

    def get_context(self, request: HttpRequest, *args: Any, **kwargs: Any):
        context = super().get_context(request, *args, **kwargs)
        context["course_pages"] = CoursePage.objects.live().select_related("course")[:6]
        context["catalogue"] = CourseIndexPage.objects.live().first()
        return context


class StandardPage(CacheableForAnonymousMixin, BilingualTitleMixin, Page):
    """Plain pages: about, privacy notice, help."""

    body = RichTextField(_("nội dung"), features=[*RICH_TEXT_FEATURES, "h2", "h3"])

    content_panels = [*Page.content_panels, FieldPanel("title_en"), FieldPanel("body")]
    parent_page_types = ["cms.HomePage", "cms.StandardPage"]
    subpage_types = ["cms.StandardPage"]

    class Meta:
        verbose_name = _("trang thông tin")


class CourseIndexPage(CacheableForAnonymousMixin, BilingualTitleMixin, Page):
    """The catalogue: every course, filterable by topic and audience."""

    intro = RichTextField(_("lời giới thiệu"), features=RICH_TEXT_FEATURES, blank=True)

    content_panels = [*Page.content_panels, FieldPanel("title_en"), FieldPanel("intro")]
    parent_page_types = ["cms.HomePage"]
    subpage_types = ["cms.CoursePage"]

    class Meta:
        verbose_name = _("danh mục khoá học")

    def filters(self, request: HttpRequest) -> dict[str, str]:
        """The valid filters asked for; unknown values are ignored, never an error."""
        wanted = {
            "topic": request.GET.get("topic", ""),
            "audience": request.GET.get("audience", ""),
        }
        valid = {"topic": Course.Topic.values, "audience": Course.Audience.values}
        return {key: value for key, value in wanted.items() if value in valid[key]}

    def is_cacheable_request(self, request: HttpRequest) -> bool:
        # Only the finite set of valid filter combinations is cached.
        return set(request.GET) <= {"topic", "audience"} and len(
            self.filters(request)
        ) == len(request.GET)

    def get_context(self, request: HttpRequest, *args: Any, **kwargs: Any):
        context = super().get_context(request, *args, **kwargs)
        filters = self.filters(request)
        course_pages = CoursePage.objects.child_of(self).live().select_related("course")
        if "topic" in filters:
            course_pages = course_pages.filter(course__topic=filters["topic"])
        if "audience" in filters:
            course_pages = course_pages.filter(course__audience=filters["audience"])
        context.update(
            course_pages=course_pages,
            filters=filters,
            topics=Course.Topic.choices,
            audiences=Course.Audience.choices,
        )
        return context


class CoursePage(CacheableForAnonymousMixin, BilingualTitleMixin, Page):
    course = models.OneToOneField(
        Course,
        verbose_name=_("khoá học"),
        on_delete=models.PROTECT,
        related_name="page",
        help_text=_("Bản ghi khoá học dùng cho lớp, điểm danh và chứng nhận."),
    )
    summary = models.TextField(_("tóm tắt"), blank=True)
    summary_en = models.TextField(_("tóm tắt tiếng Anh"), blank=True)

    content_panels = [
        *Page.content_panels,
        FieldPanel("title_en"),
        FieldPanel("course"),
        FieldPanel("summary"),
        FieldPanel("summary_en"),
    ]
    search_fields = [*Page.search_fields, index.SearchField("summary")]
    parent_page_types = ["cms.CourseIndexPage"]
    subpage_types = ["cms.LessonPage"]

    class Meta:
        verbose_name = _("trang khoá học")

    @property
    def display_summary(self) -> str:
        if get_language() == "en" and self.summary_en:
            return self.summary_en
        return self.summary

    def lessons(self) -> models.QuerySet["LessonPage"]:
        return LessonPage.objects.child_of(self).live().order_by("path")

    def get_context(self, request: HttpRequest, *args: Any, **kwargs: Any):
        context = super().get_context(request, *args, **kwargs)
        lessons = list(self.lessons())
        context["lessons"] = lessons
        context["total_minutes"] = sum(lesson.estimated_minutes for lesson in lessons)
        return context


class LessonPage(CacheableForAnonymousMixin, BilingualTitleMixin, Page):
    intro = models.CharField(_("tóm tắt một dòng"), max_length=255, blank=True)
    estimated_minutes = models.PositiveSmallIntegerField(
        _("thời lượng ước tính (phút)"), default=15
    )
    body = StreamField(LessonBodyBlock(), verbose_name=_("nội dung"))
    # Diacritic-free copy of the text, so "ma tuy" finds "ma túy" on every database.
    search_folded = models.TextField(editable=False, blank=True, default="")
    # The domain's record of this lesson (progress, completion). The cms keeps it in
    # step on publish, unpublish, move and delete; see cms.signals.
    lesson = models.OneToOneField(
        Lesson,
        verbose_name=_("bài học (bản ghi)"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        editable=False,
        related_name="page",
    )

    content_panels = [
        *Page.content_panels,
        FieldPanel("title_en"),
        FieldPanel("intro"),
        FieldPanel("estimated_minutes"),
        FieldPanel("body"),
    ]
    search_fields = [
        *Page.search_fields,
        index.SearchField("intro"),
        index.SearchField("body"),
        index.SearchField("search_folded"),
    ]
    parent_page_types = ["cms.CoursePage"]
    subpage_types: list[str] = []
    # A copy is a new lesson: it must not share the original's progress records.
    exclude_fields_in_copy = ["lesson"]

    class Meta:
        verbose_name = _("bài học")

    def save(self, *args: Any, **kwargs: Any):
        self.title = nfc(self.title)
        self.intro = nfc(self.intro)
        texts = [self.title, self.intro, *_texts(self.body.get_prep_value())]
        self.search_folded = fold(" ".join(texts))
        return super().save(*args, **kwargs)

    def with_content_json(self, content):
        # The link belongs to the page, not to a revision: publishing a revision saved
        # before the link existed must not cut the page off from its progress records.
        page = super().with_content_json(content)
        page.lesson_id = self.lesson_id
        return page

    def clean(self) -> None:
        super().clean()
        if self.estimated_minutes == 0:
            raise ValidationError(
                {"estimated_minutes": _("Thời lượng phải lớn hơn 0 phút.")}
            )

    def navigation(self) -> dict[str, Any]:
        """The course and its lessons around this one, cached until the next publish."""
        return page_cache.remember(
            f"lesson-nav:{self.pk}:{get_language()}", self._build_navigation
        )

    def _build_navigation(self) -> dict[str, Any]:
        course_page = CoursePage.objects.filter(path=self.path[: -self.steplen]).first()
        siblings = list(
            LessonPage.objects.sibling_of(self)
            .live()
            .order_by("path")
            .only("id", "title", "title_en", "url_path", "path", "depth")
        )
        lessons = [
            {"id": lesson.pk, "title": lesson.display_title, "url": lesson.url}
            for lesson in siblings
        ]
        position = next(
            (i for i, lesson in enumerate(lessons) if lesson["id"] == self.pk), 0
        )
        return {
            "course": {"title": course_page.display_title, "url": course_page.url}
            if course_page
            else None,
            "lessons": lessons,
            "position": position + 1,
            "previous": lessons[position - 1] if position > 0 else None,
            "next": lessons[position + 1] if position + 1 < len(lessons) else None,
        }

    def get_context(self, request: HttpRequest, *args: Any, **kwargs: Any):
        context = super().get_context(request, *args, **kwargs)
        context["nav"] = self.navigation()
        return context
