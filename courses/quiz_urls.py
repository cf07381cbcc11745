from django.urls import path

from courses import quiz_views

urlpatterns = [
    path("bai-kiem-tra/<int:quiz_id>/", quiz_views.quiz_intro, name="quiz"),
    path(
        "bai-kiem-tra/<int:quiz_id>/bat-dau/", quiz_views.quiz_start, name="quiz-start"
    ),
    path("lan-lam-bai/<int:attempt_id>/", quiz_views.attempt_page, name="attempt"),
    path(
        "lan-lam-bai/<int:attempt_id>/luu/",
        quiz_views.attempt_save,
        name="attempt-save",
    ),
    path(
        "lan-lam-bai/<int:attempt_id>/nop/",
        quiz_views.attempt_submit,
        name="attempt-submit",
    ),
    path(
        "lan-lam-bai/<int:attempt_id>/ket-qua/",
        quiz_views.attempt_review,
        name="attempt-review",
    ),
]
