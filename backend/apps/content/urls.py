from django.urls import path

from apps.content import apis

urlpatterns = [
    path("articles/", apis.ArticleListApi.as_view(), name="article-list"),
    path("articles/<slug:slug>/", apis.ArticleDetailApi.as_view(), name="article-detail"),
    path("articles/<slug:slug>/transitions/", apis.ArticleTransitionApi.as_view(), name="article-transition"),
    path("articles/<slug:slug>/preview/", apis.ArticlePreviewApi.as_view(), name="article-preview"),
    path("articles/<slug:slug>/comments/", apis.ArticleCommentsApi.as_view(), name="article-comments"),
    path("comments/<int:comment_id>/", apis.CommentDetailApi.as_view(), name="comment-detail"),
    path("tags/", apis.TagListApi.as_view(), name="tag-list"),
]
