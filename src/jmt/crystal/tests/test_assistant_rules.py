"""The declaration assistant's answers for five crystal products, from the crystal HS facts."""

from jmt.crystal.rules import (
    ELEMENTS_7116,
    ELEMENTS_7103992000,
    Answers,
    Kind,
    Material,
    Setting,
    Stone,
    Working,
    advise,
    requirement_for,
)


def codes(answers: Answers) -> list[str]:
    return [c.code for c in advise(answers).candidates]


def test_rough_natural_crystal_is_7103100000_by_the_kilogram():
    advice = advise(Answers(Material.NATURAL, Working.ROUGH))
    assert advice.declared_name == "天然水晶原石"
    [candidate] = advice.candidates
    assert (candidate.code, candidate.unit, candidate.refund_rate) == ("7103100000", "千克", "13%")
    assert candidate.elements == ()  # the facts keep no element list for 7103.10: none is invented
    assert "报关行" in candidate.elements_note


def test_an_unset_crystal_bracelet_is_7116200000_with_its_eight_elements():
    advice = advise(Answers(Material.NATURAL, Working.ARTICLE, kind=Kind.BRACELET))
    assert advice.declared_name == "天然水晶手链"
    [candidate] = advice.candidates
    assert candidate.code == "7116200000"
    assert candidate.unit == "千克"
    assert tuple(e.name for e in candidate.elements) == ELEMENTS_7116
    assert ("种类", "手链") in [(e.name, e.example) for e in candidate.elements]
    assert ("材质", "半宝石") in [(e.name, e.example) for e in candidate.elements]
    assert candidate.gmodel_example.split("|")[0] == "天然水晶手链"
    assert len(candidate.gmodel_example.split("|")) == 8
    assert not candidate.needs_broker


def test_a_silver_set_crystal_pendant_goes_to_7113_and_the_broker_picks_the_subheading():
    advice = advise(Answers(Material.NATURAL, Working.ARTICLE, setting=Setting.SILVER, kind=Kind.PENDANT))
    assert advice.declared_name == "银镶天然水晶吊坠"
    assert codes(Answers(Material.NATURAL, Working.ARTICLE, setting=Setting.SILVER, kind=Kind.PENDANT)) == ["7113"]
    [candidate] = advice.candidates
    assert candidate.needs_broker
    assert any("报关行" in point for point in advice.broker_points)
    assert "贵金属材质或成色证明" in [d.name for d in advice.documents]


def test_a_synthetic_crystal_carving_is_an_article_declared_as_synthetic_with_the_broker_to_confirm():
    advice = advise(Answers(Material.SYNTHETIC, Working.ARTICLE, kind=Kind.CARVING))
    assert advice.declared_name == "合成水晶摆件"
    [candidate] = advice.candidates
    assert candidate.code == "7116200000"
    assert ("材质", "合成水晶") in [(e.name, e.example) for e in candidate.elements]
    assert candidate.needs_broker
    assert "材质声明" in [d.name for d in advice.documents]


def test_a_crystal_ball_is_7116200000_of_kind_crystal_ball():
    advice = advise(Answers(Material.NATURAL, Working.ARTICLE, kind=Kind.BALL))
    assert advice.declared_name == "天然水晶球"
    [candidate] = advice.candidates
    assert candidate.code == "7116200000"
    assert ("种类", "水晶球") in [(e.name, e.example) for e in candidate.elements]


def test_worked_loose_crystal_beads_are_7103992000_by_the_carat_with_sixteen_elements():
    [candidate] = advise(Answers(Material.NATURAL, Working.LOOSE)).candidates
    assert (candidate.code, candidate.unit) == ("7103992000", "克拉")
    names = [e.name for e in candidate.elements]
    assert names == list(ELEMENTS_7103992000)
    assert {"加工程度", "状态", "来源", "矿物学名", "化学成分"} <= set(names)
    assert dict((e.name, e.example) for e in candidate.elements)["状态"] == "未成串、未镶嵌"


def test_loose_tourmaline_is_7103993000():
    assert codes(Answers(Material.NATURAL, Working.LOOSE, stone=Stone.TOURMALINE)) == ["7103993000"]


def test_glass_k9_beads_are_7018100000_and_the_refund_rate_needs_rechecking():
    [candidate] = advise(Answers(Material.GLASS, Working.ARTICLE, kind=Kind.BEADS)).candidates
    assert candidate.code == "7018100000"
    assert "复核" in candidate.refund_rate


def test_loose_synthetic_stones_get_no_code_and_go_to_the_broker():
    advice = advise(Answers(Material.SYNTHETIC, Working.LOOSE))
    assert advice.candidates == ()
    assert len(advice.broker_points) == 1
    assert "报关行" in advice.broker_points[0]


def test_religious_motifs_raise_the_destination_warning():
    advice = advise(Answers(Material.NATURAL, Working.ARTICLE, kind=Kind.PENDANT, religious=True))
    assert any("沙特阿拉伯" in note for note in advice.notes)


def test_reminder_requirements_pick_the_most_specific_prefix():
    assert [getattr(requirement_for(code), "prefix", None) for code in ("7116200000", "7103992000", "7103993000")] == [
        "7116",
        "7103992000",
        "71039",
    ]
    assert requirement_for("6911101000") is None
