"""Global search (G5): one endpoint answering while the user types, fed by a registry of providers.

How a module plugs in (no edit to this app)
-------------------------------------------
Give the app a module named ``search.py``. When Django starts, :class:`jmt.search.apps.SearchConfig`
imports the ``search`` module of every installed app (``autodiscover_modules("search")``), and that
module registers its providers::

    # src/jmt/logistics/search.py
    from jmt.search.registry import Hit, Provider, Query, register
    from jmt.core.catalog import Surface

    def shipments(*, actor, query: Query) -> list[Hit]:
        if len(query.text) < 3 or not actor.can("logistics:shipments:view"):
            return []
        rows = selectors.shipments(actor=actor).filter(tracking_no__icontains=query.text)[: query.limit]
        return [
            Hit(
                title=row.tracking_no,
                subtitle="运单 · " + row.get_status_display(),
                route=f"/logistics/shipments?id={row.pk}",
                spans=spans_of(row.tracking_no, query),   # the characters to highlight
            )
            for row in rows
        ]

    register(Provider("logistics.shipments", "物流运单", Surface.MERCHANT, shipments, order=30))

Rules a provider keeps:

* **Read through the module's own selectors**, so the permission filter is the module's: a merchant
  never finds another merchant's rows; a back-office user only rows within their data scope
  (``jmt.rbac.scope.merchants_visible`` with the item's ``view`` code). Return ``[]`` when the
  actor may not read the item at all.
* **Stay fast**: at most ``query.limit`` rows, one or two indexed queries. Large tables match
  substrings with ``icontains`` over a PostgreSQL trigram index on ``UPPER(col::text)`` (see
  ``customs/migrations/0006``); ask for ``len(query.text) >= 3`` before searching them.
* **Pinyin** of names: :func:`jmt.search.text.match` for in-memory text; for a large table keep its
  names in :class:`jmt.search.models.NameKey` (``jmt.search.index.refresh`` keeps them current) and
  filter with ``jmt.search.index.fresh(kind, query.text)`` (see ``jmt.merchants.search``).
* ``Hit.route`` opens on PC and in the back office; ``Hit.mobile_route`` on H5 when it differs.

The catalog (modules and items, both surfaces) is a provider of this app (``jmt.search.search``):
a module hit lists all its items, an item hit shows itself under its module.
"""
