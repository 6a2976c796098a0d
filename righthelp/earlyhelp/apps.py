from django.apps import AppConfig


class EarlyHelpConfig(AppConfig):
    name = "righthelp.earlyhelp"
    label = "earlyhelp"
    verbose_name = "Early help: assess, plan, do, review"

    def ready(self) -> None:
        from righthelp.core import handoffs

        from .services.episodes import receive_from_hub

        handoffs.register("early_help", receive_from_hub)
