from django.urls import path

from courses import attendance_views, views
from courses.privacy import views as privacy_views
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
    path("bai-hoc/<int:lesson_id>/da-mo/", views.mark_lesson_opened, name="opened"),
    path("bai-hoc/<int:lesson_id>/da-xong/", views.mark_lesson_done, name="done"),
    path(
        "dong-y/<int:consent_id>/rut-lai/",
        views.withdraw_consent,
        name="withdraw-consent",
    ),
    path("quyen-rieng-tu/", views.privacy_notice, name="privacy"),
]

urlpatterns += quiz_urlpatterns

# Attendance on the spot: roll call, QR check-in, walk-ins, paper evidence.

urlpatterns += [
    path(
        "diem-danh/lop/<int:class_id>/",
        attendance_views.class_sessions,
        name="class-sessions",
    ),
    path(
        "diem-danh/buoi/<int:session_id>/", attendance_views.roll_call, name="roll-call"
    ),
    path(
        "diem-danh/buoi/<int:session_id>/ghi/",
        attendance_views.roll_call_mark,
        name="roll-call-mark",
    ),
    path(
        "diem-danh/buoi/<int:session_id>/them-nguoi/",
        attendance_views.walk_in,
        name="walk-in",
    ),
    path(
        "diem-danh/buoi/<int:session_id>/minh-chung/",
        attendance_views.upload_evidence,
        name="upload-evidence",
    ),
    path(
        "diem-danh/minh-chung/<int:evidence_id>/",
        attendance_views.evidence_file,
        name="evidence-file",
    ),
    path(
        "diem-danh/buoi/<int:session_id>/qr/",
        attendance_views.qr_screen,
        name="qr-screen",
    ),
    path(
        "diem-danh/quet/<int:session_id>/<str:code>/",
        attendance_views.qr_check_in,
        name="qr-check-in",
    ),
    path("diem-danh/gop-hoc-vien/", attendance_views.merge, name="merge-trainees"),
]

# A trainee's own personal data: what is held, a download, requests.
urlpatterns += [
    path("du-lieu-cua-toi/", privacy_views.my_data, name="my-data"),
    path(
        "du-lieu-cua-toi/tai-ve/",
        privacy_views.download_my_data,
        name="download-my-data",
    ),
    path(
        "du-lieu-cua-toi/yeu-cau/",
        privacy_views.file_data_request,
        name="file-data-request",
    ),
]
