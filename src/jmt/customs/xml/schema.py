"""The official export schema, loaded once from ``settings.CUSTOMS_XSD_PATH``.

The XSD is official material kept outside the repository (see README "Customs schema"): when the
path does not exist every build fails loudly, so no unvalidated message can leave.
"""

from __future__ import annotations

import threading
from pathlib import Path

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from lxml import etree

CEB_NS = "http://www.chinaport.gov.cn/ceb"
XSD_FILE_NAME = "海关跨境出口业务节点报文定义202205.xsd"

_lock = threading.Lock()
_schemas: dict[str, etree.XMLSchema] = {}


class MessageInvalid(Exception):
    """A message failed the XSD. ``errors``: the validator's lines (line, element, reason)."""

    def __init__(self, message_type: str, errors: list[str]) -> None:
        super().__init__(f"{message_type} does not validate: {errors[:3]}")
        self.message_type = message_type
        self.errors = errors


def schema_path() -> Path:
    return Path(settings.CUSTOMS_XSD_PATH)


def get_schema() -> etree.XMLSchema:
    path = schema_path()
    key = str(path)
    with _lock:
        schema = _schemas.get(key)
        if schema is None:
            if not path.is_file():
                raise ImproperlyConfigured(
                    f"customs XSD not found at {path}: set JMT_CUSTOMS_XSD_PATH to the official "
                    f"{XSD_FILE_NAME} (it imports xmldsig-core-schema.xsd from the same folder)"
                )
            # The XSD imports xmldsig-core-schema.xsd by a relative location: parse from the file path.
            schema = etree.XMLSchema(etree.parse(str(path), parser=safe_parser()))
            _schemas[key] = schema
    return schema


def safe_parser() -> etree.XMLParser:
    """No entities, no network, no DTD loading: received XML is untrusted."""
    return etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False, huge_tree=False)


def validation_errors(document: etree._Element | etree._ElementTree) -> list[str]:
    schema = get_schema()
    if schema.validate(document):
        return []
    return [f"line {e.line}: {e.message}" for e in schema.error_log]


def assert_valid(document: etree._Element, message_type: str) -> None:
    errors = validation_errors(document)
    if errors:
        raise MessageInvalid(message_type, errors)
