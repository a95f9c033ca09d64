"""Hostile input stops at the door, with a 4xx and a stable code — never a 500, never stored.

Installed on every operation of the API (``install``), around the step where Django Ninja reads
and validates the request's parameters and body:

1. **before** validation, the endpoint's own permission refusals run (401, 404 for a back-office
   endpoint asked by a merchant account, 403) — a caller that may not use an endpoint never learns
   from a 422 what it expects;
2. **after** validation, every value is walked: an integer outside the 64-bit range the database
   stores is a 404 in the path (no record has that id) and a 422 elsewhere (page numbers, ids in a
   body); text (or an uploaded file's name) containing a NUL character is a 422 (PostgreSQL cannot
   store it, and nothing typed by a person contains it); query text longer than ``QUERY_TEXT_MAX``
   is a 422 (search boxes and filters are short; a 50 KB pattern only costs the database) unless
   the field declares its own ``max_length`` (a list of selected ids may be longer).
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any, get_args

from django.core.files.uploadedfile import UploadedFile
from django.http import HttpRequest
from ninja import NinjaAPI
from pydantic import BaseModel

from jmt.core.errors import COMMON_ERROR_CODES, ApiError, NotFound
from jmt.core.permissions import check_before_validation

logger = logging.getLogger("jmt.api")

INT64_MIN = -(2**63)
INT64_MAX = 2**63 - 1
QUERY_TEXT_MAX = 500

TOO_BIG = "数值超出范围"
HAS_NUL = "含有不允许的字符"
TOO_LONG = "内容过长"


def refuse(fields: dict[str, str]) -> ApiError:
    return ApiError("VALIDATION_ERROR", COMMON_ERROR_CODES["VALIDATION_ERROR"], status=422, details={"fields": fields})


def problems(value: Any, *, source: str, loc: str = "", bounded: frozenset[str] = frozenset()) -> dict[str, str]:
    """``{field: Chinese problem}`` for every hostile value inside ``value`` (models, lists and dicts walked)."""
    found: dict[str, str] = {}
    stack: list[tuple[str, Any]] = [(loc, value)]
    while stack:
        where, item = stack.pop()
        if isinstance(item, bool) or item is None:
            continue
        if isinstance(item, int):
            if not INT64_MIN <= item <= INT64_MAX:
                found.setdefault(where or "_", TOO_BIG)
        elif isinstance(item, str):
            if "\x00" in item:
                found.setdefault(where or "_", HAS_NUL)
            elif source == "query" and len(item) > QUERY_TEXT_MAX and where.rsplit(".", 1)[-1] not in bounded:
                found.setdefault(where or "_", TOO_LONG)
        elif isinstance(item, UploadedFile):
            if "\x00" in (item.name or ""):
                found.setdefault(where or "_", HAS_NUL)
        elif isinstance(item, BaseModel):
            for name in type(item).model_fields:
                stack.append((_join(where, name), getattr(item, name, None)))
        elif isinstance(item, dict):
            for key, child in item.items():
                if isinstance(key, str) and "\x00" in key:
                    found.setdefault(where or "_", HAS_NUL)
                stack.append((_join(where, str(key)), child))
        elif isinstance(item, (list, tuple, set, frozenset)):
            for index, child in enumerate(item):
                stack.append((_join(where, str(index)), child))
    return found


def _join(where: str, name: str) -> str:
    return f"{where}.{name}" if where else name


def _models_in(annotation: Any) -> list[type[BaseModel]]:
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return [annotation]
    return [model for arg in get_args(annotation) for model in _models_in(arg)]


def bounded_fields(models: list[type[BaseModel]]) -> frozenset[str]:
    """Names (and aliases) of every string field, at any depth, that declares its own ``max_length``."""
    names: set[str] = set()
    seen: set[type[BaseModel]] = set()
    stack = list(models)
    while stack:
        model = stack.pop()
        if model in seen:
            continue
        seen.add(model)
        for name, field in model.model_fields.items():
            if any(getattr(rule, "max_length", None) is not None for rule in field.metadata):
                names.update({name, field.alias or name})
            stack.extend(_models_in(field.annotation))
    return frozenset(names)


def _guarded_get_values(operation: Any) -> Callable[..., Any]:
    read_values = operation._get_values
    view = operation.view_func
    sources = {param.name: param.source._param_source() for param in operation.signature.params}
    bounded = bounded_fields(list(operation.models))

    def get_values(request: HttpRequest, path_params: Any, temporal_response: Any) -> Any:
        check_before_validation(request, view)
        values = read_values(request, path_params, temporal_response)
        fields: dict[str, str] = {}
        for name, value in values.items():
            source = sources.get(name, "body")
            # A schema bundling query or body fields reports its fields by their own names.
            found = problems(value, source=source, loc="" if isinstance(value, BaseModel) else name, bounded=bounded)
            if found and source == "path":
                raise NotFound()
            fields.update(found)
        if fields:
            raise refuse(fields)
        return values

    get_values.__jmt_guarded__ = True  # type: ignore[attr-defined]
    return get_values


def operations(api: NinjaAPI) -> list[Any]:
    """Every operation the API serves (as bound to its URLs)."""
    return [
        operation
        for bound in api._get_bound_routers()
        for path_view in bound.path_operations.values()
        for operation in path_view.operations
    ]


def is_guarded(operation: Any) -> bool:
    return bool(getattr(operation._get_values, "__jmt_guarded__", False))


def install(api: NinjaAPI) -> None:
    """Guard every operation of ``api`` (once). Call after every router is added."""
    for operation in operations(api):
        if not is_guarded(operation):
            operation._get_values = _guarded_get_values(operation)
