from django.urls import path

from apps.uploads import apis

urlpatterns = [
    path("uploads/", apis.UploadStartApi.as_view(), name="upload-start"),
    path("uploads/<uuid:upload_id>/content/", apis.UploadContentApi.as_view(), name="upload-content"),
    path("uploads/<uuid:upload_id>/finish/", apis.UploadFinishApi.as_view(), name="upload-finish"),
    path("images/<uuid:image_id>/", apis.ArticleImageApi.as_view(), name="article-image"),
    path("users/me/avatar/", apis.AvatarApi.as_view(), name="avatar"),
]
