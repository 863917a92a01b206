"""What an engagement's evidence may point at, one rule for the pages, the API and the services.

The evidence link (`evidence_url`) must be a real hyperlink to a published document (minutes or a letter on a
council's website, say): an http or https address with a host and no user name or password in it. It must not be
a page of Engage itself that needs signing in (an engagement, a representation, the co-operation table): the
inspector and the public cannot open those. Engage's own hosts are the local ones, the hosts of the `BASE_URL` and
`SERVER_NAME` settings, and any the caller adds (a page passes the host it was asked on); on those only Engage's
public pages, such as a published consultation document, are accepted.

The examination library reference (`examination_library_reference`) is the document's number in the library the
programme officer keeps, like "EL-12" or "SD/4.2".
"""

import re
from collections.abc import Iterable
from urllib.parse import urlsplit

from flask import current_app
from werkzeug.exceptions import HTTPException
from werkzeug.routing import RequestRedirect

LINK_MESSAGE = "Enter a web address that starts with https:// or http://, like https://www.example.gov.uk/minutes.pdf"
SIGNED_IN_MESSAGE = (
    "Enter the address of the published document, not a page of Engage that needs signing in "
    "(upload the document to the engagement instead)"
)
LOCAL_HOSTS = frozenset({"localhost", "127.0.0.1", "::1"})
REFERENCE_LIMIT = 50
REFERENCE_PATTERN = re.compile(r"^[A-Za-z0-9][A-Za-z0-9 ./()_-]*$")
REFERENCE_MESSAGE = (
    "Examination library reference must only include letters, numbers, spaces, full stops, hyphens, slashes "
    "and brackets, like EL-12 or SD/4.2"
)
REFERENCE_LENGTH_MESSAGE = f"Examination library reference must be {REFERENCE_LIMIT} characters or fewer"


def own_hosts(extra: Iterable[str] = ()) -> set[str]:
    hosts = set(LOCAL_HOSTS)
    for value in (current_app.config.get("BASE_URL"), current_app.config.get("SERVER_NAME"), *extra):
        value = str(value or "").strip()
        if not value:
            continue
        try:
            host = urlsplit(value if "//" in value else f"//{value}").hostname
        except ValueError:
            continue
        if host:
            hosts.add(host.lower())
    return hosts


def evidence_link_problem(url: str, extra_hosts: Iterable[str] = ()) -> str | None:
    """Why `url` cannot be an evidence link, or None when it can (an empty one can)."""
    url = (url or "").strip()
    if not url:
        return None
    try:
        parts = urlsplit(url)
        host = parts.hostname
    except ValueError:
        return LINK_MESSAGE
    if parts.scheme.lower() not in ("http", "https") or not host or "@" in parts.netloc:
        return LINK_MESSAGE
    if any(character.isspace() for character in url):
        return LINK_MESSAGE
    if host.lower() in own_hosts(extra_hosts) and not _public_page(parts.path or "/"):
        return SIGNED_IN_MESSAGE
    return None


def _public_page(path: str, redirects: int = 2) -> bool:
    """Whether the path is one of Engage's pages that anyone may open (signing in itself is not evidence)."""
    adapter = current_app.url_map.bind("localhost")
    try:
        endpoint, _ = adapter.match(path, method="GET")
    except RequestRedirect as redirect:
        return redirects > 0 and _public_page(urlsplit(redirect.new_url).path, redirects - 1)
    except HTTPException:
        return False
    view = current_app.view_functions.get(endpoint)
    return getattr(view, "permission", None) == "public" and not endpoint.startswith(("auth.", "main.", "api."))


def reference_problem(reference: str) -> str | None:
    """Why `reference` cannot be an examination library reference, or None when it can (an empty one can)."""
    reference = (reference or "").strip()
    if not reference:
        return None
    if len(reference) > REFERENCE_LIMIT:
        return REFERENCE_LENGTH_MESSAGE
    if not REFERENCE_PATTERN.match(reference):
        return REFERENCE_MESSAGE
    return None
