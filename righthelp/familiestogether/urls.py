"""Families Together pages, under /families-together/. Names must be in its policy.py."""

from django.urls import path

from .views import meetings, referrals

urlpatterns = [
    path("", referrals.referral_list, name="ft-referral-list"),
    path("children/<int:pk>/refer/", referrals.referral_new, name="ft-referral-new"),
    path("referrals/<int:pk>/", referrals.referral_detail, name="ft-referral"),
    path("referrals/<int:pk>/consultation/", referrals.consultation, name="ft-consultation"),
    path("referrals/<int:pk>/decision/", referrals.decision, name="ft-decision"),
    path("referrals/<int:pk>/end/", referrals.referral_end, name="ft-referral-end"),
    path("referrals/<int:pk>/meetings/new/", meetings.meeting_new, name="ft-meeting-new"),
    path("meetings/<int:pk>/plan/", meetings.plan_new, name="ft-plan-new"),
    path("plans/<int:pk>/respond/", meetings.plan_respond, name="ft-plan-respond"),
    path("referrals/<int:pk>/crises/new/", meetings.crisis_new, name="ft-crisis-new"),
    path("crises/<int:pk>/", meetings.crisis_update, name="ft-crisis"),
]
