from django.apps import AppConfig


class DirectoryConfig(AppConfig):
    name = "righthelp.directory"
    label = "directory"
    verbose_name = "Family services directory"
