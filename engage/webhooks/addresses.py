"""Where a webhook may be sent: an https:// address whose host resolves only to public addresses.

The host is looked up when the endpoint is registered and again for every delivery, and the delivery connects to
the address that was checked (`pinned_connection`), so a name that later resolves to an address inside the
network (DNS rebinding) is refused, not followed. With WEBHOOKS_ALLOW_LOCAL in the testing config, plain http and
loopback or private addresses are allowed so tests can run a receiver on 127.0.0.1; no other config honours it.
"""

import http.client
import ipaddress
import socket
import ssl
from dataclasses import dataclass
from urllib.parse import urlsplit

from flask import current_app

HTTPS_MESSAGE = "Enter a web address that starts with https://, like https://example.org/engage-events"
PRIVATE_MESSAGE = (
    "Enter a web address on the public internet: {host} resolves to {address}, which is a private, loopback, "
    "link-local or reserved address"
)
UNKNOWN_HOST_MESSAGE = "Enter a web address whose server name exists: {host} could not be found"
MAX_URL_LENGTH = 2000


class AddressRefused(ValueError):
    """The message says why, in words for the page."""


@dataclass(frozen=True)
class Target:
    scheme: str
    host: str
    port: int
    path: str
    address: str  # the checked IP address the delivery connects to


def allow_local() -> bool:
    return bool(current_app.testing and current_app.config.get("WEBHOOKS_ALLOW_LOCAL"))


def is_public(address: str) -> bool:
    ip = ipaddress.ip_address(address.split("%", 1)[0])
    if isinstance(ip, ipaddress.IPv6Address) and ip.ipv4_mapped:
        ip = ip.ipv4_mapped
    return not (
        ip.is_private
        or ip.is_loopback
        or ip.is_link_local
        or ip.is_reserved
        or ip.is_multicast
        or ip.is_unspecified
        or not ip.is_global
    )


def _split(url: str) -> tuple[str, str, int, str]:
    url = (url or "").strip()
    if not url or len(url) > MAX_URL_LENGTH or any(ord(c) < 33 or ord(c) == 127 for c in url):
        raise AddressRefused(HTTPS_MESSAGE)
    try:
        parts = urlsplit(url)
        port = parts.port
    except ValueError as error:
        raise AddressRefused(HTTPS_MESSAGE) from error
    allowed = ("https", "http") if allow_local() else ("https",)
    if parts.scheme.lower() not in allowed or not parts.hostname or parts.username or parts.password:
        raise AddressRefused(HTTPS_MESSAGE)
    scheme = parts.scheme.lower()
    path = (parts.path or "/") + (f"?{parts.query}" if parts.query else "")
    return scheme, parts.hostname, port or (443 if scheme == "https" else 80), path


def resolve(url: str) -> Target:
    """The URL's parts and the address to connect to, or AddressRefused saying what is wrong with it."""
    scheme, host, port, path = _split(url)
    try:
        found = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except (OSError, UnicodeError) as error:
        raise AddressRefused(UNKNOWN_HOST_MESSAGE.format(host=host)) from error
    addresses = list(dict.fromkeys(str(info[4][0]) for info in found))
    if not addresses:
        raise AddressRefused(UNKNOWN_HOST_MESSAGE.format(host=host))
    if not allow_local():
        for address in addresses:
            if not is_public(address):
                raise AddressRefused(PRIVATE_MESSAGE.format(host=host, address=address))
    return Target(scheme, host, port, path, addresses[0])


def check_url(url: str) -> str:
    """The URL as it will be stored, when deliveries may be sent to it."""
    resolve(url)
    return url.strip()


class _PinnedHTTPConnection(http.client.HTTPConnection):
    def __init__(self, target: Target, timeout: float):
        super().__init__(target.host, target.port, timeout=timeout)
        self._address = target.address

    def connect(self):
        self.sock = socket.create_connection((self._address, self.port), self.timeout)


class _PinnedHTTPSConnection(http.client.HTTPSConnection):
    def __init__(self, target: Target, timeout: float):
        super().__init__(target.host, target.port, timeout=timeout, context=ssl.create_default_context())
        self._address = target.address

    def connect(self):
        sock = socket.create_connection((self._address, self.port), self.timeout)
        self.sock = self._context.wrap_socket(sock, server_hostname=self.host)


def pinned_connection(target: Target, timeout: float) -> http.client.HTTPConnection:
    """A connection to the checked address, naming the host in the Host header and (https) in TLS and its
    certificate check."""
    if target.scheme == "https":
        return _PinnedHTTPSConnection(target, timeout)
    return _PinnedHTTPConnection(target, timeout)
