from django.apps import AppConfig


class NotificationsConfig(AppConfig):
    name = "jmt.notifications"
    label = "notifications"
    verbose_name = "消息"
