"""Writes of the documents vault: upload (checked by content, stored outside the web root) and OCR."""

from __future__ import annotations

import hashlib
import logging
import time
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any

from django.conf import settings
from django.core.files.storage import default_storage
from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.utils import timezone

from jmt.audit.services import record, snapshot
from jmt.core.auth import Actor
from jmt.core.errors import PermissionDenied
from jmt.documents import content, ocr
from jmt.documents.errors import DocumentError
from jmt.documents.models import Document
from jmt.documents.selectors import EDIT, document_get, open_stored
from jmt.rbac.scope import merchant_in_scope

logger = logging.getLogger("jmt.documents")

AUDITED_FIELDS = ("kind", "original_name", "content_type", "size", "sha256")


def _safe_name(name: str) -> str:
    """The name the user gave, without any directory part (kept only for display and download)."""
    base = name.replace("\\", "/").rsplit("/", 1)[-1].strip()
    return (base or "未命名文件")[:255]


@dataclass(frozen=True)
class CheckedUpload:
    name: str  # for display and download only
    content_type: str  # detected from the content, not from what the browser said
    size: int
    sha256: str


def check_upload(file: UploadedFile) -> CheckedUpload:
    """The vault's checks on an uploaded file — not empty, within the size limit, an allowed type by its
    content — and its SHA-256; the file is left at its start, ready to be stored."""
    name = _safe_name(file.name or "")
    limit = settings.DOCUMENT_MAX_BYTES
    if not file.size:
        raise DocumentError.empty(name)
    if file.size > limit:
        raise DocumentError.too_large(name, limit)
    detected = content.detect(file)
    if detected is None:
        raise DocumentError.type_not_allowed(name)
    digest = hashlib.sha256()
    file.seek(0)
    for chunk in file.chunks():
        digest.update(chunk)
    file.seek(0)
    return CheckedUpload(name=name, content_type=detected, size=file.size, sha256=digest.hexdigest())


@contextmanager
def kept_upload(file: UploadedFile, folder: str) -> Iterator[tuple[CheckedUpload, str]]:
    """Check ``file`` (:func:`check_upload`), store it under ``folder`` through Django's storage API (the
    local disk, or an S3-compatible bucket shared by several app machines), and hand its checks and storage
    name to the block that writes its row, in one transaction. If the block fails the stored file is
    deleted: no row, no file."""
    checked = check_upload(file)
    stored_name = default_storage.save(f"{folder}/{uuid.uuid4().hex}", file)
    try:
        with transaction.atomic():
            yield checked, stored_name
    except BaseException:
        default_storage.delete(stored_name)
        raise


def document_upload(*, actor: Actor, kind: str, file: UploadedFile) -> Document:
    merchant = actor.merchant
    if merchant is None or not merchant_in_scope(actor, EDIT, merchant.pk):
        raise PermissionDenied()
    with kept_upload(file, f"documents/{merchant.pk}") as (checked, stored_name):
        document = Document.objects.create(
            merchant=merchant,
            uploaded_by=actor.user,
            kind=kind,
            original_name=checked.name,
            content_type=checked.content_type,
            size=checked.size,
            sha256=checked.sha256,
            storage_path=stored_name,
        )
        record(
            actor=actor,
            module="documents",
            action="upload",
            obj=document,
            before={},
            after=snapshot(document, AUDITED_FIELDS),
        )
    return document


def document_ocr(*, actor: Actor, document_id: int) -> dict[str, Any]:
    """The fields read from the document; computed once and kept on the document."""
    document = document_get(actor=actor, document_id=document_id, code=EDIT)
    if document.ocr_result is None:
        if not ocr.supports(document.kind) or document.content_type not in content.IMAGE_TYPES:
            raise DocumentError.ocr_unsupported()
        started = time.monotonic()
        try:
            with open_stored(document) as stored:
                lines = ocr.read_lines(stored.read())
        except Exception:
            logger.exception("OCR failed on document %s", document.pk)
            raise DocumentError.ocr_failed() from None
        elapsed_ms = round((time.monotonic() - started) * 1000)
        logger.info("OCR of document %s took %d ms", document.pk, elapsed_ms)
        now = timezone.now()
        document.ocr_result = {
            "fields": ocr.parse(document.kind, lines),
            "lines": lines,
            "elapsed_ms": elapsed_ms,
            "recognised_at": now.isoformat(),
        }
        document.ocr_at = now
        document.save(update_fields=["ocr_result", "ocr_at"])
    result = document.ocr_result
    return {
        "document_id": document.pk,
        "kind": document.kind,
        "fields": result["fields"],
        "lines": result["lines"],
        "recognised_at": document.ocr_at,
        "elapsed_ms": result["elapsed_ms"],
    }
