"""One decorator guards each endpoint with a permission code (``module:page:action``).

Every operation declares what it needs: a permission code, ``AUTHENTICATED`` (any signed-in user)
or ``PUBLIC`` (no login). A test walks the API and fails on an operation that declares nothing.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import Any, TypeVar

from django.http import HttpRequest

from jmt.core.auth import Actor
from jmt.core.errors import PermissionDenied, Unauthenticated

PUBLIC = "public"
AUTHENTICATED = "authenticated"
PERMISSION_ATTR = "__jmt_permission__"

F = TypeVar("F", bound=Callable[..., Any])


def require(code: str) -> Callable[[F], F]:
    """Refuse the call (403 ``PERMISSION_DENIED``) unless the actor holds ``code``."""

    def decorate(view: F) -> F:
        if code == PUBLIC:
            setattr(view, PERMISSION_ATTR, code)
            return view

        @functools.wraps(view)
        def guarded(request: HttpRequest, *args: Any, **kwargs: Any) -> Any:
            actor = getattr(request, "auth", None)
            if not isinstance(actor, Actor):
                raise Unauthenticated()
            if code != AUTHENTICATED and not actor.can(code):
                raise PermissionDenied(details={"permission": code})
            return view(request, *args, **kwargs)

        setattr(guarded, PERMISSION_ATTR, code)
        return guarded  # type: ignore[return-value]

    return decorate


def declared_permission(view: Callable[..., Any]) -> str | None:
    return getattr(view, PERMISSION_ATTR, None)


def actor_of(request: HttpRequest) -> Actor:
    actor = getattr(request, "auth", None)
    if not isinstance(actor, Actor):
        raise Unauthenticated()
    return actor
