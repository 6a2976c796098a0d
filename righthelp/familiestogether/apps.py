from django.apps import AppConfig


class FamiliesTogetherConfig(AppConfig):
    name = "righthelp.familiestogether"
    label = "familiestogether"
    verbose_name = "Families Together"
