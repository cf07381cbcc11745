"""Wagtail documents and images: served only through Wagtail's view (which applies
collection privacy), no shared passwords, uploads held to an allowlist and a size
cap, and nothing about a trainee kept where Wagtail serves files publicly."""

import io
import json
import os
from collections.abc import Iterator
from pathlib import Path

import PIL.Image
import pytest
from django.apps import apps
from django.conf import settings
from django.core.files.storage import InMemoryStorage, storages
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import models
from django.http import QueryDict
from django.urls import reverse
from wagtail.documents import get_document_model
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.documents.models import AbstractDocument
from wagtail.fields import StreamField
from wagtail.images import get_image_model
from wagtail.images.blocks import ImageChooserBlock
from wagtail.images.models import AbstractImage, AbstractRendition
from wagtail.models import Collection, CollectionViewRestriction, PageViewRestriction

from certificates.models import Certificate, CertificateRevision, CertificateTemplate
from courses.models import ExportJob, SessionEvidence, Trainee
from courses.privacy.registry import entries
from lms.settings import base as base_settings
from tests.cms.factories import course_page, lesson_page
from tests.courses.factories import UserFactory

pytestmark = pytest.mark.django_db

PDF = b"%PDF-1.4\n% tai lieu phat tay\n"
Document = get_document_model()
Image = get_image_model()


class RemoteStorage(InMemoryStorage):
    """A storage that hands out its own addresses but has no local path, as S3 and
    the like do: the case where Wagtail would otherwise redirect to the file."""

    def path(self, name):
        raise NotImplementedError("no local path")

    def _relative_path(self, name):
        return os.path.relpath(super().path(name), self.location)


@pytest.fixture
def media_on_disk(settings, tmp_path):
    """Uploads on disk, as in production (the test settings keep them in memory,
    where Wagtail's serve view cannot stream them)."""
    settings.STORAGES = {
        **settings.STORAGES,
        "default": {
            "BACKEND": "django.core.files.storage.FileSystemStorage",
            "OPTIONS": {"location": tmp_path, "base_url": settings.MEDIA_URL},
        },
    }


@pytest.fixture
def media_elsewhere(settings):
    settings.STORAGES = {
        **settings.STORAGES,
        "default": {"BACKEND": f"{__name__}.RemoteStorage"},
    }


@pytest.fixture
def editor(db):
    return UserFactory(
        username="bien_tap", is_staff=True, is_superuser=True, full_name="Biên Tập"
    )


@pytest.fixture
def private_collection(db) -> Collection:
    """A collection only signed-in users may download from."""
    collection = Collection.get_first_root_node().add_child(name="Tài liệu nội bộ")
    CollectionViewRestriction.objects.create(
        collection=collection, restriction_type=CollectionViewRestriction.LOGIN
    )
    return collection


def document(name: str = "phieu-thu-tin.pdf", **fields) -> AbstractDocument:
    return Document.objects.create(
        title="Phiếu thu tin", file=SimpleUploadedFile(name, PDF), **fields
    )


def body(response) -> bytes:
    if response.streaming:
        return b"".join(response.streaming_content)
    return response.content


# --- Serving --------------------------------------------------------------------------


def test_the_serve_method_is_wagtails_view():
    assert settings.WAGTAILDOCS_SERVE_METHOD == "serve_view"


@pytest.mark.usefixtures("media_on_disk")
def test_documents_are_served_by_wagtails_view(client):
    handout = document()

    response = client.get(handout.url)

    assert handout.url == reverse(
        "wagtaildocs_serve", args=[handout.pk, handout.filename]
    )
    assert response.status_code == 200
    assert body(response) == PDF
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Content-Security-Policy"] == "default-src 'none'"


@pytest.mark.usefixtures("media_elsewhere")
def test_documents_are_not_handed_off_to_the_storages_own_address(client):
    """A storage's own address is public and never expires: the collection's
    privacy would hold only until someone shared the link."""
    handout = document()

    response = client.get(handout.url)

    assert handout.file.url.startswith(settings.MEDIA_URL)
    assert response.status_code == 200, response.get("Location")
    assert body(response) == PDF


@pytest.mark.usefixtures("media_on_disk")
def test_lesson_handouts_link_to_the_serve_view(client):
    handout = document()
    page = lesson_page(
        course_page(slug="khoa-tai-lieu"),
        slug="bai-tai-lieu",
        body=[
            (
                "handout",
                {"document": handout, "title": "Mẫu phiếu", "description": "PDF, A4"},
            )
        ],
    )

    html = client.get(page.url).content.decode()

    assert f'href="{handout.url}"' in html
    assert settings.MEDIA_URL not in html


@pytest.mark.usefixtures("media_on_disk")
def test_a_private_collections_document_asks_anonymous_visitors_to_sign_in(
    client, private_collection
):
    handout = document(collection=private_collection)

    response = client.get(handout.url)

    assert response.status_code == 302
    login_path, query = response["Location"].split("?", 1)
    assert login_path in {reverse("login"), reverse("wagtailcore_login")}
    assert QueryDict(query)["next"] == handout.url


@pytest.mark.usefixtures("media_on_disk")
def test_a_private_collections_document_is_served_to_a_signed_in_user(
    client, trainee, private_collection
):
    handout = document(collection=private_collection)
    client.force_login(trainee)

    response = client.get(handout.url)

    assert response.status_code == 200
    assert body(response) == PDF


# --- Privacy options: no shared passwords ------------------------------------------


def test_shared_password_privacy_is_switched_off_for_pages_and_collections():
    assert settings.WAGTAIL_PRIVATE_PAGE_OPTIONS == {"SHARED_PASSWORD": False}
    assert settings.WAGTAILDOCS_PRIVATE_COLLECTION_OPTIONS == {"SHARED_PASSWORD": False}


def _privacy_form(client, url: str) -> str:
    response = client.get(url)
    assert response.status_code == 200
    return json.loads(response.content)["html"]


def test_the_page_privacy_form_offers_no_password(client, editor):
    page = course_page(slug="khoa-rieng")
    client.force_login(editor)

    html = _privacy_form(
        client, reverse("wagtailadmin_pages:set_privacy", args=[page.pk])
    )

    assert 'value="login"' in html
    assert 'value="password"' not in html
    assert 'name="password"' not in html


def test_the_collection_privacy_form_offers_no_password(client, editor):
    collection = Collection.get_first_root_node().add_child(name="Tài liệu lớp")
    client.force_login(editor)
    url = reverse("wagtailadmin_collections:set_privacy", args=[collection.pk])

    html = _privacy_form(client, url)
    client.post(url, {"restriction_type": "password", "password": "matkhau-chung"})

    assert 'value="login"' in html
    assert 'value="password"' not in html
    assert 'name="password"' not in html
    assert not CollectionViewRestriction.objects.filter(
        restriction_type=CollectionViewRestriction.PASSWORD
    ).exists()


def test_a_page_cannot_be_given_a_shared_password(client, editor):
    page = course_page(slug="khoa-mat-khau")
    client.force_login(editor)

    client.post(
        reverse("wagtailadmin_pages:set_privacy", args=[page.pk]),
        {"restriction_type": "password", "password": "matkhau-chung"},
    )

    assert not PageViewRestriction.objects.filter(page=page).exists()


# --- Uploads through the admin -------------------------------------------------------

REFUSED_DOCUMENTS = {
    "bai-giang.html": b"<html><script>alert(document.cookie)</script></html>",
    "bai-giang.htm": b"<script>alert(1)</script>",
    "so-do.svg": b'<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>',
    "cai-dat.exe": b"MZ\x90\x00",
    "trang.xhtml": b'<html xmlns="http://www.w3.org/1999/xhtml"><script/></html>',
    "ma.js": b"alert(1)",
    "phieu.pdf.html": b"<script>alert(1)</script>",
}


@pytest.mark.parametrize("name", sorted(REFUSED_DOCUMENTS))
def test_the_document_upload_refuses_files_outside_the_allowlist(client, editor, name):
    client.force_login(editor)
    root = Collection.get_first_root_node()

    single = client.post(
        reverse("wagtaildocs:add"),
        {
            "title": "Tài liệu",
            "collection": root.pk,
            "file": SimpleUploadedFile(name, REFUSED_DOCUMENTS[name]),
        },
    )
    multiple = client.post(
        reverse("wagtaildocs:add_multiple"),
        {"files[]": SimpleUploadedFile(name, REFUSED_DOCUMENTS[name])},
    )

    assert single.status_code == 200
    assert "file" in single.context["form"].errors
    assert json.loads(multiple.content)["success"] is False
    assert not Document.objects.exists()


def test_the_allowlist_holds_no_type_a_browser_would_run():
    allowed = {extension.lower() for extension in settings.WAGTAILDOCS_EXTENSIONS}
    assert allowed
    assert not allowed & {"html", "htm", "xhtml", "svg", "xml", "js", "exe", "swf"}


def test_an_allowed_document_is_accepted(client, editor):
    client.force_login(editor)

    response = client.post(
        reverse("wagtaildocs:add"),
        {
            "title": "Mẫu phiếu",
            "collection": Collection.get_first_root_node().pk,
            "file": SimpleUploadedFile("mau-phieu.pdf", PDF),
        },
    )

    assert response.status_code == 302
    assert Document.objects.get().title == "Mẫu phiếu"


def test_the_document_upload_refuses_a_file_over_the_size_cap(client, editor):
    client.force_login(editor)
    cap = settings.WAGTAILDOCS_MAX_UPLOAD_SIZE
    assert cap is not None
    oversize = PDF + b"0" * (cap + 1 - len(PDF))

    response = client.post(
        reverse("wagtaildocs:add"),
        {
            "title": "Quá lớn",
            "collection": Collection.get_first_root_node().pk,
            "file": SimpleUploadedFile("qua-lon.pdf", oversize),
        },
    )

    assert response.status_code == 200
    assert "file" in response.context["form"].errors
    assert not Document.objects.exists()


def _png() -> bytes:
    out = io.BytesIO()
    PIL.Image.new("RGB", (8, 8), (0, 90, 60)).save(out, "PNG")
    return out.getvalue()


@pytest.mark.parametrize(
    ("name", "content"),
    [
        ("so-do.svg", REFUSED_DOCUMENTS["so-do.svg"]),
        ("anh.html", b"<script>alert(1)</script>"),
        # A picture renamed: the extension is what the allowlist reads.
        ("anh.png.svg", _png()),
    ],
)
def test_the_image_upload_refuses_vector_and_html_files(client, editor, name, content):
    client.force_login(editor)

    response = client.post(
        reverse("wagtailimages:add"),
        {
            "title": "Ảnh",
            "collection": Collection.get_first_root_node().pk,
            "file": SimpleUploadedFile(name, content),
        },
    )

    assert response.status_code == 200
    assert "file" in response.context["form"].errors
    assert not Image.objects.exists()


# --- Personal data stays out of Wagtail's public media -----------------------------


def _forward_relations(model: type[models.Model]) -> Iterator[type[models.Model]]:
    for model_field in model._meta.get_fields():
        forward = (
            model_field.many_to_one or model_field.one_to_one
        ) and model_field.concrete
        forward_m2m = model_field.many_to_many and not model_field.auto_created
        if (forward or forward_m2m) and model_field.related_model is not None:
            yield model_field.related_model


def _reaches_trainee(model, depth: int = 0, seen: frozenset = frozenset()) -> bool:
    if model is Trainee:
        return True
    if depth >= 6 or model in seen:
        return False
    return any(
        _reaches_trainee(related, depth + 1, seen | {model})
        for related in _forward_relations(model)
    )


def _personal_models() -> set[type[models.Model]]:
    """The privacy registry's models, and any other model with a path to a trainee."""
    registered = {entry.model for entry in entries()}
    reaching = {model for model in apps.get_models() if _reaches_trainee(model)}
    return registered | reaching


def _stream_blocks(block) -> Iterator:
    yield block
    for child in getattr(block, "child_blocks", {}).values():
        yield from _stream_blocks(child)
    if child := getattr(block, "child_block", None):
        yield from _stream_blocks(child)


WAGTAIL_MEDIA = (AbstractImage, AbstractRendition, AbstractDocument)


def _is_private(model_field: models.FileField) -> bool:
    """Whether files of the field go to storages["private"]. The field keeps the
    callable it was given, so the answer survives a test's STORAGES override."""
    storage_callable = getattr(model_field, "_storage_callable", None)
    storage = storage_callable() if storage_callable else model_field.storage
    return storage is storages["private"] and storage is not storages["default"]


def test_no_personal_data_is_kept_as_a_wagtail_image_or_document():
    """Wagtail's images (and their renditions) are served from public media URLs;
    a signed sheet or a certificate stored there would be public."""
    personal = _personal_models()
    assert {Trainee, SessionEvidence, Certificate} <= personal
    problems = []
    for model in personal:
        label = model._meta.label
        if issubclass(model, WAGTAIL_MEDIA):
            problems.append(f"{label} is itself a Wagtail image or document")
        for model_field in model._meta.get_fields():
            related = getattr(model_field, "related_model", None)
            # Forward relations only: Wagtail's own rows pointing at a user (who
            # uploaded an image) keep nothing about the user in the file.
            is_forward = model_field.concrete or (
                model_field.many_to_many and not model_field.auto_created
            )
            if (
                model_field.is_relation
                and is_forward
                and isinstance(related, type)
                and issubclass(related, WAGTAIL_MEDIA)
            ):
                problems.append(f"{label}.{model_field.name} points at {related}")
            if isinstance(model_field, models.FileField) and not _is_private(
                model_field
            ):
                problems.append(f"{label}.{model_field.name} is not in private storage")
            if isinstance(model_field, StreamField):
                problems += [
                    f"{label}.{model_field.name} holds a {type(block).__name__}"
                    for block in _stream_blocks(model_field.stream_block)
                    if isinstance(block, ImageChooserBlock | DocumentChooserBlock)
                ]
    assert problems == []


@pytest.mark.parametrize(
    ("model", "field_name"),
    [
        (SessionEvidence, "file"),
        (Certificate, "pdf"),
        (CertificateRevision, "pdf"),
        (CertificateTemplate, "signature_image"),
        (ExportJob, "file"),
    ],
)
def test_signed_sheets_certificates_and_signatures_use_private_storage(
    model, field_name
):
    assert _is_private(model._meta.get_field(field_name))


def test_private_storage_has_no_public_address_and_lives_outside_media():
    private = base_settings.STORAGES["private"]["OPTIONS"]
    assert private["base_url"] is None
    location = Path(private["location"]).resolve()
    media = Path(base_settings.MEDIA_ROOT).resolve()
    assert not location.is_relative_to(media)
