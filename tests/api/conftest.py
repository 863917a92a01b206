"""API clients that send a bearer token, and a check that a response is what the OpenAPI document says."""

import pytest
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
    registry = Registry().with_resource(DOCUMENT_URI, Resource.from_contents(document, DRAFT202012))
    schema = _absolute(media["schema"])
    validator = Draft202012Validator(schema, registry=registry, format_checker=Draft202012Validator.FORMAT_CHECKER)
    errors = [f"{list(error.path)}: {error.message}" for error in validator.iter_errors(response.get_json())]
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
