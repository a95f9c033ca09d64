"""How the isolation and member walks build an application (see ``jmt.rbac.tests.walk``)."""

from typing import Any

from jmt.registration.models import Application


def _application(owner: Any) -> dict[str, Any]:
    app = Application.objects.create(merchant=owner.merchant, kind="new_individual", state="draft", title="隔离测试")
    return {"application_id": app.pk, "step": "name"}


FACTORIES = {"application_id": _application}
