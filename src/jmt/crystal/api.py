"""水晶行业专项 for the merchant (``/crystal``): hints, the declaration assistant, document templates,
and the requirement reminders of a 9610 import or batch."""

from dataclasses import asdict
from typing import Any

from django.http import HttpRequest, HttpResponse
from ninja import Query, Router

from jmt.core.documents import CONTENT_TYPES, attachment
from jmt.core.permissions import AUTHENTICATED, actor_of, require
from jmt.core.schemas import error_responses
from jmt.crystal import documents, rules, selectors
from jmt.crystal import schemas as s
from jmt.crystal.errors import CrystalError
from jmt.merchants.profile import profile_values

router = Router(tags=["crystal"])
VIEW = "training:crystal:view"


def answers_of(query: s.CrystalAdviceQuery) -> rules.Answers:
    return rules.Answers(
        material=rules.Material(query.material),
        working=rules.Working(query.working),
        setting=rules.Setting(query.setting),
        stone=rules.Stone(query.stone),
        kind=rules.Kind(query.kind),
        religious=query.religious,
        sensitive=query.sensitive,
    )


def advice_out(advice: rules.Advice) -> dict[str, Any]:
    out = asdict(advice)
    for candidate, data in zip(advice.candidates, out["candidates"], strict=True):
        data["gmodel_example"] = candidate.gmodel_example
    return out


@router.get(
    "/hints",
    response={200: list[s.CrystalHintOut], **error_responses(401)},
    operation_id="crystal_hints",
    summary="水晶专项提示文案（显示中的），及各自显示的位置",
    description="后台「水晶行业专项」编辑的易碎品申报、商业发票特殊要求、文化属性说明等提示；"
    "报关导入预览、发货单货品与商品编辑按 `placements` 显示在对应字段旁。",
)
@require(AUTHENTICATED)
def hints(request: HttpRequest) -> list[dict[str, Any]]:
    return selectors.hints_shown()


@router.get(
    "/assistant/questions",
    response={200: list[s.CrystalQuestionOut], **error_responses(401, 403)},
    operation_id="crystal_assistant_questions",
    summary="水晶申报助手：问题与选项",
)
@require(VIEW)
def assistant_questions(request: HttpRequest) -> list[dict[str, Any]]:
    return rules.questions()


@router.get(
    "/assistant/advice",
    response={200: s.CrystalAdviceOut, **error_responses(401, 403, 422)},
    operation_id="crystal_assistant_advice",
    summary="水晶申报助手：按回答给出申报品名、HS 编码候选与申报要素、所需单证",
    description="编码、退税率与申报要素来自平台收录的水晶商品归类资料；资料只给到品目（7113、7013、7117）"
    "或未收录的情况，`needs_broker` 为 true 并在 `broker_points` 说明须报关行确认的事项。",
)
@require(VIEW)
def assistant_advice(request: HttpRequest, query: Query[s.CrystalAdviceQuery]) -> dict[str, Any]:
    return advice_out(rules.advise(answers_of(query)))


@router.get(
    "/templates",
    response={200: list[s.CrystalTemplateOut], **error_responses(401, 403)},
    operation_id="crystal_templates",
    summary="水晶特殊单证模板列表",
)
@require(VIEW)
def templates(request: HttpRequest) -> list[dict[str, Any]]:
    return [asdict(t) for t in documents.TEMPLATES.values()]


@router.get(
    "/templates/{key}",
    response={200: None, **error_responses(401, 403, 404, 422)},
    operation_id="crystal_template_download",
    summary="下载水晶特殊单证模板（按企业资料预填；带上助手的回答时一并填入申报品名与编码）",
    openapi_extra={
        "responses": {
            200: {
                "description": "xlsx 或 docx 文件（文件名为模板中文名称）",
                "content": {t: {} for t in CONTENT_TYPES.values()},
            }
        }
    },
)
@require(VIEW)
def template_download(request: HttpRequest, key: str, query: Query[s.CrystalTemplateQuery]) -> HttpResponse:
    template = documents.TEMPLATES.get(key)
    if template is None:
        raise CrystalError.template_unknown()
    actor = actor_of(request)
    profile = profile_values(actor.merchant) if actor.merchant is not None else {}
    answers = answers_of(s.CrystalAdviceQuery(**query.dict())) if query.material else None
    advice = rules.advise(answers) if answers else None
    content = documents.render(key, documents.values_for(profile, answers, advice), advice)
    return attachment(content, title=template.title, file_format=template.format)


@router.get(
    "/reminders/imports/{import_id}",
    response={200: list[s.CrystalReminderOut], **error_responses(401, 403, 404)},
    operation_id="crystal_import_reminders",
    summary="电子订单导入的申报要求提醒（如含 7116 商品时提示申报要素）",
)
@require("customs:orders:view")
def import_reminders(request: HttpRequest, import_id: int) -> list[dict[str, Any]]:
    return selectors.import_reminders(actor=actor_of(request), import_id=import_id)


@router.get(
    "/reminders/batches/{batch_id}",
    response={200: list[s.CrystalReminderOut], **error_responses(401, 403, 404)},
    operation_id="crystal_batch_reminders",
    summary="9610 批次的申报要求提醒（按批次内清单商品的 HS 编码）",
)
@require("customs:batches:view")
def batch_reminders(request: HttpRequest, batch_id: int) -> list[dict[str, Any]]:
    return selectors.batch_reminders(actor=actor_of(request), batch_id=batch_id)
