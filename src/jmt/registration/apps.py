from django.apps import AppConfig


class RegistrationConfig(AppConfig):
    name = "jmt.registration"
    label = "registration"
    verbose_name = "工商注册"

    def ready(self) -> None:
        from jmt.registration.flow import REGISTRATION
        from jmt.workflow.registry import register

        register(REGISTRATION)

        from jmt.ratings.registry import register as register_rateable
        from jmt.ratings.registry import workflow_kind

        # 服务评价 (U4): an item may be rated once it reaches 「approved」
        register_rateable(
            workflow_kind(
                key="registration",
                label="工商注册",
                noun="注册申请",
                model="registration.Application",
                completed_state="approved",
                rate_code="registration:apply:edit",
            )
        )
