/** 跨境物流: shapes of the generated client and the labels every surface shows. */
import type { components } from '@/shared/api/schema';

export type Carrier = components['schemas']['CarrierOut'];
export type CarrierAdmin = components['schemas']['CarrierAdminOut'];
export type Quote = components['schemas']['QuoteOut'];
export type Country = components['schemas']['CountryOut'];
export type ShipmentRow = components['schemas']['ShipmentRowOut'];
export type Shipment = components['schemas']['ShipmentOut'];
export type Money = components['schemas']['MoneyOut'];

export const STATE_COLORS: Record<string, string> = {
  ordered: 'default',
  picked_up: 'processing',
  in_transit: 'processing',
  customs: 'warning',
  delivering: 'cyan',
  delivered: 'success',
  exception: 'error',
};

export const STATE_FILTERS = [
  { value: '', label: '全部' },
  { value: 'open', label: '未完结' },
  { value: 'ordered', label: '已下单' },
  { value: 'picked_up', label: '已揽收' },
  { value: 'in_transit', label: '运输中' },
  { value: 'customs', label: '清关中' },
  { value: 'delivering', label: '派送中' },
  { value: 'delivered', label: '已签收' },
  { value: 'exception', label: '异常' },
];

export const TAG_COLORS: Record<string, string> = { 最便宜: 'green', 最快: 'blue', 最稳: 'purple' };

export function yuan(money: Money | null | undefined): string {
  return money ? `¥${Number(money.amount).toLocaleString('zh-CN', { minimumFractionDigits: 2, maximumFractionDigits: 2 })}` : '—';
}

export function transit(min: number, max: number): string {
  return min === max ? `${max} 天` : `${min}–${max} 天`;
}

/** The measured on-time rate; 暂无 until the carrier has a delivered shipment. */
export function onTime(rate: number | null | undefined): string {
  return rate === null || rate === undefined ? '暂无' : `${Math.round(rate * 100)}%`;
}

export const ON_TIME_HELP = '按平台已签收运单统计：自揽收起在承诺时效内签收的比例；尚无签收运单时显示「暂无」。';

/** The comparison form's values, kept in the address so 「用此渠道发货」 carries them to the ship form. */
export interface CompareValues {
  country: string;
  weight_kg: string;
  length_cm: string;
  width_cm: string;
  height_cm: string;
  pieces: number;
  fragile: boolean;
  battery: boolean;
  liquid: boolean;
  /** The 2–4 carriers picked for a side-by-side comparison (empty: every carrier). */
  carrier_ids: number[];
}

export const DEFAULT_COMPARE: CompareValues = {
  country: 'JP',
  weight_kg: '2',
  length_cm: '30',
  width_cm: '20',
  height_cm: '15',
  pieces: 1,
  fragile: true,
  battery: false,
  liquid: false,
  carrier_ids: [],
};

export function compareQuery(values: CompareValues): Record<string, string> {
  return {
    country: values.country,
    weight_kg: String(values.weight_kg),
    length_cm: String(values.length_cm),
    width_cm: String(values.width_cm),
    height_cm: String(values.height_cm),
    pieces: String(values.pieces || 1),
    fragile: values.fragile ? 'true' : 'false',
    battery: values.battery ? 'true' : 'false',
    liquid: values.liquid ? 'true' : 'false',
    ...(values.carrier_ids?.length ? { carriers: values.carrier_ids.join(',') } : {}),
  };
}

/** The query of `GET /logistics/quotes` for these values (the picked carriers as repeated `carrier_ids`). */
export function quotesQuery(values: CompareValues) {
  const query: Record<string, string | string[]> = compareQuery(values);
  delete query.carriers;
  return { ...query, carrier_ids: (values.carrier_ids ?? []).map(String) };
}

export function compareFrom(params: URLSearchParams): CompareValues {
  const get = (key: keyof CompareValues) => params.get(key);
  return {
    country: get('country') || DEFAULT_COMPARE.country,
    weight_kg: get('weight_kg') || DEFAULT_COMPARE.weight_kg,
    length_cm: get('length_cm') || DEFAULT_COMPARE.length_cm,
    width_cm: get('width_cm') || DEFAULT_COMPARE.width_cm,
    height_cm: get('height_cm') || DEFAULT_COMPARE.height_cm,
    pieces: Number(get('pieces')) || 1,
    fragile: get('fragile') ? get('fragile') === 'true' : DEFAULT_COMPARE.fragile,
    battery: get('battery') === 'true',
    liquid: get('liquid') === 'true',
    carrier_ids: (params.get('carriers') ?? '').split(',').map(Number).filter((n) => Number.isInteger(n) && n > 0).slice(0, 4),
  };
}
