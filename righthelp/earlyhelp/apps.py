from django.apps import AppConfig


class EarlyHelpConfig(AppConfig):
    name = "righthelp.earlyhelp"
    label = "earlyhelp"
    verbose_name = "Early help: assess, plan, do, review"
