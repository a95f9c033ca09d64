"""A submitted filing, ready for the back office."""

from typing import Any

from conftest import Api
from jmt.filings.tests.conftest import complete_missing, start, submit
from jmt.filings.tests.test_graphs import MISSING, signed_forms


def submitted(me: Api, merchant: Any, type_key: str) -> dict[str, Any]:
    filing = start(me, type_key)
    complete_missing(me, filing, {**MISSING[type_key], **signed_forms(merchant, type_key)})
    return submit(me, filing["id"])
