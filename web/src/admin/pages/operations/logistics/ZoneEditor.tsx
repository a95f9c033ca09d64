/** 分区与价格表 of a carrier, edited in place (EditableProTable): zone name, countries, first weight and
 * its price, the price of each further weight step, the optional heavy per-kg rate, transit days. */
import { EditableProTable, type EditableFormInstance, type ProColumns } from '@ant-design/pro-components';
import { PlusOutlined } from '@ant-design/icons';
import { Button, Typography } from 'antd';
import type { MutableRefObject } from 'react';

export interface ZoneRow {
  key: string;
  name: string;
  countries: string[];
  first_weight: number | null;
  first_price: number | null;
  additional_price: number | null;
  heavy_from: number | null;
  heavy_per_kg: number | null;
  transit_min: number | null;
  transit_max: number | null;
}

/** The server's zone (strings for decimals) as an editable row. */
export function zoneRows(zones: Record<string, unknown>[]): ZoneRow[] {
  const num = (v: unknown) => (v === null || v === undefined || v === '' ? null : Number(v));
  return zones.map((z, i) => ({
    key: `zone-${i}`,
    name: String(z.name ?? ''),
    countries: Array.isArray(z.countries) ? z.countries.map(String) : [],
    first_weight: num(z.first_weight),
    first_price: num(z.first_price),
    additional_price: num(z.additional_price),
    heavy_from: num(z.heavy_from),
    heavy_per_kg: num(z.heavy_per_kg),
    transit_min: num(z.transit_min),
    transit_max: num(z.transit_max),
  }));
}

/** The rows as the body of `PUT /admin/logistics/carriers/{id}` expects them. */
export function zonesBody(rows: ZoneRow[]) {
  const dec = (v: number | null) => (v === null || v === undefined ? null : String(v));
  return rows.map((r) => ({
    name: r.name.trim(),
    countries: r.countries.map((c) => c.trim().toUpperCase()).filter(Boolean),
    first_weight: dec(r.first_weight) ?? '',
    first_price: dec(r.first_price) ?? '',
    additional_price: dec(r.additional_price) ?? '',
    heavy_from: dec(r.heavy_from),
    heavy_per_kg: dec(r.heavy_per_kg),
    transit_min: r.transit_min ?? -1,
    transit_max: r.transit_max ?? -1,
  }));
}

/** What is wrong with the price table: messages for the table as a whole, and per row (by row key). */
export interface ZoneProblems {
  table: string[];
  rows: Record<string, string[]>;
}

export const NO_PROBLEMS: ZoneProblems = { table: [], rows: {} };

export function hasProblems(p: ZoneProblems): boolean {
  return p.table.length > 0 || Object.values(p.rows).some((m) => m.length > 0);
}

/** What is wrong with the rows before they go to the server (the server checks again, and alone checks
 * the heavy rate pair and the transit range: its Chinese message is shown on the row). */
export function zoneProblems(rows: ZoneRow[]): ZoneProblems {
  const result: ZoneProblems = { table: rows.length ? [] : ['至少需要一个分区'], rows: {} };
  rows.forEach((r) => {
    const problems: string[] = [];
    if (!r.name.trim()) problems.push('请填写分区名称');
    if (!r.countries.length) problems.push('请选择寄达国家');
    if (r.first_weight === null || r.first_weight <= 0) problems.push('首重须大于 0');
    if (r.first_price === null) problems.push('请填写首重价格');
    if (r.additional_price === null) problems.push('请填写续重价格');
    if (r.transit_min === null || r.transit_max === null) problems.push('请填写时效天数');
    if (problems.length) result.rows[r.key] = problems;
  });
  return result;
}

const FIELD_LABELS: Record<string, string> = {
  name: '分区名称',
  countries: '寄达国家',
  first_weight: '首重',
  first_price: '首重价格',
  additional_price: '续重价格',
  heavy_from: '重货起算重量',
  heavy_per_kg: '重货单价',
  transit_min: '最短时效',
  transit_max: '最长时效',
};

/** The server's field errors (`zones.1.heavy_per_kg` → message) placed on the rows they name; a message
 * that already names its zone (「…」) is shown as is, a bare one gets the field's label in front. */
export function serverZoneProblems(fields: { name: string; errors: string[] }[], rows: ZoneRow[]): ZoneProblems {
  const result: ZoneProblems = { table: [], rows: {} };
  for (const f of fields) {
    const parts = f.name.split('.');
    if (parts[0] !== 'zones') continue;
    const row = /^\d+$/.test(parts[1] ?? '') ? rows[Number(parts[1])] : undefined;
    const label = parts[2] ? FIELD_LABELS[parts[2]] ?? '' : '';
    const texts = f.errors.map((e) => (e.includes('「') || !label ? e : `${label}：${e}`));
    if (row) result.rows[row.key] = [...(result.rows[row.key] ?? []), ...texts];
    else result.table.push(...texts);
  }
  return result;
}

export type ZoneFormRef = MutableRefObject<EditableFormInstance<ZoneRow> | undefined>;

/** The rows as they are on screen: the table hands each edit to `onChange` 64 ms late (ProTable debounces it), so a
 * save clicked right after typing reads the cells themselves. */
export function latestZoneRows(rows: ZoneRow[], formRef: ZoneFormRef): ZoneRow[] {
  return rows.map((r) => ({ ...r, ...(formRef.current?.getRowData?.(r.key) ?? {}), key: r.key }));
}

let created = 0;

function newZone(): ZoneRow {
  created += 1;
  return { key: `new-${created}`, name: '', countries: [], first_weight: 0.5, first_price: null, additional_price: null, heavy_from: null, heavy_per_kg: null, transit_min: null, transit_max: null };
}

/** Column titles on two short lines (name over unit) so every column stays narrow. */
function title(name: string, unit: string) {
  return (
    <span className="jmt-zone-title">
      {name}
      <br />
      <Typography.Text type="secondary">{unit}</Typography.Text>
    </span>
  );
}

const num = (min: number, max: number, precision: number, placeholder?: string) => ({ min, max, precision, controls: false, placeholder, style: { width: '100%' } });

export function ZoneEditor({ value, onChange, countryOptions, weightStep, problems, formRef }: { value: ZoneRow[]; onChange: (rows: ZoneRow[]) => void; countryOptions: { value: string; label: string }[]; weightStep: string; problems: ZoneProblems; formRef: ZoneFormRef }) {
  const columns: ProColumns<ZoneRow>[] = [
    { title: title('分区', '名称'), dataIndex: 'name', width: 92, fieldProps: { maxLength: 40, placeholder: '如 日韩' } },
    {
      title: title('寄达国家', '选择或输入两位代码'),
      dataIndex: 'countries',
      valueType: 'select',
      fieldProps: { mode: 'tags', options: countryOptions, placeholder: '选择国家', maxTagCount: 'responsive' },
      render: (_, r) => r.countries.map((c) => countryOptions.find((o) => o.value === c)?.label ?? c).join('、'),
    },
    { title: title('首重', 'kg'), dataIndex: 'first_weight', valueType: 'digit', width: 66, fieldProps: num(0.1, 10, 2) },
    { title: title('首重价', '元'), dataIndex: 'first_price', valueType: 'digit', width: 82, fieldProps: num(0, 100000, 2) },
    { title: title('续重价', `元/${weightStep}kg`), dataIndex: 'additional_price', valueType: 'digit', width: 82, fieldProps: num(0, 100000, 2) },
    { title: title('重货起算', 'kg'), dataIndex: 'heavy_from', valueType: 'digit', width: 72, fieldProps: num(0.1, 1000, 1, '不设') },
    { title: title('重货单价', '元/kg'), dataIndex: 'heavy_per_kg', valueType: 'digit', width: 82, fieldProps: num(0, 100000, 2, '不设') },
    { title: title('最短', '天'), dataIndex: 'transit_min', valueType: 'digit', width: 54, fieldProps: num(0, 90, 0) },
    { title: title('最长', '天'), dataIndex: 'transit_max', valueType: 'digit', width: 54, fieldProps: num(0, 90, 0) },
    { title: '操作', valueType: 'option', width: 56 },
  ];
  const withProblems = value.filter((r) => problems.rows[r.key]?.length).map((r) => r.key);
  return (
    <div data-testid="zone-editor" className="jmt-zone-editor">
      <EditableProTable<ZoneRow>
        rowKey="key"
        size="small"
        editableFormRef={formRef}
        value={value}
        onChange={(rows) => onChange([...rows])}
        columns={columns}
        tableLayout="fixed"
        recordCreatorProps={false}
        rowClassName={(r) => (problems.rows[r.key]?.length ? 'jmt-zone-row-error' : '')}
        expandable={{
          showExpandColumn: false,
          expandedRowKeys: withProblems,
          expandedRowClassName: () => 'jmt-zone-row-error',
          expandedRowRender: (r) => (
            <div data-testid={`zone-row-problem-${value.indexOf(r)}`} role="alert">
              {(problems.rows[r.key] ?? []).map((m) => (
                <Typography.Text key={m} type="danger" style={{ display: 'block' }}>
                  {m}
                </Typography.Text>
              ))}
            </div>
          ),
        }}
        editable={{
          type: 'multiple',
          editableKeys: value.map((r) => r.key),
          actionRender: (_row, _config, dom) => [dom.delete],
          deleteText: '删除',
          deletePopconfirmMessage: '删除此分区？',
          onValuesChange: (_record, rows) => onChange(rows),
        }}
      />
      <Button type="dashed" block icon={<PlusOutlined />} style={{ margin: '8px 0' }} onClick={() => onChange([...value, newZone()])}>
        添加分区
      </Button>
      <Typography.Text type="secondary">
        续重每 {weightStep} kg 计一次续重价；重货起算重量与重货单价须同时填写或同时留空，填写后达到该重量的整票按重货单价 × 计费重（向上取整到 1 kg）计费。
      </Typography.Text>
    </div>
  );
}
