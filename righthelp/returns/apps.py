from django.apps import AppConfig


class ReturnsConfig(AppConfig):
    name = "righthelp.returns"
    label = "returns"
    verbose_name = "Statutory returns: the Children in Need census"
