from django.apps import AppConfig


class SearchConfig(AppConfig):
    name = "jmt.search"
    label = "search"
    verbose_name = "全局搜索"

    def ready(self) -> None:
        from django.utils.module_loading import autodiscover_modules

        # Every installed app's ``search.py`` registers its providers (see the package docstring).
        autodiscover_modules("search")
