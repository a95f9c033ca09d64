"""Reads of merchants, their profiles and their members, always from what the actor may see."""

from __future__ import annotations

from typing import Any

from django.db.models import Count, Prefetch, Q, QuerySet

from jmt.core.auth import Actor
from jmt.core.errors import NotFound
from jmt.documents.models import Document
from jmt.merchants import profile
from jmt.merchants.errors import merchant_not_found
from jmt.merchants.models import MemberRole, Membership, Merchant, MerchantType, RegistrationStatus
from jmt.rbac.scope import merchant_in_scope, merchants_visible

LIST_VIEW = "merchants:list:view"
LIST_EDIT = "merchants:list:edit"
LOCK_HINT = "如需修改请联系捷晶管理员"

GROUPS: dict[str, str] = {
    "name": "company",
    "name_en": "company",
    "merchant_type": "company",
    "credit_code": "company",
    "company_type": "company",
    "address": "company",
    "address_en": "company",
    "established_on": "company",
    "legal_person": "legal",
    "legal_person_phone": "legal",
    "legal_person_id_number": "legal",
    "legal_person_id_valid": "legal",
    "contact_name": "contact",
    "contact_phone": "contact",
    "bank_name": "settlement",
    "bank_account": "settlement",
    "ccb_sub_account": "settlement",
    "licence_document": "documents",
    "id_card_front_document": "documents",
    "id_card_back_document": "documents",
    "bank_permit_document": "documents",
}


def current_merchant(actor: Actor) -> Merchant:
    """The merchant the actor acts for (a merchant user's current one), else 404."""
    if actor.merchant is None:
        raise merchant_not_found()
    return Merchant.objects.get(pk=actor.merchant.pk)


def _kind(field: str) -> str:
    if field in profile.DOCUMENT_FIELDS:
        return "document"
    if field == "established_on":
        return "date"
    if field == "merchant_type":
        return "select"
    return "text"


def _document_out(document: Document | None) -> dict[str, Any] | None:
    if document is None:
        return None
    return {
        "id": document.pk,
        "kind_label": document.get_kind_display(),
        "original_name": document.original_name,
        "content_type": document.content_type,
        "download_url": f"/api/v1/documents/{document.pk}/download",
    }


def profile_out(merchant: Merchant, *, can_edit: bool, staff: bool) -> dict[str, Any]:
    """Values, labels and, per field, whether the caller may change it (none when ``can_edit`` is off)."""
    editable = profile.editable_fields(merchant, staff=staff) if can_edit else frozenset()
    locked = profile.profile_locked(merchant) and not staff
    fields = [
        {
            "key": field,
            "label": str(Merchant._meta.get_field(field).verbose_name),  # type: ignore[union-attr]
            "group": GROUPS[field],
            "kind": _kind(field),
            "editable": field in editable,
            "locked": locked and field in profile.LICENCE,
            "staff_only": field in profile.STAFF_ONLY,
        }
        for field in profile.PROFILE_FIELDS
    ]
    documents = {field: _document_out(getattr(merchant, field)) for field in profile.DOCUMENT_FIELDS}
    return {
        "id": merchant.pk,
        "display_name": merchant.display_name,
        "registration_status": merchant.registration_status,
        "registration_status_label": RegistrationStatus(merchant.registration_status).label,
        "registration_approved": merchant.registration_approved,
        "values": profile.profile_values(merchant),
        "value_labels": {
            "merchant_type": MerchantType(merchant.merchant_type).label if merchant.merchant_type else "",
        },
        "fields": fields,
        "documents": documents,
        "can_edit": can_edit,
        "locked": locked,
        "lock_hint": LOCK_HINT if locked else "",
        "gateway_route": "/customs/gateway",
        "merchant_types": [{"value": value, "label": label} for value, label in MerchantType.choices],
    }


def members_of(merchant: Merchant) -> QuerySet[Membership]:
    return (
        Membership.objects.filter(merchant=merchant)
        .select_related("user")
        .order_by("role", "joined_at", "pk")  # 管理员 ("admin") first, then by when they joined
    )


def member_out(membership: Membership, *, actor: Actor, full_phone: bool) -> dict[str, Any]:
    user = membership.user
    phone = user.phone or ""
    via = [name for name, value in (("web", user.wechat_web_openid), ("mp", user.wechat_mp_openid)) if value]
    return {
        "id": membership.pk,
        "user_id": user.pk,
        "name": user.name,
        "display_name": user.display_name,
        "phone": phone if full_phone or not phone else f"{phone[:3]}****{phone[-4:]}",
        "role": membership.role,
        "role_label": MemberRole(membership.role).label,
        "joined_at": membership.joined_at,
        "is_self": user.pk == actor.user.pk,
        "wechat_bound": bool(user.wechat_unionid),
        "wechat_bound_via": via,
    }


# --- back office (A1) ---


def admin_merchants(*, actor: Actor, q: str | None, registration_status: str | None) -> QuerySet[Merchant]:
    rows = Merchant.objects.filter(merchants_visible(actor, LIST_VIEW, field="pk"))
    if registration_status:
        rows = rows.filter(registration_status=registration_status)
    text = (q or "").strip()
    if text:
        rows = rows.filter(
            Q(name__icontains=text)
            | Q(name_en__icontains=text)
            | Q(credit_code__icontains=text)
            | Q(contact_phone__contains=text)
            | Q(legal_person_phone__contains=text)
            | Q(memberships__user__phone__contains=text)
        ).distinct()
    admins = Membership.objects.filter(role=MemberRole.ADMIN).select_related("user").order_by("joined_at", "pk")
    return (
        rows.annotate(member_count=Count("memberships", distinct=True))
        .prefetch_related(Prefetch("memberships", queryset=admins, to_attr="admin_memberships"))
        .order_by("-created_at", "-pk")
    )


def admin_merchant_row(merchant: Any) -> dict[str, Any]:
    return {
        "id": merchant.pk,
        "display_name": merchant.display_name,
        "credit_code": merchant.credit_code,
        "merchant_type_label": MerchantType(merchant.merchant_type).label if merchant.merchant_type else "",
        "registration_status": merchant.registration_status,
        "registration_status_label": RegistrationStatus(merchant.registration_status).label,
        "legal_person": merchant.legal_person,
        "contact_name": merchant.contact_name,
        "contact_phone": merchant.contact_phone,
        "bank_account": merchant.bank_account,
        "ccb_sub_account": merchant.ccb_sub_account,
        "member_count": merchant.member_count,
        "admins": [m.user.display_name for m in merchant.admin_memberships],
        "created_at": merchant.created_at,
    }


def admin_merchant_get(*, actor: Actor, merchant_id: int, code: str = LIST_VIEW) -> Merchant:
    """One merchant within the actor's scope for ``code``; otherwise 404, whether it exists or not."""
    merchant = Merchant.objects.filter(pk=merchant_id).first()
    if merchant is None or not merchant_in_scope(actor, code, merchant.pk):
        raise merchant_not_found()
    return merchant


def admin_merchant_document(merchant: Merchant, *, document_id: int) -> Document:
    """A document of ``merchant`` (already scoped by the caller); one of another merchant is 404."""
    doc = Document.objects.filter(pk=document_id, merchant=merchant).first()
    if doc is None:
        raise NotFound()
    return doc


def admin_merchant_out(merchant: Merchant, *, actor: Actor) -> dict[str, Any]:
    can_edit = merchant_in_scope(actor, LIST_EDIT, merchant.pk)
    out = profile_out(merchant, can_edit=can_edit, staff=True)
    for document in out["documents"].values():
        if document is not None:
            document["download_url"] = f"/api/v1/admin/merchants/{merchant.pk}/documents/{document['id']}/download"
    return {
        **out,
        "created_at": merchant.created_at,
        "members": [member_out(m, actor=actor, full_phone=True) for m in members_of(merchant)],
    }
