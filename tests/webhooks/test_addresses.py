"""Only https:// addresses on the public internet are accepted, when an endpoint is added and at every delivery."""

import pytest
from sqlalchemy import func, select

from engage.common.validation import ValidationError
from engage.extensions import db
from engage.models import WebhookSubscription
from engage.webhooks import addresses, services
from tests.webhooks.conftest import PUBLIC_ADDRESS

EVENTS = ["representation.created"]


def _count() -> int:
    return db.session.scalar(select(func.count()).select_from(WebhookSubscription))


def _refused(url: str) -> str:
    with pytest.raises(ValidationError) as caught:
        services.create_subscription({"url": url, "events": EVENTS})
    assert _count() == 0
    return caught.value.errors["url"][0]


@pytest.mark.parametrize(
    "url",
    ["http://hooks.example.org/events", "ftp://hooks.example.org/", "hooks.example.org", "https://", "https:///x"],
)
def test_an_address_that_is_not_https_is_refused_and_nothing_is_saved(url, dns):
    dns["hooks.example.org"] = [PUBLIC_ADDRESS]
    assert _refused(url) == addresses.HTTPS_MESSAGE


@pytest.mark.parametrize(
    "url",
    [
        "https://127.0.0.1/events",
        "https://localhost:8443/events",
        "https://10.1.2.3/events",
        "https://172.16.0.9/events",
        "https://192.168.1.5/events",
        "https://169.254.169.254/latest/meta-data",
        "https://0.0.0.0/events",
        "https://240.0.0.1/events",
        "https://100.64.0.1/events",
        "https://[::1]/events",
        "https://[fe80::1]/events",
        "https://[fc00::1]/events",
        "https://[::ffff:10.0.0.1]/events",
    ],
)
def test_an_address_inside_the_network_is_refused(url):
    message = _refused(url)
    assert "private, loopback, link-local or reserved address" in message


def test_a_name_that_resolves_to_a_private_address_among_public_ones_is_refused(dns):
    dns["hooks.example.org"] = [PUBLIC_ADDRESS, "10.0.0.7"]
    message = _refused("https://hooks.example.org/events")
    assert message.startswith("Enter a web address on the public internet: hooks.example.org resolves to 10.0.0.7")


def test_a_name_that_does_not_resolve_is_refused(dns):
    dns["nowhere.example.org"] = []
    assert _refused("https://nowhere.example.org/") == addresses.UNKNOWN_HOST_MESSAGE.format(host="nowhere.example.org")


def test_a_public_https_address_is_saved_with_the_events_and_a_secret(dns):
    dns["hooks.example.org"] = [PUBLIC_ADDRESS]
    subscription, secret = services.create_subscription(
        {"url": " https://hooks.example.org/events?source=engage ", "events": ["scg.signed", "engagement.held"]}
    )
    assert subscription.url == "https://hooks.example.org/events?source=engage"
    assert subscription.events == ["engagement.held", "scg.signed"]
    assert secret.startswith("whsec_") and len(secret) > 40 and subscription.secret == secret


def test_events_must_be_chosen_from_the_list(dns):
    dns["hooks.example.org"] = [PUBLIC_ADDRESS]
    for events in ([], ["representation.deleted"], "nope"):
        with pytest.raises(ValidationError) as caught:
            services.create_subscription({"url": "https://hooks.example.org/", "events": events})
        assert set(caught.value.errors) == {"events"}
    assert _count() == 0


def test_the_testing_switch_allows_a_local_receiver_only_in_the_testing_config(app, allow_local):
    assert addresses.check_url("http://127.0.0.1:9/events") == "http://127.0.0.1:9/events"
    app.config["TESTING"] = False
    try:
        with pytest.raises(addresses.AddressRefused):
            addresses.check_url("http://127.0.0.1:9/events")
        with pytest.raises(addresses.AddressRefused):
            addresses.check_url("https://127.0.0.1:9/events")
    finally:
        app.config["TESTING"] = True


def test_production_config_never_allows_a_local_receiver():
    from engage.config import ProductionConfig

    assert ProductionConfig.WEBHOOKS_ALLOW_LOCAL is False
    assert not getattr(ProductionConfig, "TESTING", False)
