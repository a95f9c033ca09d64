"""Error codes of 培训服务."""

from __future__ import annotations

from jmt.core.errors import ApiError

ERROR_CODES: dict[str, str] = {
    "TRAINING_NO_MERCHANT": "请先选择要学习的商户",
    "TRAINING_CHANNEL_UNKNOWN": "销售渠道不在可选范围内",
    "TRAINING_SLUG_TAKEN": "标识已被使用，请换一个",
    "TRAINING_FILE_INVALID": "文件格式不正确",
    "TRAINING_VIDEO_LINK_INVALID": "视频链接已失效，请刷新页面后重试",
    "TRAINING_RANGE_INVALID": "请求的视频范围无效",
}


class TrainingError:
    @staticmethod
    def no_merchant() -> ApiError:
        return ApiError("TRAINING_NO_MERCHANT", ERROR_CODES["TRAINING_NO_MERCHANT"], status=409)

    @staticmethod
    def channel_unknown(channels: list[str]) -> ApiError:
        return ApiError(
            "TRAINING_CHANNEL_UNKNOWN",
            ERROR_CODES["TRAINING_CHANNEL_UNKNOWN"],
            status=422,
            details={"fields": {"channels": "销售渠道不在可选范围内"}, "unknown": channels},
        )

    @staticmethod
    def slug_taken() -> ApiError:
        return ApiError(
            "TRAINING_SLUG_TAKEN",
            ERROR_CODES["TRAINING_SLUG_TAKEN"],
            status=422,
            details={"fields": {"slug": "标识已被使用，请换一个"}},
        )

    @staticmethod
    def file_invalid(message: str) -> ApiError:
        return ApiError("TRAINING_FILE_INVALID", message, status=422, details={"fields": {"file": message}})

    @staticmethod
    def video_link_invalid() -> ApiError:
        return ApiError("TRAINING_VIDEO_LINK_INVALID", ERROR_CODES["TRAINING_VIDEO_LINK_INVALID"], status=403)

    @staticmethod
    def range_invalid() -> ApiError:
        return ApiError("TRAINING_RANGE_INVALID", ERROR_CODES["TRAINING_RANGE_INVALID"], status=416)
