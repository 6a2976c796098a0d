from django.apps import AppConfig


class PeopleConfig(AppConfig):
    name = "righthelp.people"
    verbose_name = "People and families"
