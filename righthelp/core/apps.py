from django.apps import AppConfig


class CoreConfig(AppConfig):
    name = "righthelp.core"
    verbose_name = "Council settings, access and audit"
