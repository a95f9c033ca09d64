"""Chinese names of the audited acts of 培训服务, for the operation log."""

from __future__ import annotations

from jmt.audit import labels

ACTIONS = {
    "training_channels_set": "保存销售渠道",
    "training_course_create": "新建课程",
    "training_course_update": "修改课程",
    "training_course_cover": "上传课程封面",
    "training_lesson_create": "新建课时",
    "training_lesson_update": "修改课时",
    "training_lesson_video": "上传课时视频",
    "training_faq_create": "新增常见问题",
    "training_faq_update": "修改常见问题",
    "training_faq_delete": "删除常见问题",
}


def register() -> None:
    labels.register(modules={"training": "培训服务"}, actions=ACTIONS)
