/** 分区与价格表 of a carrier, edited in place (EditableProTable): zone name, countries, first weight and
 * its price, the price of each further weight step, the optional heavy per-kg rate, transit days. */
import { EditableProTable, type ProColumns } from '@ant-design/pro-components';
import { PlusOutlined } from '@ant-design/icons';
import { Button, Typography } from 'antd';

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

/** What is wrong with the rows before they go to the server (the server checks again). */
export function zoneProblems(rows: ZoneRow[]): string[] {
  const problems: string[] = [];
  if (!rows.length) problems.push('至少需要一个分区');
  rows.forEach((r, i) => {
    const where = `第 ${i + 1} 个分区${r.name ? `「${r.name}」` : ''}`;
    if (!r.name.trim()) problems.push(`${where}：请填写分区名称`);
    if (!r.countries.length) problems.push(`${where}：请选择寄达国家`);
    if (r.first_weight === null || r.first_weight <= 0) problems.push(`${where}：首重须大于 0`);
    if (r.first_price === null) problems.push(`${where}：请填写首重价格`);
    if (r.additional_price === null) problems.push(`${where}：请填写续重价格`);
    if ((r.heavy_from === null) !== (r.heavy_per_kg === null)) problems.push(`${where}：重货起算重量与重货单价须同时填写或同时留空`);
    if (r.transit_min === null || r.transit_max === null) problems.push(`${where}：请填写时效天数`);
    else if (r.transit_min > r.transit_max) problems.push(`${where}：最短时效不能大于最长时效`);
  });
  return problems;
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

/** A server field path (`zones.0.first_price`) in words (`第 1 个分区 · 首重价格`). */
export function fieldLabel(path: string): string {
  const parts = path.split('.');
  if (parts[0] === 'zones' && parts.length >= 2 && /^\d+$/.test(parts[1])) {
    const label = parts[2] ? FIELD_LABELS[parts[2]] ?? '' : '';
    return `第 ${Number(parts[1]) + 1} 个分区${label ? ` · ${label}` : ''}`;
  }
  if (parts[0] === 'zones') return '分区价格表';
  return '';
}

let created = 0;

function newZone(): ZoneRow {
  created += 1;
  return { key: `new-${created}`, name: '', countries: [], first_weight: 0.5, first_price: null, additional_price: null, heavy_from: null, heavy_per_kg: null, transit_min: null, transit_max: null };
}

export function ZoneEditor({ value, onChange, countryOptions, weightStep }: { value: ZoneRow[]; onChange: (rows: ZoneRow[]) => void; countryOptions: { value: string; label: string }[]; weightStep: string }) {
  const columns: ProColumns<ZoneRow>[] = [
    { title: '分区名称', dataIndex: 'name', width: 110, fieldProps: { maxLength: 40, placeholder: '如 日韩' } },
    {
      title: '寄达国家',
      dataIndex: 'countries',
      width: 200,
      valueType: 'select',
      fieldProps: { mode: 'tags', options: countryOptions, placeholder: '选择或输入两位代码', maxTagCount: 'responsive' },
      render: (_, r) => r.countries.map((c) => countryOptions.find((o) => o.value === c)?.label ?? c).join('、'),
    },
    { title: '首重(kg)', dataIndex: 'first_weight', valueType: 'digit', width: 80, fieldProps: { min: 0.1, max: 10, step: 0.5, precision: 2, style: { width: '100%' } } },
    { title: '首重价(元)', dataIndex: 'first_price', valueType: 'digit', width: 90, fieldProps: { min: 0, max: 100000, precision: 2, style: { width: '100%' } } },
    { title: `续重价(元/${weightStep}kg)`, dataIndex: 'additional_price', valueType: 'digit', width: 110, fieldProps: { min: 0, max: 100000, precision: 2, style: { width: '100%' } } },
    { title: '重货起(kg)', dataIndex: 'heavy_from', valueType: 'digit', width: 90, fieldProps: { min: 0.1, max: 1000, placeholder: '不设', style: { width: '100%' } } },
    { title: '重货价(元/kg)', dataIndex: 'heavy_per_kg', valueType: 'digit', width: 100, fieldProps: { min: 0, max: 100000, precision: 2, placeholder: '不设', style: { width: '100%' } } },
    { title: '最短(天)', dataIndex: 'transit_min', valueType: 'digit', width: 70, fieldProps: { min: 0, max: 90, precision: 0, style: { width: '100%' } } },
    { title: '最长(天)', dataIndex: 'transit_max', valueType: 'digit', width: 70, fieldProps: { min: 0, max: 90, precision: 0, style: { width: '100%' } } },
    { title: '操作', valueType: 'option', width: 64, fixed: 'right' },
  ];
  return (
    <div data-testid="zone-editor">
      <EditableProTable<ZoneRow>
        rowKey="key"
        size="small"
        value={value}
        onChange={(rows) => onChange([...rows])}
        columns={columns}
        scroll={{ x: 1050 }}
        recordCreatorProps={false}
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
        续重每 {weightStep} kg 计一次续重价；填写重货起算重量后，达到该重量的整票按重货单价 × 计费重（向上取整到 1 kg）计费。
      </Typography.Text>
    </div>
  );
}
