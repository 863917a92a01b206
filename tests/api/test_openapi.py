import re

from openapi_spec_validator import validate

from engage.api import spec
from engage.api.openapi import api_routes
from engage.common.schemas import ApiJsonSchema, Input, Output
from engage.vocab import WebhookEventType
from tests.api.conftest import _assert_fits, assert_matches_schema, served_document
from tests.factories import create_engagement, create_plan, create_stakeholder

KEBAB = r"[a-z0-9]+(-[a-z0-9]+)*"
EVENT_NAME = rf"{KEBAB}\.{KEBAB}"


def test_openapi_document_is_public_and_valid_openapi_3_1(client):
    response = client.get("/api/v1/openapi.json")
    assert response.status_code == 200
    document = response.get_json()
    assert document["openapi"] == "3.1.0"
    validate(document)


def test_every_api_route_is_documented_and_every_documented_operation_has_a_route(app, openapi):
    routes = set(api_routes(app))
    documented = {(path, method) for path, operations in openapi["paths"].items() for method in operations}
    assert routes - documented == set(), "routes missing from the OpenAPI document"
    assert documented - routes == set(), "documented operations with no route"


def test_operations_declare_the_permission_and_problems_their_views_have(app, openapi):
    for (path, method), (_, view) in api_routes(app).items():
        operation = openapi["paths"][path][method]
        assert operation["operationId"] == view.__name__
        if view.permission == "public":
            assert operation["security"] == []
        else:
            assert operation["x-permission"] == view.permission
            assert {"401", "403"} <= set(operation["responses"])
        if "requestBody" in operation:
            assert {"400", "415", "422"} <= set(operation["responses"])


def test_writes_document_the_idempotency_key_header(openapi):
    post = openapi["paths"]["/stakeholders"]["post"]
    assert "Idempotency-Key" in [parameter["name"] for parameter in post["parameters"]]
    assert "Idempotency-Key" not in [p["name"] for p in openapi["paths"]["/stakeholders"]["get"]["parameters"]]


def test_security_scheme_is_bearer_and_problem_schema_is_published(openapi):
    assert openapi["components"]["securitySchemes"]["bearer"] == {
        "type": "http",
        "scheme": "bearer",
        "description": "An API token",
    }
    assert openapi["security"] == [{"bearer": []}]
    problem = openapi["components"]["schemas"]["Problem"]
    assert set(problem["properties"]) == {"type", "title", "status", "detail", "errors"}


def test_path_parameters_are_filled_in_from_the_route(openapi):
    parameters = openapi["paths"]["/stakeholders/{stakeholder_id}"]["get"]["parameters"]
    assert parameters == [
        {
            "name": "stakeholder_id",
            "in": "path",
            "required": True,
            "schema": {"type": "integer", "minimum": 1, "maximum": 2147483647},
        }
    ]


def test_component_schemas_are_generated_from_the_models(openapi):
    assert set(spec.MODELS) <= set(openapi["components"]["schemas"])
    for name, model in spec.MODELS.items():
        mode = "validation" if issubclass(model, Input) else "serialization"
        generated = model.model_json_schema(mode=mode, ref_template=spec.REF_TEMPLATE, schema_generator=ApiJsonSchema)
        generated.pop("$defs", None)
        assert openapi["components"]["schemas"][name] == generated


def test_request_bodies_are_inputs_and_answers_always_carry_every_field(openapi):
    schemas = openapi["components"]["schemas"]
    for operations in openapi["paths"].values():
        for operation in operations.values():
            if "requestBody" in operation:
                content = operation["requestBody"]["content"]
                if "multipart/form-data" in content:  # a file upload: the file, and form fields beside it
                    assert content["multipart/form-data"]["schema"]["properties"]["file"]["format"] == "binary"
                if "application/json" not in content:
                    continue
                name = content["application/json"]["schema"]["$ref"].rsplit("/", 1)[1]
                assert issubclass(spec.MODELS[name], Input)
                assert schemas[name]["additionalProperties"] is False
    for name, model in spec.MODELS.items():
        if issubclass(model, Output):
            assert set(schemas[name]["required"]) == set(schemas[name]["properties"]), name


def test_enumerations_in_bodies_are_lowercase_kebab_case(openapi):
    def enums(node):
        if isinstance(node, dict):
            yield from [node["enum"]] if "enum" in node else []
            for value in node.values():
                yield from enums(value)
        elif isinstance(node, list):
            for value in node:
                yield from enums(value)

    found = list(enums(openapi["components"]["schemas"]))
    assert len(found) > 20
    for values in found:
        # Webhook event types are a resource and what happened to it, each part kebab-case: "scg.signed".
        pattern = EVENT_NAME if values == list(WebhookEventType.values()) else KEBAB
        assert all(re.fullmatch(pattern, value) for value in values), values


def test_a_fetched_record_fits_the_schema_of_what_may_be_sent_back(officer_api):
    create_plan()
    fetched = {
        "StakeholderInput": officer_api.get(f"/api/v1/stakeholders/{create_stakeholder().id}"),
        "EngagementUpdate": officer_api.get(f"/api/v1/engagements/{create_engagement().id}"),
    }
    for name, response in fetched.items():
        assert_matches_schema(response, name.removesuffix("Input").removesuffix("Update"))
        _assert_fits(served_document(), {"$ref": f"#/components/schemas/{name}"}, response.get_json())


def test_every_operation_that_reads_the_database_documents_the_503_with_retry_after(openapi):
    for path, operations in openapi["paths"].items():
        for method, operation in operations.items():
            documented = "503" in operation["responses"]
            assert documented == (path != "/openapi.json"), f"{method.upper()} {path}"
    unavailable = openapi["components"]["responses"]["ServiceUnavailable"]
    assert "Retry-After" in unavailable["headers"]
