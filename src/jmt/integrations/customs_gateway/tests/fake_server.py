"""A local stand-in for 点点通 on 127.0.0.1: checks our signatures, keeps message guids, answers like
the contract in ``dianduantong.py`` (accepted, duplicate, refused, broken)."""

from __future__ import annotations

from dataclasses import dataclass, field

from jmt.integrations.customs_gateway.signing import verify
from jmt.integrations.testing import Recorded, Reply


@dataclass
class FakeDianDuanTong:
    app_key: str
    secret: str
    accepted: dict[str, bytes] = field(default_factory=dict)  # guid -> XML
    fail_next: list[int] = field(default_factory=list)  # HTTP statuses to answer before behaving
    refuse_with: str = ""  # a business refusal code

    def __call__(self, request: Recorded) -> Reply:
        problem = verify(
            headers=request.headers,
            app_key=self.app_key,
            secret=self.secret,
            method=request.method,
            path=request.path,
            body=request.body,
            max_skew=300,
            remember_nonce=False,
        )
        if problem:
            return 401, {"code": "SIGNATURE_INVALID", "message": problem}
        if self.fail_next:
            return self.fail_next.pop(0), b"<html>upstream busy</html>"
        if request.path.endswith("/ping"):
            return 200, {"code": "0", "message": "pong"}
        if request.method == "POST" and request.path.endswith("/ceb/messages"):
            if self.refuse_with:
                return 200, {"code": self.refuse_with, "message": "企业未备案"}
            guid = request.headers.get("x-ceb-guid", "")
            if guid in self.accepted:
                return 409, {"code": "DUPLICATE", "message": "报文已存在"}
            self.accepted[guid] = request.body
            return 200, {"code": "0", "message": "已接收"}
        return 404, {"code": "NOT_FOUND", "message": "no such route"}
