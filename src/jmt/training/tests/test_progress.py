"""Learning progress (E2): per person and merchant, never going back, resuming where left."""

import pytest

from conftest import make_merchant_user
from jmt.merchants.models import MemberRole, Merchant
from jmt.training.models import LessonProgress
from jmt.training.tests.conftest import lesson_of

pytestmark = pytest.mark.django_db


def _record(api, user, lesson, percent, position=0):
    return api.as_user(user).post(f"/training/lessons/{lesson.pk}/progress", {"percent": percent, "position": position})


def test_first_progress_starts_the_lesson_with_its_position(api, merchant_admin, lesson):
    response = _record(api, merchant_admin, lesson, 30, 120)
    assert response.status_code == 200
    assert response.json() | {"updated_at": None} == {
        "started": True,
        "percent": 30,
        "position": 120,
        "completed": False,
        "updated_at": None,
    }


def test_percent_never_goes_back_but_the_position_follows_the_reader(api, merchant_admin, lesson):
    _record(api, merchant_admin, lesson, 60, 300)
    body = _record(api, merchant_admin, lesson, 10, 20).json()
    assert (body["percent"], body["position"]) == (60, 20)


def test_ninety_five_percent_completes_the_lesson_and_it_stays_completed(api, merchant_admin, lesson):
    assert _record(api, merchant_admin, lesson, 95).json()["completed"] is True
    row = LessonProgress.objects.get(lesson=lesson)
    first_completion = row.completed_at
    _record(api, merchant_admin, lesson, 5)
    row.refresh_from_db()
    assert (row.percent, row.completed_at) == (100, first_completion)


def test_percent_over_a_hundred_is_refused_in_chinese_and_nothing_is_written(api, merchant_admin, lesson):
    response = _record(api, merchant_admin, lesson, 101)
    assert response.status_code == 422
    assert response.json()["code"] == "VALIDATION_ERROR"
    assert not LessonProgress.objects.exists()


def test_course_list_shows_the_mean_progress_and_the_lesson_to_resume(api, merchant_admin, content):
    done = lesson_of("export-9610", "what-is-9610")
    reading = lesson_of("export-9610", "release-summary")
    _record(api, merchant_admin, done, 100)
    _record(api, merchant_admin, reading, 40, 35)
    courses = api.as_user(merchant_admin).get("/training/courses").json()["items"]
    course = next(c for c in courses if c["id"] == done.course_id)
    assert course["progress"] == {
        "started": True,
        "percent": 35,  # (100 + 40 + 0 + 0) / 4
        "completed": False,
        "lessons_completed": 1,
        "lesson_count": 4,
        "resume_lesson_id": reading.pk,
    }


def test_a_finished_course_is_completed_and_has_nothing_to_resume(api, merchant_admin, content):
    course_lessons = list(lesson_of("tax-refund", "refund-preconditions").course.lessons.all())
    for item in course_lessons:
        _record(api, merchant_admin, item, 100)
    detail = api.as_user(merchant_admin).get(f"/training/courses/{course_lessons[0].course_id}").json()
    assert detail["progress"]["completed"] is True
    assert detail["progress"]["resume_lesson_id"] is None
    assert all(item["progress"]["completed"] for item in detail["lessons"])


def test_the_lesson_reopens_at_the_last_position(api, merchant_admin, lesson):
    _record(api, merchant_admin, lesson, 50, 48)
    body = api.as_user(merchant_admin).get(f"/training/lessons/{lesson.pk}").json()
    assert body["progress"]["position"] == 48
    assert "<h2>三单对碰</h2>" in body["html"]


def test_progress_is_kept_per_merchant_for_a_person_in_two_merchants(api, merchant_admin, lesson):
    _record(api, merchant_admin, lesson, 100)
    second = Merchant.objects.create(name="第二家水晶店")
    merchant_admin.current_merchant = second
    merchant_admin.save()
    from jmt.merchants.models import Membership

    Membership.objects.create(user=merchant_admin, merchant=second, role=MemberRole.ADMIN)
    body = api.as_user(merchant_admin).get(f"/training/lessons/{lesson.pk}").json()
    assert body["progress"]["started"] is False


def test_another_persons_progress_is_not_shown(api, merchant_admin, crystal_merchant, lesson):
    _record(api, merchant_admin, lesson, 100)
    colleague = make_merchant_user("13800000077", crystal_merchant, MemberRole.ADMIN)
    body = api.as_user(colleague).get(f"/training/lessons/{lesson.pk}").json()
    assert body["progress"]["started"] is False


def test_a_read_only_member_may_still_record_their_own_learning(api, merchant_member, lesson):
    assert _record(api, merchant_member, lesson, 20).status_code == 200


def test_an_unpublished_lesson_is_not_found(api, merchant_admin, lesson):
    lesson.is_published = False
    lesson.save()
    assert api.as_user(merchant_admin).get(f"/training/lessons/{lesson.pk}").status_code == 404
    assert _record(api, merchant_admin, lesson, 20).status_code == 404


def test_the_content_has_two_libraries_nine_courses_and_at_least_thirty_lessons(api, merchant_admin, content):
    courses = api.as_user(merchant_admin).get("/training/courses").json()["items"]
    assert {c["library_label"] for c in courses} == {"水晶行业课程库", "文化差异专项课"}
    assert len(courses) >= 8
    assert sum(c["progress"]["lesson_count"] for c in courses) >= 30
