/**
 * 新建运单 (L2) on the PC and the H5: what both forms do besides drawing themselves — load the form's
 * data, the price query of the chosen carrier (see `hooks/useCarrierQuote`), the request body, and the server's field errors placed
 * on the form's fields. Each surface keeps its own form components (antd / antd-mobile).
 */
import type { Api } from './api/client';
import type { components } from './api/schema';
import { ApiFailure, unwrap } from './errors';
import type { Carrier, Country } from './logistics';

export type Sender = components['schemas']['SenderOut'];

/** The packing hint shown for crystal when the carrier has none of its own. */
export const FRAGILE_PACKING_FALLBACK = '请加强包装：气泡膜多层包裹，箱内填充至无晃动，箱外贴易碎标识。';

/** A parcel line as a form holds it (numbers on PC, text on H5). */
export interface ParcelInput {
  weight_kg?: number | string;
  length_cm?: number | string;
  width_cm?: number | string;
  height_cm?: number | string;
}

/** A goods line as a form holds it. */
export interface GoodsInput {
  name?: string;
  name_en?: string;
  quantity?: number | string;
  unit_value?: number | string;
  hs_code?: string;
  crystal?: boolean;
}

export interface ShipmentInput {
  carrier_id: number;
  country: string;
  sender?: Partial<Sender>;
  recipient?: { name?: string; phone?: string; email?: string; company?: string; address?: Record<string, string> };
  parcels?: ParcelInput[];
  goods?: GoodsInput[];
  battery?: boolean;
  liquid?: boolean;
  remark?: string;
}

/** A crystal line makes the whole shipment fragile. */
export function isFragile(goods: readonly (GoodsInput | undefined)[] | undefined): boolean {
  return (goods ?? []).some((g) => Boolean(g?.crystal));
}

function complete(parcel: ParcelInput | undefined): parcel is Required<ParcelInput> {
  return Boolean(parcel) && [parcel?.weight_kg, parcel?.length_cm, parcel?.width_cm, parcel?.height_cm].every((v) => Number(v) > 0);
}

/** `GET /logistics/quotes` for one carrier: the first parcel's size, as many pieces as parcels; null until
 * a carrier, a country and a complete first parcel are there. */
export function carrierQuoteQuery(input: Pick<ShipmentInput, 'carrier_id' | 'country' | 'parcels' | 'goods' | 'battery' | 'liquid'>) {
  const first = input.parcels?.[0];
  if (!input.carrier_id || !input.country || !complete(first)) return null;
  return {
    country: input.country,
    weight_kg: String(first.weight_kg),
    length_cm: String(first.length_cm),
    width_cm: String(first.width_cm),
    height_cm: String(first.height_cm),
    pieces: String(input.parcels?.length || 1),
    fragile: isFragile(input.goods) ? 'true' : 'false',
    battery: input.battery ? 'true' : 'false',
    liquid: input.liquid ? 'true' : 'false',
    carrier_ids: [String(input.carrier_id)],
  };
}

/** The body of `POST /logistics/shipments`: decimals as strings, a quantity as a whole number. */
export function shipmentBody(input: ShipmentInput) {
  return {
    carrier_id: input.carrier_id,
    country: input.country,
    ...(input.sender ? { sender: input.sender } : {}),
    recipient: {
      name: input.recipient?.name ?? '',
      phone: input.recipient?.phone ?? '',
      ...(input.recipient?.email ? { email: input.recipient.email } : {}),
      ...(input.recipient?.company ? { company: input.recipient.company } : {}),
      address: input.recipient?.address ?? {},
    },
    parcels: (input.parcels ?? []).map((p) => ({
      weight_kg: String(p.weight_kg),
      length_cm: String(p.length_cm),
      width_cm: String(p.width_cm),
      height_cm: String(p.height_cm),
    })),
    goods: (input.goods ?? []).map((g) => ({
      name: g.name ?? '',
      name_en: g.name_en ?? '',
      quantity: Number(g.quantity) || 1,
      unit_value: String(g.unit_value || '10'),
      ...(g.hs_code ? { hs_code: g.hs_code } : {}),
      crystal: Boolean(g.crystal),
    })),
    battery: Boolean(input.battery),
    liquid: Boolean(input.liquid),
    ...(input.remark ? { remark: input.remark } : {}),
  };
}

/** A server field path (`parcels.1.weight_kg`) as a form name path (`['parcels', 1, 'weight_kg']`). */
export function namePath(path: string): (string | number)[] {
  return path.split('.').map((part) => (/^\d+$/.test(part) ? Number(part) : part));
}

/** The refusal's field errors (`details.fields`), ready for `form.setFields`; empty for any other error. */
export function fieldErrors(error: unknown): { name: (string | number)[]; errors: string[] }[] {
  if (!(error instanceof ApiFailure) || !error.details.fields || typeof error.details.fields !== 'object') return [];
  return Object.entries(error.details.fields as Record<string, string>).map(([name, message]) => ({ name: namePath(name), errors: [message] }));
}

/** The countries with their address fields, the sender from the merchant profile, and the carriers. */
export async function loadShipForm(api: Api): Promise<{ countries: Country[]; sender: Sender; carriers: Carrier[] }> {
  const [shipForm, carriers] = await Promise.all([unwrap(api.client.GET('/api/v1/logistics/ship-form')), unwrap(api.client.GET('/api/v1/logistics/carriers'))]);
  return { countries: shipForm.countries, sender: shipForm.sender, carriers };
}
