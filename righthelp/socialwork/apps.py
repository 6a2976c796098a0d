from django.apps import AppConfig


class SocialWorkConfig(AppConfig):
    name = "righthelp.socialwork"
    label = "socialwork"
    verbose_name = "Statutory social work"
