from django.contrib import admin
from django.contrib.auth.admin import UserAdmin
from simple_history.admin import SimpleHistoryAdmin

from .models import Team, TeamMembership, User


class MembershipInline(admin.TabularInline):
    model = TeamMembership
    extra = 0
    autocomplete_fields = ["user"]


@admin.register(User)
class StaffUserAdmin(UserAdmin):
    list_display = ["username", "first_name", "last_name", "role", "agency", "is_active"]
    list_filter = ["role", "is_active"]
    fieldsets = UserAdmin.fieldsets + (("Work", {"fields": ("role", "agency", "job_title")}),)


@admin.register(Team)
class TeamAdmin(SimpleHistoryAdmin):
    list_display = ["name", "service", "locality", "access_scope"]
    list_filter = ["service", "access_scope"]
    inlines = [MembershipInline]
