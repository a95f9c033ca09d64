from django.apps import AppConfig


class WorkflowConfig(AppConfig):
    name = "jmt.workflow"
    label = "workflow"
    verbose_name = "流程"
