from __future__ import annotations

import pytest

from jmt.core.bulk import insert_values
from jmt.integrations.customs_gateway.models import SimulatedDocument

pytestmark = pytest.mark.django_db


def _doc(key: str, guid: str, data: dict[str, str]) -> SimulatedDocument:
    return SimulatedDocument(kind="order", key=key, guid=guid, message_guid="M1", data=data)


def test_inserted_rows_keep_every_value_including_quotes_and_json():
    data = {"note": 'a "quoted" \\ back-slashed, {braced} 值'}
    insert_values([_doc("E|1", "G1", data), _doc("E|2", "G2", {})])

    rows = {doc.key: doc for doc in SimulatedDocument.objects.all()}
    assert set(rows) == {"E|1", "E|2"}
    assert rows["E|1"].data == data
    assert rows["E|1"].guid == "G1"
    assert rows["E|2"].state == "accepted"  # model defaults are written


def test_rows_breaking_a_unique_constraint_are_skipped_when_asked():
    insert_values([_doc("E|1", "FIRST", {})])

    insert_values([_doc("E|1", "SECOND", {}), _doc("E|3", "G3", {})], ignore_conflicts=True)

    assert dict(SimulatedDocument.objects.values_list("key", "guid")) == {"E|1": "FIRST", "E|3": "G3"}
