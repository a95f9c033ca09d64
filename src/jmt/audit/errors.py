"""Error codes of the operation log, its exports and archives."""

from __future__ import annotations

from jmt.core.errors import ApiError

ERROR_CODES: dict[str, str] = {
    "AUDIT_ARCHIVE_FILE_MISSING": "归档文件不存在，请联系系统管理员",
}


class AuditError:
    @staticmethod
    def invalid_fields(fields: dict[str, str]) -> ApiError:
        return ApiError("VALIDATION_ERROR", "提交的数据有误，请检查标红的字段", status=422, details={"fields": fields})

    @staticmethod
    def archive_file_missing() -> ApiError:
        return ApiError("AUDIT_ARCHIVE_FILE_MISSING", ERROR_CODES["AUDIT_ARCHIVE_FILE_MISSING"], status=410)
