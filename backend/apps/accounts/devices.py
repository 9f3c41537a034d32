"""What a session records about its client: a device label from the user agent, the address's
network, and an approximate place when a local GeoIP database is configured (docs/auth.md)."""

import ipaddress
import logging
from functools import cache

import maxminddb
from django.conf import settings
from ua_parser import parse

logger = logging.getLogger(__name__)

# The prefix that stands for "the same network" when deciding whether a device is new: a home or
# office line keeps its /24 (IPv4) or /48 (IPv6) even when the provider hands out a new address.
IPV4_NETWORK_PREFIX = 24
IPV6_NETWORK_PREFIX = 48
LABEL_MAX_LENGTH = 200


def device_label(user_agent: str) -> str:
    """ "Firefox on Linux", "Mobile Safari on iOS", or as much of it as the user agent tells."""
    if not user_agent:
        return ""
    result = parse(user_agent)
    # ua-parser names what it cannot place "Other".
    browser = result.user_agent.family if result.user_agent and result.user_agent.family != "Other" else ""
    system = result.os.family if result.os and result.os.family != "Other" else ""
    if browser and system:
        return f"{browser} on {system}"[:LABEL_MAX_LENGTH]
    return (browser or system)[:LABEL_MAX_LENGTH]


def ip_or_none(ip: str) -> str | None:
    """The address as a column can hold it, or None for anything that is not one."""
    try:
        return str(ipaddress.ip_address(ip))
    except ValueError:
        return None


def ip_network_of(ip: str) -> str:
    """The address's network at the known-device prefix ("203.0.113.0/24"), or "" for no address."""
    try:
        address = ipaddress.ip_address(ip)
    except ValueError:
        return ""
    if isinstance(address, ipaddress.IPv6Address) and address.ipv4_mapped is not None:
        address = address.ipv4_mapped
    prefix = IPV4_NETWORK_PREFIX if address.version == 4 else IPV6_NETWORK_PREFIX
    return str(ipaddress.ip_network(f"{address}/{prefix}", strict=False))


@cache
def _geoip_reader(path: str) -> maxminddb.Reader | None:
    try:
        return maxminddb.open_database(path)
    except (OSError, maxminddb.InvalidDatabaseError):
        # A missing or broken database costs the place in the sessions list, not the sign-in.
        logger.warning("The GeoIP database at %s cannot be read; sessions show no place", path, exc_info=True)
        return None


def ip_location(ip: str) -> str:
    """ "Berlin, Germany" from a local MaxMind (GeoLite2/GeoIP2 City or Country) database at
    ``GEOIP_PATH``; "" when none is configured, the address is private or unknown to it."""
    if not settings.GEOIP_PATH or ip_or_none(ip) is None:
        return ""
    reader = _geoip_reader(settings.GEOIP_PATH)
    if reader is None:
        return ""
    try:
        record = reader.get(ip)
    except ValueError:
        return ""
    if not isinstance(record, dict):
        return ""
    parts = [_english_name(record.get(key)) for key in ("city", "country")]
    return ", ".join(part for part in parts if part)[:LABEL_MAX_LENGTH]


def _english_name(place: object) -> str:
    names = place.get("names") if isinstance(place, dict) else None
    name = names.get("en") if isinstance(names, dict) else None
    return name if isinstance(name, str) else ""
