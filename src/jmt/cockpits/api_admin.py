"""数据驾驶舱 (``/admin/cockpits``): 综合数据 (A3) with its report, 综合服务 (A4), the merchant filter."""

from collections.abc import Callable
from typing import Any

from django.http import HttpRequest
from ninja import Query, Router, Status

from jmt.cockpits import schemas as s
from jmt.cockpits import selectors
from jmt.cockpits.downloads import report_create
from jmt.cockpits.selectors import OVERVIEW_EXPORT, OVERVIEW_VIEW, SERVICE_VIEW
from jmt.core.permissions import actor_of, require
from jmt.core.schemas import error_responses
from jmt.downloads.schemas import DownloadOut, download_out

router = Router(tags=["admin-cockpits"])


@router.get(
    "/overview",
    response={200: s.CockpitOverviewOut, **error_responses(401, 403, 404, 422)},
    operation_id="admin_cockpits_overview",
    summary="综合数据：实时数据、全球订单分布、热销商品、物流时效",
)
@require(OVERVIEW_VIEW)
def overview(request: HttpRequest, query: Query[s.CockpitPeriodQuery]) -> dict[str, Any]:
    return selectors.overview_for(actor_of(request), start=query.start, end=query.end, merchant_id=query.merchant_id)


@router.get(
    "/service",
    response={200: s.CockpitServiceOut, **error_responses(401, 403, 404, 422)},
    operation_id="admin_cockpits_service",
    summary="综合服务：各项服务指标（含定义、与上期对比）",
)
@require(SERVICE_VIEW)
def service(request: HttpRequest, query: Query[s.CockpitPeriodQuery]) -> dict[str, Any]:
    return selectors.service_for(actor_of(request), start=query.start, end=query.end, merchant_id=query.merchant_id)


def _merchant_options(code: str) -> Callable[..., list[dict[str, Any]]]:
    """The merchant filter's choices of one cockpit: the merchants in the data scope of its view code."""

    @require(code)
    def merchant_options(request: HttpRequest, query: Query[s.CockpitMerchantOptionQuery]) -> list[dict[str, Any]]:
        return selectors.merchant_options(actor_of(request), code, query.q)

    return merchant_options


for cockpit, label, view_code in (("overview", "综合数据", OVERVIEW_VIEW), ("service", "综合服务", SERVICE_VIEW)):
    router.get(
        f"/{cockpit}/merchants",
        response={200: list[s.CockpitMerchantOptionOut], **error_responses(401, 403)},
        operation_id=f"admin_cockpits_{cockpit}_merchants",
        url_name=f"{cockpit}_merchants",
        summary=f"{label}的商户筛选候选（数据权限范围内，最多 20 个）",
    )(_merchant_options(view_code))


@router.post(
    "/report",
    response={202: DownloadOut, **error_responses(401, 403, 404, 422)},
    operation_id="admin_cockpits_report",
    summary="自定义报表（按期间 / 目的国 / 商品 / 商户）导出 Excel：加入下载中心",
)
@require(OVERVIEW_EXPORT)
def report(request: HttpRequest, query: Query[s.CockpitReportQuery]) -> Status[dict[str, Any]]:
    download = report_create(
        actor=actor_of(request),
        start=query.start,
        end=query.end,
        merchant_id=query.merchant_id,
        country=query.country,
        hs=query.hs,
    )
    return Status(202, download_out(download))
