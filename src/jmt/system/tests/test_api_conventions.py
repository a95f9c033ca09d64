"""The conventions every endpoint keeps, checked over the whole API so new endpoints are covered too."""

import pytest

from jmt.api import api as ninja_api
from jmt.core.permissions import declared_permission


def operations():
    for prefix, router in ninja_api._routers:
        for path, path_view in router.path_operations.items():
            for operation in path_view.operations:
                yield f"{prefix}{path}", operation


def test_every_operation_declares_the_permission_it_needs():
    undeclared = [path for path, op in operations() if declared_permission(op.view_func) is None]
    assert undeclared == []


def test_every_operation_has_a_domain_operation_id_and_a_chinese_summary():
    schema = ninja_api.get_openapi_schema(path_prefix="/api/v1")
    for path, methods in schema["paths"].items():
        for method, spec in methods.items():
            assert "_" in spec["operationId"], f"{method} {path}"
            assert spec["tags"], f"{method} {path}"
            assert any("\u4e00" <= ch <= "\u9fff" for ch in spec["summary"]), f"{method} {path}"


def test_the_openapi_document_lists_the_error_codes():
    schema = ninja_api.get_openapi_schema(path_prefix="/api/v1")
    for code in ("SMS_RATE_LIMITED", "REFRESH_TOKEN_REUSED", "ACCOUNT_LOCKED", "PERMISSION_DENIED"):
        assert f"`{code}`" in schema["info"]["description"]


@pytest.mark.django_db
def test_an_unknown_api_path_is_a_json_404(client):
    response = client.get("/api/v1/no/such/thing")
    assert response.status_code == 404
    assert response["Content-Type"].startswith("application/json")
    assert response.json()["code"] == "NOT_FOUND"


@pytest.mark.django_db
def test_a_malformed_json_body_is_a_coded_error(client):
    response = client.post("/api/v1/auth/sms/send", "{not json", content_type="application/json")
    assert response.status_code in (400, 422)
    assert set(response.json()) == {"code", "message", "details"}


@pytest.mark.django_db
def test_the_docs_and_the_schema_are_served(client):
    assert client.get("/api/v1/openapi.json").status_code == 200
    assert client.get("/api/v1/docs").status_code == 200


def _models_in(annotation, found):
    import typing

    from pydantic import BaseModel

    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        if annotation in found:
            return
        found.add(annotation)
        for field in annotation.model_fields.values():
            _models_in(field.annotation, found)
        return
    for arg in typing.get_args(annotation):
        _models_in(arg, found)


def test_no_two_schemas_share_a_name_in_the_openapi_document():
    """Ninja names components by class name: a second ``PersonOut`` silently replaces the first one's shape."""
    found: set = set()
    for _path, op in operations():
        for model in op.response_models.values():
            _models_in(model, found)
        for model in op.models:
            _models_in(model, found)
    by_name: dict[str, set[str]] = {}
    for model in found:
        by_name.setdefault(model.__name__, set()).add(f"{model.__module__}.{model.__qualname__}")
    generated = {"Input", "Response", "PathParams", "QueryParams", "BodyParams", "FormParams", "FileParams"}
    clashes = {name: sorted(where) for name, where in by_name.items() if len(where) > 1 and name not in generated}
    assert clashes == {}
