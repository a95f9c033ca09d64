import { describe, expect, it } from 'vitest';
import {
  cellErrorsByColumn,
  cellTooltip,
  fileNameFrom,
  formatBytes,
  GRID_COLUMNS,
  isXlsx,
  summariseOrders,
  type CellError,
  type ImportRow,
} from './importGrid';

const err = (column: string, label: string, message: string, row = 3): CellError => ({
  row,
  column,
  column_label: label,
  cell: `X${row}`,
  code: 'X',
  message,
});

describe('cell errors', () => {
  it('groups errors by column, keeping every error of a cell', () => {
    const map = cellErrorsByColumn([
      err('gcode', 'HS编码', 'HS编码：HS 编码必须是 10 位数字'),
      err('qty', '申报数量', '申报数量：必须大于 0'),
      err('gcode', 'HS编码', 'HS编码：必填项为空'),
    ]);
    expect(Object.keys(map).sort()).toEqual(['gcode', 'qty']);
    expect(map.gcode).toHaveLength(2);
  });

  it('builds the tooltip without repeating the column label', () => {
    expect(cellTooltip([err('gcode', 'HS编码', 'HS编码：HS 编码必须是 10 位数字'), err('gcode', 'HS编码', '另一个问题')])).toBe(
      'HS 编码必须是 10 位数字；另一个问题',
    );
    expect(cellTooltip([])).toBeNull();
    expect(cellTooltip(undefined)).toBeNull();
  });

  it('shows the template columns in order, with unique keys', () => {
    expect(GRID_COLUMNS[0].key).toBe('orderNo');
    expect(new Set(GRID_COLUMNS.map((c) => c.key)).size).toBe(GRID_COLUMNS.length);
  });
});

describe('summariseOrders', () => {
  const row = (n: number, orderNo: string, valid: boolean, ebpCode = '', deleted = false): ImportRow => ({
    id: n,
    row: n,
    is_valid: valid,
    is_deleted: deleted,
    values: { orderNo, ebpCode },
    errors: [],
  });

  it('leaves out the rows deleted in the preview', () => {
    const out = summariseOrders([row(2, 'A', true), row(3, 'A', false, '', true)]);
    expect(out).toEqual([{ orderNo: 'A', ebpCode: '', lines: 1, badLines: 0, firstRow: 2, declarable: true }]);
  });

  it('groups lines per order; one bad line makes the order not declarable', () => {
    const out = summariseOrders([row(2, 'A', true), row(3, 'B', true), row(4, 'A', false), row(5, 'B', true)]);
    expect(out).toEqual([
      { orderNo: 'A', ebpCode: '', lines: 2, badLines: 1, firstRow: 2, declarable: false },
      { orderNo: 'B', ebpCode: '', lines: 2, badLines: 0, firstRow: 3, declarable: true },
    ]);
  });

  it('keeps the same order number on two platforms apart, as the server does', () => {
    const out = summariseOrders([row(2, 'A', true, 'P1'), row(3, 'A', false, 'P2')]);
    expect(out.map((o) => [o.ebpCode, o.declarable])).toEqual([
      ['P1', true],
      ['P2', false],
    ]);
  });

  it('names a line without an order number by its row', () => {
    expect(summariseOrders([row(7, '  ', false)])[0].orderNo).toBe('（第 7 行未填订单编号）');
  });
});

describe('downloads and files', () => {
  it('reads the RFC 5987 file name', () => {
    expect(fileNameFrom("attachment; filename*=UTF-8''%E7%94%B5%E5%AD%90%E8%AE%A2%E5%8D%95%E6%A8%A1%E6%9D%BF.xlsx", 'x.xlsx')).toBe('电子订单模板.xlsx');
    expect(fileNameFrom('attachment; filename="a.xlsx"', 'x.xlsx')).toBe('a.xlsx');
    expect(fileNameFrom(null, 'x.xlsx')).toBe('x.xlsx');
  });

  it('formats sizes and accepts only .xlsx', () => {
    expect(formatBytes(20 * 1024 * 1024)).toBe('20 MB');
    expect(formatBytes(1536)).toBe('2 KB');
    expect(isXlsx('订单.XLSX')).toBe(true);
    expect(isXlsx('订单.xls')).toBe(false);
    expect(isXlsx('订单.csv')).toBe(false);
  });
});
