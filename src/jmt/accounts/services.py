"""Every write of login and registration: codes, sign-ins, sessions."""

from __future__ import annotations

import hashlib
import hmac
import logging
import secrets
from dataclasses import dataclass
from datetime import datetime, timedelta

from django.conf import settings
from django.core import signing
from django.db import IntegrityError, transaction
from django.utils import timezone

from jmt.accounts.errors import AuthError
from jmt.accounts.models import LoginLog, LoginMethod, SmsCode, SmsScene, User
from jmt.accounts.phone import normalize_phone
from jmt.accounts.tokens import IssuedTokens, issue_tokens, revoke_family_of, rotate
from jmt.core.auth import Actor
from jmt.integrations.sms.factory import get_sms_sender
from jmt.integrations.sms.port import SmsError, SmsMessage
from jmt.integrations.wechat.factory import get_wechat_client
from jmt.integrations.wechat.port import WechatError
from jmt.merchants.services import merchant_create_for_new_user

logger = logging.getLogger("jmt.accounts")

WECHAT_STATE_SALT = "jmt.wechat.qr.state"
WECHAT_BIND_SALT = "jmt.wechat.bind"
WECHAT_STATE_MAX_AGE = 10 * 60


@dataclass(frozen=True)
class ClientInfo:
    ip: str | None
    user_agent: str


@dataclass(frozen=True)
class LoginResult:
    user: User
    tokens: IssuedTokens
    is_new_user: bool


def _hash_code(phone: str, code: str) -> str:
    return hmac.new(settings.SECRET_KEY.encode(), f"{phone}:{code}".encode(), hashlib.sha256).hexdigest()


def _seconds_until(moment: datetime) -> int:
    return max(1, int((moment - timezone.now()).total_seconds() + 0.999))


def _check_send_limits(phone: str, ip: str | None) -> None:
    now = timezone.now()
    sent = SmsCode.objects.filter(phone=phone, created_at__gte=now - timedelta(days=1)).order_by("-created_at")
    times = list(sent.values_list("created_at", flat=True)[: settings.SMS_MAX_PER_PHONE_DAY])
    cooldown = timedelta(seconds=settings.SMS_RESEND_COOLDOWN_SECONDS)
    if times and times[0] > now - cooldown:
        raise AuthError.sms_rate_limited(_seconds_until(times[0] + cooldown), "验证码已发送")
    in_hour = [t for t in times if t > now - timedelta(hours=1)]
    if len(in_hour) >= settings.SMS_MAX_PER_PHONE_HOUR:
        oldest = in_hour[settings.SMS_MAX_PER_PHONE_HOUR - 1]
        raise AuthError.sms_rate_limited(
            _seconds_until(oldest + timedelta(hours=1)), "该手机号 1 小时内获取次数已达上限"
        )
    if len(times) >= settings.SMS_MAX_PER_PHONE_DAY:
        oldest = times[settings.SMS_MAX_PER_PHONE_DAY - 1]
        raise AuthError.sms_rate_limited(_seconds_until(oldest + timedelta(days=1)), "该手机号今日获取次数已达上限")
    if ip:
        from_ip = list(
            SmsCode.objects.filter(ip=ip, created_at__gte=now - timedelta(hours=1))
            .order_by("-created_at")
            .values_list("created_at", flat=True)[: settings.SMS_MAX_PER_IP_HOUR]
        )
        if len(from_ip) >= settings.SMS_MAX_PER_IP_HOUR:
            oldest = from_ip[settings.SMS_MAX_PER_IP_HOUR - 1]
            raise AuthError.sms_rate_limited(_seconds_until(oldest + timedelta(hours=1)), "当前网络获取验证码过于频繁")


def sms_code_send(*, phone: str, scene: str, client: ClientInfo) -> SmsCode:
    """Send a 6-digit code, within the limits: 60 s cooldown, 5 an hour, 10 a day per phone, a cap per IP."""
    phone = normalize_phone(phone)
    code = f"{secrets.randbelow(10**6):06d}"
    with transaction.atomic():
        # Serialise sends for one phone so two quick clicks cannot both pass the cooldown.
        list(SmsCode.objects.select_for_update().filter(phone=phone).order_by("-created_at")[:1])
        _check_send_limits(phone, client.ip)
        now = timezone.now()
        record = SmsCode.objects.create(
            phone=phone,
            scene=SmsScene(scene),
            code_hash=_hash_code(phone, code),
            ip=client.ip,
            created_at=now,
            expires_at=now + timedelta(seconds=settings.SMS_CODE_TTL_SECONDS),
        )
    try:
        get_sms_sender().send_code(SmsMessage(phone=phone, scene=scene, code=code))
    except SmsError as exc:
        logger.warning("sms send failed phone=%s**** provider_code=%s", phone[:3], exc.provider_code)
        # The code was never delivered: it must not count against the person's limits.
        record.delete()
        raise AuthError.sms_send_failed() from exc
    return record


def sms_code_verify(*, phone: str, scene: str, code: str) -> None:
    """Consume the latest live code for ``phone``; 5 wrong tries burn it. Commits the attempt count."""
    error = None
    with transaction.atomic():
        record = (
            SmsCode.objects.select_for_update()
            .filter(phone=phone, scene=scene, consumed_at__isnull=True)
            .order_by("-created_at")
            .first()
        )
        now = timezone.now()
        if record is None or record.expires_at <= now:
            error = AuthError.sms_code_expired()
        elif record.failed_attempts >= settings.SMS_CODE_MAX_ATTEMPTS:
            error = AuthError.sms_code_attempts_exceeded()
        elif not hmac.compare_digest(record.code_hash, _hash_code(phone, (code or "").strip())):
            record.failed_attempts += 1
            remaining = settings.SMS_CODE_MAX_ATTEMPTS - record.failed_attempts
            if remaining <= 0:
                record.consumed_at = now
                error = AuthError.sms_code_attempts_exceeded()
            else:
                error = AuthError.sms_code_invalid(remaining)
            record.save(update_fields=["failed_attempts", "consumed_at"])
        else:
            record.consumed_at = now
            record.save(update_fields=["consumed_at"])
    if error is not None:
        raise error


def _log_login(
    *, user: User | None, identifier: str, method: str, success: bool, client: ClientInfo, reason: str = ""
) -> None:
    LoginLog.objects.create(
        user=user,
        identifier=identifier[:64],
        method=method,
        success=success,
        reason=reason,
        ip=client.ip,
        user_agent=client.user_agent,
    )


def _user_for_phone(phone: str, client: ClientInfo) -> tuple[User, bool]:
    """Find the user of ``phone`` or register them: user + new merchant + 管理员 membership, atomically."""
    user = User.objects.filter(phone=phone).first()
    if user is not None:
        return user, False
    try:
        with transaction.atomic():
            user = User.objects.create_user(username=phone, phone=phone)
            actor = Actor(
                user=user, merchant=None, role=None, permissions=frozenset(), ip=client.ip, user_agent=client.user_agent
            )
            merchant_create_for_new_user(actor=actor)
    except IntegrityError:  # registered concurrently by a parallel request
        return User.objects.get(phone=phone), False
    return user, True


def _bind_wechat(user: User, *, unionid: str, web_openid: str = "", mp_openid: str = "") -> None:
    if User.objects.filter(wechat_unionid=unionid).exclude(pk=user.pk).exists():
        raise AuthError.wechat_already_bound()
    user.wechat_unionid = unionid
    if web_openid:
        user.wechat_web_openid = web_openid
    if mp_openid:
        user.wechat_mp_openid = mp_openid
    user.save(update_fields=["wechat_unionid", "wechat_web_openid", "wechat_mp_openid"])


def sms_login(
    *, phone: str, code: str, remember: bool, client: ClientInfo, wechat_bind_ticket: str = ""
) -> LoginResult:
    phone = normalize_phone(phone)
    binding: dict[str, str] | None = None
    if wechat_bind_ticket:
        try:
            binding = signing.loads(wechat_bind_ticket, salt=WECHAT_BIND_SALT, max_age=WECHAT_STATE_MAX_AGE)
        except signing.BadSignature as exc:
            raise AuthError.wechat_bind_ticket_invalid() from exc
    try:
        sms_code_verify(phone=phone, scene=SmsScene.LOGIN, code=code)
    except Exception as exc:
        _log_login(
            user=None,
            identifier=phone,
            method=LoginMethod.SMS,
            success=False,
            client=client,
            reason=getattr(exc, "code", "error"),
        )
        raise
    with transaction.atomic():
        user, created = _user_for_phone(phone, client)
        if not user.is_active:
            raise AuthError.account_disabled()
        if binding is not None:
            _bind_wechat(user, unionid=binding["unionid"], web_openid=binding.get("openid", ""))
        tokens = issue_tokens(user, remember=remember)
        _log_login(user=user, identifier=phone, method=LoginMethod.SMS, success=True, client=client)
    return LoginResult(user=user, tokens=tokens, is_new_user=created)


def _recent_failures(identifier: str) -> list[datetime]:
    """Times of the password failures since the last success within the window, newest first.

    Refusals made because the account was already locked do not count, so they cannot extend the lock.
    """
    window_start = timezone.now() - timedelta(seconds=settings.LOGIN_FAILURE_WINDOW_SECONDS)
    failures: list[datetime] = []
    for success, at in (
        LoginLog.objects.filter(identifier=identifier, method=LoginMethod.PASSWORD, created_at__gte=window_start)
        .exclude(reason="ACCOUNT_LOCKED")
        .order_by("-created_at")
        .values_list("success", "created_at")[: settings.LOGIN_MAX_FAILURES]
    ):
        if success:
            break
        failures.append(at)
    return failures


def _lock_remaining(identifier: str) -> int:
    """Seconds until a locked back-office account opens again; 0 when it is not locked."""
    failures = _recent_failures(identifier)
    if len(failures) >= settings.LOGIN_MAX_FAILURES:
        unlock_at = failures[0] + timedelta(seconds=settings.LOGIN_LOCK_SECONDS)
        if unlock_at > timezone.now():
            return _seconds_until(unlock_at)
    return 0


def password_login(*, username: str, password: str, client: ClientInfo) -> LoginResult:
    """Back-office sign-in. 5 failures within 15 minutes lock the account for 15 minutes."""
    identifier = (username or "").strip()
    locked_for = _lock_remaining(identifier)
    if locked_for:
        _log_login(
            user=None,
            identifier=identifier,
            method=LoginMethod.PASSWORD,
            success=False,
            client=client,
            reason="ACCOUNT_LOCKED",
        )
        raise AuthError.account_locked(locked_for)
    user = User.objects.filter(username=identifier).first()
    if user is None or not user.check_password(password):
        _log_login(
            user=user,
            identifier=identifier,
            method=LoginMethod.PASSWORD,
            success=False,
            client=client,
            reason="LOGIN_FAILED",
        )
        remaining = settings.LOGIN_MAX_FAILURES - len(_recent_failures(identifier))
        if remaining <= 0:
            raise AuthError.account_locked(settings.LOGIN_LOCK_SECONDS)
        raise AuthError.login_failed(remaining)
    if not user.is_active:
        _log_login(
            user=user,
            identifier=identifier,
            method=LoginMethod.PASSWORD,
            success=False,
            client=client,
            reason="ACCOUNT_DISABLED",
        )
        raise AuthError.account_disabled()
    if not user.is_staff:
        _log_login(
            user=user,
            identifier=identifier,
            method=LoginMethod.PASSWORD,
            success=False,
            client=client,
            reason="NOT_STAFF_ACCOUNT",
        )
        raise AuthError.not_staff()
    with transaction.atomic():
        tokens = issue_tokens(user, remember=False)
        _log_login(user=user, identifier=identifier, method=LoginMethod.PASSWORD, success=True, client=client)
    return LoginResult(user=user, tokens=tokens, is_new_user=False)


def wechat_miniprogram_login(*, login_code: str, phone_code: str, client: ClientInfo) -> LoginResult:
    """jscode2session + getuserphonenumber: the person is found by unionid, else by phone, else registered."""
    wechat = get_wechat_client()
    try:
        session = wechat.code_to_session(login_code)
        phone = normalize_phone(wechat.phone_number(phone_code))
    except WechatError as exc:
        _log_login(
            user=None,
            identifier=login_code[:64],
            method=LoginMethod.WECHAT_MINIPROGRAM,
            success=False,
            client=client,
            reason=f"WECHAT_{exc.errcode}",
        )
        raise AuthError.wechat_failed(exc.errcode) from exc
    with transaction.atomic():
        user = User.objects.filter(wechat_unionid=session.unionid).first() if session.unionid else None
        created = False
        if user is None:
            user, created = _user_for_phone(phone, client)
        if not user.is_active:
            raise AuthError.account_disabled()
        if session.unionid and user.wechat_unionid != session.unionid:
            _bind_wechat(user, unionid=session.unionid, mp_openid=session.openid)
        elif user.wechat_mp_openid != session.openid:
            user.wechat_mp_openid = session.openid
            user.save(update_fields=["wechat_mp_openid"])
        tokens = issue_tokens(user, remember=True)
        _log_login(user=user, identifier=phone, method=LoginMethod.WECHAT_MINIPROGRAM, success=True, client=client)
    return LoginResult(user=user, tokens=tokens, is_new_user=created)


def wechat_qr_start() -> tuple[str, str]:
    """A signed, time-limited ``state`` and the qrconnect URL that carries it."""
    state = signing.dumps({"n": secrets.token_urlsafe(12)}, salt=WECHAT_STATE_SALT, compress=True)
    return get_wechat_client().qr_login_url(state), state


def wechat_qr_login(*, code: str, state: str, client: ClientInfo) -> LoginResult:
    """The QR callback: ``state`` must be ours and fresh; an unbound WeChat gets a bind ticket."""
    try:
        signing.loads(state, salt=WECHAT_STATE_SALT, max_age=WECHAT_STATE_MAX_AGE)
    except signing.BadSignature as exc:
        _log_login(
            user=None,
            identifier="wechat",
            method=LoginMethod.WECHAT_QR,
            success=False,
            client=client,
            reason="WECHAT_STATE_INVALID",
        )
        raise AuthError.wechat_state_invalid() from exc
    try:
        web_user = get_wechat_client().web_user(code)
    except WechatError as exc:
        raise AuthError.wechat_failed(exc.errcode) from exc
    unionid = web_user.unionid or web_user.openid
    user = User.objects.filter(wechat_unionid=unionid).first()
    if user is None:
        ticket = signing.dumps({"unionid": unionid, "openid": web_user.openid}, salt=WECHAT_BIND_SALT)
        raise AuthError.wechat_not_bound(ticket)
    if not user.is_active:
        raise AuthError.account_disabled()
    with transaction.atomic():
        tokens = issue_tokens(user, remember=True)
        _log_login(user=user, identifier=unionid, method=LoginMethod.WECHAT_QR, success=True, client=client)
    return LoginResult(user=user, tokens=tokens, is_new_user=False)


def session_refresh(*, refresh: str) -> tuple[User, IssuedTokens]:
    return rotate(refresh)


def session_logout(*, refresh: str) -> None:
    revoke_family_of(refresh)
