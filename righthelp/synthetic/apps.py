from django.apps import AppConfig


class SyntheticConfig(AppConfig):
    name = "righthelp.synthetic"
    verbose_name = "Synthetic council"
