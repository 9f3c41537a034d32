"""The client address (finding 7): X-Forwarded-For is believed only as far as trusted proxies vouch for it."""

import pytest
from django.test import RequestFactory
from rest_framework.throttling import AnonRateThrottle, ScopedRateThrottle

from apps.accounts.tests.apis.auth import LOGIN
from apps.common.auth import client_info, client_ip
from apps.common.middleware import ClientAddressMiddleware

NGINX = "172.18.0.5"
LOAD_BALANCER = "10.0.3.7"
PUBLIC_PEER = "198.51.100.7"
FORGED = "203.0.113.66"
REAL_CLIENT = "192.0.2.44"


def ip_of(remote_addr: str, forwarded_for: str | None = None) -> str:
    headers = {"HTTP_X_FORWARDED_FOR": forwarded_for} if forwarded_for is not None else {}
    return client_ip(RequestFactory().get("/", REMOTE_ADDR=remote_addr, **headers))


def test_a_forged_header_from_a_peer_that_is_no_proxy_is_ignored():
    # Anyone who reaches gunicorn directly must not pick the address they are counted under.
    assert ip_of(PUBLIC_PEER, FORGED) == PUBLIC_PEER


def test_the_entry_a_trusted_proxy_appended_is_the_client():
    assert ip_of(NGINX, REAL_CLIENT) == REAL_CLIENT


def test_entries_a_client_forged_left_of_the_proxies_are_ignored():
    # nginx appends what connected to it; whatever the client sent stands further left.
    assert ip_of(NGINX, f"{FORGED}, {REAL_CLIENT}") == REAL_CLIENT


def test_the_chain_is_walked_through_every_trusted_proxy():
    assert ip_of(NGINX, f"{FORGED}, {REAL_CLIENT}, {LOAD_BALANCER}") == REAL_CLIENT


def test_a_chain_of_proxies_only_ends_at_its_leftmost_address():
    assert ip_of(NGINX, f"{LOAD_BALANCER}, 10.0.0.9") == LOAD_BALANCER


def test_a_proxy_that_is_not_listed_is_the_client(settings):
    settings.TRUSTED_PROXIES = [NGINX]
    assert ip_of(NGINX, f"{REAL_CLIENT}, {LOAD_BALANCER}") == LOAD_BALANCER


def test_a_listed_network_covers_its_addresses(settings):
    settings.TRUSTED_PROXIES = ["198.51.100.0/24"]
    assert ip_of(PUBLIC_PEER, REAL_CLIENT) == REAL_CLIENT


def test_no_trusted_proxies_means_the_peer_always(settings):
    settings.TRUSTED_PROXIES = []
    assert ip_of(NGINX, REAL_CLIENT) == NGINX


@pytest.mark.parametrize("garbage", ["unknown", "", "  ", "192.0.2.44:5555", "<script>"])
def test_an_entry_that_is_no_address_stops_the_walk_at_the_proxy_that_reported_it(garbage):
    assert ip_of(NGINX, f"{REAL_CLIENT}, {garbage}") == (REAL_CLIENT if not garbage.strip() else NGINX)


def test_an_ipv4_peer_seen_as_an_ipv6_mapped_address_is_still_a_trusted_proxy():
    assert ip_of(f"::ffff:{NGINX}", REAL_CLIENT) == REAL_CLIENT


def test_ipv6_clients_and_proxies():
    assert ip_of("fd00::5", "2001:db8::1") == "2001:db8::1"
    assert ip_of("2001:db8::7", "2001:db8::1") == "2001:db8::7"


def test_client_info_carries_the_address_and_a_bounded_user_agent():
    request = RequestFactory().get("/", REMOTE_ADDR=PUBLIC_PEER, HTTP_USER_AGENT="x" * 2000)
    info = client_info(request)
    assert info.ip == PUBLIC_PEER
    assert len(info.user_agent) == 512


def test_the_middleware_hands_drf_throttles_the_same_address():
    request = RequestFactory().get("/", REMOTE_ADDR=NGINX, HTTP_X_FORWARDED_FOR=f"{FORGED}, {REAL_CLIENT}")
    seen = []
    ClientAddressMiddleware(lambda req: seen.append(AnonRateThrottle().get_ident(req)))(request)
    assert seen == [REAL_CLIENT]
    # Resolved once: the rewritten REMOTE_ADDR is not walked again.
    assert client_ip(request) == REAL_CLIENT


@pytest.mark.django_db
def test_a_forged_header_does_not_escape_the_login_throttle(api_client, monkeypatch):
    monkeypatch.setitem(ScopedRateThrottle.THROTTLE_RATES, "auth_login", "2/min")
    answers = [
        api_client.post(
            LOGIN,
            {"email": "nobody@example.com", "password": "wrong-password"},
            REMOTE_ADDR=PUBLIC_PEER,
            HTTP_X_FORWARDED_FOR=f"203.0.113.{attempt}",
        ).status_code
        for attempt in range(3)
    ]
    assert answers == [401, 401, 429]
