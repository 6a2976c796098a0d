"""Front door pages, under /front-door/. Names must match core/url_policy.py POLICY."""

from django.urls import path

from .views import advice, checks, decisions, hub, referrer

urlpatterns = [
    # A partner's requests for support, and the checks the Hub sends them.
    path("requests/", referrer.request_list, name="request-list"),
    path("requests/new/", referrer.request_new, name="request-new"),
    path("requests/<int:pk>/", referrer.request_edit, name="request-edit"),
    path("requests/<int:pk>/outcome/", referrer.request_outcome, name="request-outcome"),
    path("checks/", checks.check_list, name="check-list"),
    path("checks/<int:pk>/", checks.check_answer, name="check-answer"),
    # The Hub (and, out of hours, the Emergency Duty Team).
    path("contacts/new/", hub.contact_new, name="contact-new"),
    path("hub/", hub.queue, name="hub-queue"),
    path("hub/requests/<int:pk>/", hub.request_detail, name="hub-request"),
    path("hub/requests/<int:pk>/take/", hub.request_take, name="hub-request-take"),
    path("hub/children/<int:pk>/", hub.child_link, name="hub-child-link"),
    path("hub/requests/<int:pk>/checks/new/", hub.check_new, name="hub-check-new"),
    path("hub/requests/<int:pk>/visits/new/", hub.visit_new, name="hub-visit-new"),
    path("hub/visits/<int:pk>/", hub.visit_outcome, name="hub-visit-outcome"),
    path("hub/requests/<int:pk>/answer/", hub.information_answer,
         name="hub-information-answer"),
    path("hub/requests/<int:pk>/decision/", decisions.decision_new, name="hub-decision-new"),
    path("hub/decisions/<int:pk>/", decisions.decision_authorise,
         name="hub-decision-authorise"),
    # The advice line: anonymous consultations, never linked to a person.
    path("advice/", advice.advice_list, name="advice-list"),
    path("advice/new/", advice.advice_new, name="advice-new"),
]
