"""Quote arithmetic: volumetric weight, chargeable weight, first + additional weight, surcharges, limits."""

from decimal import Decimal

import pytest

from jmt.logistics import quote as q

D = Decimal

pytestmark = pytest.mark.django_db

PARCEL = q.Parcel(D("2"), D("30"), D("20"), D("15"))


def test_volumetric_weight_is_length_times_width_times_height_over_the_divisor(carriers):
    assert q.volumetric(PARCEL, 5000) == D("1.800")
    assert q.volumetric(PARCEL, 6000) == D("1.500")


def test_the_chargeable_weight_is_the_larger_one_rounded_up_to_the_carrier_step(carriers):
    light_but_big = q.Parcel(D("1.2"), D("40"), D("30"), D("30"))  # 36000 / 5000 = 7.2 kg
    assert q.chargeable(light_but_big, carriers["dhl"]) == D("7.5")
    assert q.chargeable(PARCEL, carriers["dhl"]) == D("2.0")
    assert q.chargeable(q.Parcel(D("0.23"), D("10"), D("10"), D("5")), carriers["sf-parcel"]) == D("0.3")


def test_first_weight_plus_each_further_step_plus_the_fuel_surcharge(carriers):
    result = q.quote(carriers["dhl"], country="JP", parcels=[PARCEL], needs=q.Needs())
    assert result.first_price == D("186.00")
    assert result.additional_steps == 3  # 2.0 kg = 0.5 first + 3 × 0.5
    assert result.additional_price == D("126.00")
    assert result.freight == D("312.00")
    assert result.fuel_surcharge == D("82.68")  # 26.5 % of 312, half-up to the fen
    assert result.total == D("394.68")


def test_a_dedicated_line_without_fuel_surcharge_charges_freight_only(carriers):
    result = q.quote(carriers["jp-line"], country="JP", parcels=[PARCEL], needs=q.Needs())
    assert (result.freight, result.fuel_surcharge, result.total) == (D("94.00"), D("0.00"), D("94.00"))
    assert (result.transit_min, result.transit_max) == (4, 7)


def test_from_21_kg_the_heavy_per_kg_rate_applies_to_the_whole_weight_rounded_up(carriers):
    heavy = q.Parcel(D("21.3"), D("50"), D("40"), D("40"))  # 80000 / 5000 = 16 kg, actual wins
    result = q.quote(carriers["dhl"], country="JP", parcels=[heavy], needs=q.Needs())
    assert result.heavy
    assert result.chargeable_weight == D("21.5")
    assert result.freight == D("1276.00")  # 22 kg × 58


def test_a_remote_postcode_adds_the_remote_area_fee(carriers):
    parcel = q.Parcel(D("1"), D("10"), D("10"), D("10"))
    plain = q.quote(carriers["dhl"], country="AU", parcels=[parcel], needs=q.Needs(), postcode="2000")
    remote = q.quote(carriers["dhl"], country="AU", parcels=[parcel], needs=q.Needs(), postcode="0870")
    assert plain.remote_fee == D("0.00")
    assert remote.remote_fee == D("216.00")
    assert remote.total - plain.total == D("216.00")


def test_parcels_are_each_rounded_and_then_added(carriers):
    two = [q.Parcel(D("0.6"), D("10"), D("10"), D("10"))] * 2  # 1.0 + 1.0
    assert q.quote(carriers["jp-line"], country="JP", parcels=two, needs=q.Needs()).chargeable_weight == D("2.0")


def test_limits_rule_a_carrier_out_and_say_why_in_chinese(carriers):
    big = q.Parcel(D("2.5"), D("70"), D("20"), D("15"))
    result = q.quote(carriers["sf-parcel"], country="JP", parcels=[big], needs=q.Needs(fragile=True))
    assert not result.eligible
    assert result.reasons == [
        "包裹重 2.5 kg，超过单件上限 2 kg",
        "包裹最长边 70 cm，超过上限 60 cm",
        "包裹长宽高之和 105 cm，超过上限 90 cm",
        "该渠道不接收易碎品（水晶制品）",
    ]


def test_a_carrier_that_does_not_serve_the_country_is_ruled_out(carriers):
    result = q.quote(carriers["au-line"], country="JP", parcels=[PARCEL], needs=q.Needs())
    assert not result.eligible
    assert result.reasons == ["该渠道不寄送至日本"]


def test_batteries_and_liquids_are_refused_by_carriers_that_do_not_take_them(carriers):
    result = q.quote(carriers["ups"], country="US", parcels=[PARCEL], needs=q.Needs(battery=True, liquid=True))
    assert result.reasons == ["该渠道不接收带电池的货物", "该渠道不接收液体"]


def test_length_plus_girth_is_checked_where_the_carrier_has_that_limit(carriers):
    long = q.Parcel(D("10"), D("200"), D("40"), D("40"))  # 200 + 2 × 80 = 360 > 330
    reasons = q.quote(carriers["fedex"], country="US", parcels=[long], needs=q.Needs()).reasons
    assert reasons == ["包裹长+周长 360 cm，超过上限 330 cm"]
