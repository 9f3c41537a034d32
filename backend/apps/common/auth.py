"""Request helpers shared by every app's APIs."""

import ipaddress
from dataclasses import dataclass
from functools import cache
from typing import TYPE_CHECKING, cast

from django.conf import settings
from django.http import HttpRequest
from rest_framework.request import Request

if TYPE_CHECKING:
    from apps.accounts.models import User

IPNetwork = ipaddress.IPv4Network | ipaddress.IPv6Network
USER_AGENT_MAX_LENGTH = 512


def signed_in_user(request: Request) -> "User":
    """The user of a request that passed IsAuthenticated."""
    return cast("User", request.user)


@cache
def _trusted_networks(proxies: tuple[str, ...]) -> tuple[IPNetwork, ...]:
    return tuple(ipaddress.ip_network(proxy, strict=False) for proxy in proxies)


def _parse_ip(candidate: str) -> ipaddress.IPv4Address | ipaddress.IPv6Address | None:
    try:
        return ipaddress.ip_address(candidate.strip())
    except ValueError:
        return None


def _is_trusted(address: ipaddress.IPv4Address | ipaddress.IPv6Address) -> bool:
    networks = _trusted_networks(tuple(settings.TRUSTED_PROXIES))
    # An IPv4 peer may reach a dual-stack socket as ::ffff:a.b.c.d; the proxy list names it in IPv4.
    if isinstance(address, ipaddress.IPv6Address) and address.ipv4_mapped is not None:
        address = address.ipv4_mapped
    return any(address in network for network in networks)


# Where the resolved address is kept on the request: resolved once, since ClientAddressMiddleware
# then writes it into REMOTE_ADDR, and walking the chain again from there would be wrong.
_RESOLVED_KEY = "apps.common.client_ip"


def client_ip(request: HttpRequest | Request) -> str:
    """The client's address: the peer, or what the proxies in ``TRUSTED_PROXIES`` say it is.

    X-Forwarded-For is a list anyone can start: only the entries appended by our own proxies
    are true. So the chain is read from the right, the peer first: while the hop is a trusted
    proxy, the entry to its left is who connected to it. The first hop that is not a trusted
    proxy is the client. A count of proxies (DRF's ``NUM_PROXIES``) would believe a forged
    header from anyone who reaches the app server directly. One definition for every counter
    keyed by address (throttles, through ClientAddressMiddleware; the failed-login guard) and
    for the sessions list.
    """
    http = request._request if isinstance(request, Request) else request
    resolved = http.META.get(_RESOLVED_KEY)
    if resolved is None:
        resolved = http.META[_RESOLVED_KEY] = _client_ip_resolve(http.META)
    return resolved


def _client_ip_resolve(meta: dict) -> str:
    peer = meta.get("REMOTE_ADDR", "")
    hop = _parse_ip(peer)
    if hop is None:
        return peer
    forwarded = [entry for entry in meta.get("HTTP_X_FORWARDED_FOR", "").split(",") if entry.strip()]
    while _is_trusted(hop) and forwarded:
        previous = _parse_ip(forwarded.pop())
        if previous is None:
            # Not an address: the proxy's own report ends here, so the proxy is as far as we know.
            break
        hop = previous
    return str(hop)


@dataclass(frozen=True)
class ClientInfo:
    """Who is on the other end of a request, as a session records it."""

    ip: str
    user_agent: str


def client_info(request: HttpRequest | Request) -> ClientInfo:
    http = request._request if isinstance(request, Request) else request
    return ClientInfo(ip=client_ip(http), user_agent=http.META.get("HTTP_USER_AGENT", "")[:USER_AGENT_MAX_LENGTH])
