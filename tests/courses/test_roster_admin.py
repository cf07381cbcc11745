"""The Wagtail admin roster flow: upload → preview (nothing written) → confirm."""

import datetime as dt
import io

import openpyxl
import pytest
from django.contrib.auth.models import Permission
from django.core.files.storage import storages
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone

from courses.models import Enrollment, Trainee
from courses.roster.uploads import UPLOAD_DIR, keep_upload, purge_stale_uploads
from courses.tasks import purge_stale_roster_uploads
from tests.courses.factories import TrainingClassFactory
from tests.courses.roster_files import HEADERS, person, xlsx_bytes

pytestmark = pytest.mark.django_db

UPLOAD = reverse("courses_roster:upload")
CONFIRM = reverse("courses_roster:confirm")


def grant_import(user):
    user.user_permissions.add(
        Permission.objects.get(
            content_type__app_label="courses", codename="import_trainee"
        )
    )
    return user


@pytest.fixture
def importer(organizer):
    return grant_import(organizer)


@pytest.fixture
def training_class(organisation):
    return TrainingClassFactory(organisation=organisation, code="LB-DS-01")


def upload(client, training_class, data, name="ds.xlsx"):
    return client.post(
        UPLOAD,
        {
            "training_class": training_class.pk,
            "file": SimpleUploadedFile(name, data),
        },
    )


def test_organizer_with_import_permission_previews_then_confirms(
    client, importer, training_class
):
    client.force_login(importer)
    data = xlsx_bytes([person(1), person(2, **{"Số điện thoại": "0166 234 5678"})])

    preview = upload(client, training_class, data)

    assert preview.status_code == 200
    assert preview.context["report"].is_valid
    html = preview.content.decode()
    assert "2 học viên mới, không có lỗi" in html
    assert "0362 345 678" in html  # the repaired number, shown as people write it
    assert "đã sửa thành 0362 345 678" in html
    assert Trainee.objects.count() == 0

    confirmed = client.post(CONFIRM, {"token": preview.context["token"]}, follow=True)

    assert confirmed.status_code == 200
    assert "Đã thêm 2 học viên vào lớp LB-DS-01." in confirmed.content.decode()
    assert (
        Enrollment.objects.filter(
            training_class=training_class, method=Enrollment.Method.IMPORT
        ).count()
        == 2
    )
    assert Enrollment.objects.first().enrolled_by == importer
    assert storages["private"].listdir(UPLOAD_DIR)[1] == []  # the upload is gone


def test_confirming_twice_imports_once(client, importer, training_class):
    client.force_login(importer)
    preview = upload(client, training_class, xlsx_bytes([person(1)]))
    token = preview.context["token"]

    client.post(CONFIRM, {"token": token})
    again = client.post(CONFIRM, {"token": token}, follow=True)

    assert Trainee.objects.count() == 1
    assert "đã hết hạn hoặc đã được nhập" in again.content.decode()


def test_preview_of_a_bad_file_shows_readable_errors_and_no_confirm(
    client, importer, training_class
):
    client.force_login(importer)
    data = xlsx_bytes([[1, "1985", "0912345678"]], ["STT", "Năm sinh", "SĐT"])

    preview = upload(client, training_class, data)

    html = preview.content.decode()
    assert "Không có cột “Họ và tên”" in html
    assert preview.context["token"] == ""
    assert "Xác nhận nhập" not in html
    assert "Traceback" not in html
    assert "Error" not in html


def test_preview_table_lists_row_errors_by_column(client, importer, training_class):
    client.force_login(importer)
    data = xlsx_bytes([person(1), person(2, **{"Giới tính": "khác"})])

    preview = upload(client, training_class, data)

    assert "Dòng 3, cột “Giới tính”: Giới tính “khác” không rõ" in (
        preview.content.decode()
    )


def test_upload_over_five_megabytes_is_refused(client, importer, training_class):
    client.force_login(importer)

    response = upload(client, training_class, b"a" * (5 * 1024 * 1024 + 1), "ds.csv")

    assert response.status_code == 200
    assert "Tệp lớn hơn 5 MB" in response.content.decode()
    assert Trainee.objects.count() == 0


def test_class_of_another_organisation_cannot_be_chosen(
    client, importer, other_organisation
):
    foreign = TrainingClassFactory(organisation=other_organisation)
    client.force_login(importer)

    response = upload(client, foreign, xlsx_bytes([person(1)]))

    assert response.context["form"].errors["training_class"]
    assert Trainee.objects.count() == 0


def refused(response) -> bool:
    # Wagtail turns PermissionDenied into a redirect to the dashboard with a message,
    # and sends users without admin access to its login page.
    return response.status_code == 403 or (
        response.status_code == 302
        and response.url.split("?")[0]
        in (reverse("wagtailadmin_home"), reverse("wagtailadmin_login"))
    )


@pytest.fixture
def plain_staff(django_user_model, organisation):
    return django_user_model.objects.create_user(
        "staff", password="pw", is_staff=True, organisation=organisation
    )


@pytest.mark.parametrize("persona", ["trainer", "plain_staff"])
def test_staff_without_import_permission_are_refused(
    client, persona, request, training_class
):
    user = request.getfixturevalue(persona)
    training_class.trainers.add(user)
    client.force_login(user)

    assert refused(client.get(UPLOAD))
    assert refused(upload(client, training_class, xlsx_bytes([person(1)])))
    assert refused(client.post(CONFIRM, {"token": "x"}))
    assert refused(client.get(reverse("courses_roster:template")))
    assert Trainee.objects.count() == 0


def test_organizers_hold_the_import_permission(organizer):
    assert organizer.has_perm("courses.import_trainee")


def test_menu_shows_import_only_to_importers(client, importer, trainer):
    client.force_login(importer)
    assert UPLOAD in client.get(reverse("wagtailadmin_home")).content.decode()
    client.force_login(trainer)
    assert UPLOAD not in client.get(reverse("wagtailadmin_home")).content.decode()


def test_template_download_has_the_canonical_headers(client, importer):
    client.force_login(importer)

    response = client.get(reverse("courses_roster:template"))

    sheet = openpyxl.load_workbook(io.BytesIO(response.content)).active
    headers = [cell.value for cell in sheet[1]]
    assert headers[:5] == HEADERS[:5]
    assert "Số CCCD" in headers
    assert "Xã/Phường" in headers


def test_uploads_are_kept_for_an_hour_then_purged():
    token = keep_upload(b"STT,Ho va ten")
    path = f"{UPLOAD_DIR}/{token}"
    created = storages["private"].get_modified_time(path)

    assert purge_stale_uploads(now=created + dt.timedelta(minutes=59)) == 0
    assert storages["private"].exists(path)
    assert purge_stale_uploads(now=created + dt.timedelta(minutes=61)) == 1
    assert not storages["private"].exists(path)


def test_purge_task_removes_uploads_older_than_an_hour(monkeypatch):
    token = keep_upload(b"old")
    created = storages["private"].get_modified_time(f"{UPLOAD_DIR}/{token}")
    monkeypatch.setattr(
        timezone, "now", lambda: created + dt.timedelta(hours=1, seconds=1)
    )

    assert purge_stale_roster_uploads() == 1
    assert not storages["private"].exists(f"{UPLOAD_DIR}/{token}")
