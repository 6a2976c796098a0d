from django.contrib import admin

from .models import ActivityType


@admin.register(ActivityType)
class ActivityTypeAdmin(admin.ModelAdmin):
    """The council's list of activity types (services themselves are edited on the
    directory's own editor pages, where every change is audited)."""

    list_display = ("name", "code")
    search_fields = ("name", "code")
