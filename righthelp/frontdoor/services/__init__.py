"""Front door writes. Each is one transaction that writes its own audit event."""

from .advice import advice_record, identifying_details
from .decisions import decision_authorise, decision_propose, decision_return
from .intake import (
    child_link,
    contact_record,
    information_answer,
    request_save_draft,
    request_submit,
)
from .triage import check_answer, check_ask, request_take, visit_arrange, visit_record_outcome

__all__ = [
    "advice_record",
    "check_answer",
    "check_ask",
    "child_link",
    "contact_record",
    "decision_authorise",
    "decision_propose",
    "decision_return",
    "identifying_details",
    "information_answer",
    "request_save_draft",
    "request_submit",
    "request_take",
    "visit_arrange",
    "visit_record_outcome",
]
