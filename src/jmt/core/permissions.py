"""One decorator guards each endpoint with a permission code (``module:page:action``).

Every operation declares what it needs: a permission code, ``AUTHENTICATED`` (any signed-in user)
or ``PUBLIC`` (no login). A test walks the API and fails on an operation that declares nothing, or
a code that is not in the permission tree (``jmt.core.catalog.permission_tree``).

The wrapper is also the one place that refuses, in this order:

1. no actor → 401 ``UNAUTHENTICATED``;
2. a back-office code asked by an account that is not a back-office account → 404 ``NOT_FOUND``
   (the back office does not exist for merchant tokens, so nothing about its objects leaks);
3. an account that must change its temporary password → 403 ``PASSWORD_CHANGE_REQUIRED`` (except
   the endpoints that let it do so);
4. a write (any method but GET/HEAD/OPTIONS) while impersonating, unless one of the admin's roles
   allows writes while impersonating → 403 ``IMPERSONATION_READ_ONLY``;
5. a missing code → 403 ``PERMISSION_DENIED``.

Every request made while impersonating is logged with both identities, whatever its outcome.

The same checks also run before the request's parameters and body are read
(``check_before_validation``, called by ``jmt.core.input_guard``): an account that may not use an
endpoint hears 404/403, never a 422 that would tell it what the endpoint expects.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import Any, TypeVar

from django.http import Http404, HttpRequest

from jmt.core.auth import Actor
from jmt.core.catalog import Surface, surface_of
from jmt.core.errors import ApiError, NotFound, PermissionDenied, Unauthenticated

PUBLIC = "public"
AUTHENTICATED = "authenticated"
PERMISSION_ATTR = "__jmt_permission__"
REQUIRE_ATTR = "__jmt_require__"
SAFE_METHODS = frozenset({"GET", "HEAD", "OPTIONS"})

F = TypeVar("F", bound=Callable[..., Any])


def password_change_required() -> ApiError:
    return ApiError("PASSWORD_CHANGE_REQUIRED", "您正在使用临时密码，请先修改密码后再继续操作", status=403)


def impersonation_read_only() -> ApiError:
    return ApiError(
        "IMPERSONATION_READ_ONLY",
        "代客操作为只读模式，不能提交修改；如需代为修改，请联系超级管理员开通权限",
        status=403,
    )


def _check(request: HttpRequest, code: str, *, pending_password_ok: bool, impersonation_write_ok: bool) -> Actor:
    actor = getattr(request, "auth", None)
    if not isinstance(actor, Actor):
        raise Unauthenticated()
    if code not in (PUBLIC, AUTHENTICATED) and surface_of(code) is Surface.ADMIN and not actor.user.is_staff:
        raise NotFound()
    if actor.user.must_change_password and not pending_password_ok:
        raise password_change_required()
    if (
        actor.impersonator is not None
        and request.method not in SAFE_METHODS
        and not actor.impersonation_writable
        and not impersonation_write_ok
    ):
        raise impersonation_read_only()
    if code != AUTHENTICATED and not actor.can(code):
        raise PermissionDenied(details={"permission": code})
    return actor


ImpersonationLogger = Callable[..., None]
_impersonation_logger: ImpersonationLogger | None = None


def register_impersonation_logger(log: ImpersonationLogger) -> None:
    """Called once by the app that owns impersonation (``jmt.rbac``): ``log(actor=, method=, path=, outcome=)``."""
    global _impersonation_logger
    _impersonation_logger = log


def _log_impersonated(request: HttpRequest, actor: Any, outcome: str) -> None:
    if isinstance(actor, Actor) and actor.impersonation_id is not None and _impersonation_logger is not None:
        _impersonation_logger(actor=actor, method=request.method or "", path=request.path, outcome=outcome)


def require(
    code: str, *, allow_pending_password_change: bool = False, allow_while_impersonating: bool = False
) -> Callable[[F], F]:
    """Refuse the call unless the actor holds ``code`` (see the module docstring for every refusal).

    ``allow_pending_password_change``: the endpoint stays open to an account that must change its
    temporary password (``/me``, the change itself). ``allow_while_impersonating``: a write that is
    allowed even in a read-only impersonation (ending it).
    """

    def decorate(view: F) -> F:
        if code == PUBLIC:
            setattr(view, PERMISSION_ATTR, code)
            return view

        @functools.wraps(view)
        def guarded(request: HttpRequest, *args: Any, **kwargs: Any) -> Any:
            try:
                _check(
                    request,
                    code,
                    pending_password_ok=allow_pending_password_change,
                    impersonation_write_ok=allow_while_impersonating,
                )
                result = view(request, *args, **kwargs)
            except ApiError as exc:
                _log_impersonated(request, getattr(request, "auth", None), exc.code)
                raise
            except Http404:
                _log_impersonated(request, getattr(request, "auth", None), "NOT_FOUND")
                raise
            except Exception:
                _log_impersonated(request, getattr(request, "auth", None), "INTERNAL_ERROR")
                raise
            _log_impersonated(request, request.auth, "ok")  # type: ignore[attr-defined]
            return result

        setattr(guarded, PERMISSION_ATTR, code)
        setattr(guarded, REQUIRE_ATTR, (code, allow_pending_password_change, allow_while_impersonating))
        return guarded  # type: ignore[return-value]

    return decorate


def check_before_validation(request: HttpRequest, view: Callable[..., Any]) -> None:
    """Run ``view``'s refusals (401/404/403) before its parameters are validated; no-op for public views."""
    declared = getattr(view, REQUIRE_ATTR, None)
    if declared is None:
        return
    code, pending_password_ok, impersonation_write_ok = declared
    try:
        _check(request, code, pending_password_ok=pending_password_ok, impersonation_write_ok=impersonation_write_ok)
    except ApiError as exc:
        _log_impersonated(request, getattr(request, "auth", None), exc.code)
        raise


def declared_permission(view: Callable[..., Any]) -> str | None:
    return getattr(view, PERMISSION_ATTR, None)


def actor_of(request: HttpRequest) -> Actor:
    actor = getattr(request, "auth", None)
    if not isinstance(actor, Actor):
        raise Unauthenticated()
    return actor
