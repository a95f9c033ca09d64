"""The matching rules on their own: substring, full pinyin, initials (contiguous and skipping), fuzzy."""

from __future__ import annotations

from jmt.search.text import (
    FUZZY,
    INITIALS_SKIPPING,
    PINYIN_FULL,
    PINYIN_INITIALS,
    PREFIX,
    SUBSTRING,
    match,
    normalize,
    pinyin_keys,
)


def test_substring_highlights_the_typed_characters() -> None:
    found = match("已注册企业信息补充", "注册")
    assert found is not None
    assert found.score == SUBSTRING
    assert found.spans == ((1, 3),)


def test_prefix_ranks_above_substring() -> None:
    found = match("出口退税申报", "出口")
    assert found is not None
    assert found.score == PREFIX


def test_full_pinyin_lights_the_characters_it_spells() -> None:
    found = match("出口退税", "tuishui")
    assert found is not None
    assert found.score == PINYIN_FULL
    assert found.spans == ((2, 4),)


def test_partial_full_pinyin_matches_from_any_syllable() -> None:
    found = match("工商注册", "gongshang")
    assert found is not None
    assert found.spans == ((0, 2),)


def test_initials_match_a_run_of_characters() -> None:
    found = match("工商注册", "gszc")
    assert found is not None
    assert found.score == PINYIN_INITIALS
    assert found.spans == ((0, 4),)


def test_initials_may_skip_characters_when_three_or_more_letters() -> None:
    found = match("东海晶莹水晶", "dhsj")
    assert found is not None
    assert found.score == INITIALS_SKIPPING
    assert found.spans == ((0, 2), (4, 6))


def test_two_letters_do_not_skip_characters() -> None:
    assert match("东海晶莹水晶", "ds") is None


def test_a_near_miss_is_found_fuzzily() -> None:
    found = match("工商注册", "工商注测")
    assert found is not None
    assert found.score == FUZZY


def test_unrelated_text_does_not_match() -> None:
    assert match("出口退税", "物流") is None


def test_full_width_letters_and_spaces_are_normalized() -> None:
    assert normalize("ＧＳ ZC") == "gszc"


def test_pinyin_keys_of_a_name() -> None:
    assert pinyin_keys("东海晶莹水晶") == ("donghaijingyingshuijing", "dhjysj")
