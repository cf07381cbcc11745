"""Certificate templates in the admin: the form, its checks, scoping, preview."""

import io

import pypdf
import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from certificates.models import CertificateTemplate
from tests.certificates.admin.support import (
    YEAR,
    page_text,
    png_bytes,
    template_form_data,
)
from tests.certificates.factories import CertificateTemplateFactory

pytestmark = pytest.mark.django_db


def test_organizer_creates_a_template_with_a_signature_through_the_admin_form(
    client, organizer, organisation
):
    client.force_login(organizer)
    data = template_form_data(organisation)
    data["signature_image"] = SimpleUploadedFile(
        "chu-ky.png", png_bytes(), content_type="image/png"
    )

    response = client.post(reverse("certificatetemplate:add"), data)

    assert response.status_code == 302
    template = CertificateTemplate.objects.get(name="Mẫu tập huấn dân số")
    assert template.organisation == organisation
    assert template.is_default
    assert template.signature_image.read() == png_bytes()


def test_a_placeholder_the_renderer_does_not_know_is_refused_with_the_allowed_list(
    client, organizer, organisation
):
    client.force_login(organizer)

    response = client.post(
        reverse("certificatetemplate:add"),
        template_form_data(organisation, wording="Ông/Bà {ho_ten} đã học {mon_hoc}."),
    )

    assert response.status_code == 200
    html = page_text(response)
    assert "Không có chỗ điền {mon_hoc}" in html
    assert "{ho_ten}" in html  # the list of allowed placeholders
    assert not CertificateTemplate.objects.exists()


def test_a_signature_that_is_not_a_png_or_jpeg_is_refused_whatever_its_name(
    client, organizer, organisation
):
    client.force_login(organizer)
    data = template_form_data(organisation)
    data["signature_image"] = SimpleUploadedFile(
        "chu-ky.png", b"%PDF-1.4 not an image", content_type="image/png"
    )

    response = client.post(reverse("certificatetemplate:add"), data)

    assert response.status_code == 200
    assert "phải là ảnh PNG hoặc JPEG" in page_text(response)
    assert not CertificateTemplate.objects.exists()


def test_a_signature_over_two_megabytes_is_refused(client, organizer, organisation):
    client.force_login(organizer)
    data = template_form_data(organisation)
    data["signature_image"] = SimpleUploadedFile(
        "chu-ky.png", png_bytes() + b"\0" * (2 * 1024 * 1024), content_type="image/png"
    )

    response = client.post(reverse("certificatetemplate:add"), data)

    assert "lớn hơn 2 MB" in page_text(response)
    assert not CertificateTemplate.objects.exists()


def test_the_organisation_choice_holds_only_the_organizer_s_tree(
    client, organizer, organisation, other_organisation
):
    client.force_login(organizer)

    form = page_text(client.get(reverse("certificatetemplate:add")))
    response = client.post(
        reverse("certificatetemplate:add"), template_form_data(other_organisation)
    )

    assert organisation.name in form
    assert other_organisation.name not in form
    assert response.status_code == 200
    assert not CertificateTemplate.objects.exists()


def test_a_second_default_template_for_one_organisation_is_refused_in_vietnamese(
    client, organizer, organisation, template
):
    client.force_login(organizer)

    response = client.post(
        reverse("certificatetemplate:add"), template_form_data(organisation)
    )

    assert response.status_code == 200
    assert "đã có mẫu mặc định «Mẫu Lâm Bình»" in page_text(response)
    assert CertificateTemplate.objects.count() == 1


def test_templates_list_shows_only_the_organizer_s_own(
    client, organizer, template, other_organisation
):
    CertificateTemplateFactory(organisation=other_organisation, name="Mẫu Phú Thọ")
    client.force_login(organizer)

    html = page_text(client.get(reverse("certificatetemplate:index")))

    assert "Mẫu Lâm Bình" in html
    assert "Mẫu Phú Thọ" not in html
    assert reverse("certificatetemplate:preview_pdf", args=[template.pk]) in html
    edit = client.get(reverse("certificatetemplate:edit", args=[template.pk]))
    assert edit.status_code == 200
    assert reverse("certificatetemplate:preview_pdf", args=[template.pk]) in (
        page_text(edit)
    )


@pytest.mark.parametrize("view", ["edit", "delete", "preview_pdf"])
def test_another_organisation_s_template_is_not_found(
    client, other_organizer, template, view
):
    client.force_login(other_organizer)

    response = client.get(reverse(f"certificatetemplate:{view}", args=[template.pk]))

    assert response.status_code == 404


def test_preview_prints_the_template_for_a_sample_holder_inline(
    client, organizer, template
):
    template.signature_image.save("chu-ky.png", io.BytesIO(png_bytes()))
    client.force_login(organizer)

    response = client.get(
        reverse("certificatetemplate:preview_pdf", args=[template.pk])
    )

    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"].startswith("inline")
    reader = pypdf.PdfReader(io.BytesIO(response.content))
    assert len(reader.pages) == 1
    text = reader.pages[0].extract_text()
    assert "Nguyễn Thị Mẫu" in text
    assert f"001/{YEAR}/GCN-TTDS" in text
