"""Walking the whole API for the isolation and member tests: routes, their id parameters, the objects
behind them, and request bodies that pass validation.

How the object behind a path parameter is built, for a given owner (a merchant and its 管理员):

1. an app may register a factory in ``jmt/<app>/tests/isolation.py``:
   ``FACTORIES = {"param_name": lambda owner: {"param_name": value, ...}}``, or per path prefix
   ``PATH_FACTORIES = {"/api/v1/admin/x/{thing_id}": ...}`` (found without editing this file);
2. otherwise by convention ``<name>_id`` names the model ``<Name>`` (snake case to camel case), or
   the one model whose name ends with it, preferring the app the path names
   (``/admin/audit/operation-logs/{log_id}`` → ``audit.OperationLog``); model-bakery builds it with
   every foreign key to ``Merchant`` pointing at the owner's merchant and every foreign key to the
   user model pointing at the owner's user (nested one level: ``batch__merchant``);
3. ``/{type}/{obj_id}`` routes of the workflow engine are built for every registered workflow type.

A route whose parameter none of these resolves fails the walk with the reason.
"""

from __future__ import annotations

import importlib
import json
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any

from django.apps import apps
from django.conf import settings
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import models
from model_bakery import baker

from jmt.api import api as ninja_api
from jmt.core.permissions import declared_permission

PARAM = re.compile(r"\{(\w+)\}")
HTTP_METHODS = ("get", "post", "put", "patch", "delete")


@dataclass(frozen=True)
class Owner:
    merchant: Any
    user: Any


@dataclass(frozen=True)
class Route:
    method: str
    path: str  # with the /api/v1 prefix, {params} left in
    code: str | None
    operation: dict[str, Any]

    @property
    def params(self) -> list[str]:
        return PARAM.findall(self.path)

    @property
    def id_params(self) -> list[str]:
        return [p for p in self.params if p == "id" or p.endswith("_id")]

    @property
    def writes(self) -> bool:
        return self.method != "get"

    def __str__(self) -> str:
        return f"{self.method.upper()} {self.path}"


def openapi() -> dict[str, Any]:
    return ninja_api.get_openapi_schema(path_prefix="/api/v1")


def _declared_codes() -> dict[tuple[str, str], str | None]:
    codes: dict[tuple[str, str], str | None] = {}
    for prefix, router in ninja_api._routers:
        for path, path_view in router.path_operations.items():
            for operation in path_view.operations:
                full = "/api/v1" + (prefix + path).replace("//", "/")
                full = re.sub(r"\{(?:\w+:)?(\w+)\}", r"{\1}", full)
                for method in operation.methods:
                    codes[(method.lower(), full.rstrip("/") or "/")] = declared_permission(operation.view_func)
    return codes


def routes() -> Iterator[Route]:
    codes = _declared_codes()
    for path, methods in openapi()["paths"].items():
        for method, operation in methods.items():
            if method in HTTP_METHODS:
                yield Route(method, path, codes.get((method, path.rstrip("/"))), operation)


# --- building the object behind a path ---

Factory = Callable[[Owner], dict[str, Any]]


def registered_factories() -> tuple[dict[str, Factory], dict[str, Factory]]:
    """(by parameter name, by path prefix) from every ``jmt.<app>.tests.isolation`` module."""
    by_param: dict[str, Factory] = {}
    by_path: dict[str, Factory] = {}
    for app in apps.get_app_configs():
        if not app.name.startswith("jmt."):
            continue
        try:
            module = importlib.import_module(f"{app.name}.tests.isolation")
        except ModuleNotFoundError:
            continue
        by_param.update(getattr(module, "FACTORIES", {}))
        by_path.update(getattr(module, "PATH_FACTORIES", {}))
    return by_param, by_path


def shared_content_routes() -> set[str]:
    """Routes (``"GET /api/v1/…"``) whose object is content shared by every merchant (a course, a
    lesson), declared as ``SHARED_CONTENT`` in a ``jmt.<app>.tests.isolation`` module: another
    merchant's user reaches them by design, so the isolation walk does not expect a 404 there."""
    shared: set[str] = set()
    for app in apps.get_app_configs():
        if not app.name.startswith("jmt."):
            continue
        try:
            module = importlib.import_module(f"{app.name}.tests.isolation")
        except ModuleNotFoundError:
            continue
        shared.update(getattr(module, "SHARED_CONTENT", set()))
    return shared


def _camel(name: str) -> str:
    return "".join(part.capitalize() for part in name.split("_"))


def model_for(param: str, path: str) -> type[models.Model] | None:
    stem = _camel(param.removesuffix("_id")).lower()
    segments = [s for s in path.split("/") if s and not s.startswith("{")]
    app_hints = [s.replace("-", "_") for s in segments]
    candidates = [m for m in apps.get_models() if m._meta.app_label != "contenttypes" and m._meta.managed]
    exact = [m for m in candidates if m.__name__.lower() == stem]
    suffix = [m for m in candidates if m.__name__.lower().endswith(stem)]
    for found in (exact, suffix):
        in_app = [m for m in found if m._meta.app_label in app_hints]
        if len(in_app) == 1:
            return in_app[0]
        if len(found) == 1:
            return found[0]
    if stem == "user":
        return apps.get_model(settings.AUTH_USER_MODEL)
    return None


def _owner_fields(model: type[models.Model], owner: Owner, depth: int = 0) -> dict[str, Any]:
    user_model = apps.get_model(settings.AUTH_USER_MODEL)
    merchant_model = apps.get_model("merchants", "Merchant")
    values: dict[str, Any] = {}
    for field in model._meta.concrete_fields:
        if not isinstance(field, models.ForeignKey):
            continue
        related = field.related_model
        if related is merchant_model:
            values[field.name] = owner.merchant
        elif related is user_model and model is not user_model:
            values[field.name] = owner.user
        elif depth == 0 and not field.null and isinstance(related, type):
            for name, value in _owner_fields(related, owner, depth + 1).items():
                values[f"{field.name}__{name}"] = value
    return values


def build(model: type[models.Model], owner: Owner) -> models.Model:
    user_model = apps.get_model(settings.AUTH_USER_MODEL)
    if model is user_model:
        return owner.user
    if model is apps.get_model("merchants", "Merchant"):
        return owner.merchant
    return baker.make(model, **_owner_fields(model, owner))


def _workflow_variants(owner: Owner) -> list[dict[str, Any]]:
    from jmt.workflow import registry

    variants = []
    for graph in registry.all_graphs():
        model = registry.model_of(graph)
        if not model._meta.managed:  # a test-only type whose table exists only inside its own tests
            continue
        # Graphs sharing a model (the filings) may allow one object per merchant and type: reuse it.
        shared: dict[str, Any] = dict(graph.model_filter)
        existing = model._default_manager.filter(merchant=owner.merchant, **shared).first() if shared else None
        obj = existing or baker.make(model, merchant=owner.merchant, state=graph.initial, **shared)
        variants.append({"type": graph.type, "obj_id": obj.pk})
    return variants


class Unresolvable(Exception):
    pass


def path_variants(route: Route, owner: Owner) -> list[dict[str, Any]]:
    """Values for every parameter of ``route``, each set naming objects that belong to ``owner``."""
    by_param, by_path = registered_factories()
    values: dict[str, Any] = {}
    for param in route.id_params:
        if param in values:
            continue
        prefixes = [p for p in by_path if route.path.startswith(p) and p.endswith("{" + param + "}")]
        if prefixes:
            values.update(by_path[max(prefixes, key=len)](owner))
            continue
        if param in by_param:
            values.update(by_param[param](owner))
            continue
        if param == "obj_id" and "type" in route.params and "/workflow/" in route.path:
            return [{**values, **variant} for variant in _workflow_variants(owner)]
        model = model_for(param, route.path)
        if model is None:
            raise Unresolvable(
                f"{route}: no model is named after {{{param}}}; name the parameter <model>_id or register a "
                "factory in <app>/tests/isolation.py"
            )
        values[param] = build(model, owner).pk
    missing = [p for p in route.params if p not in values]
    if missing:
        raise Unresolvable(f"{route}: cannot fill {missing}")
    return [values]


def url(route: Route, values: dict[str, Any]) -> str:
    return PARAM.sub(lambda m: str(values[m.group(1)]), route.path)


# --- a body that passes validation ---


def _resolve(schema: dict[str, Any], components: dict[str, Any]) -> dict[str, Any]:
    while "$ref" in schema:
        schema = components[schema["$ref"].rsplit("/", 1)[-1]]
    return schema


def example(schema: dict[str, Any], components: dict[str, Any]) -> Any:
    schema = _resolve(schema, components)
    for key in ("example", "default"):
        if key in schema and schema[key] is not None:
            return schema[key]
    if schema.get("examples"):
        return schema["examples"][0]
    if "enum" in schema:
        return schema["enum"][0]
    if "const" in schema:
        return schema["const"]
    for combinator in ("anyOf", "oneOf", "allOf"):
        if combinator in schema:
            options = [o for o in schema[combinator] if _resolve(o, components).get("type") != "null"]
            return example(options[0], components) if options else None
    kind = schema.get("type")
    if kind == "object" or "properties" in schema:
        properties = schema.get("properties", {})
        return {name: example(properties[name], components) for name in schema.get("required", [])}
    if kind == "array":
        return []
    if kind == "integer":
        return max(1, int(schema.get("minimum", 1)))
    if kind == "number":
        return 1
    if kind == "boolean":
        return False
    length = max(int(schema.get("minLength", 0)), 8)
    if schema.get("maxLength"):
        length = min(length, int(schema["maxLength"]))
    return ("示例内容" * length)[:length]


def body_for(route: Route, document: dict[str, Any]) -> Any:
    content = route.operation.get("requestBody", {}).get("content", {})
    if "application/json" not in content:
        return None
    return example(content["application/json"]["schema"], document.get("components", {}).get("schemas", {}))


def _form_for(route: Route, document: dict[str, Any]) -> dict[str, Any] | None:
    content = route.operation.get("requestBody", {}).get("content", {})
    if "multipart/form-data" not in content:
        return None
    components = document.get("components", {}).get("schemas", {})
    schema = _resolve(content["multipart/form-data"]["schema"], components)
    form: dict[str, Any] = {}
    for name in schema.get("required", []):
        field = _resolve(schema["properties"][name], components)
        if field.get("format") == "binary":
            form[name] = SimpleUploadedFile("walk.xlsx", b"PK\x03\x04 walk", content_type="application/octet-stream")
        else:
            form[name] = example(field, components)
    return form


def send(client: Any, route: Route, path: str, token: str, document: dict[str, Any]) -> Any:
    """Call ``route`` at ``path`` as the bearer of ``token`` with a body that passes validation."""
    headers = {"Authorization": f"Bearer {token}"}
    if route.method == "get":
        return client.get(path, headers=headers)
    form = _form_for(route, document)
    if form is not None:
        return getattr(client, route.method)(path, form, headers=headers)
    body = body_for(route, document)
    payload = json.dumps(body) if body is not None else None
    return getattr(client, route.method)(path, payload, content_type="application/json", headers=headers)
