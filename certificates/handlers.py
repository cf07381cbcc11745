"""Listeners to the domain's signals: one line each, calling a service."""

from certificates.services import issue_certificate_on_completion


def on_enrollment_completed(sender, enrollment, **kwargs) -> None:
    issue_certificate_on_completion(enrollment=enrollment)
