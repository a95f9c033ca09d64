/** 物流管理 (LA): logistics orders (filters, batch 未处理/已处理, tracking numbers one by one or from a
 * sheet, xlsx/csv download) and carrier maintenance (status with reason, surcharge, limits, packing hint). */
import { DownloadOutlined, UploadOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Drawer, Form, Input, InputNumber, Modal, Segmented, Select, Space, Switch, Table, Tabs, Tag, Typography, Upload } from 'antd';
import { useCallback, useEffect, useRef, useState } from 'react';
import { useSearchParams } from 'react-router-dom';
import type { components } from '@/shared/api/schema';
import { formatDateTime } from '@/shared/datetime';
import { ApiFailure, errorMessage, fieldErrors, unwrap } from '@/shared/errors';
import { STATE_COLORS, STATE_FILTERS, yuan, type CarrierAdmin, type ShipmentRow } from '@/shared/logistics';
import { useExportQueued } from '@/shared/components/useExportQueued';
import { useMe } from '@/shared/session';
import { OperationsPage } from '../OperationsPage';
import { hasProblems, latestZoneRows, NO_PROBLEMS, serverZoneProblems, ZoneEditor, zoneProblems, zoneRows, zonesBody, type ZoneFormRef, type ZoneProblems, type ZoneRow } from './ZoneEditor';
import { AgreementFiles, type AgreementFile } from './AgreementFiles';
import './logistics-admin.css';

type SheetRow = components['schemas']['SheetRowOut'];
const EDIT = 'operations:logistics:edit';

export default function LogisticsPage() {
  const [params, setParams] = useSearchParams();
  const tab = params.get('tab') === 'carriers' ? 'carriers' : 'orders';
  return (
    <OperationsPage title="物流管理" description="物流订单处理、承运商运单号录入与物流渠道维护" permission="operations:logistics:view">
      <Tabs
        activeKey={tab}
        onChange={(key) => setParams(key === 'orders' ? {} : { tab: key })}
        items={[
          { key: 'orders', label: '物流订单', children: <Orders /> },
          { key: 'carriers', label: '渠道维护', children: <Carriers /> },
        ]}
      />
    </OperationsPage>
  );
}

function Orders() {
  const { api, access } = useMe();
  const { message } = App.useApp();
  const exportQueued = useExportQueued();
  const canEdit = access.can(EDIT);
  const [params] = useSearchParams();
  // the global search opens a shipment here with ?q=<运单编号>
  const [filters, setFilters] = useState({ q: params.get('q') ?? '', state: '', handled: '' as '' | 'true' | 'false', carrier_id: 0 });
  const [page, setPage] = useState(1);
  const [rows, setRows] = useState<ShipmentRow[]>([]);
  const [total, setTotal] = useState(0);
  const [carriers, setCarriers] = useState<CarrierAdmin[]>([]);
  const [loading, setLoading] = useState(true);
  const [failure, setFailure] = useState<string | null>(null);
  const [selected, setSelected] = useState<number[]>([]);
  const [editing, setEditing] = useState<ShipmentRow | null>(null);
  const [trackingNo, setTrackingNo] = useState('');
  const [sheetOpen, setSheetOpen] = useState(false);

  const query = useCallback(
    () => ({
      q: filters.q,
      state: filters.state,
      ...(filters.handled ? { handled: filters.handled === 'true' } : {}),
      ...(filters.carrier_id ? { carrier_id: filters.carrier_id } : {}),
    }),
    [filters],
  );

  const load = useCallback(async () => {
    setLoading(true);
    setFailure(null);
    try {
      const data = await unwrap(api.client.GET('/api/v1/admin/logistics/shipments', { params: { query: { ...query(), page, page_size: 20 } } }));
      setRows(data.items);
      setTotal(data.total);
    } catch (e) {
      setFailure(errorMessage(e));
    } finally {
      setLoading(false);
    }
  }, [api, page, query]);

  useEffect(() => {
    void load();
  }, [load]);
  useEffect(() => {
    unwrap(api.client.GET('/api/v1/admin/logistics/carriers')).then(setCarriers, () => setCarriers([]));
  }, [api]);

  const mark = async (handled: boolean) => {
    try {
      const { changed } = await unwrap(api.client.POST('/api/v1/admin/logistics/shipments/mark', { body: { shipment_ids: selected, handled } }));
      message.success(`已将 ${changed} 票标记为${handled ? '已处理' : '未处理'}`);
      setSelected([]);
      void load();
    } catch (e) {
      message.error(errorMessage(e));
    }
  };

  const saveTrackingNo = async () => {
    if (!editing) return;
    try {
      await unwrap(
        api.client.PUT('/api/v1/admin/logistics/shipments/{shipment_id}/tracking-no', { params: { path: { shipment_id: editing.id } }, body: { tracking_no: trackingNo } }),
      );
      message.success(`运单 ${editing.number} 的承运商运单号已录入，轨迹将自动更新`);
      setEditing(null);
      void load();
    } catch (e) {
      message.error(errorMessage(e));
    }
  };

  const download = async (format: 'xlsx' | 'csv') => {
    try {
      const queued = await unwrap(api.client.POST('/api/v1/admin/logistics/shipments/export', { params: { query: { ...query(), format } } }));
      exportQueued(queued.title);
    } catch (e) {
      message.error(errorMessage(e));
    }
  };

  const set = (patch: Partial<typeof filters>) => {
    setPage(1);
    setFilters({ ...filters, ...patch });
  };

  return (
    <Card variant="borderless" className="jmt-card">
      <Space direction="vertical" size="middle" style={{ width: '100%' }}>
        <Space wrap>
          <Segmented value={filters.handled} onChange={(v) => set({ handled: v as '' | 'true' | 'false' })} options={[{ value: '', label: '全部' }, { value: 'false', label: '未处理' }, { value: 'true', label: '已处理' }]} />
          <Select style={{ width: 120 }} value={filters.state} onChange={(v) => set({ state: v })} options={STATE_FILTERS.map((o) => (o.value ? o : { ...o, label: '全部状态' }))} />
          <Select style={{ width: 160 }} value={filters.carrier_id} onChange={(v) => set({ carrier_id: v })} options={[{ value: 0, label: '全部渠道' }, ...carriers.map((c) => ({ value: c.id, label: c.name }))]} />
          <Input.Search allowClear defaultValue={filters.q} placeholder="运单编号 / 运单号 / 收件人 / 商户" style={{ width: 280 }} onSearch={(v) => set({ q: v })} />
        </Space>
        <Space wrap>
          {canEdit && (
            <>
              <Button disabled={!selected.length} onClick={() => void mark(true)}>标记已处理</Button>
              <Button disabled={!selected.length} onClick={() => void mark(false)}>标记未处理</Button>
              <Button icon={<UploadOutlined />} onClick={() => setSheetOpen(true)}>按表格录入运单号</Button>
            </>
          )}
          <Button icon={<DownloadOutlined />} onClick={() => void download('xlsx')}>下载 Excel</Button>
          <Button icon={<DownloadOutlined />} onClick={() => void download('csv')}>下载 CSV</Button>
        </Space>
        {failure && <Alert type="error" showIcon message="加载失败" description={failure} />}
        <Table<ShipmentRow>
          rowKey="id"
          loading={loading}
          dataSource={rows}
          scroll={{ x: 1200 }}
          rowSelection={canEdit ? { selectedRowKeys: selected, onChange: (keys) => setSelected(keys as number[]) } : undefined}
          pagination={{ current: page, total, pageSize: 20, onChange: setPage, showTotal: (t) => `共 ${t} 票` }}
          columns={[
            { title: '运单编号', dataIndex: 'number', width: 140 },
            { title: '商户', dataIndex: 'merchant_name', width: 140 },
            { title: '渠道', width: 130, render: (_, r) => <Space size={4}>{r.carrier_name}{r.carrier_status !== 'active' && <Tag color="orange">{r.carrier_status === 'paused' ? '暂停' : '终止'}</Tag>}</Space> },
            { title: '目的地', width: 140, render: (_, r) => `${r.country_name} · ${r.recipient_name}` },
            { title: '状态', width: 90, render: (_, r) => <Tag color={STATE_COLORS[r.state]}>{r.state_label}</Tag> },
            { title: '承运商运单号', width: 170, render: (_, r) => r.tracking_no || <Typography.Text type="secondary">未录入</Typography.Text> },
            { title: '计费重', width: 80, render: (_, r) => `${r.chargeable_weight} kg` },
            { title: '运费', width: 100, render: (_, r) => yuan(r.amount) },
            { title: '易碎', width: 70, render: (_, r) => (r.fragile ? <Tag color="magenta">水晶</Tag> : '—') },
            { title: '处理', width: 80, render: (_, r) => (r.handled ? <Tag color="success">已处理</Tag> : <Tag>未处理</Tag>) },
            { title: '下单时间', width: 150, render: (_, r) => formatDateTime(r.created_at) },
            {
              title: '操作',
              fixed: 'right',
              width: 120,
              render: (_, r) =>
                canEdit && r.state !== 'delivered' ? (
                  <Button size="small" type="link" onClick={() => { setEditing(r); setTrackingNo(r.tracking_no); }} data-testid={`tracking-${r.number}`}>
                    {r.tracking_no ? '修改运单号' : '录入运单号'}
                  </Button>
                ) : null,
            },
          ]}
        />
      </Space>
      <Modal title={`录入承运商运单号 · ${editing?.number ?? ''}`} open={!!editing} onOk={() => void saveTrackingNo()} onCancel={() => setEditing(null)} okText="保存运单号" cancelText="取消">
        <Typography.Paragraph type="secondary">{editing ? `${editing.carrier_name} · ${editing.country_name} · ${editing.recipient_name}` : ''}</Typography.Paragraph>
        <Input value={trackingNo} onChange={(e) => setTrackingNo(e.target.value)} placeholder="承运商运单号" aria-label="承运商运单号" />
      </Modal>
      <SheetDrawer open={sheetOpen} onClose={() => setSheetOpen(false)} onApplied={() => void load()} />
    </Card>
  );
}

function SheetDrawer({ open, onClose, onApplied }: { open: boolean; onClose: () => void; onApplied: () => void }) {
  const { api } = useMe();
  const { message } = App.useApp();
  const [rows, setRows] = useState<SheetRow[] | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const bad = (rows ?? []).filter((r) => !r.ok).length;

  const preview = async (file: File) => {
    setFailure(null);
    try {
      const form = new FormData();
      form.append('file', file, file.name);
      const data = await unwrap(api.client.POST('/api/v1/admin/logistics/tracking-sheet/preview', { body: { file: '' }, bodySerializer: () => form }));
      setRows(data.rows);
    } catch (e) {
      setRows(null);
      setFailure(errorMessage(e));
    }
    return false;
  };

  const apply = async () => {
    if (!rows) return;
    try {
      const { applied } = await unwrap(
        api.client.POST('/api/v1/admin/logistics/tracking-sheet/apply', { body: { rows: rows.map((r) => ({ row: r.row, number: r.number, tracking_no: r.tracking_no })) } }),
      );
      message.success(`已录入 ${applied} 个运单号`);
      setRows(null);
      onApplied();
      onClose();
    } catch (e) {
      message.error(errorMessage(e));
    }
  };

  return (
    <Drawer title="按表格录入运单号" width={720} open={open} onClose={onClose} extra={<Button type="primary" disabled={!rows || bad > 0 || !rows.length} onClick={() => void apply()}>确认录入</Button>}>
      <Space direction="vertical" size="middle" style={{ width: '100%' }}>
        <Alert type="info" showIcon message="表格（.xlsx 或 .csv）第一行为表头，须包含「运单编号」「承运商运单号」两列。上传后先预览，全部匹配才能录入。" />
        <Upload accept=".xlsx,.csv" maxCount={1} beforeUpload={(file) => { void preview(file); return false; }} showUploadList={false}>
          <Button icon={<UploadOutlined />}>选择表格</Button>
        </Upload>
        {failure && <Alert type="error" showIcon message={failure} />}
        {rows && bad > 0 && <Alert type="error" showIcon message={`有 ${bad} 行不能匹配或有误，请修改表格后重新上传`} />}
        {rows && (
          <Table<SheetRow>
            rowKey="row"
            size="small"
            dataSource={rows}
            pagination={false}
            columns={[
              { title: '行', dataIndex: 'row', width: 50 },
              { title: '运单编号', dataIndex: 'number' },
              { title: '承运商运单号', dataIndex: 'tracking_no' },
              { title: '商户', dataIndex: 'merchant_name' },
              { title: '结果', render: (_, r) => (r.ok ? <Tag color="success">可录入</Tag> : <Typography.Text type="danger">{r.message}</Typography.Text>) },
            ]}
          />
        )}
      </Space>
    </Drawer>
  );
}

type CarrierForm = { status: 'active' | 'paused' | 'terminated'; status_reason: string; fuel_surcharge_pct: number; remote_area_fee: number; max_weight_kg: number; max_side_cm: number; allows_battery: boolean; allows_liquid: boolean; allows_fragile: boolean; fragile_packing_hint: string; qualification_status: 'pending' | 'approved' | 'rejected'; description: string; timeliness_standard: string; exception_handling: string };

function Carriers() {
  const { api, access } = useMe();
  const { message } = App.useApp();
  const [rows, setRows] = useState<CarrierAdmin[]>([]);
  const [loading, setLoading] = useState(true);
  const [failure, setFailure] = useState<string | null>(null);
  const [editing, setEditing] = useState<CarrierAdmin | null>(null);
  const [zones, setZones] = useState<ZoneRow[]>([]);
  const zoneForm: ZoneFormRef = useRef(undefined);
  const [problems, setProblems] = useState<ZoneProblems>(NO_PROBLEMS);
  const [agreements, setAgreements] = useState<AgreementFile[]>([]);
  const [agreementError, setAgreementError] = useState<string | undefined>();
  const [saving, setSaving] = useState(false);
  const [form] = Form.useForm<CarrierForm>();
  const countryOptions = [...new Map(rows.flatMap((c) => c.countries).map((x) => [x.code, { value: x.code, label: `${x.name}（${x.code}）` }])).values()];

  const load = useCallback(async () => {
    setLoading(true);
    try {
      setRows(await unwrap(api.client.GET('/api/v1/admin/logistics/carriers')));
    } catch (e) {
      setFailure(errorMessage(e));
    } finally {
      setLoading(false);
    }
  }, [api]);
  useEffect(() => {
    void load();
  }, [load]);

  const open = (c: CarrierAdmin) => {
    setEditing(c);
    setZones(zoneRows(c.zones));
    setProblems(NO_PROBLEMS);
    setAgreements(c.agreement_files);
    setAgreementError(undefined);
    form.setFieldsValue({ ...c, fuel_surcharge_pct: Number(c.fuel_surcharge_pct), remote_area_fee: Number(c.remote_area_fee.amount), max_weight_kg: Number(c.max_weight_kg), max_side_cm: Number(c.max_side_cm) });
  };

  const save = async () => {
    if (!editing) return;
    const values = await form.validateFields();
    const rows = latestZoneRows(zones, zoneForm);
    setZones(rows);
    const local = zoneProblems(rows);
    setProblems(local);
    setAgreementError(undefined);
    if (hasProblems(local)) return;
    const c = editing;
    const body = {
      code: c.code, name: c.name, kind: c.kind, zones: zonesBody(rows), volumetric_divisor: c.volumetric_divisor, weight_step: c.weight_step,
      remote_postcodes: c.remote_postcodes, max_girth_cm: c.max_girth_cm, max_sum_cm: c.max_sum_cm, agreement_documents: agreements.map((f) => f.id), sort_order: c.sort_order,
      ...values,
      fuel_surcharge_pct: String(values.fuel_surcharge_pct), remote_area_fee: String(values.remote_area_fee), max_weight_kg: String(values.max_weight_kg), max_side_cm: String(values.max_side_cm),
    };
    setSaving(true);
    try {
      await unwrap(api.client.PUT('/api/v1/admin/logistics/carriers/{carrier_id}', { params: { path: { carrier_id: c.id } }, body: body as never }));
      message.success(`「${c.name}」已保存`);
      setEditing(null);
      void load();
    } catch (e) {
      message.error(errorMessage(e));
      if (e instanceof ApiFailure) {
        const fields = fieldErrors(e);
        setProblems(serverZoneProblems(fields, rows));
        setAgreementError(fields.find((f) => f.name === 'agreement_documents')?.errors.join('；'));
        const known = Object.keys(form.getFieldsValue()) as (keyof CarrierForm)[];
        form.setFields(fields.flatMap((f) => (known.includes(f.name as keyof CarrierForm) ? [{ name: f.name as keyof CarrierForm, errors: f.errors }] : [])));
      }
    } finally {
      setSaving(false);
    }
  };
  const status = Form.useWatch('status', form);

  return (
    <Card variant="borderless" className="jmt-card">
      {failure && <Alert type="error" showIcon message="加载失败" description={failure} />}
      <Table<CarrierAdmin>
        rowKey="id"
        loading={loading}
        dataSource={rows}
        pagination={false}
        scroll={{ x: 1400 }}
        columns={[
          { title: '渠道', width: 150, render: (_, c) => <Space direction="vertical" size={0}><Typography.Text strong>{c.name}</Typography.Text><Typography.Text type="secondary">{c.kind_label}</Typography.Text></Space> },
          { title: '状态', width: 160, render: (_, c) => <Space direction="vertical" size={0}><Tag color={c.status === 'active' ? 'success' : c.status === 'paused' ? 'warning' : 'default'}>{c.status_label}</Tag>{c.status_reason && <Typography.Text type="secondary">{c.status_reason}</Typography.Text>}</Space> },
          { title: '资质审核', width: 90, render: (_, c) => c.qualification_label },
          { title: '寄达国家', width: 280, render: (_, c) => c.countries.map((x) => x.name).join('、') },
          { title: '时效', width: 90, render: (_, c) => `${c.transit_min}–${c.transit_max} 天` },
          { title: '体积重除数', width: 110, dataIndex: 'volumetric_divisor' },
          { title: '燃油附加费', width: 110, render: (_, c) => `${c.fuel_surcharge_pct}%` },
          { title: '单件上限', width: 130, render: (_, c) => `${c.max_weight_kg} kg / ${c.max_side_cm} cm` },
          { title: '在途运单', width: 90, dataIndex: 'open_shipments' },
          { title: '操作', width: 80, fixed: 'right', render: (_, c) => (access.can(EDIT) ? <Button type="link" size="small" onClick={() => open(c)}>编辑</Button> : null) },
        ]}
      />
      <Drawer title={`编辑渠道 · ${editing?.name ?? ''}`} width="min(1080px, calc(100vw - 64px))" open={!!editing} onClose={() => setEditing(null)} extra={<Button type="primary" loading={saving} onClick={() => void save()}>保存</Button>}>
        <Form form={form} layout="vertical">
          <Form.Item name="status" label="状态">
            <Segmented options={[{ value: 'active', label: '正常' }, { value: 'paused', label: '暂停' }, { value: 'terminated', label: '终止' }]} />
          </Form.Item>
          {status !== 'active' && (
            <Form.Item name="status_reason" label="暂停 / 终止原因（商户下单时看到）" rules={[{ required: true, message: '请填写原因' }]}>
              <Input maxLength={200} />
            </Form.Item>
          )}
          <Form.Item name="qualification_status" label="资质审核">
            <Select options={[{ value: 'pending', label: '待审核' }, { value: 'approved', label: '已通过' }, { value: 'rejected', label: '未通过' }]} />
          </Form.Item>
          <Form.Item label="合作协议" validateStatus={agreementError ? 'error' : undefined} help={agreementError}>
            <AgreementFiles value={agreements} onChange={setAgreements} canEdit={access.can(EDIT)} />
          </Form.Item>
          <Space wrap>
            <Form.Item name="fuel_surcharge_pct" label="燃油附加费（%）"><InputNumber min={0} max={100} step={0.5} /></Form.Item>
            <Form.Item name="remote_area_fee" label="偏远地区附加费（元）"><InputNumber min={0} /></Form.Item>
            <Form.Item name="max_weight_kg" label="单件上限（kg）"><InputNumber min={0.1} /></Form.Item>
            <Form.Item name="max_side_cm" label="最长边（cm）"><InputNumber min={1} /></Form.Item>
          </Space>
          <Space wrap>
            <Form.Item name="allows_battery" label="接收带电池" valuePropName="checked"><Switch /></Form.Item>
            <Form.Item name="allows_liquid" label="接收液体" valuePropName="checked"><Switch /></Form.Item>
            <Form.Item name="allows_fragile" label="接收易碎品" valuePropName="checked"><Switch /></Form.Item>
          </Space>
          <Form.Item name="fragile_packing_hint" label="易碎品（水晶）包装要求"><Input.TextArea rows={3} /></Form.Item>
          <Form.Item name="description" label="服务介绍"><Input.TextArea rows={2} /></Form.Item>
          <Form.Item name="timeliness_standard" label="时效标准"><Input.TextArea rows={2} /></Form.Item>
          <Form.Item name="exception_handling" label="异常处理"><Input.TextArea rows={2} /></Form.Item>
          <Typography.Title level={5}>分区与价格表</Typography.Title>
          {hasProblems(problems) && (
            <Alert
              type="error"
              showIcon
              style={{ marginBottom: 12 }}
              message="分区价格表有误，请按标红行下方的提示修改后再保存"
              description={problems.table.length ? <ul style={{ margin: 0, paddingLeft: 20 }}>{problems.table.map((p) => <li key={p}>{p}</li>)}</ul> : undefined}
              data-testid="zone-problems"
            />
          )}
          <ZoneEditor value={zones} onChange={setZones} countryOptions={countryOptions} weightStep={editing?.weight_step ?? '0.5'} problems={problems} formRef={zoneForm} />
        </Form>
      </Drawer>
    </Card>
  );
}
