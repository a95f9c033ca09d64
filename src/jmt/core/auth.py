"""Who is acting: the bearer-token authentication every endpoint uses, and the ``Actor`` it yields.

``core`` imports no domain app: the app that issues tokens (``jmt.accounts``) registers, in its
``AppConfig.ready()``, the function that turns an access token into an :class:`Actor`.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any

from django.http import HttpRequest
from ninja.security import HttpBearer

from jmt.core.errors import Unauthenticated


@dataclass
class Actor:
    """The acting user, the merchant they act for, and what they may do.

    ``impersonator`` is the back-office user acting as ``user`` (RFC 8693 ``act``), if any.
    ``scopes`` maps each held code to the data scopes of only the roles that grant it (see
    ``jmt.rbac.scope``); a code without an entry reaches no merchant's rows.
    """

    user: Any  # jmt.accounts.models.User (kept loose here so core imports no app)
    merchant: Any | None
    role: str | None
    permissions: frozenset[str]
    impersonator: Any | None = None
    session: str = ""
    ip: str | None = None
    user_agent: str = ""
    extra: dict[str, Any] = field(default_factory=dict)
    scopes: Mapping[str, frozenset[str]] = field(default_factory=dict)
    impersonation_id: int | None = None
    impersonation_writable: bool = False

    def can(self, code: str) -> bool:
        return code in self.permissions


TokenAuthenticator = Callable[[HttpRequest, str], "Actor"]
_authenticator: TokenAuthenticator | None = None


def register_token_authenticator(authenticate: TokenAuthenticator) -> None:
    """Called once by the app that issues access tokens (``jmt.accounts``)."""
    global _authenticator
    _authenticator = authenticate


class BearerAuth(HttpBearer):
    """``Authorization: Bearer <access JWT>`` → ``request.auth`` is an :class:`Actor`."""

    openapi_scheme = "bearer"
    openapi_bearerFormat = "JWT"  # noqa: N815 (Ninja's attribute name)

    def __call__(self, request: HttpRequest) -> Actor | None:
        header = request.headers.get("Authorization", "")
        if not header:
            raise Unauthenticated()
        return super().__call__(request)

    def authenticate(self, request: HttpRequest, token: str) -> Actor | None:
        if _authenticator is None:  # pragma: no cover - a wiring mistake, not a request error
            raise RuntimeError("no token authenticator registered (jmt.accounts is not installed)")
        return _authenticator(request, token)
