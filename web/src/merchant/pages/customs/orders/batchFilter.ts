/** The 批次 filter of 订单状态: which batch the address names, and the batches as Select options. */
import type { components } from '@/shared/api/schema';

type Batch = Pick<components['schemas']['BatchOut'], 'id' | 'name' | 'customs_code' | 'port_code'>;

export interface BatchOption {
  value: number;
  label: string;
}

/** The batch named by `?batch_id=` (or the older `?batch=` of notification links), if any. */
export function batchIdFrom(params: URLSearchParams): number | undefined {
  const raw = params.get('batch_id') ?? params.get('batch');
  const id = Number(raw);
  return raw && Number.isInteger(id) && id > 0 ? id : undefined;
}

/** 「名称（海关 2305 · 口岸 2305）」: the label people pick a batch by. */
export function batchLabel(batch: Batch): string {
  const where = [batch.customs_code && `海关 ${batch.customs_code}`, batch.port_code && `口岸 ${batch.port_code}`].filter(Boolean).join(' · ');
  return where ? `${batch.name}（${where}）` : batch.name;
}

/** The batches as options; a selected batch that is not among them still gets an option, so the Select shows it. */
export function batchOptions(batches: readonly Batch[], selected?: number): BatchOption[] {
  const options = batches.map((b) => ({ value: b.id, label: batchLabel(b) }));
  if (selected !== undefined && !options.some((o) => o.value === selected)) options.unshift({ value: selected, label: `批次 #${selected}` });
  return options;
}
