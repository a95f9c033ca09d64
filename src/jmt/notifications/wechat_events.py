"""The service account (公众号) side of WeChat push: who follows us, by unionid.

Pushes go to the service account's openid of a person, found by their unionid (``WechatFollower``).
Two ways fill that table:

* the **event callback** WeChat calls (``/api/v1/notifications/wechat/callback``): URL verification
  (``echostr``), the signature (``sha1`` of the sorted token, timestamp and nonce) in safe mode, and in
  AES mode the ``msg_signature`` over the encrypted body, decrypted with the EncodingAESKey
  (AES-256-CBC, IV = the key's first 16 bytes, PKCS#7 padded to 32 bytes; the plaintext is 16 random
  bytes, a 4-byte big-endian length, the XML, the appid). ``subscribe`` asks ``user/info`` for the
  unionid and records the follower; ``unsubscribe`` marks them as not following;
* the **follower sync**, a scheduled task: ``user/get`` pages through every follower's openid and
  ``user/info/batchget`` gives their unionids; whoever is no longer listed is marked as not following.

The Token, the EncodingAESKey and the appid of the service account come from the settings
``WECHAT_SERVICE_TOKEN`` / ``WECHAT_SERVICE_AES_KEY`` / ``WECHAT_SERVICE_APPID`` (environment
``JMT_WECHAT_SERVICE_TOKEN`` / ``JMT_WECHAT_SERVICE_AES_KEY`` / ``JMT_WECHAT_SERVICE_APPID``).
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import logging
import os
import secrets
import struct
import time
from dataclasses import dataclass

from cryptography.hazmat.primitives.ciphers import Cipher, algorithms, modes
from django.conf import settings
from django.db import transaction
from django.db.models import Q
from django.utils import timezone
from lxml import etree

from jmt.integrations.wechat.factory import get_wechat_client
from jmt.integrations.wechat.port import Follower, WechatError
from jmt.notifications.models import WechatFollower

logger = logging.getLogger("jmt.notifications.wechat")

MAX_SKEW_SECONDS = 300  # a callback older (or newer) than this is refused: no replays
BLOCK = 32  # WeChat pads to 32 bytes, not AES's 16
_PARSER = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False, huge_tree=False)


class CallbackRefused(Exception):
    """The request is not WeChat's (bad signature, stale, undecryptable): answer 401/400, change nothing."""


@dataclass(frozen=True)
class ServiceAccount:
    token: str
    aes_key: str  # EncodingAESKey, 43 characters ("" in safe mode)
    appid: str


def _setting(name: str) -> str:
    value = getattr(settings, name, "") or os.environ.get(f"JMT_{name}", "")
    return str(value)


def service_account() -> ServiceAccount:
    return ServiceAccount(
        token=_setting("WECHAT_SERVICE_TOKEN"),
        aes_key=_setting("WECHAT_SERVICE_AES_KEY"),
        appid=_setting("WECHAT_SERVICE_APPID"),
    )


# --- signatures and crypto -------------------------------------------------------------------------


def signature(*parts: str) -> str:
    # WeChat's own scheme: SHA-1 over the sorted parts (not ours to choose).
    return hashlib.sha1("".join(sorted(parts)).encode(), usedforsecurity=False).hexdigest()


def _fresh(timestamp: str, now: float | None = None) -> bool:
    try:
        sent = int(timestamp)
    except ValueError:
        return False
    return abs((now if now is not None else time.time()) - sent) <= MAX_SKEW_SECONDS


def verify(account: ServiceAccount, *, signature_: str, timestamp: str, nonce: str) -> None:
    if not account.token:
        raise CallbackRefused("WECHAT_SERVICE_TOKEN is not configured")
    if not _fresh(timestamp):
        raise CallbackRefused("stale timestamp")
    if not hmac.compare_digest(signature(account.token, timestamp, nonce), signature_ or ""):
        raise CallbackRefused("bad signature")


def _key(account: ServiceAccount) -> bytes:
    try:
        key = base64.b64decode(account.aes_key + "=", validate=True)
    except ValueError as exc:
        raise CallbackRefused("WECHAT_SERVICE_AES_KEY is not a valid EncodingAESKey") from exc
    if len(key) != 32:
        raise CallbackRefused("WECHAT_SERVICE_AES_KEY is not a valid EncodingAESKey")
    return key


def encrypt(account: ServiceAccount, xml: bytes, *, random: bytes | None = None) -> str:
    """What WeChat puts in ``<Encrypt>`` (the fake uses it; replies would too)."""
    key = _key(account)
    plain = (random or secrets.token_bytes(16)) + struct.pack(">I", len(xml)) + xml + account.appid.encode()
    pad = BLOCK - len(plain) % BLOCK
    plain += bytes([pad]) * pad
    encryptor = Cipher(algorithms.AES(key), modes.CBC(key[:16])).encryptor()
    return base64.b64encode(encryptor.update(plain) + encryptor.finalize()).decode()


def decrypt(account: ServiceAccount, encrypted: str) -> bytes:
    key = _key(account)
    try:
        data = base64.b64decode(encrypted, validate=True)
    except ValueError as exc:
        raise CallbackRefused("Encrypt is not base64") from exc
    if not data or len(data) % 16:
        raise CallbackRefused("Encrypt has a wrong length")
    decryptor = Cipher(algorithms.AES(key), modes.CBC(key[:16])).decryptor()
    plain = decryptor.update(data) + decryptor.finalize()
    pad = plain[-1]
    if not 1 <= pad <= BLOCK or plain[-pad:] != bytes([pad]) * pad:
        raise CallbackRefused("bad padding")
    plain = plain[:-pad]
    if len(plain) < 20:
        raise CallbackRefused("too short")
    (length,) = struct.unpack(">I", plain[16:20])
    xml, appid = plain[20 : 20 + length], plain[20 + length :]
    if len(xml) != length or (account.appid and appid.decode(errors="replace") != account.appid):
        raise CallbackRefused("the message is not for this service account")
    return xml


def _fields(xml: bytes) -> dict[str, str]:
    try:
        root = etree.fromstring(xml, parser=_PARSER)
    except etree.XMLSyntaxError as exc:
        raise CallbackRefused("unreadable XML") from exc
    return {child.tag: (child.text or "").strip() for child in root if isinstance(child.tag, str)}


def read_callback(
    account: ServiceAccount,
    *,
    body: bytes,
    signature_: str,
    timestamp: str,
    nonce: str,
    encrypt_type: str = "",
    msg_signature: str = "",
) -> dict[str, str]:
    """The event's fields, once the request is proven to be WeChat's (safe or AES mode)."""
    verify(account, signature_=signature_, timestamp=timestamp, nonce=nonce)
    outer = _fields(body)
    if encrypt_type == "aes":
        encrypted = outer.get("Encrypt", "")
        if not encrypted or not hmac.compare_digest(
            signature(account.token, timestamp, nonce, encrypted), msg_signature or ""
        ):
            raise CallbackRefused("bad msg_signature")
        return _fields(decrypt(account, encrypted))
    return outer


# --- followers ------------------------------------------------------------------------------------


def record_follower(openid: str, unionid: str | None, *, followed: bool) -> WechatFollower | None:
    """Upsert one follower by unionid (the key pushes look up) and openid; None without a unionid."""
    now = timezone.now()
    if not unionid:
        # Not bound to the open platform: we cannot tell who it is. Still, an openid we know stops here.
        WechatFollower.objects.filter(openid=openid).update(followed=followed, updated_at=now)
        return None
    with transaction.atomic():
        rows = list(WechatFollower.objects.select_for_update().filter(Q(unionid=unionid) | Q(openid=openid)))
        keep = next((r for r in rows if r.unionid == unionid), None) or (rows[0] if rows else None)
        for row in rows:
            if row is not keep:
                row.delete()
        if keep is None:
            return WechatFollower.objects.create(unionid=unionid, openid=openid, followed=followed, updated_at=now)
        keep.unionid, keep.openid, keep.followed, keep.updated_at = unionid, openid, followed, now
        keep.save()
        return keep


def handle_event(fields: dict[str, str]) -> str:
    """Apply one callback event; returns what was done (for the log)."""
    if fields.get("MsgType") != "event":
        return "ignored"
    event = fields.get("Event", "").lower()
    openid = fields.get("FromUserName", "")
    if not openid:
        return "ignored"
    if event == "subscribe":
        try:
            info = get_wechat_client().follower(openid)
        except WechatError as exc:
            # The scheduled sync catches up with this follower later.
            logger.warning("wechat user/info for a new follower failed: %s", exc.errcode)
            return "subscribe_pending"
        record_follower(openid, info.unionid, followed=True)
        return "subscribed" if info.unionid else "subscribed_without_unionid"
    if event == "unsubscribe":
        WechatFollower.objects.filter(openid=openid).update(followed=False, updated_at=timezone.now())
        return "unsubscribed"
    return "ignored"


@dataclass(frozen=True)
class SyncResult:
    listed: int
    recorded: int
    unfollowed: int


def sync_followers() -> SyncResult:
    """Every follower of the service account (``user/get`` pages + ``user/info/batchget``) into the table."""
    client = get_wechat_client()
    started = timezone.now()
    seen: set[str] = set()
    recorded = 0
    next_openid = ""
    while True:
        page = client.follower_page(next_openid)
        fresh = [o for o in page.openids if o not in seen]
        seen.update(fresh)
        people: list[Follower] = client.followers(fresh) if fresh else []
        for person in people:
            if person.subscribed and person.unionid and record_follower(person.openid, person.unionid, followed=True):
                recorded += 1
        if not page.next_openid or not fresh:
            break
        next_openid = page.next_openid
    # Every follower still listed was just written (updated_at >= started); the others left us.
    gone = WechatFollower.objects.filter(followed=True, updated_at__lt=started).update(
        followed=False, updated_at=timezone.now()
    )
    logger.info("wechat follower sync: %d listed, %d recorded, %d no longer following", len(seen), recorded, gone)
    return SyncResult(listed=len(seen), recorded=recorded, unfollowed=gone)
