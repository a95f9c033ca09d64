"""Read what customs sends back: CEB304 / 506 / 604 / 606 / 608 / 702 receipts, CEB792, CEB900.

Reading is by element name, not position, and tolerant of what the official samples do (a BOM,
repeated entities, CEB792 lists in another order): a receipt that does not validate is still read,
and ``schema_valid`` / ``schema_errors`` say so. One that carries a DOCTYPE (entity declarations,
external entities) is refused as unreadable — the caller keeps its bytes for staff. CEB900
(format-check receipt) is not in the export XSD; its fields follow the specification (guid,
returnStatus, returnInfo, returnTime, oriCopMsgId, oriMessageType, oriBizMessage).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from lxml import etree

from jmt.customs.xml.schema import safe_parser, validation_errors

RETURN_KINDS: dict[str, str] = {
    "OrderReturn": "order",
    "LogisticsReturn": "logistics",
    "InventoryReturn": "inventory",
    "InvtCancelReturn": "cancel",
    "WayBillReturn": "waybill",
    "SummaryReturn": "summary",
    "ReceiptsReturn": "payment",
}
RECEIPT_TYPES = ("CEB304", "CEB506", "CEB604", "CEB606", "CEB608", "CEB702", "CEB792", "CEB900")
_ROOT = re.compile(r"^(CEB\d{3})Message$")


class ReceiptParseError(ValueError):
    pass


@dataclass
class ParsedReturn:
    kind: str  # order, logistics, inventory, cancel, waybill, summary, payment
    fields: dict[str, str]
    raw: str

    def get(self, name: str) -> str:
        return self.fields.get(name, "")


@dataclass
class ParsedSummaryResult:
    head: dict[str, str]
    lines: list[dict[str, str]]
    raw: str


@dataclass
class ParsedMessage:
    message_type: str
    guid: str
    returns: list[ParsedReturn] = field(default_factory=list)
    summary_results: list[ParsedSummaryResult] = field(default_factory=list)
    format_receipt: dict[str, str] | None = None  # CEB900
    schema_valid: bool = True
    schema_errors: list[str] = field(default_factory=list)

    @property
    def entity_count(self) -> int:
        return len(self.returns) + len(self.summary_results) + (1 if self.format_receipt else 0)


def _local(element: etree._Element) -> str:
    return etree.QName(element).localname if isinstance(element.tag, str) else ""


def _flat(element: etree._Element) -> dict[str, str]:
    values: dict[str, str] = {}
    for child in element:
        name = _local(child)
        if name and len(child) == 0:
            values[name] = (child.text or "").strip()
    return values


def _raw(element: etree._Element) -> str:
    return etree.tostring(element, encoding="unicode")


def parse_message(xml: bytes) -> ParsedMessage:
    try:
        root = etree.fromstring(xml.lstrip(b"\xef\xbb\xbf").strip(), parser=safe_parser())
    except etree.XMLSyntaxError as exc:
        raise ReceiptParseError(f"not well-formed XML: {exc}") from exc
    docinfo = root.getroottree().docinfo
    if docinfo.doctype or docinfo.internalDTD is not None or docinfo.externalDTD is not None:
        # Customs receipts never carry a DTD; entity declarations are how XML bombs and XXE arrive.
        raise ReceiptParseError("a DOCTYPE (entity declarations) is not allowed in a receipt")
    match = _ROOT.match(_local(root))
    if not match:
        raise ReceiptParseError(f"unknown root element {_local(root)!r}")
    parsed = ParsedMessage(message_type=match.group(1), guid=(root.get("guid") or "").strip())
    if parsed.message_type == "CEB900":
        parsed.format_receipt = _flat(root)
        parsed.schema_valid = False  # not part of the export XSD
        return parsed
    for child in root:
        name = _local(child)
        if name in RETURN_KINDS:
            parsed.returns.append(ParsedReturn(kind=RETURN_KINDS[name], fields=_flat(child), raw=_raw(child)))
        elif name == "SummaryResult":
            head_node = next((c for c in child if _local(c) == "SummaryResultHead"), None)
            lines = [_flat(c) for c in child if _local(c) == "SummaryResultList"]
            head = _flat(head_node) if head_node is not None else {}
            parsed.summary_results.append(ParsedSummaryResult(head=head, lines=lines, raw=_raw(child)))
    if parsed.entity_count == 0:
        raise ReceiptParseError(f"{parsed.message_type} carries no receipt entity")
    try:
        parsed.schema_errors = validation_errors(root)
    except etree.Error as exc:  # libxml2 gives up on some hostile trees; the receipt is still read
        parsed.schema_errors = [f"schema validation failed: {exc}"]
    parsed.schema_valid = not parsed.schema_errors
    return parsed
