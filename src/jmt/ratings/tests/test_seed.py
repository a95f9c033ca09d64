from __future__ import annotations

import io

import pytest
from django.core.management import call_command

from jmt.ratings.models import Rating

pytestmark = pytest.mark.django_db


def test_the_demo_has_three_ratings_one_answered_and_seeding_again_adds_none(settings):
    settings.JMT_DEMO_PASSWORD = "Demo-Crystal-2026"
    call_command("seed_demo", stdout=io.StringIO())
    rows = list(Rating.objects.order_by("kind"))
    assert sorted(r.kind for r in rows) == ["filing", "registration", "settlement"]
    assert [r.kind for r in rows if r.reply] == ["registration"]
    call_command("seed_demo", stdout=io.StringIO())
    assert Rating.objects.count() == 3
