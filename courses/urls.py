from django.urls import path

from courses import views
from courses.quiz_urls import urlpatterns as quiz_urlpatterns

app_name = "courses"

urlpatterns = [
    path("lop-hoc/", views.open_classes, name="open-classes"),
    path("lop-hoc/<int:class_id>/dang-ky/", views.enrol, name="enrol"),
    path("khoa-hoc-cua-toi/", views.dashboard, name="dashboard"),
    path(
        "khoa-hoc-cua-toi/<int:enrollment_id>/",
        views.enrollment_progress,
        name="progress",
    ),
    path(
        "khoa-hoc-cua-toi/<int:enrollment_id>/rut-ten/",
        views.withdraw_enrollment,
        name="withdraw",
    ),
    path("bai-hoc/<int:lesson_id>/da-xong/", views.mark_lesson_done, name="done"),
    path(
        "dong-y/<int:consent_id>/rut-lai/",
        views.withdraw_consent,
        name="withdraw-consent",
    ),
    path("quyen-rieng-tu/", views.privacy_notice, name="privacy"),
]

urlpatterns += quiz_urlpatterns
