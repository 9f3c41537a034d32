from django.urls import path

from apps.exports import apis

urlpatterns = [
    path("", apis.ExportListApi.as_view(), name="list"),
    path("<uuid:export_id>/", apis.ExportDetailApi.as_view(), name="detail"),
]
