"""Building the world's content: Wagtail pages and blocks, the quizzes, and the
trainee's sitting of the big quiz."""

import json
from collections.abc import Iterable

from django.test import Client
from django.urls import reverse
from wagtail.admin.rich_text.converters.contentstate import ContentstateConverter
from wagtail.rich_text import RichText

from cms.blocks import RICH_TEXT_FEATURES
from cms.models import CourseIndexPage, CoursePage, HomePage, LessonPage, StandardPage
from cms.services import ensure_site_structure, sync_course_lessons
from courses.models import Attempt, Choice, Question, QuestionCategory, Quiz, QuizItem
from tests.lms.xss.placement import EVERYTHING, SEARCH_WORD, chunks, first_pack, joined
from tests.lms.xss_payloads import Payload, pack


def _rich_text(payloads: Iterable[Payload]) -> RichText:
    """What Draftail saves when an editor types each payload as a paragraph and
    links it to the payload itself as an address."""
    blocks, entities = [], {}
    for index, payload in enumerate(payloads):
        text = payload.text.replace("\n", " ")
        entities[str(index)] = {
            "type": "LINK",
            "mutability": "MUTABLE",
            "data": {"url": payload.text},
        }
        blocks.append(
            {
                "key": f"b{index}",
                "type": "unstyled",
                "text": text,
                "depth": 0,
                "inlineStyleRanges": [{"offset": 0, "length": 1, "style": "BOLD"}],
                "entityRanges": [{"offset": 0, "length": len(text), "key": index}],
                "data": {},
            }
        )
    contentstate = json.dumps({"blocks": blocks, "entityMap": entities})
    converter = ContentstateConverter(features=RICH_TEXT_FEATURES)
    return RichText(converter.to_database_format(contentstate))


def _lesson_body(quiz: Quiz, image, document) -> list[tuple[str, object]]:
    body: list[tuple[str, object]] = [
        ("heading", text) for text, _held in pack(EVERYTHING, limit=255)
    ]
    body.append(("paragraph", _rich_text(EVERYTHING)))
    alts = pack(EVERYTHING, limit=200)
    captions = pack(EVERYTHING, limit=255)
    for index in range(max(len(alts), len(captions))):
        body.append(
            (
                "image",
                {
                    "image": image,
                    "alt_text": alts[index % len(alts)][0],
                    "caption": captions[index % len(captions)][0],
                },
            )
        )
    for text, _held in pack(EVERYTHING, limit=255):
        body.append(
            ("handout", {"document": document, "title": text, "description": text})
        )
    body += [
        ("callout", {"kind": "warning", "text": joined(EVERYTHING)}),
        (
            "key_points",
            {
                "title": first_pack(EVERYTHING, 255)[0],
                "points": [p.text for p in EVERYTHING],
            },
        ),
        (
            "case_study",
            {
                "title": first_pack(EVERYTHING, 255)[0],
                "text": joined(EVERYTHING),
                "question": first_pack(EVERYTHING, 500)[0],
            },
        ),
        (
            "checklist",
            {
                "title": first_pack(EVERYTHING, 255)[0],
                "items": [p.text for p in EVERYTHING],
            },
        ),
        ("quiz", {"quiz": quiz, "intro": joined(EVERYTHING)}),
    ]
    return body


def build_pages(world_parts: dict, course, quiz: Quiz, image, document) -> None:
    catalogue = ensure_site_structure()
    home = HomePage.objects.get()
    home.intro = _rich_text(EVERYTHING).source
    home.save_revision().publish()
    catalogue.intro = _rich_text(EVERYTHING).source
    catalogue.save_revision().publish()
    standard = StandardPage(
        title=first_pack(EVERYTHING, 255)[0],
        slug="trang-xss",
        body=_rich_text(EVERYTHING).source,
    )
    home.add_child(instance=standard)
    standard.save_revision().publish()
    course_page = CoursePage(
        title=first_pack(EVERYTHING, 255)[0],
        slug="khoa-xss",
        course=course,
        summary=joined(EVERYTHING),
    )
    catalogue.add_child(instance=course_page)
    course_page.save_revision().publish()
    lesson_pages = []
    titles = pack(EVERYTHING, limit=255)
    intros = pack(EVERYTHING, limit=255 - len(SEARCH_WORD) - 1)
    for index in range(max(len(titles), len(intros))):
        page = LessonPage(
            title=titles[index % len(titles)][0],
            slug=f"bai-xss-{index}",
            intro=f"{SEARCH_WORD} {intros[index % len(intros)][0]}",
            body=_lesson_body(quiz, image, document)
            if index == 0
            else [("paragraph", RichText("<p>Nội dung.</p>"))],
        )
        # Added live, as the demo seed does: publishing each of some sixty pages
        # would re-sync the whole course every time.
        course_page.add_child(instance=page)
        lesson_pages.append(page)
    lesson_pages[0].save_revision().publish()
    sync_course_lessons(course_page)
    lesson_pages = [LessonPage.objects.get(pk=page.pk) for page in lesson_pages]
    world_parts.update(
        home=HomePage.objects.get(pk=home.pk),
        catalogue=CourseIndexPage.objects.get(pk=catalogue.pk),
        course_page=CoursePage.objects.get(pk=course_page.pk),
        lesson_pages=lesson_pages,
        standard_page=StandardPage.objects.get(pk=standard.pk),
    )


def build_quizzes(course) -> tuple[Quiz, Quiz, list[Question]]:
    """A post-test holding every payload in its questions, choices, explanations and
    accepted answers, and a one-question pre-test every trainee sits."""
    big = Quiz.objects.create(
        title=first_pack(EVERYTHING, 255)[0],
        course=course,
        purpose=Quiz.Purpose.POST_TEST,
        shuffle_questions=False,
        shuffle_choices=False,
        review_shows=Quiz.ReviewShows.EXPLANATIONS,
    )
    pre = Quiz.objects.create(
        title="Kiểm tra đầu khoá", course=course, purpose=Quiz.Purpose.PRE_TEST
    )
    order = 0
    categories = pack(EVERYTHING, limit=150)
    for index, part in enumerate(chunks(EVERYTHING, 10)):
        category = QuestionCategory.objects.create(
            name=categories[index % len(categories)][0], course=course
        )
        question = Question.objects.create(
            category=category,
            kind=Question.Kind.SINGLE,
            text=joined(part),
            explanation=joined(part),
        )
        for position, (text, _held) in enumerate(pack(part, limit=500)):
            Choice.objects.create(
                question=question, text=text, is_correct=position == 0
            )
        QuizItem.objects.create(quiz=big, question=question, sort_order=order)
        order += 1
    short_questions = []
    for text, held in pack(EVERYTHING, limit=500):
        question = Question.objects.create(
            category=category,
            kind=Question.Kind.SHORT,
            text=text,
            accepted_answers=joined(held),
        )
        QuizItem.objects.create(quiz=big, question=question, sort_order=order)
        order += 1
        short_questions.append(question)
    pre_question = Question.objects.create(
        category=category, kind=Question.Kind.TRUE_FALSE, text="Sổ A0 ghi hộ gia đình?"
    )
    Choice.objects.create(question=pre_question, text="Đúng", is_correct=True)
    Choice.objects.create(question=pre_question, text="Sai", sort_order=1)
    QuizItem.objects.create(quiz=pre, question=pre_question)
    return big, pre, short_questions


def take_big_quiz(
    client: Client, quiz: Quiz, short_questions: list[Question], rendered: dict
) -> Attempt:
    """The trainee types every payload into the short answers, saves, and submits."""
    response = client.post(reverse("courses:quiz-start", args=[quiz.pk]))
    assert response.status_code == 302
    attempt = Attempt.objects.get(quiz=quiz, status=Attempt.Status.IN_PROGRESS)
    answers = {"version": str(attempt.version)}
    for question, (text, _held) in zip(
        short_questions, pack(EVERYTHING, limit=500), strict=True
    ):
        answers[f"q{question.pk}-text"] = text
    saved = client.post(reverse("courses:attempt-save", args=[attempt.pk]), answers)
    assert saved.status_code == 302, saved
    rendered["quiz attempt (answers saved)"] = client.get(
        reverse("courses:attempt", args=[attempt.pk])
    ).content.decode()
    attempt.refresh_from_db()
    submitted = client.post(
        reverse("courses:attempt-submit", args=[attempt.pk]),
        {**answers, "version": str(attempt.version)},
    )
    assert submitted.status_code == 302, submitted
    attempt.refresh_from_db()
    assert attempt.status == Attempt.Status.GRADED
    return attempt
