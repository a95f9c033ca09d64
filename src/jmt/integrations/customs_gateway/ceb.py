"""What the simulator needs of the CEB format, on its own: the namespace, a safe parser, the XSD check.

The simulator stands in for customs, and customs checks every message against the official export
XSD (a failure is answered with a CEB900). It reads the same official file the customs app builds
against (``settings.CUSTOMS_XSD_PATH``) but does not import the customs app: the gateway side knows
only the wire format.
"""

from __future__ import annotations

import threading
from pathlib import Path

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from lxml import etree

CEB_NS = "http://www.chinaport.gov.cn/ceb"

_lock = threading.Lock()
_schemas: dict[str, etree.XMLSchema] = {}


def safe_parser() -> etree.XMLParser:
    """No entities, no network, no DTD loading: what arrives is untrusted."""
    return etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False, huge_tree=False)


def _schema() -> etree.XMLSchema:
    path = Path(settings.CUSTOMS_XSD_PATH)
    with _lock:
        schema = _schemas.get(str(path))
        if schema is None:
            if not path.is_file():
                raise ImproperlyConfigured(f"the simulated customs needs the official export XSD at {path}")
            schema = etree.XMLSchema(etree.parse(str(path), parser=safe_parser()))
            _schemas[str(path)] = schema
    return schema


def validation_errors(document: etree._Element | etree._ElementTree) -> list[str]:
    """The XSD's complaints about ``document`` (``line N: reason``), empty when it validates."""
    schema = _schema()
    if schema.validate(document):
        return []
    return [f"line {e.line}: {e.message}" for e in schema.error_log]
