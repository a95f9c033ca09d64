import { describe, expect, it } from 'vitest';
import type { EditableFormInstance } from '@ant-design/pro-components';
import { hasProblems, latestZoneRows, serverZoneProblems, zoneProblems, zoneRows, type ZoneRow } from './ZoneEditor';

const rows = zoneRows([
  { name: '日本', countries: ['JP'], first_weight: '0.5', first_price: '58.00', additional_price: '12.00', heavy_from: null, heavy_per_kg: null, transit_min: 4, transit_max: 7 },
  { name: '韩国', countries: ['KR'], first_weight: '0.5', first_price: '60.00', additional_price: '12.00', heavy_from: '20', heavy_per_kg: null, transit_min: 4, transit_max: 7 },
]);

describe('zone problems', () => {
  it("puts the server's heavy-rate message on the row it names, as the server wrote it", () => {
    const message = '分区「韩国」填写了重货起算重量，请同时填写重货单价（元/kg），或两项都留空';
    const problems = serverZoneProblems([{ name: 'zones.1.heavy_per_kg', errors: [message] }], rows);
    expect(problems.rows[rows[1].key]).toEqual([message]);
    expect(problems.rows[rows[0].key]).toBeUndefined();
    expect(problems.table).toEqual([]);
  });

  it('labels a bare validation message with its column and keeps an unplaced one for the table', () => {
    const problems = serverZoneProblems(
      [
        { name: 'zones.0.first_price', errors: ['须大于等于 0'] },
        { name: 'zones', errors: ['至少需要一个分区'] },
      ],
      rows,
    );
    expect(problems.rows[rows[0].key]).toEqual(['首重价格：须大于等于 0']);
    expect(problems.table).toEqual(['至少需要一个分区']);
  });

  it('finds an unnamed new row before saving, and nothing on complete rows', () => {
    expect(hasProblems(zoneProblems(rows))).toBe(false);
    const added = [...rows, { ...rows[0], key: 'new-1', name: '', countries: [] }];
    expect(zoneProblems(added).rows['new-1']).toEqual(['请填写分区名称', '请选择寄达国家']);
  });
});

describe('latestZoneRows', () => {
  it('takes what the cells hold over the table state that has not caught up yet, row by row', () => {
    const cells: Record<string, Partial<ZoneRow>> = { [rows[0].key]: { ...rows[0], first_price: 60 } };
    const formRef = { current: { getRowData: (key: string | number) => cells[String(key)] } as unknown as EditableFormInstance<ZoneRow> };
    const latest = latestZoneRows(rows, formRef);
    expect(latest[0].first_price).toBe(60);
    expect(latest[1]).toEqual(rows[1]);
    expect(latest.map((r) => r.key)).toEqual(rows.map((r) => r.key));
  });

  it('is the table state itself before the table has drawn', () => {
    expect(latestZoneRows(rows, { current: undefined })).toEqual(rows);
  });
});
