"""Demo data of 培训服务: the demo learners' conversations with the assistant, so the training cockpit
and the assistant's history show answers from the first start."""

import pytest

from jmt.training.models import AnswerMode, Conversation, Turn
from jmt.training.seed import seed_assistant_conversations

pytestmark = pytest.mark.django_db


def test_the_demo_learners_asked_the_assistant_and_rated_its_sourced_answers(
    api, superadmin, merchant_admin, merchant_member, crystal_merchant, content
):
    learners = [(merchant_admin, crystal_merchant), (merchant_member, crystal_merchant)]
    seed_assistant_conversations(learners)
    seed_assistant_conversations(learners)  # idempotent

    assert Conversation.objects.count() == 6
    answered = Turn.objects.exclude(mode=AnswerMode.UNSURE)
    assert answered.count() == 10
    for turn in answered:
        assert turn.mode == AnswerMode.RETRIEVAL
        assert turn.sources, turn.question
        assert all(source["title"] and source["url"] and source["excerpt"] for source in turn.sources)
        assert "[1]" in turn.answer  # the answer cites its first source as the assistant does
    unsure = Turn.objects.get(mode=AnswerMode.UNSURE)
    assert (unsure.sources, unsure.rating) == ([], None)

    cockpit = api.as_user(superadmin).get("/admin/training/cockpit").json()
    assert (cockpit["answers"], cockpit["thumbs_up"], cockpit["thumbs_down"], cockpit["unsure"]) == (11, 7, 1, 1)
    mine = api.as_user(merchant_admin).get("/training/conversations").json()["items"]
    assert mine[0]["title"] == "怎么在平台上提高水晶销量"  # the latest first
