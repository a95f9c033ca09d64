"""Fields read from OCR text lines (rapidocr drops the space between label and value)."""

from jmt.documents.ocr import parse


def values(kind, lines):
    return {field["key"]: field["value"] for field in parse(kind, lines)}


def test_a_licence_read_line_by_line_without_spaces():
    lines = [
        "营业执照",
        "统一社会信用代码91320722MA1XYZ1234",
        "名称东海晶莹水晶有限公司",
        "类型有限责任公司(自然人独资)",
        "法定代表人林晶莹",
        "住所江苏省连云港市东海县牛山街道水晶路88号",
        "成立日期2019年03月15日",
    ]
    assert values("business_licence", lines) == {
        "credit_code": "91320722MA1XYZ1234",
        "name": "东海晶莹水晶有限公司",
        "company_type": "有限责任公司(自然人独资)",
        "legal_representative": "林晶莹",
        "address": "江苏省连云港市东海县牛山街道水晶路88号",
        "established_on": "2019-03-15",
    }


def test_a_licence_with_spaced_labels_colons_and_two_columns_on_one_line():
    lines = [
        "统一社会信用代码：91320722ma1xyz1234",
        "名 称 东海县晶品水晶店",
        "类 型 个体工商户 经营者 王小明",
        "经营场所 东海县水晶城A区12号",
        "注册日期 2021年5月8日 组成形式 个人经营",
    ]
    assert values("business_licence", lines) == {
        "credit_code": "91320722MA1XYZ1234",
        "name": "东海县晶品水晶店",
        "company_type": "个体工商户",
        "legal_representative": "王小明",
        "address": "东海县水晶城A区12号",
        "established_on": "2021-05-08",
    }


def test_a_value_on_the_line_after_its_label():
    assert values("business_licence", ["名称", "东海晶莹水晶有限公司", "类型", "有限责任公司"])["name"] == (
        "东海晶莹水晶有限公司"
    )


def test_a_field_not_found_is_empty_for_the_merchant_to_fill_in():
    found = values("business_licence", ["名称东海晶莹水晶有限公司"])
    assert found["name"] == "东海晶莹水晶有限公司"
    assert found["credit_code"] == ""
    assert found["established_on"] == ""


def test_an_id_card_front_and_back():
    front = values(
        "id_card_front", ["姓名林晶莹", "性别女民族汉", "出生1990年1月2日", "公民身份号码32072219900102123x"]
    )
    assert (front["name"], front["id_number"]) == ("林晶莹", "32072219900102123X")
    back = values("id_card_back", ["中华人民共和国", "签发机关东海县公安局", "有效期限2020.01.02-2040.01.02"])
    assert back["valid_period"] == "2020.01.02-2040.01.02"
    assert values("id_card_back", ["有效期限2015.06.01-长期"])["valid_period"] == "2015.06.01-长期"


def test_a_bank_permit():
    lines = [
        "开户许可证",
        "核准号J3070001234501",
        "法定代表人林晶莹",
        "开户银行中国建设银行东海支行",
        "账号3205 0166 3601 0000 1234",
    ]
    found = values("bank_permit", lines)
    assert found == {"bank": "中国建设银行东海支行", "account_number": "32050166360100001234"}


def test_the_fields_come_in_form_order_with_chinese_labels():
    fields = parse("bank_permit", [])
    assert [(f["key"], f["label"], f["value"]) for f in fields] == [
        ("bank", "开户银行", ""),
        ("account_number", "账号", ""),
    ]


def test_an_other_document_has_no_fields():
    assert parse("other", ["名称东海晶莹水晶有限公司"]) == []
