"""Where the Hub's next step is received: the service that takes the work opens its own record.

The front door does not know the models of early help or social work. Each receiving app
registers a receiver for the involvement kinds it takes (in its ``AppConfig.ready``); the Hub's
``hand_on`` calls it inside the decision's transaction, so the decision and the opened work
are saved together or not at all. A kind with no receiver just opens the involvement.
"""

from collections.abc import Callable
from typing import Any

Receiver = Callable[..., Any]
_receivers: dict[str, Receiver] = {}


def register(kind: str, receiver: Receiver) -> None:
    """``receiver(*, actor, decision, person, involvement)`` opens the receiving work."""
    _receivers[kind] = receiver


def receive(kind: str, **kwargs: Any) -> Any:
    receiver = _receivers.get(kind)
    return receiver(**kwargs) if receiver else None
