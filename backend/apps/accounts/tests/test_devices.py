"""What a session records about its client: device label, network, place (apps/accounts/devices.py)."""

from unittest import mock

import maxminddb
import pytest

from apps.accounts import devices
from apps.accounts.tests.factories import FIREFOX_ON_LINUX

CITY_RECORD = {"city": {"names": {"en": "Berlin", "de": "Berlin"}}, "country": {"names": {"en": "Germany"}}}


@pytest.mark.parametrize(
    ("user_agent", "label"),
    [
        (FIREFOX_ON_LINUX, "Firefox on Linux"),
        (
            "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) "
            "Version/18.1 Safari/605.1.15",
            "Safari on Mac OS X",
        ),
        ("curl/8.5.0", "curl"),
        ("", ""),
        ("definitely not a browser", ""),
    ],
)
def test_device_label(user_agent, label):
    assert devices.device_label(user_agent) == label


@pytest.mark.parametrize(
    ("ip", "network"),
    [
        ("192.0.2.77", "192.0.2.0/24"),
        ("2001:db8:1:2::5", "2001:db8:1::/48"),
        ("::ffff:192.0.2.77", "192.0.2.0/24"),
        ("", ""),
        ("not-an-address", ""),
    ],
)
def test_ip_network_of(ip, network):
    assert devices.ip_network_of(ip) == network


def test_no_place_without_a_geoip_database(settings):
    settings.GEOIP_PATH = ""
    assert devices.ip_location("192.0.2.1") == ""


def test_the_place_comes_from_the_configured_database(settings):
    settings.GEOIP_PATH = "/data/GeoLite2-City.mmdb"
    reader = mock.Mock(spec=maxminddb.Reader)
    reader.get.side_effect = lambda ip: CITY_RECORD if ip == "192.0.2.1" else None
    with mock.patch.object(maxminddb, "open_database", return_value=reader) as opened:
        devices._geoip_reader.cache_clear()
        try:
            assert devices.ip_location("192.0.2.1") == "Berlin, Germany"
            assert devices.ip_location("10.0.0.1") == ""
            assert devices.ip_location("nonsense") == ""
        finally:
            devices._geoip_reader.cache_clear()
    opened.assert_called_once_with("/data/GeoLite2-City.mmdb")


def test_an_unreadable_database_costs_the_place_not_the_sign_in(settings, tmp_path):
    settings.GEOIP_PATH = str(tmp_path / "missing.mmdb")
    devices._geoip_reader.cache_clear()
    try:
        assert devices.ip_location("192.0.2.1") == ""
    finally:
        devices._geoip_reader.cache_clear()
