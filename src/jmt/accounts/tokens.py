"""Access tokens (JWT, 15 minutes) and rotating refresh tokens (opaque, stored hashed).

A refresh token is used once: refreshing marks it rotated and issues a new one in the same family.
Presenting a rotated token again means it leaked, so the whole family is revoked.
"""

from __future__ import annotations

import hashlib
import secrets
import uuid
from dataclasses import dataclass
from datetime import timedelta
from typing import Any

import jwt
from django.conf import settings
from django.db import transaction
from django.utils import timezone

from jmt.accounts.errors import AuthError
from jmt.accounts.models import RefreshToken, User

ALGORITHM = "HS256"
ISSUER = "jmt"


@dataclass(frozen=True)
class IssuedTokens:
    access: str
    refresh: str
    expires_in: int
    refresh_expires_at: str
    session: str = ""  # the refresh-token family (the ``sid`` claim)


def _hash(raw: str) -> str:
    return hashlib.sha256(raw.encode()).hexdigest()


def encode_access(user: User, *, family: uuid.UUID, impersonator: User | None = None) -> str:
    now = timezone.now()
    claims: dict[str, Any] = {
        "iss": ISSUER,
        "sub": str(user.pk),
        "typ": "access",
        "sid": str(family),
        "iat": int(now.timestamp()),
        "exp": int((now + timedelta(seconds=settings.JWT_ACCESS_TTL_SECONDS)).timestamp()),
        "jti": uuid.uuid4().hex,
    }
    if impersonator is not None:
        claims["act"] = {"sub": str(impersonator.pk)}  # RFC 8693 actor claim
    return jwt.encode(claims, settings.JWT_SIGNING_KEY, algorithm=ALGORITHM)


def decode_access(token: str) -> dict[str, Any]:
    try:
        claims: dict[str, Any] = jwt.decode(
            token,
            settings.JWT_SIGNING_KEY,
            algorithms=[ALGORITHM],
            issuer=ISSUER,
            options={"require": ["exp", "iat", "sub", "sid"]},
        )
    except jwt.ExpiredSignatureError as exc:
        raise AuthError.token_expired() from exc
    except jwt.PyJWTError as exc:
        raise AuthError.token_invalid() from exc
    if claims.get("typ") != "access":
        raise AuthError.token_invalid()
    return claims


def _issue(user: User, *, family: uuid.UUID, remember: bool, impersonator: User | None) -> IssuedTokens:
    raw = secrets.token_urlsafe(48)
    ttl = settings.JWT_REFRESH_TTL_REMEMBER_SECONDS if remember else settings.JWT_REFRESH_TTL_SECONDS
    now = timezone.now()
    expires_at = now + timedelta(seconds=ttl)
    RefreshToken.objects.create(
        user=user,
        family=family,
        token_hash=_hash(raw),
        remember=remember,
        created_at=now,
        expires_at=expires_at,
        impersonator=impersonator,
    )
    return IssuedTokens(
        access=encode_access(user, family=family, impersonator=impersonator),
        refresh=raw,
        expires_in=settings.JWT_ACCESS_TTL_SECONDS,
        refresh_expires_at=expires_at.isoformat(),
        session=str(family),
    )


def issue_tokens(user: User, *, remember: bool, impersonator: User | None = None) -> IssuedTokens:
    """Start a new session (a new refresh-token family)."""
    return _issue(user, family=uuid.uuid4(), remember=remember, impersonator=impersonator)


def session_is_active(family: str) -> bool:
    """False once the session (refresh family) was logged out or revoked: its access tokens stop working."""
    return not RefreshToken.objects.filter(family=family, revoked_at__isnull=False).exists()


def rotate(raw: str) -> tuple[User, IssuedTokens]:
    """Exchange a refresh token for a new pair. Reuse of a rotated token revokes the whole family."""
    now = timezone.now()
    with transaction.atomic():
        token = (
            RefreshToken.objects.select_for_update(of=("self",))
            .select_related("user", "impersonator")
            .filter(token_hash=_hash(raw))
            .first()
        )
        if token is None or token.revoked_at is not None or token.expires_at <= now:
            error = AuthError.refresh_invalid()
        elif token.rotated_at is not None:
            # The revocation commits even though the request is refused.
            RefreshToken.objects.filter(family=token.family, revoked_at__isnull=True).update(revoked_at=now)
            error = AuthError.refresh_reused()
        elif not token.user.is_active:
            error = AuthError.account_disabled()
        else:
            token.rotated_at = now
            token.save(update_fields=["rotated_at"])
            issued = _issue(token.user, family=token.family, remember=token.remember, impersonator=token.impersonator)
            return token.user, issued
    raise error


def revoke_family_of(raw: str) -> None:
    token = RefreshToken.objects.filter(token_hash=_hash(raw)).first()
    if token is not None:
        RefreshToken.objects.filter(family=token.family, revoked_at__isnull=True).update(revoked_at=timezone.now())
