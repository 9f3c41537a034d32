"""Social login endpoints.

``login`` and ``complete`` are browser navigations (redirects), not JSON calls: the
browser goes to the provider and comes back. Every way out of ``complete`` redirects
to the frontend's callback page, with the refresh cookie on success, ``?mfa=<ticket>&methods=...``
when the account has a second factor (no cookie yet), or ``?error=<code>``.
"""

import logging
from urllib.parse import urlencode, urlsplit

from django.conf import settings
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from drf_spectacular.utils import OpenApiResponse, extend_schema
from requests import RequestException
from rest_framework import serializers, status
from rest_framework.permissions import AllowAny, IsAuthenticated
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView
from social_core.actions import do_auth
from social_core.backends.base import BaseAuth
from social_core.exceptions import SocialAuthBaseException
from social_django.models import UserSocialAuth
from social_django.utils import load_backend, load_strategy

from apps.accounts.cookies import refresh_cookie_set
from apps.accounts.models import User
from apps.accounts.selectors import user_social_accounts_list
from apps.accounts.services.social_accounts import social_account_disconnect
from apps.accounts.social import error_code_of, social_providers_enabled
from apps.common.auth import client_info, signed_in_user
from apps.common.decorators import require_GET
from apps.common.exceptions import problem_response
from apps.common.openapi import problem_responses
from apps.mfa.services.login import SignedIn, login_begin

logger = logging.getLogger(__name__)

NEXT_SESSION_KEY = "social_auth_next"


def _safe_next(candidate: str | None) -> str:
    """Only a path on our own site: no scheme, no host, no protocol-relative '//' trick."""
    if not candidate or not candidate.startswith("/") or candidate.startswith("//") or "\\" in candidate:
        return "/"
    parts = urlsplit(candidate)
    if parts.scheme or parts.netloc:
        return "/"
    return candidate


def _callback_redirect(**query: str) -> HttpResponseRedirect:
    return HttpResponseRedirect(f"{settings.FRONTEND_URL}/auth/callback?{urlencode(query)}")


def _load_backend(request: HttpRequest, provider: str) -> BaseAuth | None:
    if provider not in {enabled.id for enabled in social_providers_enabled()}:
        return None
    strategy = load_strategy(request)
    redirect_uri = reverse("api:auth:social-complete", args=(provider,))
    return load_backend(strategy, provider, redirect_uri=redirect_uri)


def _provider_not_found(request: HttpRequest) -> HttpResponse:
    return problem_response(request, status_code=404, code="not_found", detail=_("This login provider is not enabled."))


@extend_schema(exclude=True)
@require_GET
@never_cache
def social_login(request: HttpRequest, provider: str) -> HttpResponse:
    """Starts the OAuth dance: remembers where to go afterwards, redirects to the provider."""
    backend = _load_backend(request, provider)
    if backend is None:
        return _provider_not_found(request)
    request.session[NEXT_SESSION_KEY] = _safe_next(request.GET.get("next"))
    return do_auth(backend)


@extend_schema(exclude=True)
@require_GET
@never_cache
def social_complete(request: HttpRequest, provider: str) -> HttpResponse:
    """The provider sends the browser back here; we finish the pipeline and hand over a session."""
    backend = _load_backend(request, provider)
    if backend is None:
        return _provider_not_found(request)
    next_path = _safe_next(request.session.get(NEXT_SESSION_KEY))
    try:
        user = backend.complete(user=None)
    except SocialAuthBaseException as error:
        logger.info("Social login with %s failed: %s", provider, type(error).__name__)
        return _callback_redirect(error=error_code_of(error))
    except RequestException:
        logger.warning("Social login with %s failed: the provider did not answer", provider, exc_info=True)
        return _callback_redirect(error="provider_error")
    finally:
        # The Django session only carried OAuth state; our session is the JWT cookie.
        request.session.flush()
    if not isinstance(user, User) or not user.is_active:
        return _callback_redirect(error="account_inactive")
    result = login_begin(user=user, client=client_info(request))
    if not isinstance(result, SignedIn):
        # A second factor is due: the callback page shows the same step as after a password.
        return _callback_redirect(mfa=result.ticket, methods=",".join(result.methods), next=next_path)
    response = _callback_redirect(next=next_path)
    refresh_cookie_set(response, token=result.tokens.refresh)
    return response


class SocialProvidersApi(APIView):
    """The social login providers this deployment offers; the frontend shows a button for each."""

    authentication_classes = ()
    permission_classes = (AllowAny,)

    class SocialProviderOutput(serializers.Serializer):
        id = serializers.CharField()
        name = serializers.CharField()
        login_url = serializers.CharField()

    @extend_schema(responses={200: SocialProviderOutput(many=True)})
    def get(self, request: Request) -> Response:
        providers = [
            {"id": p.id, "name": p.name, "login_url": reverse("api:auth:social-login", args=(p.id,))}
            for p in social_providers_enabled()
        ]
        return Response(self.SocialProviderOutput(providers, many=True).data)


class SocialAccountOutput(serializers.ModelSerializer):
    created_at = serializers.DateTimeField(source="created")

    class Meta:
        model = UserSocialAuth
        fields = ["id", "provider", "uid", "created_at"]


class SocialAccountListApi(APIView):
    """Providers linked to the signed-in user's account."""

    permission_classes = (IsAuthenticated,)

    @extend_schema(responses={200: SocialAccountOutput(many=True), **problem_responses(401)})
    def get(self, request: Request) -> Response:
        accounts = user_social_accounts_list(user=signed_in_user(request))
        return Response(SocialAccountOutput(accounts, many=True).data)


class SocialAccountDetailApi(APIView):
    """Unlinks a provider, unless it is the account's last way to log in."""

    permission_classes = (IsAuthenticated,)

    @extend_schema(
        responses={204: OpenApiResponse(description="Unlinked"), **problem_responses(401, 404, 409)},
    )
    def delete(self, request: Request, account_id: int) -> Response:
        social_account_disconnect(user=signed_in_user(request), account_id=account_id)
        return Response(status=status.HTTP_204_NO_CONTENT)
