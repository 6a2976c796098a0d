"""The council's settings in the Django admin. Children's records are deliberately absent:
they are read only through the need-to-know pages, which audit every view."""

from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from .models import Council, FamilyHub, Locality, PartnerAgency, Target, Timescale


class LocalityInline(admin.TabularInline):
    model = Locality
    extra = 0


@admin.register(Council)
class CouncilAdmin(SimpleHistoryAdmin):
    list_display = ["name", "code", "active", "office_opens", "office_closes"]
    inlines = [LocalityInline]


@admin.register(Locality)
class LocalityAdmin(admin.ModelAdmin):
    list_display = ["name", "council", "postcode_districts"]


@admin.register(FamilyHub)
class FamilyHubAdmin(admin.ModelAdmin):
    list_display = ["name", "locality"]


@admin.register(PartnerAgency)
class PartnerAgencyAdmin(admin.ModelAdmin):
    list_display = ["name", "kind", "council"]
    list_filter = ["kind"]


@admin.register(Timescale)
class TimescaleAdmin(SimpleHistoryAdmin):
    list_display = ["name", "amount", "unit", "starts_from", "source"]
    list_editable = ["amount", "unit"]


@admin.register(Target)
class TargetAdmin(admin.ModelAdmin):
    list_display = ["name", "value", "unit", "baseline"]
