"""The assistant's answer: retrieval, the merchant's context, and either the model's words (when an
llm is configured) or the passages themselves — never a platform fact without a source."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from django.conf import settings

from jmt.integrations.llm.port import ChatMessage
from jmt.merchants.models import RegistrationStatus
from jmt.training.context import DXP_FILING, MerchantContext
from jmt.training.knowledge import tokens
from jmt.training.retrieval import Hit, confident, named_channels, search

CUSTOMS_WORDS = frozenset(
    {"报关", "9610", "申报", "点点通", "dxp", "清单", "批次", "汇总", "海关", "报文", "单一窗口", "电子口岸"}
)
GATED_WORDS = CUSTOMS_WORDS | frozenset({"物流", "退税", "结汇", "收汇", "发货", "展厅"})
RETRIEVAL_NOTE = "（当前未接入大模型，以下为知识库原文摘录，请以出处为准。）"
UNSURE = "我不确定。这个问题在课程、平台帮助和常见问题里都没有找到可靠的出处，为避免给您错误的信息，建议转人工客服。"
EXCERPT_CHARS = 260


@dataclass
class Prepared:
    question: str
    hits: list[Hit]
    context: MerchantContext
    hints: list[dict[str, str]] = field(default_factory=list)
    ask_channels: bool = False

    @property
    def unsure(self) -> bool:
        return not self.hits


def handover() -> dict[str, str]:
    return {"wechat": settings.SUPPORT_WECHAT, "hours": settings.SUPPORT_HOURS}


def _topic_customs(words: set[str], hits: list[Hit]) -> bool:
    return bool(words & CUSTOMS_WORDS) or any(
        h.doc.key == "help:customs" or h.doc.group == "export-9610" for h in hits[:1]
    )


REGISTRATION_WORDS = frozenset({"工商", "注册", "营业执照", "个体户", "个体工商户", "公司", "核准", "入驻"})
FILING_WORDS = frozenset(
    {"备案", "海关注册", "注册登记", "电子口岸", "口岸卡", "加签", "云加签", "企业备案", "跨境申报", "海关编码"}
)


def _hint(text: str, route: str = "", action: str = "") -> dict[str, str]:
    """One personal hint, the page it points to (``""`` for none) and the words of that link."""
    return {"text": text, "route": route, "action": action if route else ""}


def _registration_hint(context: MerchantContext) -> dict[str, str]:
    if context.registration_status == RegistrationStatus.NOT_STARTED:
        return _hint(
            "您还没有办理工商注册：跨境物流、跨境申报、出口报关、出口退税、收结汇要在工商注册核准后才能使用，"
            "可以先到「工商注册」提交申请。",
            "/registration/apply",
            "去办理",
        )
    return _hint(
        f"您的工商注册尚未核准（{context.registration_label}）：跨境物流、跨境申报、出口报关、出口退税、"
        "收结汇要在核准后才能使用，可在「注册进度」查看办到哪一步。",
        "/registration/progress",
        "查看进度",
    )


def _dxp_hint(context: MerchantContext) -> dict[str, str] | None:
    """Where the DXP ID stands, from the 跨境申报 filing (and the gateway config it ends up in)."""
    if context.gateway in ("ready", "not_ready"):
        return None  # the gateway already holds a DXP ID
    dxp = context.filing(DXP_FILING)
    if dxp is None:
        return None
    if not dxp.started:
        return _hint(
            "您还没有申请 DXP ID：可以在「跨境申报 → DXP ID 申请」办理；小卖家也可以由平台用您的海关编码"
            "代为传输，不一定要自己申请。",
            dxp.route,
            "去申请",
        )
    if not dxp.done:
        return _hint(
            f"您的 DXP ID 申请正在办理（{dxp.state_label}），办结后会自动带入点点通接口配置。", dxp.route, "查看进度"
        )
    return _hint("您的 DXP ID 申请已办结，捷晶管理员会把 DXP ID 写入您的点点通接口配置。", dxp.route, "查看结果")


def _filings_hint(context: MerchantContext) -> dict[str, str] | None:
    if not context.filings:
        return None
    done = sum(1 for f in context.filings if f.done)
    following = context.next_filing()
    if following is None:
        return _hint(f"您的跨境申报已全部办结（{done} 项），可以开始 9610 出口申报。", "/filings/guide", "查看")
    where = "正在办理" if following.started else "建议下一步办理"
    return _hint(
        f"您的跨境申报已办结 {done}/{len(context.filings)} 项，{where}「{following.label}」"
        f"（{following.state_label}）。",
        following.route,
        "去办理",
    )


def personal_hints(
    question_tokens: list[str], hits: list[Hit], context: MerchantContext
) -> tuple[list[dict[str, str]], bool]:
    """What the merchant's own situation adds to the answer (each hint with the page it points to), and
    whether to ask for its channels."""
    words = {w.lower() for w in question_tokens}
    hints: list[dict[str, str]] = []
    channel_question = any(h.doc.channel for h in hits) and not named_channels(question_tokens)
    if context.channels and hits and hits[0].doc.channel in context.channels:
        labels = "、".join(context.channel_labels())
        hints.append(_hint(f"您在 {labels} 销售，以上优先给出与您的渠道相关的内容。"))
    ask = channel_question and not context.channels_asked
    if ask:
        hints.append(_hint("告诉我您在哪些平台销售（TikTok、亚马逊、Etsy、Facebook 等），以后的回答会更贴合您的渠道。"))
    if not context.registration_approved and words & (GATED_WORDS | REGISTRATION_WORDS | FILING_WORDS):
        hints.append(_registration_hint(context))
    customs = _topic_customs(words, hits)
    dxp = _dxp_hint(context) if customs and context.registration_approved else None
    if dxp is not None:
        hints.append(dxp)
    if context.registration_approved and words & FILING_WORDS:
        filings = _filings_hint(context)
        if filings is not None:
            hints.append(filings)
    if customs:
        if context.gateway == "none":
            hints.append(
                _hint("您还没有点点通接口配置：需要开通报关请联系捷晶管理员配置。", "/customs/gateway", "查看配置")
            )
        elif context.gateway == "no_dxp" and dxp is None:
            hints.append(
                _hint("您的点点通接口配置里还没有 DXP ID，请联系捷晶管理员补充。", "/customs/gateway", "查看配置")
            )
        elif context.gateway == "not_ready":
            hints.append(
                _hint(f"您的点点通接口配置暂不能申报：{context.gateway_message}", "/customs/gateway", "查看配置")
            )
        elif context.batches == 0:
            hints.append(
                _hint(
                    "您的点点通接口配置已就绪，还没有创建报关批次，可以在「出口报关 → 出口订单批次报送」开始。",
                    "/customs/batches",
                    "去创建",
                )
            )
    return hints, ask


def prepare(question: str, context: MerchantContext) -> Prepared:
    hits = confident(search(question, channels=context.channels))
    hints, ask = personal_hints(tokens(question), hits, context) if hits else ([], False)
    return Prepared(question=question, hits=hits, context=context, hints=hints, ask_channels=ask)


def excerpt(text: str, limit: int = EXCERPT_CHARS) -> str:
    if len(text) <= limit:
        return text
    cut = text[:limit]
    end = max(cut.rfind("。"), cut.rfind("；"), cut.rfind("！"))
    return (cut[: end + 1] if end > limit // 2 else cut) + "……"


def sources_out(hits: list[Hit]) -> list[dict[str, Any]]:
    return [
        {
            "key": h.doc.key,
            "kind": h.doc.kind,
            "title": h.doc.title,
            "url": h.doc.url,
            "heading": h.passage.heading,
            "excerpt": excerpt(h.passage.text, 120),
        }
        for h in hits
    ]


def retrieval_answer(prepared: Prepared) -> str:
    if prepared.unsure:
        return UNSURE
    top = prepared.hits[0]
    title = top.doc.title + (f" · {top.passage.heading}" if top.passage.heading else "")
    parts = [RETRIEVAL_NOTE, f"【{title}】[1]", excerpt(top.passage.text)]
    if top.also is not None:
        parts.append((f"{top.also.heading}：" if top.also.heading else "") + excerpt(top.also.text))
    if len(prepared.hits) > 1:
        parts.append("另见：" + "；".join(f"{h.doc.title}[{i}]" for i, h in enumerate(prepared.hits[1:], start=2)))
    return "\n\n".join(parts)


SYSTEM_PROMPT = (
    "你是晶贸通（东海水晶跨境电商服务平台）的智能客服。只根据下面编号的资料回答用户的问题，"
    "在用到的句子后标注资料编号，如[1]。资料里没有的内容，直接回答「我不确定」，并建议转人工客服；"
    "不得编造平台功能、费用、政策或办理时限。用简体中文，先给结论，再分点说明，不超过 300 字。"
)


def llm_messages(prepared: Prepared, history: list[tuple[str, str]]) -> list[ChatMessage]:
    ctx = prepared.context
    about = [
        f"工商注册状态：{'已核准' if ctx.registration_approved else '未核准'}",
        f"销售渠道：{'、'.join(ctx.channel_labels()) or '未告知'}",
        f"正在使用：{'、'.join(ctx.modules_in_use())}",
        *(f"提示：{h['text']}" for h in prepared.hints),
    ]
    passages = "\n\n".join(
        f"[{i}] {h.doc.title}{' · ' + h.passage.heading if h.passage.heading else ''}\n{h.passage.text}"
        + (f"\n{h.also.heading}：{h.also.text}" if h.also else "")
        for i, h in enumerate(prepared.hits, start=1)
    )
    messages = [
        ChatMessage("system", f"{SYSTEM_PROMPT}\n\n商户情况：\n" + "\n".join(about) + f"\n\n资料：\n{passages}")
    ]
    for question, answer in history[-3:]:
        messages += [ChatMessage("user", question), ChatMessage("assistant", answer)]
    messages.append(ChatMessage("user", prepared.question))
    return messages


def title_of(question: str) -> str:
    return re.sub(r"\s+", " ", question).strip()[:40]
