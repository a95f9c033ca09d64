from django.apps import AppConfig


class RbacConfig(AppConfig):
    name = "jmt.rbac"
    label = "rbac"
    verbose_name = "角色与权限"

    def ready(self) -> None:
        from jmt.audit import labels
        from jmt.core.permissions import register_impersonation_logger
        from jmt.rbac.services import impersonation_request_log

        register_impersonation_logger(impersonation_request_log)

        labels.register(
            actions={
                "role_create": "新建角色",
                "role_update": "修改角色",
                "role_delete": "删除角色",
                "role_change_notice": "角色变更通知",
                "account_create": "新建后台账户",
                "account_update": "修改后台账户",
                "account_enable": "启用后台账户",
                "account_disable": "停用后台账户",
                "account_reset_password": "重置密码",
                "password_change": "修改密码",
                "impersonation_start": "开始用户切换",
                "impersonation_end": "结束用户切换",
            },
            fields={
                "accounts.User": {"roles": "角色", "notice": "通知内容", "password": "密码"},
                "rbac.Role": {"permissions": "功能权限"},
            },
        )
