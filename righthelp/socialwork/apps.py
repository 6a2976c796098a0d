from django.apps import AppConfig


class SocialWorkConfig(AppConfig):
    name = "righthelp.socialwork"
    label = "socialwork"
    verbose_name = "Statutory social work"

    def ready(self) -> None:
        from righthelp.core import handoffs

        from .services.episodes import episode_receive

        # The Hub's decision for a statutory assessment opens the child's episode here.
        handoffs.register("cafa", episode_receive)
        handoffs.register("section_47", episode_receive)
