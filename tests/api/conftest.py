"""API clients that send a bearer token, and checks that a response is what the OpenAPI document says."""

import pytest
from flask import current_app
from jsonschema import Draft202012Validator
from referencing import Registry, Resource
from referencing.jsonschema import DRAFT202012

from engage.auth.services import create_token
from tests.factories import create_user

DOCUMENT_URI = "urn:engage:openapi"


def _api_client(app, role):
    user = create_user(role=role)
    client = app.test_client()
    client.environ_base["HTTP_AUTHORIZATION"] = f"Bearer {create_token(user, 'tests')}"
    client.user = user
    return client


@pytest.fixture
def viewer_api(app):
    return _api_client(app, "viewer")


@pytest.fixture
def officer_api(app):
    return _api_client(app, "officer")


@pytest.fixture
def admin_api(app):
    return _api_client(app, "admin")


@pytest.fixture
def openapi(client):
    response = client.get("/api/v1/openapi.json")
    assert response.status_code == 200
    return response.get_json()


def assert_matches(document: dict, response, path: str, method: str = "get") -> None:
    """The response's status is documented for the operation and its body fits the documented schema."""
    responses = document["paths"][path][method]["responses"]
    status = str(response.status_code)
    assert status in responses, f"{method.upper()} {path} does not document {status}"
    documented = responses[status]
    if "$ref" in documented:
        documented = document["components"]["responses"][documented["$ref"].rsplit("/", 1)[1]]
    media = documented["content"][response.mimetype]
    _assert_fits(document, media["schema"], response.get_json())


def assert_matches_schema(response, name: str) -> None:
    """The response's body fits the component schema `name` of the document /api/v1/openapi.json serves, e.g.
    "Stakeholder", "StakeholderPage" (a list) or "Problem" (which is also sent as application/problem+json)."""
    document = served_document()
    assert name in document["components"]["schemas"], f"The document has no schema {name}"
    if name == "Problem":
        assert response.mimetype == "application/problem+json"
    else:
        assert response.mimetype == "application/json"
    _assert_fits(document, {"$ref": f"#/components/schemas/{name}"}, response.get_json())


_SERVED: dict = {}


def served_document() -> dict:
    """The document as served (fetched once: it is the same for every test)."""
    if not _SERVED:
        response = current_app.test_client().get("/api/v1/openapi.json")
        assert response.status_code == 200
        _SERVED.update(response.get_json())
    return _SERVED


def _assert_fits(document: dict, schema: dict, body) -> None:
    registry = Registry().with_resource(DOCUMENT_URI, Resource.from_contents(document, DRAFT202012))
    validator = Draft202012Validator(
        _absolute(schema), registry=registry, format_checker=Draft202012Validator.FORMAT_CHECKER
    )
    errors = [f"{list(error.path)}: {error.message}" for error in validator.iter_errors(body)]
    assert errors == []


def _absolute(schema):
    """Point local $refs ('#/components/...') at the whole document, registered under DOCUMENT_URI."""
    if isinstance(schema, dict):
        return {
            key: (DOCUMENT_URI + value if key == "$ref" and value.startswith("#") else _absolute(value))
            for key, value in schema.items()
        }
    if isinstance(schema, list):
        return [_absolute(item) for item in schema]
    return schema
