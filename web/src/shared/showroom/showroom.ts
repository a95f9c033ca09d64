/** 交易平台 shared by the PC, the H5 and the back office: types from the generated schema, labels, formatting. */
import type { components, operations } from '@/shared/api/schema';

export type Card = components['schemas']['ProductCardOut'];
export type CardPage = components['schemas']['ProductCardPageOut'];
export type Product = components['schemas']['ShowroomProductOut'];
export type CategoryNode = components['schemas']['ShowroomCategoryNodeOut'];
export type CategoryInfo = components['schemas']['ShowroomCategoryInfoOut'];
export type Attribute = components['schemas']['ShowroomAttributeOut'];
export type TagOut = components['schemas']['ShowroomTagOut'];
export type HallSection = components['schemas']['HallSectionOut'];
export type Contact = components['schemas']['ShowroomContactOut'];
export type ProductState = Card['state'];
export type ShowroomQuery = NonNullable<operations['showroom_products']['parameters']['query']>;

export const STATE_LABELS: Record<ProductState, string> = {
  draft: '草稿',
  pending: '审核中',
  returned: '已退回',
  listed: '上架',
  unlisted: '下架',
};

export const STATE_COLORS: Record<ProductState, string> = {
  draft: 'default',
  pending: 'processing',
  returned: 'error',
  listed: 'success',
  unlisted: 'warning',
};

/** 「¥1,280.00」, or 「$180.00」 for USD. */
export function formatMoney(money: { amount: string; currency: string } | null | undefined): string {
  if (!money) return '';
  const value = Number(money.amount);
  const text = value.toLocaleString('zh-CN', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
  return `${money.currency === 'USD' ? '$' : '¥'}${text}`;
}

/** Every category of the tree in display order, with its depth and its path of names. */
export function flatten(nodes: readonly CategoryNode[], path: string[] = []): { node: CategoryNode; path: string[] }[] {
  return nodes.flatMap((node) => [{ node, path: [...path, node.name] }, ...flatten(node.children, [...path, node.name])]);
}

export function findCategory(nodes: readonly CategoryNode[], id: number): CategoryNode | null {
  return flatten(nodes).find((entry) => entry.node.id === id)?.node ?? null;
}

/** The attribute filters as the API takes them: 「12:紫|粉」 for options, 「15:8~10」 for a number range. */
export type AttributeFilter = { kind: 'choice' | 'text'; values: string[] } | { kind: 'number'; min?: number | null; max?: number | null };

export function attrsParam(filters: Record<number, AttributeFilter | undefined>): string[] {
  const out: string[] = [];
  for (const [id, filter] of Object.entries(filters)) {
    if (!filter) continue;
    if (filter.kind === 'number') {
      if (filter.min == null && filter.max == null) continue;
      out.push(`${id}:${filter.min ?? ''}~${filter.max ?? ''}`);
    } else if (filter.values.length) {
      out.push(`${id}:${filter.values.join('|')}`);
    }
  }
  return out;
}

/** 「8 mm」 for a number attribute with a unit, the value alone otherwise. */
export function valueText(value: { value: string; unit: string }): string {
  return value.unit ? `${value.value} ${value.unit}` : value.value;
}

/** The attributes a product of category ``id`` takes: its ancestors' first, then its own. */
export function inheritedAttributes(nodes: readonly CategoryNode[], id: number): Attribute[] {
  const walk = (level: readonly CategoryNode[], trail: CategoryNode[]): CategoryNode[] | null => {
    for (const node of level) {
      if (node.id === id) return [...trail, node];
      const found = walk(node.children, [...trail, node]);
      if (found) return found;
    }
    return null;
  };
  return (walk(nodes, []) ?? []).flatMap((node) => node.attributes);
}

/** Tree-select options; disabled categories can be seen but not chosen for a new product. */
export function treeOptions(nodes: readonly CategoryNode[], keep?: number): { value: number; title: string; disabled?: boolean; children: ReturnType<typeof treeOptions> }[] {
  return nodes.map((node) => ({
    value: node.id,
    title: node.enabled ? node.name : `${node.name}（已停用）`,
    disabled: !node.enabled && node.id !== keep,
    children: treeOptions(node.children, keep),
  }));
}
