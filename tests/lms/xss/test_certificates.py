"""Certificate templates and the certificates' frozen values."""

import pytest
from django.test import Client, override_settings
from django.urls import reverse

from certificates.models import Certificate
from courses.vietnamese import nfc
from tests.lms.xss.audit import assert_inert, get, listing
from tests.lms.xss.placement import EVERYTHING, NAMES
from tests.lms.xss_payloads import markers_of

pytestmark = pytest.mark.django_db


@override_settings(CERTIFICATE_VERIFY_PER_MINUTE=10_000)
def test_certificate_values_are_shown_as_text(world, as_admin, as_trainee):
    certificates = Certificate.objects.count()
    verify = {
        f"verify {certificate.register_number}": get(
            Client(),
            reverse("certificates:verify", args=[certificate.verification_code]),
        )
        for certificate in world.certificates
    }
    pages = {
        **verify,
        "dashboard": get(as_trainee, reverse("courses:dashboard")),
        "inspect revoked": get(
            as_admin, reverse("certificate:inspect", args=[world.revoked.pk])
        ),
        "inspect reissued": get(
            as_admin, reverse("certificate:inspect", args=[world.reissued.pk])
        ),
        "inspect issued": get(
            as_admin, reverse("certificate:inspect", args=[world.certificates[7].pk])
        ),
        "template list": get(as_admin, reverse("certificatetemplate:index")),
        "template edit": get(
            as_admin, reverse("certificatetemplate:edit", args=[world.template.pk])
        ),
        **listing(as_admin, reverse("certificate:index"), certificates, at_most=3),
    }
    holders = {
        f"verify {c.register_number}": markers_of(
            p for p in NAMES if nfc(p.text) == c.holder_name
        )
        for c in world.certificates
        if c.pk != world.reissued.pk
    }
    assert_inert(
        pages,
        shows=world.placed["names"],
        each_shows={
            **holders,
            f"verify {world.revoked.register_number}": markers_of(EVERYTHING),
            # The revoked certificate is the trainee's own: its reason is shown.
            "dashboard": markers_of(EVERYTHING),
            "template edit": markers_of(
                p for p in EVERYTHING if p.text in world.template.wording
            ),
        },
    )
