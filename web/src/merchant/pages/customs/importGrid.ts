/**
 * Pure helpers of the 电子订单报送 (C2) page: the grid's columns (the template's, in its order),
 * cell errors per grid cell, per-order summaries, download file names.
 */
import type { components } from '@/shared/api/schema';

export type ImportReport = components['schemas']['ImportReportOut'];
export type ImportRow = components['schemas']['ImportRowOut'];
export type ImportRowsPage = components['schemas']['ImportRowsPage'];
export type CellError = components['schemas']['CellErrorOut'];
export type DeclareResult = components['schemas']['DeclareOut'];

export interface GridColumn {
  key: string;
  label: string;
  width: number;
  required: boolean;
}

/** The template's columns (src/jmt/customs/excel/columns.py), in the workbook's order. */
export const GRID_COLUMNS: readonly GridColumn[] = [
  { key: 'orderNo', label: '订单编号', width: 150, required: true },
  { key: 'ebpCode', label: '电商平台代码', width: 130, required: false },
  { key: 'ebpName', label: '电商平台名称', width: 150, required: false },
  { key: 'itemNo', label: '企业商品货号', width: 120, required: true },
  { key: 'itemName', label: '企业商品名称', width: 160, required: true },
  { key: 'gname', label: '申报品名', width: 150, required: true },
  { key: 'gcode', label: 'HS编码', width: 120, required: true },
  { key: 'gmodel', label: '规格型号', width: 200, required: true },
  { key: 'barCode', label: '条形码', width: 110, required: false },
  { key: 'qty', label: '申报数量', width: 90, required: true },
  { key: 'unit', label: '申报计量单位', width: 110, required: true },
  { key: 'qty1', label: '法定数量', width: 90, required: true },
  { key: 'unit1', label: '法定计量单位', width: 110, required: true },
  { key: 'price', label: '单价', width: 90, required: true },
  { key: 'totalPrice', label: '总价', width: 90, required: true },
  { key: 'currency', label: '币制', width: 110, required: true },
  { key: 'country', label: '最终目的国', width: 110, required: true },
  { key: 'logisticsCode', label: '物流企业代码', width: 130, required: true },
  { key: 'logisticsName', label: '物流企业名称', width: 130, required: true },
  { key: 'logisticsNo', label: '物流运单编号', width: 150, required: true },
  { key: 'freight', label: '运费', width: 80, required: false },
  { key: 'grossWeight', label: '毛重(千克)', width: 100, required: true },
  { key: 'netWeight', label: '净重(千克)', width: 100, required: true },
  { key: 'packNo', label: '件数', width: 70, required: true },
  { key: 'ieDate', label: '出口日期', width: 110, required: false },
  { key: 'note', label: '备注', width: 140, required: false },
];


/** A row's errors by column key (several errors on one cell are kept, in order). */
export function cellErrorsByColumn(errors: readonly CellError[]): Record<string, CellError[]> {
  const out: Record<string, CellError[]> = {};
  for (const error of errors) {
    (out[error.column] ??= []).push(error);
  }
  return out;
}

/** The message a cell's tooltip shows: one line per error, without repeating the column label. */
export function cellTooltip(errors: readonly CellError[] | undefined): string | null {
  if (!errors || errors.length === 0) return null;
  return errors
    .map((e) => {
      const prefix = `${e.column_label}：`;
      return e.message.startsWith(prefix) ? e.message.slice(prefix.length) : e.message;
    })
    .join('；');
}

export interface OrderSummary {
  orderNo: string;
  ebpCode: string;
  lines: number;
  badLines: number;
  firstRow: number;
  /** Every line of the order passed validation: the server declares it. */
  declarable: boolean;
}

/**
 * Rows grouped into orders as the server declares them (电商平台代码 + 订单编号), in first-appearance
 * order; an order is declarable when every one of its lines is valid.
 */
export function summariseOrders(rows: readonly ImportRow[]): OrderSummary[] {
  const byOrder = new Map<string, OrderSummary>();
  for (const row of rows) {
    if (row.is_deleted) continue; // deleted in the preview: not declared
    const orderNo = (row.values.orderNo ?? '').trim() || `（第 ${row.row} 行未填订单编号）`;
    const ebpCode = (row.values.ebpCode ?? '').trim();
    const key = `${ebpCode}\u0000${orderNo}`;
    let summary = byOrder.get(key);
    if (!summary) {
      summary = { orderNo, ebpCode, lines: 0, badLines: 0, firstRow: row.row, declarable: true };
      byOrder.set(key, summary);
    }
    summary.lines += 1;
    if (!row.is_valid) {
      summary.badLines += 1;
      summary.declarable = false;
    }
  }
  return [...byOrder.values()];
}

/** The file name from `Content-Disposition` (RFC 5987 `filename*=UTF-8''…` first), else the fallback. */
export function fileNameFrom(disposition: string | null | undefined, fallback: string): string {
  if (!disposition) return fallback;
  const star = /filename\*\s*=\s*(?:UTF-8|utf-8)''([^;]+)/.exec(disposition);
  if (star) {
    try {
      return decodeURIComponent(star[1].trim());
    } catch {
      /* fall through */
    }
  }
  const plain = /filename\s*=\s*"?([^";]+)"?/.exec(disposition);
  return plain ? plain[1].trim() : fallback;
}

/** "2.0 MB", "512 KB" for the size hint. */
export function formatBytes(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${(bytes / (1024 * 1024)).toFixed(bytes % (1024 * 1024) === 0 ? 0 : 1)} MB`;
  if (bytes >= 1024) return `${Math.round(bytes / 1024)} KB`;
  return `${bytes} B`;
}

/** Only .xlsx workbooks are accepted (by extension; the server checks the content). */
export function isXlsx(name: string): boolean {
  return /\.xlsx$/i.test(name.trim());
}
