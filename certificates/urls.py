from django.urls import path

from certificates import views

app_name = "certificates"

urlpatterns = [
    path("verify/<str:code>/", views.verify, name="verify"),
    path(
        "giay-chung-nhan/<int:certificate_id>/tai-ve/",
        views.download,
        name="download",
    ),
]
