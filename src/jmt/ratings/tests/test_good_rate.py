"""``good_rate``: 好评率's numerator and denominator for the 综合服务 cockpit."""

from __future__ import annotations

from datetime import datetime, timedelta

import pytest
from django.utils import timezone

from jmt.merchants.models import Merchant
from jmt.ratings.selectors import good_rate
from jmt.ratings.tests.factories import rating

pytestmark = pytest.mark.django_db

START = timezone.make_aware(datetime(2026, 11, 1))
END = timezone.make_aware(datetime(2026, 12, 1))


def test_good_rate_counts_four_and_five_stars_over_all_ratings_in_the_period(crystal_merchant):
    other = Merchant.objects.create(name="连云港晶品")
    for stars, merchant, at in (
        (5, crystal_merchant, START),  # the start is in
        (4, crystal_merchant, START + timedelta(days=3)),
        (3, crystal_merchant, START + timedelta(days=4)),
        (1, other, START + timedelta(days=5)),
        (5, other, END - timedelta(seconds=1)),
        (5, crystal_merchant, END),  # the end is out
        (2, crystal_merchant, START - timedelta(seconds=1)),  # before the period
    ):
        rating(merchant, stars=stars, created_at=at, updated_at=at)

    assert good_rate(start=START, end=END, merchant_ids=None) == (3, 5)
    assert good_rate(start=START, end=END, merchant_ids=[crystal_merchant.pk]) == (2, 3)
    assert good_rate(start=START, end=END, merchant_ids={other.pk}) == (1, 2)
    assert good_rate(start=START, end=END, merchant_ids=[]) == (0, 0)


def test_no_ratings_in_the_period_is_zero_of_zero(crystal_merchant):
    assert good_rate(start=START, end=END, merchant_ids=None) == (0, 0)
