from jmt.core.errors import NotFound


def merchant_not_found() -> NotFound:
    return NotFound("未找到该商户，或您不是其成员")
