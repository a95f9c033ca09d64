"""The assistant (E1): answers from sources, personalised by the merchant, 「我不确定」 without a source."""

import json

import pytest

from conftest import make_merchant_user
from jmt.customs.models import GatewayConfig
from jmt.filings.models import Filing
from jmt.merchants.models import MemberRole, Merchant, RegistrationStatus
from jmt.training.models import AnswerMode, MerchantChannels, Turn

pytestmark = pytest.mark.django_db
SALES_QUESTION = "怎么在平台上提高水晶销量"


def ask(api, user, question, **extra):
    return api.as_user(user).post("/training/assistant/ask", {"question": question, **extra})


def test_a_tiktok_seller_is_answered_from_the_tiktok_lesson(api, merchant_admin, crystal_merchant, content):
    MerchantChannels.objects.create(merchant=crystal_merchant, channels=["tiktok"])
    body = ask(api, merchant_admin, SALES_QUESTION).json()
    assert body["sources"][0]["title"].endswith("TikTok Shop：短视频和直播卖水晶")
    assert "TikTok" in body["hints"][0]["text"]


def test_an_amazon_seller_is_answered_from_the_amazon_lesson(api, merchant_admin, crystal_merchant, content):
    MerchantChannels.objects.create(merchant=crystal_merchant, channels=["amazon"])
    body = ask(api, merchant_admin, SALES_QUESTION).json()
    assert body["sources"][0]["title"].endswith("亚马逊：listing、类目与 FBA")
    assert "亚马逊" in body["hints"][0]["text"]


def test_a_question_naming_a_channel_is_answered_for_that_channel_whatever_the_profile(
    api, merchant_admin, crystal_merchant, content
):
    MerchantChannels.objects.create(merchant=crystal_merchant, channels=["tiktok"])
    body = ask(api, merchant_admin, "Etsy 上怎么提高水晶销量").json()
    assert body["sources"][0]["title"].endswith("Etsy：手作与独特单品的店铺")


def test_the_channels_are_asked_once_when_not_known(api, merchant_admin, content):
    first = ask(api, merchant_admin, SALES_QUESTION).json()
    assert first["ask_channels"] is True
    saved = api.as_user(merchant_admin).client.put(
        "/api/v1/training/assistant/channels",
        json.dumps({"channels": ["etsy", "facebook"]}),
        content_type="application/json",
        headers={"Authorization": f"Bearer {api.as_user(merchant_admin).token}"},
    )
    assert saved.json()["channels"] == ["etsy", "facebook"]
    assert ask(api, merchant_admin, SALES_QUESTION).json()["ask_channels"] is False


def test_an_unknown_channel_is_refused_in_chinese(api, merchant_admin, content):
    client = api.as_user(merchant_admin)
    response = client.client.put(
        "/api/v1/training/assistant/channels",
        json.dumps({"channels": ["myspace"]}),
        content_type="application/json",
        headers={"Authorization": f"Bearer {client.token}"},
    )
    assert response.status_code == 422
    assert response.json()["code"] == "TRAINING_CHANNEL_UNKNOWN"
    assert not MerchantChannels.objects.exists()


def test_a_read_only_member_cannot_change_the_merchants_channels(api, merchant_member, content):
    client = api.as_user(merchant_member)
    response = client.client.put(
        "/api/v1/training/assistant/channels",
        json.dumps({"channels": ["tiktok"]}),
        content_type="application/json",
        headers={"Authorization": f"Bearer {client.token}"},
    )
    assert response.status_code == 403


def test_a_question_without_a_source_gets_i_am_not_sure_and_the_staff_wechat(api, merchant_admin, content, settings):
    settings.SUPPORT_WECHAT = "jj-service"
    body = ask(api, merchant_admin, "明天连云港会下雨吗").json()
    assert body["mode"] == "unsure"
    assert body["answer"].startswith("我不确定")
    assert body["sources"] == []
    assert body["handover"]["wechat"] == "jj-service"


def test_a_question_about_an_unknown_platform_fact_hands_over(api, merchant_admin, content):
    body = ask(api, merchant_admin, "平台可以给我提供贷款吗").json()
    assert body["mode"] == "unsure"


def test_without_an_llm_the_answer_says_it_is_quoted_from_the_knowledge_base(api, merchant_admin, content):
    body = ask(api, merchant_admin, "水晶手链报关用什么 HS 编码").json()
    assert body["mode"] == "retrieval"
    assert "未接入大模型" in body["answer"]
    assert "7116200000" in body["answer"]
    source = body["sources"][0]
    assert source["kind"] == "lesson"
    assert source["url"].startswith("/training/courses/")


def _hints(body):
    return [hint["text"] for hint in body["hints"]]


DXP_QUESTION = "DXP ID 要不要自己申请"


def test_a_merchant_without_a_dxp_id_filing_is_told_so_and_pointed_to_the_filing_page(api, merchant_admin, content):
    body = ask(api, merchant_admin, DXP_QUESTION).json()
    hint = next(h for h in body["hints"] if "还没有申请 DXP ID" in h["text"])
    assert (hint["route"], hint["action"]) == ("/filings/dxp-id", "去申请")


def test_two_merchants_with_different_filing_states_get_different_answers_to_the_same_question(
    api, merchant_admin, crystal_merchant, content
):
    neighbour = Merchant.objects.create(name="连云港晶华水晶", registration_status=RegistrationStatus.APPROVED)
    other = make_merchant_user("13900000077", neighbour, MemberRole.ADMIN)
    Filing.objects.create(merchant=neighbour, filing_type="dxp-id", state="reviewing")

    mine = _hints(ask(api, merchant_admin, DXP_QUESTION).json())
    theirs = _hints(ask(api, other, DXP_QUESTION).json())

    assert any("还没有申请 DXP ID" in h for h in mine)
    assert not any("还没有申请 DXP ID" in h for h in theirs)
    assert any("DXP ID 申请正在办理（捷晶审核）" in h for h in theirs)


def test_a_merchant_whose_dxp_id_filing_is_done_is_told_it_is_done(api, merchant_admin, crystal_merchant, content):
    Filing.objects.create(merchant=crystal_merchant, filing_type="dxp-id", state="completed")
    assert any("DXP ID 申请已办结" in h for h in _hints(ask(api, merchant_admin, DXP_QUESTION).json()))


def test_a_filing_question_names_the_next_filing_to_do(api, merchant_admin, crystal_merchant, content):
    Filing.objects.create(merchant=crystal_merchant, filing_type="customs-registration", state="completed")
    body = ask(api, merchant_admin, "海关备案要办哪些").json()
    hint = next(h for h in body["hints"] if "跨境申报已办结 1/" in h["text"])
    assert "建议下一步办理「电子口岸卡办理」" in hint["text"]
    assert hint["route"] == "/filings/eport-card"


def test_a_merchant_with_a_dxp_id_is_not_told_it_lacks_one(api, merchant_admin, crystal_merchant, content):
    GatewayConfig.objects.create(merchant=crystal_merchant, dxp_id="DXPENT0000012345", check_status="ok")
    body = ask(api, merchant_admin, DXP_QUESTION).json()
    assert not any("DXP ID" in hint for hint in _hints(body))


def test_a_merchant_not_yet_registered_is_told_customs_opens_after_approval(
    api, merchant_admin, crystal_merchant, content
):
    crystal_merchant.registration_status = RegistrationStatus.IN_PROGRESS
    crystal_merchant.save()
    body = ask(api, merchant_admin, "9610 报关要先办哪些备案").json()
    hint = next(h for h in body["hints"] if "工商注册尚未核准（办理中）" in h["text"])
    assert hint["route"] == "/registration/progress"
    assert not any("DXP ID" in h for h in _hints(body))


def test_a_merchant_that_has_not_started_registration_is_pointed_to_the_application(
    api, merchant_admin, crystal_merchant, content
):
    crystal_merchant.registration_status = RegistrationStatus.NOT_STARTED
    crystal_merchant.save()
    body = ask(api, merchant_admin, DXP_QUESTION).json()
    hint = next(h for h in body["hints"] if "还没有办理工商注册" in h["text"])
    assert hint["route"] == "/registration/apply"


def test_a_platform_question_cites_the_help_page(api, merchant_admin, content):
    body = ask(api, merchant_admin, "点点通接口配置在哪里修改").json()
    urls = [s["url"] for s in body["sources"]]
    assert any(url.startswith("/training/help/") for url in urls)
    help_key = next(url for url in urls if url.startswith("/training/help/")).rsplit("/", 1)[-1]
    assert api.as_user(merchant_admin).get(f"/training/help/{help_key}").status_code == 200


def test_the_conversation_keeps_every_turn_for_its_owner(api, merchant_admin, content):
    first = ask(api, merchant_admin, "体积重怎么计算").json()
    ask(api, merchant_admin, "结汇看哪个汇率", conversation_id=first["conversation_id"])
    detail = api.as_user(merchant_admin).get(f"/training/conversations/{first['conversation_id']}").json()
    assert [t["question"] for t in detail["turns"]] == ["体积重怎么计算", "结汇看哪个汇率"]


def test_a_colleagues_conversation_is_not_found(api, merchant_admin, merchant_member, content):
    first = ask(api, merchant_admin, "体积重怎么计算").json()
    assert api.as_user(merchant_member).get(f"/training/conversations/{first['conversation_id']}").status_code == 404
    assert ask(api, merchant_member, "结汇看哪个汇率", conversation_id=first["conversation_id"]).status_code == 404


def test_a_thumbs_down_is_stored_on_the_answer(api, merchant_admin, content):
    turn = ask(api, merchant_admin, "体积重怎么计算").json()
    response = api.as_user(merchant_admin).post(f"/training/turns/{turn['id']}/rating", {"rating": -1})
    assert response.json()["rating"] == -1
    assert Turn.objects.get(pk=turn["id"]).rating == -1


def test_a_colleague_cannot_rate_someone_elses_answer(api, merchant_admin, merchant_member, content):
    turn = ask(api, merchant_admin, "体积重怎么计算").json()
    assert api.as_user(merchant_member).post(f"/training/turns/{turn['id']}/rating", {"rating": 1}).status_code == 404


def _events(response):
    text = b"".join(response.streaming_content).decode()
    events = []
    for frame in text.strip().split("\n\n"):
        name, data = frame.split("\n", 1)
        events.append((name.removeprefix("event: "), json.loads(data.removeprefix("data: "))))
    return events


def test_the_stream_sends_sources_first_then_the_text_then_the_saved_turn(api, merchant_admin, content):
    response = api.as_user(merchant_admin).post("/training/assistant/ask-stream", {"question": "体积重怎么计算"})
    assert response["Content-Type"].startswith("text/event-stream")
    events = _events(response)
    assert [name for name, _ in events] == ["meta", "delta", "done"]
    assert events[0][1]["sources"][0]["title"].endswith("计费重量与体积重怎么算")
    assert events[2][1]["turn"]["answer"] == events[1][1]["text"]


def test_with_an_llm_its_words_are_streamed_and_stored(api, merchant_admin, content, settings):
    settings.LLM_BACKEND = "fake"
    response = api.as_user(merchant_admin).post("/training/assistant/ask-stream", {"question": "体积重怎么计算"})
    events = _events(response)
    deltas = [data["text"] for name, data in events if name == "delta"]
    assert len(deltas) > 1
    turn = Turn.objects.get()
    assert (turn.mode, turn.answer) == (AnswerMode.LLM, "".join(deltas))


def test_without_a_source_the_llm_is_not_asked(api, merchant_admin, content, settings, monkeypatch):
    settings.LLM_BACKEND = "fake"
    from jmt.integrations.llm import fake

    calls: list[object] = []

    def record(self, messages):
        calls.append(messages)
        return iter(["x"])

    monkeypatch.setattr(fake.FakeChatModel, "stream", record)
    body = ask(api, merchant_admin, "明天连云港会下雨吗").json()
    assert (body["mode"], calls) == ("unsure", [])


def test_an_llm_breaking_off_is_followed_by_the_passages(api, merchant_admin, content, settings, monkeypatch):
    settings.LLM_BACKEND = "fake"
    from jmt.integrations.llm import fake
    from jmt.integrations.llm.port import LlmError

    def broken(self, messages):
        yield "体积重是"
        raise LlmError("stream cut")

    monkeypatch.setattr(fake.FakeChatModel, "stream", broken)
    body = ask(api, merchant_admin, "体积重怎么计算").json()
    assert body["answer"].startswith("体积重是")
    assert "回答生成中断" in body["answer"]
    assert "5000" in body["answer"]
