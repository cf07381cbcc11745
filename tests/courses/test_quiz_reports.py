"""What trainers read: statistics per question, knowledge gain, results export."""

import io
from decimal import Decimal

import openpyxl
import pytest

from courses.models import Enrollment, ExportLog, Question, Quiz
from courses.services import enroll
from courses.services.quizzes import SubmittedAnswer, start_attempt, submit_attempt
from tests.courses.factories import TraineeFactory, TrainingClassFactory
from tests.courses.quiz_factories import quiz_with_questions, right_choice, wrong_choice

pytestmark = pytest.mark.django_db


def _sit(quiz, trainee, right: int):
    attempt = start_attempt(quiz=quiz, trainee=trainee)
    questions = [Question.objects.get(pk=pk) for pk in attempt.question_ids]
    answers = {
        q.pk: SubmittedAnswer(
            choice_ids=(right_choice(q) if n < right else wrong_choice(q),)
        )
        for n, q in enumerate(questions)
    }
    return submit_attempt(attempt=attempt, answers=answers, version=0)


@pytest.fixture
def taught_class(organisation):
    training_class = TrainingClassFactory(organisation=organisation)
    pre = quiz_with_questions(
        training_class.course, count=4, purpose=Quiz.Purpose.PRE_TEST
    )
    post = quiz_with_questions(training_class.course, count=4)
    for full_name, before, after in [
        ("Lò Thị Hoà", 1, 4),
        ("Đinh Văn An", 2, 3),
        ("Bàn Thị Ơn", 0, 2),
    ]:
        trainee = TraineeFactory(full_name=full_name, organisation=organisation)
        enroll(
            trainee=trainee,
            training_class=training_class,
            method=Enrollment.Method.ORGANIZER,
        )
        _sit(pre, trainee, before)
        _sit(post, trainee, after)
    return training_class, pre, post


def test_knowledge_gain_report_shows_means_and_each_trainee(
    client, organizer, taught_class
):
    training_class, *_ = taught_class
    client.force_login(organizer)
    response = client.get(f"/admin/classes/{training_class.pk}/quiz-results/")
    html = response.content.decode()
    assert response.status_code == 200
    context = response.context
    assert context["gain"].mean_pre == Decimal("25.00")
    assert context["gain"].mean_post == Decimal("75.00")
    assert context["gain"].mean_gain == Decimal("50.00")
    names = [line.full_name for line in context["gain_lines"]]
    assert names == ["Đinh Văn An", "Lò Thị Hoà", "Bàn Thị Ơn"]
    assert "Lò Thị Hoà" in html


def test_question_statistics_count_how_often_each_choice_was_picked(
    client, organizer, taught_class
):
    training_class, _pre, post = taught_class
    client.force_login(organizer)
    response = client.get(
        f"/admin/classes/{training_class.pk}/quiz-results/", {"quiz": post.pk}
    )
    reports = response.context["reports"]
    assert len(reports) == 4
    first = next(r for r in reports if r.question.text == "Câu 1?")
    assert first.stats.answered == 3
    assert first.stats.share_correct == Decimal(1)
    picked = {text: count for text, _right, count in first.choices}
    assert picked["Hộ gia đình"] == 3


def test_results_export_as_xlsx_holds_every_graded_attempt(
    client, organizer, taught_class
):
    training_class, *_ = taught_class
    client.force_login(organizer)
    response = client.get(
        f"/admin/classes/{training_class.pk}/quiz-results/export.xlsx"
    )
    sheet = openpyxl.load_workbook(io.BytesIO(response.content)).active
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[0][0] == "Họ và tên"
    assert len(rows) == 1 + 6
    assert rows[1][0] == "Đinh Văn An"
    # Names and scores of a whole class: logged like every export of people's data.
    log = ExportLog.objects.get()
    assert (log.user, log.kind, log.file_format, log.row_count) == (
        organizer,
        "quiz_results",
        "xlsx",
        6,
    )
    assert log.filters == {"training_class": training_class.pk}


def test_results_export_as_csv_starts_with_a_bom(client, organizer, taught_class):
    training_class, *_ = taught_class
    client.force_login(organizer)
    response = client.get(f"/admin/classes/{training_class.pk}/quiz-results/export.csv")
    assert response.content.startswith("\ufeff".encode())
    assert "Lò Thị Hoà" in response.content.decode("utf-8-sig")
    assert ExportLog.objects.get().file_format == "csv"


def test_results_export_in_an_unknown_format_is_not_found(
    client, organizer, taught_class
):
    training_class, *_ = taught_class
    client.force_login(organizer)
    response = client.get(
        f"/admin/classes/{training_class.pk}/quiz-results/export.zzzzzzzzzzzz"
    )
    assert response.status_code == 404
    assert not ExportLog.objects.exists()


def test_another_organisations_class_results_are_not_found(
    client, other_organizer, taught_class
):
    training_class, *_ = taught_class
    client.force_login(other_organizer)
    for path in ("", "export.xlsx"):
        response = client.get(f"/admin/classes/{training_class.pk}/quiz-results/{path}")
        assert response.status_code == 404
    assert not ExportLog.objects.exists()
