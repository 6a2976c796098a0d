"""Pages of the plans side of social work (mounted by urls.py). Names go in policy_plans.py."""

from django.urls import path

from .views import chairs, conferences, contingency, plans, reviews, visits

urlpatterns: list = [
    path("episodes/<int:pk>/plans/", plans.episode_plans, name="sw-episode-plans"),
    path("cin-plans/<int:pk>/", plans.cin_plan, name="sw-cin-plan"),
    path("cin-plans/<int:pk>/edit/", plans.cin_plan_edit, name="sw-cin-plan-edit"),
    path("cin-plans/<int:pk>/actions/new/", plans.cin_plan_action_new,
         name="sw-cin-plan-action-new"),
    path("cin-plans/<int:pk>/end/", plans.cin_plan_end, name="sw-cin-plan-end"),
    path("cin-plans/<int:pk>/reviews/new/", reviews.cin_review_new,
         name="sw-cin-plan-review-new"),
    path("cin-plans/<int:pk>/escalate/", reviews.cin_plan_escalate,
         name="sw-cin-plan-escalate"),
    path("cp-plans/<int:pk>/", plans.cp_plan, name="sw-cp-plan"),
    path("cp-plans/<int:pk>/edit/", plans.cp_plan_edit, name="sw-cp-plan-edit"),
    path("cp-plans/<int:pk>/actions/new/", plans.cp_plan_action_new,
         name="sw-cp-plan-action-new"),
    path("cp-plans/<int:pk>/midway/new/", chairs.midway_new,
         name="sw-cp-plan-midway-new"),
    path("actions/<int:pk>/", plans.action_edit, name="sw-plan-action-edit"),
    path("episodes/<int:pk>/conferences/new/", conferences.conference_new,
         name="sw-conference-new"),
    path("conferences/<int:pk>/", conferences.conference_detail,
         name="sw-conference"),
    path("episodes/<int:pk>/visits/new/", visits.visit_new, name="sw-visit-new"),
    path("episodes/<int:pk>/reassessments/new/", visits.reassessment_new,
         name="sw-reassessment-new"),
    path("episodes/<int:pk>/contingency/new/", contingency.contingency_new,
         name="sw-contingency-new"),
    path("contingency/<int:pk>/", contingency.contingency_detail,
         name="sw-contingency"),
    path("chairs/", chairs.chairs, name="sw-chairs"),
]
