from django.apps import AppConfig


class WorkflowConfig(AppConfig):
    name = "jmt.workflow"
    label = "workflow"
    verbose_name = "流程"

    def ready(self) -> None:
        from jmt.system import home, workbench
        from jmt.workflow import selectors

        home.register(
            home.HomeSource(
                "workflow",
                feed=lambda actor, limit: selectors.activity_feed(actor=actor, limit=limit),
                todos=lambda actor: selectors.todo_counts(actor=actor),
            )
        )
        workbench.register("workflow", lambda actor: selectors.staff_queues(actor=actor))
