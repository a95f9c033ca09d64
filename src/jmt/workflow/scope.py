"""Data scope of workflow objects, read from the actor's roles (``jmt.rbac.scope``).

* Reading an object: the actor holds one of the graph's read codes (the merchant item's ``view``
  code, or the back-office queue's ``view`` code) and the object's merchant is within that code's
  data scope — a merchant user reaches only the merchant they act for.
* Making a move: the move's own code, and the object's merchant within that code's scope (a
  read-only scope such as 全部商户只读 never writes).
"""

from __future__ import annotations

from functools import reduce
from operator import or_

from django.db.models import Q

from jmt.core.auth import Actor
from jmt.rbac.scope import merchant_in_scope, merchants_visible
from jmt.workflow.graph import Graph


def read_filter(actor: Actor, graph: Graph) -> Q:
    """A filter on the graph's model: the objects the actor may see."""
    filters = [merchants_visible(actor, code) for code in graph.read_codes() if actor.can(code)]
    if not filters:
        return Q(pk__in=[])
    return reduce(or_, filters)


def can_read(actor: Actor, graph: Graph, merchant_id: int) -> bool:
    return any(merchant_in_scope(actor, code, merchant_id) for code in graph.read_codes())


def can_write(actor: Actor, code: str, merchant_id: int) -> bool:
    return merchant_in_scope(actor, code, merchant_id)
