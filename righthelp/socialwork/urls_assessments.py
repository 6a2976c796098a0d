"""Pages of the assessments side of social work (mounted by urls.py at /social-work/). Names
go in policy_assessments.py."""

from django.urls import path

from .views import assessments, episodes, section47

urlpatterns: list = [
    path("children/<int:pk>/", episodes.child_work, name="sw-child"),
    path("open-work/", assessments.team_work, name="sw-team-work"),
    path("assessments/<int:pk>/", assessments.assessment, name="sw-assessment"),
    path("assessments/<int:pk>/send/", assessments.assessment_send, name="sw-assessment-send"),
    path("assessments/<int:pk>/authorise/", assessments.assessment_authorise,
         name="sw-assessment-authorise"),
    path("episodes/<int:pk>/strategy-discussions/new/", section47.strategy_new,
         name="sw-strategy-new"),
    path("section-47/<int:pk>/", section47.section47, name="sw-section47"),
    path("section-47/<int:pk>/outcome/", section47.section47_outcome,
         name="sw-section47-outcome"),
    path("episodes/<int:pk>/transfer/", episodes.transfer_new, name="sw-transfer-new"),
    path("episodes/<int:pk>/close/", episodes.episode_close, name="sw-episode-close"),
]
