"""Quizzes built the way a trainer would: a bank category, questions, a quiz."""

from decimal import Decimal

from courses.models import Choice, Question, QuestionCategory, Quiz, QuizItem


def single_choice_question(category, text="Sổ A0 ghi gì?", right="Hộ gia đình"):
    question = Question.objects.create(
        category=category, kind=Question.Kind.SINGLE, text=text, explanation="Vì..."
    )
    for label in (right, "Chỉ trẻ em", "Chỉ người cao tuổi"):
        Choice.objects.create(question=question, text=label, is_correct=label == right)
    return question


def short_answer_question(category, accepted="ma túy"):
    return Question.objects.create(
        category=category,
        kind=Question.Kind.SHORT,
        text="Tên chất gây nghiện bị cấm?",
        accepted_answers=accepted,
        ignore_diacritics=True,
    )


def quiz_with_questions(course, *, count=3, purpose=Quiz.Purpose.POST_TEST, **options):
    category = QuestionCategory.objects.create(
        name=f"Nhóm {course.code} {purpose}", course=course
    )
    quiz = Quiz.objects.create(
        title=f"Kiểm tra {course.code}",
        course=course,
        purpose=purpose,
        pass_mark_percent=options.pop("pass_mark_percent", 60),
        shuffle_questions=False,
        shuffle_choices=False,
        **options,
    )
    for n in range(count):
        question = single_choice_question(category, text=f"Câu {n + 1}?")
        QuizItem.objects.create(quiz=quiz, question=question, sort_order=n)
    return quiz


def right_choice(question) -> int:
    return question.choices.get(is_correct=True).pk


def wrong_choice(question) -> int:
    return question.choices.filter(is_correct=False).first().pk


HALF = Decimal(50)
