import pytest

from tests.courses.factories import TrainingClassFactory

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("path", ["/admin/", "/admin/trainingclass/", "/admin/course/"])
def test_organizer_opens_the_admin_screens(client, organizer, path):
    TrainingClassFactory(code="DEMO-X-01")
    client.force_login(organizer)
    response = client.get(path)
    assert response.status_code == 200


def test_organizer_finds_a_class_by_code(client, organizer, organisation):
    TrainingClassFactory(
        code="DEMO-X-01", title="Lớp tìm thấy", organisation=organisation
    )
    TrainingClassFactory(code="OTHER-02", title="Lớp khác", organisation=organisation)
    client.force_login(organizer)
    html = client.get("/admin/trainingclass/", {"q": "DEMO-X"}).content.decode()
    assert "Lớp tìm thấy" in html
    assert "Lớp khác" not in html


def test_trainee_cannot_open_the_admin(client, trainee):
    client.force_login(trainee)
    response = client.get("/admin/")
    assert response.status_code == 302
