"""Fixtures of the training tests: the seeded courses, lessons and FAQ."""

from typing import Any

import pytest

from jmt.training.models import Lesson
from jmt.training.seed import seed_training_content


@pytest.fixture
def content(db: None) -> None:
    seed_training_content()


@pytest.fixture
def lesson(content: None) -> Lesson:
    return Lesson.objects.select_related("course").get(course__slug="export-9610", slug="what-is-9610")


def lesson_of(course: str, slug: str) -> Any:
    return Lesson.objects.get(course__slug=course, slug=slug)
