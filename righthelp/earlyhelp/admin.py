"""The council's early help settings, editable in the admin."""

from django.contrib import admin

from .models import CouncilService


@admin.register(CouncilService)
class CouncilServiceAdmin(admin.ModelAdmin):
    list_display = ("name", "code", "council", "position", "active")
    list_filter = ("council", "active")
    search_fields = ("name", "code")
