from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CertificatesConfig(AppConfig):
    name = "certificates"
    verbose_name = _("Chứng nhận")

    def ready(self) -> None:
        # privacy registers its personal data; tasks registers the tasks in every
        # process, so that one queued by name runs in-process in the embedded default
        # (no broker) instead of being sent to a broker.
        import certificates.privacy
        import certificates.tasks  # noqa: F401
        from certificates.handlers import on_enrollment_completed
        from certificates.views import dashboard_context
        from courses.dashboard_panels import Panel, register_panel
        from courses.roles import ORGANIZERS, add_role_permissions
        from courses.signals import enrollment_completed

        enrollment_completed.connect(
            on_enrollment_completed, dispatch_uid="certificates.issue_on_completion"
        )
        register_panel(Panel("certificates/dashboard_panel.html", dashboard_context))
        add_role_permissions(
            ORGANIZERS,
            [
                ("certificates", "view_certificatetemplate"),
                ("certificates", "add_certificatetemplate"),
                ("certificates", "change_certificatetemplate"),
                ("certificates", "view_certificate"),
                ("certificates", "add_certificate"),
                ("certificates", "change_certificate"),
            ],
        )
