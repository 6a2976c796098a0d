from django.urls import path

from . import views

urlpatterns = [
    path("search/", views.search, name="search"),
    path("people/add/", views.person_add, name="person-add"),
    path("people/<int:pk>/", views.person_record, name="person-record"),
    path("people/<int:pk>/edit/", views.person_edit, name="person-edit"),
    path("people/<int:pk>/addresses/add/", views.address_add, name="person-address-add"),
    path("people/<int:pk>/network/add/", views.network_add, name="person-network-add"),
    path("people/<int:pk>/audit/", views.person_audit, name="person-audit"),
    path("people/<int:pk>/merge/", views.person_merge, name="person-merge"),
    path("people/<int:pk>/break-glass/", views.break_glass, name="break-glass"),
]
