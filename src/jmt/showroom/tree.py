"""The category tree read whole (it is small: tens to a few hundred nodes): children, ancestry,
subtrees and the attributes a category inherits from its ancestors."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

from jmt.showroom.models import Attribute, Category


@dataclass
class Tree:
    nodes: dict[int, Category]
    children: dict[int | None, list[int]] = field(default_factory=dict)

    @classmethod
    def load(cls) -> Tree:
        nodes = {c.pk: c for c in Category.objects.order_by("position", "id")}
        children: dict[int | None, list[int]] = defaultdict(list)
        for node in nodes.values():
            children[node.parent_id].append(node.pk)
        return cls(nodes=nodes, children=dict(children))

    def ancestors(self, category_id: int) -> list[Category]:
        """From the root down to ``category_id`` itself."""
        chain: list[Category] = []
        current: int | None = category_id
        seen: set[int] = set()
        while current is not None and current in self.nodes and current not in seen:
            seen.add(current)
            chain.append(self.nodes[current])
            current = self.nodes[current].parent_id
        return list(reversed(chain))

    def subtree(self, category_id: int) -> list[int]:
        """``category_id`` and every category below it."""
        out: list[int] = []
        stack = [category_id]
        while stack:
            node = stack.pop()
            out.append(node)
            stack.extend(self.children.get(node, []))
        return out

    def path_names(self, category_id: int) -> list[str]:
        return [c.name for c in self.ancestors(category_id)]

    def enabled_path(self, category_id: int) -> bool:
        """A category shows in the showroom when it and all its ancestors are enabled."""
        return all(c.enabled for c in self.ancestors(category_id))


def inherited_attributes(tree: Tree, category_id: int) -> list[Attribute]:
    """The attributes a product of ``category_id`` takes: its ancestors' first, then its own."""
    chain = [c.pk for c in tree.ancestors(category_id)]
    depth = {pk: i for i, pk in enumerate(chain)}
    rows = list(Attribute.objects.filter(category_id__in=chain))
    return sorted(rows, key=lambda a: (depth[a.category_id], a.position, a.pk))
