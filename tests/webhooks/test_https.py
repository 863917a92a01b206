"""An https delivery connects to the address that was checked, and checks the certificate for the host's name."""

import shutil
import ssl
import subprocess

import pytest
from sqlalchemy import select

from engage.consultations.services import set_published
from engage.extensions import db
from engage.models import WebhookDelivery
from engage.webhooks import addresses, outbox, services
from tests.factories import create_consultation
from tests.webhooks.conftest import Receiver

pytestmark = pytest.mark.skipif(shutil.which("openssl") is None, reason="needs the openssl command")


def _certificate(folder, name: str):
    cert, key = folder / f"{name}.pem", folder / f"{name}.key"
    subprocess.run(
        ["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1", "-subj", f"/CN={name}",
         "-addext", f"subjectAltName=DNS:{name}", "-keyout", str(key), "-out", str(cert)],
        check=True, capture_output=True,
    )  # fmt: skip
    return cert, key


@pytest.fixture
def tls_receiver(tmp_path, allow_local, dns, monkeypatch):
    """A receiver on 127.0.0.1 serving a certificate for hooks.example.org, which the sender trusts; the name
    resolves to 127.0.0.1."""
    cert, key = _certificate(tmp_path, "hooks.example.org")
    found = Receiver()
    server_side = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    server_side.load_cert_chain(cert, key)
    found.server.socket = server_side.wrap_socket(found.server.socket, server_side=True)
    found.thread.start()
    real = ssl.create_default_context
    monkeypatch.setattr(addresses.ssl, "create_default_context", lambda: real(cafile=str(cert)))
    dns["hooks.example.org"] = ["127.0.0.1"]
    yield found
    found.stop()


def _send(url: str) -> WebhookDelivery:
    services.create_subscription({"url": url, "events": ["consultation.published"]})
    set_published(create_consultation(published=False), True)
    outbox.send_committed()
    return db.session.scalar(select(WebhookDelivery))


def test_an_https_delivery_reaches_the_checked_address_under_the_host_name(tls_receiver):
    port = tls_receiver.server.server_address[1]

    delivery = _send(f"https://hooks.example.org:{port}/events")

    assert [a.status_code for a in delivery.attempts] == [200]
    [request] = tls_receiver.requests
    assert request["headers"]["Host"] == f"hooks.example.org:{port}"


def test_a_certificate_for_another_name_is_refused(tls_receiver, dns):
    port = tls_receiver.server.server_address[1]
    dns["other.example.org"] = ["127.0.0.1"]

    delivery = _send(f"https://other.example.org:{port}/events")

    [attempt] = delivery.attempts
    assert attempt.status_code is None and "SSLCertVerificationError" in attempt.error
    assert tls_receiver.requests == []
