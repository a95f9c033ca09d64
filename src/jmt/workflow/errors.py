"""Error codes of the workflow mechanism."""

from __future__ import annotations

from jmt.core.errors import ApiError

ERROR_CODES: dict[str, str] = {
    "WORKFLOW_ILLEGAL_TRANSITION": "当前状态下不能执行该操作（details.allowed 列出可执行的下一步）",
    "WORKFLOW_COMMENT_REQUIRED": "该操作需要填写原因或说明",
    "WORKFLOW_TYPE_UNKNOWN": "未知的业务类型",
}


class WorkflowError:
    @staticmethod
    def illegal_transition(*, current: str, current_label: str, target: str, allowed: list[str]) -> ApiError:
        return ApiError(
            "WORKFLOW_ILLEGAL_TRANSITION",
            f"当前状态为「{current_label}」，不能执行该操作，请刷新后重试",
            status=409,
            details={"current": current, "to": target, "allowed": allowed},
        )

    @staticmethod
    def comment_required(label: str) -> ApiError:
        return ApiError(
            "WORKFLOW_COMMENT_REQUIRED",
            f"「{label}」需要填写原因",
            status=422,
            details={"fields": {"comment": "请填写原因"}},
        )

    @staticmethod
    def unknown_type(type_: str) -> ApiError:
        return ApiError("WORKFLOW_TYPE_UNKNOWN", "未知的业务类型", status=404, details={"type": type_})
