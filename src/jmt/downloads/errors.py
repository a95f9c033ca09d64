"""Error codes of the download center."""

from __future__ import annotations

from jmt.core.errors import ApiError

ERROR_CODES: dict[str, str] = {
    "DOWNLOAD_KIND_UNKNOWN": "没有这种导出内容",
    "DOWNLOAD_FORMAT_UNSUPPORTED": "这种导出不支持所选的文件格式",
    "DOWNLOAD_NOT_READY": "文件还在生成，完成后即可下载",
    "DOWNLOAD_EXPIRED": "文件已过期（保留 7 天），请重新导出",
    "DOWNLOAD_FAILED": "文件生成失败，请重新导出",
    "DOWNLOAD_NOT_FAILED": "只有生成失败的导出可以重新生成",
    "DOWNLOAD_LINK_INVALID": "下载链接无效，请回到下载中心重新下载",
    "DOWNLOAD_LINK_EXPIRED": "下载链接已过期（5 分钟内有效），请回到下载中心重新下载",
    "DOWNLOAD_FILE_MISSING": "文件已不存在，请重新导出",
    "DOWNLOAD_OWNER_INACTIVE": "账号已停用，文件未生成",
    "DOWNLOAD_OWNER_LEFT": "您已不在该商户，文件未生成",
    "DOWNLOAD_PERMISSION_LOST": "您已没有这项导出的权限，文件未生成",
}


class DownloadError:
    @staticmethod
    def _e(code: str, status: int) -> ApiError:
        return ApiError(code, ERROR_CODES[code], status=status)

    @classmethod
    def kind_unknown(cls) -> ApiError:
        return cls._e("DOWNLOAD_KIND_UNKNOWN", 422)

    @classmethod
    def format_unsupported(cls) -> ApiError:
        return cls._e("DOWNLOAD_FORMAT_UNSUPPORTED", 422)

    @classmethod
    def not_ready(cls) -> ApiError:
        return cls._e("DOWNLOAD_NOT_READY", 409)

    @classmethod
    def expired(cls) -> ApiError:
        return cls._e("DOWNLOAD_EXPIRED", 410)

    @classmethod
    def failed(cls) -> ApiError:
        return cls._e("DOWNLOAD_FAILED", 409)

    @classmethod
    def not_failed(cls) -> ApiError:
        return cls._e("DOWNLOAD_NOT_FAILED", 409)

    @classmethod
    def link_invalid(cls) -> ApiError:
        return cls._e("DOWNLOAD_LINK_INVALID", 403)

    @classmethod
    def link_expired(cls) -> ApiError:
        return cls._e("DOWNLOAD_LINK_EXPIRED", 410)

    @classmethod
    def file_missing(cls) -> ApiError:
        return cls._e("DOWNLOAD_FILE_MISSING", 410)

    @classmethod
    def owner_inactive(cls) -> ApiError:
        return cls._e("DOWNLOAD_OWNER_INACTIVE", 403)

    @classmethod
    def owner_left(cls) -> ApiError:
        return cls._e("DOWNLOAD_OWNER_LEFT", 403)

    @classmethod
    def permission_lost(cls) -> ApiError:
        return cls._e("DOWNLOAD_PERMISSION_LOST", 403)
