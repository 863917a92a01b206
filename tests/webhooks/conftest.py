"""A real HTTP receiver on 127.0.0.1 in a thread, and the switch that lets the testing config send to it."""

import socket
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from engage.webhooks import addresses

PUBLIC_ADDRESS = "93.184.215.14"


class Receiver:
    """Answers every POST with `status` after `delay` seconds, and keeps what it was sent."""

    def __init__(self):
        self.requests: list[dict] = []
        self.status = 200
        self.delay = 0.0
        self.server = ThreadingHTTPServer(("127.0.0.1", 0), self._handler())
        self.server.daemon_threads = True
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.server.server_address[1]}/engage-events"

    def _handler(self):
        receiver = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self):
                body = self.rfile.read(int(self.headers.get("Content-Length", 0)))
                receiver.requests.append({"path": self.path, "headers": dict(self.headers), "body": body})
                time.sleep(receiver.delay)
                try:
                    self.send_response(receiver.status)
                    self.send_header("Content-Length", "0")
                    self.end_headers()
                except OSError:
                    pass  # the sender gave up waiting

            def log_message(self, *args):
                pass

        return Handler

    def stop(self):
        self.server.shutdown()
        self.server.server_close()


@pytest.fixture
def allow_local(app):
    app.config["WEBHOOKS_ALLOW_LOCAL"] = True
    yield
    app.config["WEBHOOKS_ALLOW_LOCAL"] = False


@pytest.fixture
def receiver(allow_local):
    found = Receiver()
    found.thread.start()
    yield found
    found.stop()


@pytest.fixture
def closed_port_url(allow_local):
    """An address on 127.0.0.1 where nothing listens: connections are refused."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    return f"http://127.0.0.1:{port}/engage-events"


@pytest.fixture
def dns(monkeypatch):
    """Host names resolve to what the test says (`dns["hooks.example.org"] = ["93.184.215.14"]`), without a network."""
    table: dict[str, list[str]] = {}
    real = socket.getaddrinfo

    def getaddrinfo(host, port, *args, **kwargs):
        if host not in table:
            return real(host, port, *args, **kwargs)
        return [(socket.AF_INET, socket.SOCK_STREAM, 6, "", (address, port)) for address in table[host]]

    monkeypatch.setattr(addresses.socket, "getaddrinfo", getaddrinfo)
    return table
