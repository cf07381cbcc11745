"""Bulk question import in the admin: preview, confirm, tokens and who may do it."""

import io

import openpyxl
import pytest
from django.core import signing
from django.core.files.storage import storages
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from courses.models import Question, QuestionCategory
from courses.question_import import views
from tests.courses.factories import UserFactory
from tests.courses.question_import.support import (
    EVERY_KIND,
    HEADERS,
    assert_nothing_written,
    single,
    xlsx,
)
from tests.courses.quiz_factories import single_choice_question

pytestmark = pytest.mark.django_db

UPLOAD = reverse("courses_question_import")
CONFIRM = reverse("courses_question_import_confirm")
TEMPLATE = reverse("courses_question_import_template")


def upload(client, course, data, name="cau-hoi.xlsx"):
    return client.post(
        UPLOAD, {"course": course.pk, "file": SimpleUploadedFile(name, data)}
    )


def stored_file(token: str) -> str:
    return signing.loads(token, salt=views.SIGNER_SALT)["file"]


def test_trainer_previews_then_confirms_and_the_file_is_deleted(
    client, trainer, course
):
    client.force_login(trainer)

    preview = upload(client, course, xlsx(EVERY_KIND))

    assert preview.status_code == 200
    html = preview.content.decode()
    assert "4 câu hỏi, không có lỗi. Chưa có gì được ghi." in html
    assert "Thay đổi nào phải ghi?" in html
    assert Question.objects.count() == 0
    token = preview.context["token"]
    assert stored_file(token).startswith("question-imports/")
    assert storages["private"].exists(stored_file(token))

    confirmed = client.post(CONFIRM, {"token": token}, follow=True)

    assert confirmed.status_code == 200
    assert "Đã thêm 4 câu hỏi" in confirmed.content.decode()
    assert Question.objects.filter(category__course=course).count() == 4
    assert not storages["private"].exists(stored_file(token))


def test_a_preview_with_problems_offers_no_confirmation(client, trainer, course):
    client.force_login(trainer)

    preview = upload(client, course, xlsx([single(**{"Điểm": "0"})]))

    html = preview.content.decode()
    assert "Dòng 2, cột “Điểm”: Điểm phải là một số dương" in html
    assert preview.context["token"] == ""
    assert CONFIRM not in html


def test_a_confirmation_cannot_be_replayed(client, trainer, course):
    client.force_login(trainer)
    token = upload(client, course, xlsx([single()])).context["token"]
    client.post(CONFIRM, {"token": token})

    again = client.post(CONFIRM, {"token": token}, follow=True)

    assert "Bản xem trước đã hết hạn hoặc đã được nhập" in again.content.decode()
    assert Question.objects.count() == 1


def test_another_users_token_imports_nothing(client, trainer, course):
    client.force_login(trainer)
    token = upload(client, course, xlsx([single()])).context["token"]
    colleague = UserFactory(username="colleague", is_staff=True)
    colleague.groups.add(*trainer.groups.all())
    client.force_login(colleague)

    response = client.post(CONFIRM, {"token": token}, follow=True)

    assert "Bản xem trước đã hết hạn" in response.content.decode()
    assert Question.objects.count() == 0


def test_a_tampered_or_expired_token_imports_nothing(
    client, trainer, course, monkeypatch
):
    client.force_login(trainer)
    token = upload(client, course, xlsx([single()])).context["token"]

    client.post(CONFIRM, {"token": token[:-2] + "xx"})
    monkeypatch.setattr(views, "TOKEN_MAX_AGE", -1)
    client.post(CONFIRM, {"token": token})

    assert Question.objects.count() == 0


def test_a_question_added_since_the_preview_stops_the_import(client, trainer, course):
    client.force_login(trainer)
    preview = upload(client, course, xlsx([single(), single(**{"Câu hỏi": "Hai?"})]))
    token = preview.context["token"]
    category = QuestionCategory.objects.create(name="Sổ A0", course=course)
    single_choice_question(category, text="Hai?")

    response = client.post(CONFIRM, {"token": token})

    assert response.status_code == 200
    assert "Nhóm “Sổ A0” đã có câu hỏi này" in response.content.decode()
    assert Question.objects.count() == 1
    assert not storages["private"].exists(stored_file(token))


def test_an_oversized_upload_is_refused_by_the_form(client, trainer, course):
    client.force_login(trainer)

    response = upload(client, course, b"PK\x03\x04" + b"\0" * (5 * 1024 * 1024))

    assert response.context["form"].errors["file"] == ["Tệp lớn hơn 5 MB."]


def test_the_template_downloads_as_xlsx(client, trainer):
    client.force_login(trainer)

    response = client.get(TEMPLATE)

    assert response.status_code == 200
    assert response["Content-Type"].endswith("spreadsheetml.sheet")
    sheet = openpyxl.load_workbook(io.BytesIO(response.content))["Câu hỏi"]
    assert [c.value for c in sheet[1]] == HEADERS


def test_staff_without_add_question_get_403(client, organizer, course):
    assert not organizer.has_perm("courses.add_question")
    client.force_login(organizer)

    assert client.get(UPLOAD).status_code == 403
    assert upload(client, course, xlsx([single()])).status_code == 403
    assert client.post(CONFIRM, {"token": "x"}).status_code == 403
    assert client.get(TEMPLATE).status_code == 403
    assert_nothing_written()


def test_a_trainee_is_sent_to_the_admin_login(client, trainee, course):
    client.force_login(trainee)

    for response in (
        client.get(UPLOAD),
        upload(client, course, xlsx([single()])),
        client.post(CONFIRM, {"token": "x"}),
        client.get(TEMPLATE),
    ):
        assert response.status_code == 302
        assert response.url.startswith(reverse("wagtailadmin_login"))
    assert_nothing_written()


def test_the_menu_shows_the_import_only_to_those_who_may_add_questions(
    client, trainer, organizer
):
    client.force_login(trainer)
    assert UPLOAD in client.get(reverse("wagtailadmin_home")).content.decode()
    client.force_login(organizer)
    assert UPLOAD not in client.get(reverse("wagtailadmin_home")).content.decode()
