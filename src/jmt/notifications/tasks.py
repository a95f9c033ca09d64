"""Background jobs of the message center: WeChat pushes and announcement fan-out."""

from __future__ import annotations

from django_tasks import task


@task()
def push_messages(message_ids: list[int]) -> dict[str, int]:
    """First try at pushing a batch of messages to WeChat."""
    from jmt.notifications.push import deliver

    outcome: dict[str, int] = {}
    for message_id in message_ids:
        status = deliver(message_id, 1)
        outcome[status] = outcome.get(status, 0) + 1
    return outcome


@task()
def push_message_retry(message_id: int, attempt: int) -> str:
    """A later try after a transient failure (enqueued with ``run_after``)."""
    from jmt.notifications.push import deliver

    return deliver(message_id, attempt)


@task()
def fan_out_announcement(announcement_id: int) -> int:
    from jmt.notifications.services import announcement_fan_out

    return announcement_fan_out(announcement_id=announcement_id)


@task()
def sync_wechat_followers() -> dict[str, int]:
    """Scheduled: every follower of the service account (user/get + user/info/batchget) into follower_record."""
    from jmt.notifications.wechat_events import sync_followers

    result = sync_followers()
    return {"listed": result.listed, "recorded": result.recorded, "unfollowed": result.unfollowed}
