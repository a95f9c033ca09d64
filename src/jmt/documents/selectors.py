"""Reads of the documents vault: every query is scoped to the merchants the actor may reach."""

from __future__ import annotations

from typing import Any, Protocol

from django.core.exceptions import SuspiciousFileOperation
from django.core.files import File
from django.core.files.storage import default_storage
from django.db.models import QuerySet

from jmt.core.auth import Actor
from jmt.core.errors import NotFound
from jmt.documents.models import Document
from jmt.rbac.scope import merchants_visible

VIEW = "registration:supplement:view"
EDIT = "registration:supplement:edit"


def document_list(*, actor: Actor, kind: str | None = None) -> QuerySet[Document]:
    rows = Document.objects.filter(merchants_visible(actor, VIEW)).select_related("uploaded_by")
    if kind:
        rows = rows.filter(kind=kind)
    return rows.order_by("-created_at", "-id")


def document_get(*, actor: Actor, document_id: int, code: str = VIEW) -> Document:
    document = (
        Document.objects.filter(merchants_visible(actor, code)).select_related("uploaded_by").filter(pk=document_id)
    ).first()
    if document is None:
        raise NotFound()
    return document


class Stored(Protocol):
    """A row that keeps an uploaded file: a vault ``Document``, or a file checked by the vault's rules and
    kept by another app (物流合作协议)."""

    @property
    def storage_path(self) -> str: ...


def open_stored(document: Stored) -> File:
    """The file of ``document``, opened for reading through the storage API (local disk or S3); 404 if it is
    missing or its name would lie outside the storage."""
    try:
        if not default_storage.exists(document.storage_path):
            raise NotFound("文件不存在或已被删除")
        return default_storage.open(document.storage_path, "rb")
    except SuspiciousFileOperation as exc:
        raise NotFound("文件不存在或已被删除") from exc


def document_out(document: Document) -> dict[str, Any]:
    user = document.uploaded_by
    return {
        "id": document.pk,
        "kind": document.kind,
        "kind_label": document.get_kind_display(),
        "original_name": document.original_name,
        "content_type": document.content_type,
        "size": document.size,
        "sha256": document.sha256,
        "uploaded_by": (user.display_name if user is not None else ""),
        "ocr_done": document.ocr_result is not None,
        "download_url": f"/api/v1/documents/{document.pk}/download",
        "created_at": document.created_at,
    }
