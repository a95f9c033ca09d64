"""Error codes of the documents vault."""

from __future__ import annotations

from jmt.core.errors import ApiError

ALLOWED_TYPES_TEXT = "PDF、JPG、PNG 或 Excel（.xlsx）"

ERROR_CODES: dict[str, str] = {
    "DOCUMENT_TYPE_NOT_ALLOWED": f"文件类型不支持，仅可上传 {ALLOWED_TYPES_TEXT} 文件（按内容识别，改扩展名无效）",
    "DOCUMENT_EMPTY": "文件为空，请重新选择文件",
    "DOCUMENT_TOO_LARGE": "文件超过大小上限",
    "DOCUMENT_OCR_UNSUPPORTED": "该文件不能识别：仅营业执照、身份证、开户许可证的图片（JPG/PNG）可自动识别",
    "DOCUMENT_OCR_FAILED": "未能识别该图片，请上传清晰、端正的照片，或手动填写",
}


class DocumentError:
    @staticmethod
    def type_not_allowed(name: str) -> ApiError:
        return ApiError(
            "DOCUMENT_TYPE_NOT_ALLOWED",
            f"「{name}」的文件内容不是 {ALLOWED_TYPES_TEXT}，不能上传（按文件内容识别，修改扩展名无效）",
            status=422,
            details={"fields": {"file": "文件类型不支持"}},
        )

    @staticmethod
    def empty(name: str) -> ApiError:
        return ApiError(
            "DOCUMENT_EMPTY", f"「{name}」是空文件，请重新选择", status=422, details={"fields": {"file": "文件为空"}}
        )

    @staticmethod
    def too_large(name: str, limit: int) -> ApiError:
        mb = limit / (1024 * 1024)
        return ApiError(
            "DOCUMENT_TOO_LARGE",
            f"「{name}」超过 {mb:g} MB，请压缩后再上传",
            status=422,
            details={"fields": {"file": "文件过大"}, "max_bytes": limit},
        )

    @staticmethod
    def ocr_unsupported() -> ApiError:
        return ApiError("DOCUMENT_OCR_UNSUPPORTED", ERROR_CODES["DOCUMENT_OCR_UNSUPPORTED"], status=422)

    @staticmethod
    def ocr_failed() -> ApiError:
        return ApiError("DOCUMENT_OCR_FAILED", ERROR_CODES["DOCUMENT_OCR_FAILED"], status=422)
