"""The directory's pages, under /directory/. Names must be in its policy.py."""

from django.urls import path

from . import views

urlpatterns = [
    # Open to everyone, signed in or not.
    path("", views.search, name="directory-search"),
    path("services/<int:pk>/", views.service_detail, name="directory-service"),
    path("suggest/", views.suggest, name="directory-suggest"),
    # The council's directory editors.
    path("editor/", views.editor, name="directory-editor"),
    path("editor/services/<int:pk>/", views.review, name="directory-review"),
    path("editor/services/<int:pk>/withdraw/", views.withdraw, name="directory-withdraw"),
]
