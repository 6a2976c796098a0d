from django.apps import AppConfig


class ComplexNeedsConfig(AppConfig):
    name = "righthelp.complexneeds"
    label = "complexneeds"
    verbose_name = "Supporting Children with Complex Needs"
