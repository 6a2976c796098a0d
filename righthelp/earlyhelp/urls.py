"""This app's pages, under /early-help/. Names must be in its policy.py. Others append their
pages below in their own blocks."""

from django.urls import path

from .views import episodes, work

urlpatterns: list = [
    path("", episodes.home, name="early-help-home"),
    path("open/", episodes.episode_open, name="early-help-open"),
    path("link-worker/", episodes.link_worker, name="early-help-link-worker"),
    path("episodes/<int:pk>/", episodes.episode, name="early-help-episode"),
    path("episodes/<int:pk>/members/", episodes.member_add, name="early-help-member-add"),
    path("episodes/<int:pk>/invite/", episodes.invite, name="early-help-invite"),
    path("episodes/<int:pk>/lead/", episodes.agree_lead, name="early-help-agree-lead"),
    path("episodes/<int:pk>/consent/", episodes.consent, name="early-help-consent"),
    path("episodes/<int:pk>/step-up/", episodes.step_up, name="early-help-step-up"),
    path("episodes/<int:pk>/close/", episodes.close, name="early-help-close"),
    path("episodes/<int:pk>/assessment/", work.assessment, name="early-help-assessment"),
    path("episodes/<int:pk>/plan/", work.plan, name="early-help-plan"),
    path("episodes/<int:pk>/plan/actions/", work.action_add, name="early-help-action-add"),
    path("actions/<int:pk>/", work.action_edit, name="early-help-action-edit"),
    path("episodes/<int:pk>/plan/agree/", work.plan_agree, name="early-help-plan-agree"),
    path("episodes/<int:pk>/plan/share/", work.plan_share, name="early-help-plan-share"),
    path("episodes/<int:pk>/plan/print/", work.plan_print, name="early-help-plan-print"),
    path("episodes/<int:pk>/meetings/", work.meeting, name="early-help-meeting"),
    path("episodes/<int:pk>/reviews/", work.review, name="early-help-review"),
]

# --- Figures for managers ----------------------------------------------------------------------
from . import views_figures  # noqa: E402

urlpatterns += [
    path("figures/", views_figures.early_help_figures, name="early-help-figures"),
]
