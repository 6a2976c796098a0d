from django.contrib.auth import views as auth_views
from django.urls import path

from . import views

urlpatterns = [
    path(
        "sign-in/",
        auth_views.LoginView.as_view(
            template_name="core/sign_in.html", form_class=views.SignInForm
        ),
        name="sign-in",
    ),
    path("sign-out/", auth_views.LogoutView.as_view(), name="sign-out"),
    path("break-glass/review/", views.break_glass_review, name="break-glass-review"),
    path("api-tokens/", views.api_tokens, name="api-tokens"),
    path("figures/", views.figures, name="figures"),
]
