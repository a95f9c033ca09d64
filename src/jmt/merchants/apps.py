from django.apps import AppConfig


class MerchantsConfig(AppConfig):
    name = "jmt.merchants"
    label = "merchants"
    verbose_name = "商户"

    def ready(self) -> None:
        from jmt.audit import labels

        labels.register(
            actions={
                "profile_update": "修改商户信息",
                "change_role": "修改成员角色",
                "update_profile": "修改个人信息",
                "change_phone": "更换手机号",
                "bind_wechat": "绑定微信",
                "unbind_wechat": "解绑微信",
            },
            fields={
                "accounts.User": {
                    "wechat_unionid": "微信 UnionID",
                    "wechat_web_openid": "微信网站 OpenID",
                    "wechat_mp_openid": "微信小程序 OpenID",
                },
            },
        )
