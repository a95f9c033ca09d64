from django.apps import AppConfig


class DocumentsConfig(AppConfig):
    name = "jmt.documents"
    label = "documents"
    verbose_name = "资料库"
