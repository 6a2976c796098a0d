from django.apps import AppConfig


class StaffConfig(AppConfig):
    name = "righthelp.staff"
    verbose_name = "Staff, teams and allocations"
