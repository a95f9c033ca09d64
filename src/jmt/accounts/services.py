"""Every write of login and registration: codes, sign-ins, sessions."""

from __future__ import annotations

import hashlib
import hmac
import logging
import re
import secrets
import unicodedata
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from django.conf import settings
from django.core import signing
from django.db import IntegrityError, transaction
from django.utils import timezone

from jmt.accounts.errors import AuthError
from jmt.accounts.models import Gender, LoginLog, LoginMethod, SmsCode, SmsScene, User, WebViewTicket
from jmt.accounts.phone import normalize_phone
from jmt.accounts.tokens import IssuedTokens, issue_tokens, revoke_family_of, rotate
from jmt.audit.services import record, snapshot
from jmt.core.auth import Actor
from jmt.core.errors import ApiError
from jmt.integrations.sms.factory import get_sms_sender
from jmt.integrations.sms.port import SmsError, SmsMessage
from jmt.integrations.wechat.factory import get_wechat_client
from jmt.integrations.wechat.port import WechatError
from jmt.merchants.services import merchant_create_for_new_user

logger = logging.getLogger("jmt.accounts")

WECHAT_STATE_SALT = "jmt.wechat.qr.state"
WECHAT_BIND_SALT = "jmt.wechat.bind"
WECHAT_BIND_STATE_SALT = "jmt.wechat.qr.bind-state"
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


def sms_code_verify(*, phone: str, scene: str, code: str, consume: bool = True) -> None:
    """Consume the latest live code for ``phone``; 5 wrong tries burn it. Commits the attempt count.

    ``consume=False`` checks a right code without using it up (a wrong one still counts), for a step
    that needs two codes to be right before either is spent (see :func:`phone_change`)."""
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
        elif consume:
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


def wechat_qr_start(*, bind_user: User | None = None) -> tuple[str, str]:
    """A signed, time-limited ``state`` and the qrconnect URL that carries it.

    With ``bind_user`` the state is a bind intent for that signed-in person (another salt, so a bind
    state never signs anybody in and a login state never binds)."""
    if bind_user is not None:
        state = signing.dumps(
            {"n": secrets.token_urlsafe(12), "bind": bind_user.pk}, salt=WECHAT_BIND_STATE_SALT, compress=True
        )
    else:
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


# --- 我的 · 个人账户 (U1): personal details, phone change, WeChat binding ---

PERSONAL_FIELDS: tuple[str, ...] = ("name", "gender", "id_number", "email")
ID_NUMBER_WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
ID_NUMBER_CHECK = "10X98765432"
EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[A-Za-z]{2,}$")


def id_number_valid(value: str) -> bool:
    """18 characters: 17 digits, then the GB 11643 check character (digit or X); a real birth date."""
    if not re.match(r"^\d{17}[\dX]$", value):
        return False
    try:
        datetime.strptime(value[6:14], "%Y%m%d")
    except ValueError:
        return False
    total = sum(int(digit) * weight for digit, weight in zip(value[:17], ID_NUMBER_WEIGHTS, strict=True))
    return ID_NUMBER_CHECK[total % 11] == value[17]


def _clean_personal(changes: dict[str, Any]) -> dict[str, str]:
    cleaned: dict[str, str] = {}
    errors: dict[str, str] = {}
    for field, raw in changes.items():
        value = "" if raw is None else unicodedata.normalize("NFKC", str(raw)).strip()
        if field == "name":
            if not value:
                errors[field] = "请输入姓名"
            elif len(value) > 64:
                errors[field] = "姓名不能超过 64 个字"
        elif field == "gender":
            if value and value not in Gender.values:
                errors[field] = "性别只能是男或女"
        elif field == "id_number":
            value = value.upper()
            if value and not id_number_valid(value):
                errors[field] = "请输入正确的 18 位身份证号（最后一位可为 X）"
        elif field == "email" and value and (len(value) > 254 or not EMAIL.match(value)):
            errors[field] = "邮箱格式不正确，例如 name@example.com"
        cleaned[field] = value
    if errors:
        raise AuthError.profile_invalid(errors)
    return cleaned


@transaction.atomic
def personal_update(*, actor: Actor, changes: dict[str, Any]) -> User:
    """The person's own name, gender, ID number and email; one audit entry for what changed."""
    unknown = sorted(set(changes) - set(PERSONAL_FIELDS))
    if unknown:
        raise AuthError.profile_invalid({field: "无法识别的字段" for field in unknown})
    cleaned = _clean_personal(changes)
    user = User.objects.select_for_update().get(pk=actor.user.pk)
    before = snapshot(user, cleaned)
    for field, value in cleaned.items():
        setattr(user, field, value)
    if before != snapshot(user, cleaned):
        user.save(update_fields=list(cleaned))
        record(
            actor=actor,
            module="accounts",
            action="update_profile",
            obj=user,
            before=before,
            after=snapshot(user, cleaned),
        )
    actor.user = user
    return user


def _new_phone(user: User, raw: str) -> str:
    phone = normalize_phone(raw)
    if phone == user.phone:
        raise AuthError.phone_same()
    if User.objects.filter(phone=phone).exclude(pk=user.pk).exists():
        raise AuthError.phone_taken()
    return phone


def phone_change_send_old(*, actor: Actor, client: ClientInfo) -> SmsCode:
    """Step 1: a 更换手机号 code to the number the person has now (the usual send limits apply)."""
    if not actor.user.phone:
        raise AuthError.phone_not_set()
    return sms_code_send(phone=actor.user.phone, scene=SmsScene.CHANGE_PHONE, client=client)


def phone_change_send_new(*, actor: Actor, phone: str, client: ClientInfo) -> SmsCode:
    """Step 2: a code to the new number, which must not be anybody's already."""
    if not actor.user.phone:
        raise AuthError.phone_not_set()
    return sms_code_send(phone=_new_phone(actor.user, phone), scene=SmsScene.CHANGE_PHONE, client=client)


def _consume(phone: str, scene: str) -> None:
    latest = (
        SmsCode.objects.select_for_update()
        .filter(phone=phone, scene=scene, consumed_at__isnull=True)
        .order_by("-created_at")
        .first()
    )
    if latest is not None:
        latest.consumed_at = timezone.now()
        latest.save(update_fields=["consumed_at"])


def phone_change(*, actor: Actor, new_phone: str, old_code: str, new_code: str) -> User:
    """Both codes must be right; neither is spent unless both are. The new number then becomes the
    person's sign-in number (and their login name, when that was the old number)."""
    user: User = actor.user
    if not user.phone:
        raise AuthError.phone_not_set()
    phone = _new_phone(user, new_phone)
    old_phone = user.phone
    try:
        sms_code_verify(phone=old_phone, scene=SmsScene.CHANGE_PHONE, code=old_code, consume=False)
    except ApiError as exc:
        raise AuthError.for_field(exc, "old_code", "原手机号验证码") from exc
    try:
        sms_code_verify(phone=phone, scene=SmsScene.CHANGE_PHONE, code=new_code, consume=False)
    except ApiError as exc:
        raise AuthError.for_field(exc, "new_code", "新手机号验证码") from exc
    fields = ["phone", "username"]
    try:
        with transaction.atomic():
            locked = User.objects.select_for_update().get(pk=user.pk)
            before = snapshot(locked, fields)
            _consume(old_phone, SmsScene.CHANGE_PHONE)
            _consume(phone, SmsScene.CHANGE_PHONE)
            locked.phone = phone
            if locked.username == old_phone and not User.objects.filter(username=phone).exists():
                locked.username = phone
            locked.save(update_fields=fields)
            record(
                actor=actor,
                module="accounts",
                action="change_phone",
                obj=locked,
                before=before,
                after=snapshot(locked, fields),
            )
    except IntegrityError as exc:  # taken by a parallel registration since the check
        raise AuthError.phone_taken() from exc
    actor.user = locked
    return locked


WECHAT_FIELDS = ("wechat_unionid", "wechat_web_openid", "wechat_mp_openid")


def wechat_bind(*, actor: Actor, code: str, state: str) -> User:
    """The bind callback: the state must be a fresh bind intent of this very person; a WeChat that
    belongs to another account is refused."""
    try:
        intent = signing.loads(state, salt=WECHAT_BIND_STATE_SALT, max_age=WECHAT_STATE_MAX_AGE)
    except signing.BadSignature as exc:
        raise AuthError.wechat_state_invalid() from exc
    if intent.get("bind") != actor.user.pk:
        raise AuthError.wechat_state_invalid()
    try:
        web_user = get_wechat_client().web_user(code)
    except WechatError as exc:
        raise AuthError.wechat_failed(exc.errcode) from exc
    unionid = web_user.unionid or web_user.openid
    with transaction.atomic():
        user = User.objects.select_for_update().get(pk=actor.user.pk)
        before = snapshot(user, WECHAT_FIELDS)
        _bind_wechat(user, unionid=unionid, web_openid=web_user.openid)
        record(
            actor=actor,
            module="accounts",
            action="bind_wechat",
            obj=user,
            before=before,
            after=snapshot(user, WECHAT_FIELDS),
        )
    actor.user = user
    return user


@transaction.atomic
def wechat_unbind(*, actor: Actor, user: User | None = None) -> User:
    """Forget the WeChat identity of ``user`` (the actor themselves by default). A merchant user
    always keeps their phone to sign in with, so this never locks anybody out."""
    target = User.objects.select_for_update().get(pk=(user or actor.user).pk)
    if not target.wechat_unionid and not target.wechat_web_openid and not target.wechat_mp_openid:
        raise AuthError.wechat_not_linked()
    if not target.phone and not target.has_usable_password():
        raise AuthError.wechat_last_sign_in()
    before = snapshot(target, WECHAT_FIELDS)
    target.wechat_unionid = None
    target.wechat_web_openid = ""
    target.wechat_mp_openid = ""
    target.save(update_fields=list(WECHAT_FIELDS))
    record(
        actor=actor,
        module="accounts",
        action="unbind_wechat",
        obj=target,
        before=before,
        after=snapshot(target, WECHAT_FIELDS),
    )
    if user is None:
        actor.user = target
    return target


WEBVIEW_TICKET_SECONDS = 60


def _ticket_hash(ticket: str) -> str:
    return hashlib.sha256(ticket.encode()).hexdigest()


def webview_ticket_issue(*, user: User) -> tuple[str, int]:
    """A one-time ticket for the mini-program's ``<web-view>`` (the signed-in ``user``), and its lifetime."""
    ticket = secrets.token_urlsafe(32)
    now = timezone.now()
    WebViewTicket.objects.create(
        user=user,
        ticket_hash=_ticket_hash(ticket),
        created_at=now,
        expires_at=now + timedelta(seconds=WEBVIEW_TICKET_SECONDS),
    )
    return ticket, WEBVIEW_TICKET_SECONDS


def webview_ticket_exchange(*, ticket: str, user_id: int, client: ClientInfo) -> LoginResult:
    """The H5 inside the ``<web-view>`` trades the ticket for a token pair: once, within 60 seconds, and only
    for the user it was issued to. The first exchange spends it whatever the outcome (no second try)."""
    now = timezone.now()
    with transaction.atomic():
        row = WebViewTicket.objects.select_for_update().filter(ticket_hash=_ticket_hash(ticket)).first()
        if row is None or row.used_at is not None:
            raise AuthError.webview_ticket_invalid()
        row.used_at = now
        row.save(update_fields=["used_at"])
    if row.expires_at <= now or row.user_id != user_id:
        raise AuthError.webview_ticket_invalid()
    user = row.user
    if not user.is_active:
        raise AuthError.account_disabled()
    with transaction.atomic():
        tokens = issue_tokens(user, remember=True)
        _log_login(user=user, identifier=user.phone or user.username, method=LoginMethod.WECHAT_MINIPROGRAM,
                   success=True, client=client)  # fmt: skip
    return LoginResult(user=user, tokens=tokens, is_new_user=False)
