"""Error codes of 交易平台."""

from __future__ import annotations

from typing import Any

from jmt.core.errors import ApiError

ERROR_CODES: dict[str, str] = {
    "SHOWROOM_INVALID": "填写的内容有误，请按提示修改",
    "SHOWROOM_CATEGORY_CYCLE": "不能把分类移动到它自己或它的下级分类之下",
    "SHOWROOM_CATEGORY_DISABLED": "该分类已停用，不能再添加新商品",
    "SHOWROOM_CATEGORY_NOT_EMPTY": "该分类下还有子分类或商品，不能删除",
    "SHOWROOM_NAME_TAKEN": "同一位置已有同名项目",
    "SHOWROOM_PRODUCT_NOT_EDITABLE": "商品当前状态不能修改",
    "SHOWROOM_IMAGE_INVALID": "只能上传 JPEG 或 PNG 图片",
    "SHOWROOM_IMAGE_TOO_LARGE": "图片过大",
    "SHOWROOM_TOO_MANY_IMAGES": "每个商品最多 9 张图片",
}


def _error(code: str, status: int, message: str | None = None, **details: Any) -> ApiError:
    return ApiError(code, message or ERROR_CODES[code], status=status, details=details)


class ShowroomError:
    @staticmethod
    def invalid(fields: dict[str, str]) -> ApiError:
        return _error("SHOWROOM_INVALID", 422, fields=fields)

    @staticmethod
    def cycle() -> ApiError:
        return _error("SHOWROOM_CATEGORY_CYCLE", 409)

    @staticmethod
    def category_disabled(name: str) -> ApiError:
        return _error("SHOWROOM_CATEGORY_DISABLED", 409, f"分类「{name}」已停用，不能再添加新商品")

    @staticmethod
    def category_not_empty() -> ApiError:
        return _error("SHOWROOM_CATEGORY_NOT_EMPTY", 409)

    @staticmethod
    def name_taken(name: str) -> ApiError:
        return _error("SHOWROOM_NAME_TAKEN", 409, f"已有名为「{name}」的项目", fields={"name": "名称重复"})

    @staticmethod
    def not_editable(state_label: str) -> ApiError:
        return _error("SHOWROOM_PRODUCT_NOT_EDITABLE", 409, f"商品当前为「{state_label}」，不能修改")

    @staticmethod
    def image_invalid() -> ApiError:
        return _error("SHOWROOM_IMAGE_INVALID", 422)

    @staticmethod
    def image_too_large(limit_mb: int) -> ApiError:
        return _error("SHOWROOM_IMAGE_TOO_LARGE", 413, f"图片不能超过 {limit_mb} MB")

    @staticmethod
    def too_many_images() -> ApiError:
        return _error("SHOWROOM_TOO_MANY_IMAGES", 409)
