/** T1 出口退税申报: the merchant's claims, and one claim's declaration (报关单, amount, PDFs, 收汇, checklist, submit). */
import { PlusOutlined } from '@ant-design/icons';
import {
  Alert,
  App,
  Button,
  Card,
  Col,
  Empty,
  Form,
  Input,
  InputNumber,
  Row,
  Skeleton,
  Space,
  Table,
  Tag,
  Typography,
} from 'antd';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { useNavigate, useSearchParams } from 'react-router-dom';
import { access } from '@/shared/access';
import { PageHeading } from '@/shared/components/PageHeading';
import { VaultPicker } from '@/shared/components/VaultPicker';
import { errorMessage, unwrap } from '@/shared/errors';
import {
  FILE_ROLES,
  STATE_COLORS,
  deadlineText,
  money,
  type ClaimOut,
  type ClaimRowOut,
  type DeclarationOptionOut,
  type FileRole,
} from '@/shared/refunds';
import { useMe } from '@/shared/session';
import { ReadinessList } from './ReadinessList';

interface Manual {
  entry_id: string;
  month: string;
  amount: string;
  currency: string;
  goods: string;
}

function ClaimList({ onOpen }: { onOpen: (id: number | 'new') => void }) {
  const { api, me } = useMe();
  const [rows, setRows] = useState<ClaimRowOut[] | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  useEffect(() => {
    unwrap(api.client.GET('/api/v1/refunds/claims', { params: { query: { page: 1, page_size: 100 } } }))
      .then((page) => setRows(page.items))
      .catch((e) => setFailure(errorMessage(e)));
  }, [api]);
  const canEdit = access(me).can('refunds:claims:edit');
  if (failure) return <Alert type="error" showIcon message="加载失败" description={failure} />;
  return (
    <Card
      title="我的退税申报"
      extra={
        canEdit && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => onOpen('new')}>
            新建退税申报
          </Button>
        )
      }
    >
      <Table<ClaimRowOut>
        rowKey="id"
        loading={rows === null}
        dataSource={rows ?? []}
        pagination={false}
        locale={{ emptyText: <Empty description="还没有退税申报，点「新建退税申报」从报关单开始" /> }}
        onRow={(row) => ({ onClick: () => onOpen(row.id), style: { cursor: 'pointer' } })}
        columns={[
          { title: '退税申报编号', dataIndex: 'claim_no' },
          { title: '报关单号', dataIndex: 'entry_ids', render: (ids: string[]) => ids.join('、') || '—' },
          { title: '出口月份', dataIndex: 'months', render: (m: string[]) => m.join('、') || '—' },
          { title: '申报金额', dataIndex: 'amount', align: 'right', render: (v: ClaimRowOut['amount']) => money(v) },
          {
            title: '状态',
            dataIndex: 'state',
            render: (_: unknown, row) => <Tag color={STATE_COLORS[row.state]}>{row.state_label}</Tag>,
          },
          {
            title: '申报期限',
            dataIndex: 'deadline',
            render: (d: ClaimRowOut['deadline'], row) => {
              const t = deadlineText(d);
              const open = row.state === 'draft' || row.state === 'rejected';
              return <Typography.Text type={open && t.danger ? 'danger' : open && t.warn ? 'warning' : undefined}>{t.text}</Typography.Text>;
            },
          },
          { title: '到账退税额', dataIndex: 'refund_received', align: 'right', render: (v: ClaimRowOut['refund_received']) => money(v) },
        ]}
      />
    </Card>
  );
}

function ClaimEditor({ claimId, onSaved, onBack }: { claimId: number | null; onSaved: (c: ClaimOut) => void; onBack: () => void }) {
  const { api, me } = useMe();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const [options, setOptions] = useState<DeclarationOptionOut[] | null>(null);
  const [claim, setClaim] = useState<ClaimOut | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const [picks, setPicks] = useState<string[]>([]);
  const [manual, setManual] = useState<Manual[]>([]);
  const [amount, setAmount] = useState<string | null>(null);
  const [reason, setReason] = useState('');
  const [files, setFiles] = useState<Record<FileRole, number | null>>({ customs_declaration: null, purchase_invoice: null, sales_invoice: null });
  const [fxNote, setFxNote] = useState('');
  const [busy, setBusy] = useState(false);
  const canEdit = access(me).can('refunds:claims:edit');

  const load = useCallback(async () => {
    try {
      const [opts, current] = await Promise.all([
        unwrap(api.client.GET('/api/v1/refunds/declarations', { params: { query: { claim_id: claimId ?? undefined } } })),
        claimId ? unwrap(api.client.GET('/api/v1/refunds/claims/{claim_id}', { params: { path: { claim_id: claimId } } })) : Promise.resolve(null),
      ]);
      setOptions(opts);
      setClaim(current);
      if (current) {
        setPicks(current.declarations.filter((d) => d.source === 'summary').map((d) => d.entry_id));
        setManual(
          current.declarations
            .filter((d) => d.source === 'manual')
            .map((d) => ({ entry_id: d.entry_id, month: d.month, amount: d.amount.amount, currency: d.amount.currency, goods: d.goods })),
        );
        setAmount(current.amount_reason ? current.amount.amount : null);
        setReason(current.amount_reason);
        const byRole = { customs_declaration: null, purchase_invoice: null, sales_invoice: null } as Record<FileRole, number | null>;
        current.files.forEach((f) => (byRole[f.role] = f.document.id));
        setFiles(byRole);
      }
    } catch (e) {
      setFailure(errorMessage(e));
    }
  }, [api, claimId]);
  useEffect(() => void load(), [load]);

  const computed = useMemo(() => {
    const chosen = (options ?? []).filter((o) => picks.includes(o.key)).map((o) => Number(o.amount.amount));
    return chosen.concat(manual.map((m) => Number(m.amount) || 0)).reduce((a, b) => a + b, 0);
  }, [options, picks, manual]);

  const editable = canEdit && (claim === null || claim.editable);

  const body = () => ({
    picks,
    manual: manual.map((m) => ({ ...m, currency: m.currency || 'USD' })),
    amount: amount ?? undefined,
    amount_reason: reason,
    files: Object.fromEntries(FILE_ROLES.map(({ role }) => [role, files[role] ? [files[role]] : []])),
  });

  const save = async (): Promise<ClaimOut | null> => {
    setBusy(true);
    try {
      const saved = claim
        ? await unwrap(api.client.PUT('/api/v1/refunds/claims/{claim_id}', { params: { path: { claim_id: claim.id } }, body: body() }))
        : await unwrap(api.client.POST('/api/v1/refunds/claims', { body: body() }));
      setClaim(saved);
      onSaved(saved);
      message.success('已保存');
      return saved;
    } catch (e) {
      message.error(errorMessage(e));
      return null;
    } finally {
      setBusy(false);
    }
  };

  const confirmFx = async () => {
    const saved = claim ?? (await save());
    if (!saved) return;
    try {
      const next = await unwrap(
        api.client.POST('/api/v1/refunds/claims/{claim_id}/fx-confirmation', { params: { path: { claim_id: saved.id } }, body: { note: fxNote } }),
      );
      setClaim(next);
      message.success('已确认收汇');
    } catch (e) {
      message.error(errorMessage(e));
    }
  };

  const submit = async () => {
    const saved = await save();
    if (!saved) return;
    try {
      await unwrap(api.client.POST('/api/v1/refunds/claims/{claim_id}/submit', { params: { path: { claim_id: saved.id } } }));
      message.success('已提交，可在退税进度图查看');
      navigate(`/refunds/progress?id=${saved.id}`);
    } catch (e) {
      message.error(errorMessage(e));
      void load();
    }
  };

  if (failure) return <Alert type="error" showIcon message="加载失败" description={failure} />;
  if (options === null) return <Card><Skeleton active paragraph={{ rows: 8 }} /></Card>;

  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <Space>
        <Button onClick={onBack}>返回列表</Button>
        {claim && <Tag color={STATE_COLORS[claim.state]}>{claim.claim_no} · {claim.state_label}</Tag>}
      </Space>
      {claim?.state === 'rejected' && (
        <Alert type="error" showIcon message="审核不通过" description={`原因：${claim.reject_reason || '未说明'}。请按原因修改后重新提交。`} />
      )}
      <Row gutter={16}>
        <Col xs={24} xl={16}>
          <Space direction="vertical" size="middle" style={{ width: '100%' }}>
            <Card title="① 选择报关单" id="declarations" extra={<Typography.Text type="secondary">来自本商户的汇总申报结果（已结关、已收到汇总结果单）</Typography.Text>}>
              <Table<DeclarationOptionOut>
                rowKey="key"
                size="small"
                pagination={false}
                dataSource={options}
                locale={{ emptyText: <Empty description="暂无已汇总的报关单；其他渠道报关的，可在下方手工录入报关单号" /> }}
                rowSelection={{
                  selectedRowKeys: picks,
                  onChange: (keys) => setPicks(keys as string[]),
                  getCheckboxProps: (row) => ({ disabled: !editable || !row.claimable || Boolean(row.taken_by) }),
                }}
                columns={[
                  { title: '报关单号', dataIndex: 'entry_id', width: 190, render: (v: string, row) => v || <Tag>简化申报 {row.inventories} 票</Tag> },
                  { title: '出口月份', dataIndex: 'month', width: 90 },
                  { title: '金额', dataIndex: 'amount', align: 'right', width: 120, render: (v: DeclarationOptionOut['amount']) => money(v) },
                  { title: '商品', dataIndex: 'goods', ellipsis: true },
                  {
                    title: '说明',
                    render: (_: unknown, row) =>
                      !row.claimable ? (
                        <Typography.Text type="danger">{row.reason}</Typography.Text>
                      ) : row.taken_by ? (
                        <Typography.Text type="secondary">已在申报 {row.taken_by} 中</Typography.Text>
                      ) : (
                        <Typography.Text type={row.deadline?.overdue ? 'danger' : 'secondary'}>
                          申报期限 {deadlineText(row.deadline).text}
                        </Typography.Text>
                      ),
                  },
                ]}
              />
              <Typography.Title level={5} style={{ marginTop: 16 }}>
                其他渠道报关的报关单
              </Typography.Title>
              {manual.map((m, index) => (
                <Space key={index} wrap style={{ marginBottom: 8 }}>
                  {(['entry_id', 'month', 'amount', 'currency', 'goods'] as const).map((key) => (
                    <Input
                      key={key}
                      disabled={!editable}
                      style={{ width: key === 'entry_id' ? 200 : key === 'goods' ? 160 : 110 }}
                      placeholder={{ entry_id: '18 位报关单号', month: '出口月份 2026-03', amount: '金额', currency: '币种 USD', goods: '商品' }[key]}
                      value={m[key]}
                      onChange={(e) => setManual(manual.map((x, i) => (i === index ? { ...x, [key]: e.target.value } : x)))}
                    />
                  ))}
                  <Button type="link" danger disabled={!editable} onClick={() => setManual(manual.filter((_, i) => i !== index))}>
                    移除
                  </Button>
                </Space>
              ))}
              <Button disabled={!editable} onClick={() => setManual([...manual, { entry_id: '', month: '', amount: '', currency: 'USD', goods: '' }])}>
                手工录入报关单号
              </Button>
            </Card>
            <Card title="② 退税申报金额">
              <Form layout="vertical">
                <Form.Item label="按报关单合计" extra="勾选或录入报关单后自动计算">
                  <Typography.Text strong>{computed.toFixed(2)}</Typography.Text>
                </Form.Item>
                <Form.Item label="申报金额（与合计不同时须填写原因）">
                  <InputNumber
                    disabled={!editable}
                    min={0}
                    precision={2}
                    style={{ width: 200 }}
                    value={amount === null ? computed : Number(amount)}
                    onChange={(v) => setAmount(v === null || Number(v) === computed ? null : String(v))}
                  />
                </Form.Item>
                {amount !== null && (
                  <Form.Item label="调整原因" required>
                    <Input disabled={!editable} value={reason} maxLength={500} placeholder="如：一票货物退运，扣除相应金额" onChange={(e) => setReason(e.target.value)} />
                  </Form.Item>
                )}
              </Form>
            </Card>
            <Card title="③ 上传材料（PDF）" id="files">
              <Row gutter={[16, 16]}>
                {FILE_ROLES.map(({ role, label, hint }) => (
                  <Col xs={24} md={12} xxl={8} key={role}>
                    <Typography.Text strong>{label}</Typography.Text>
                    <div><Typography.Text type="secondary" style={{ fontSize: 12 }}>{hint}</Typography.Text></div>
                    <VaultPicker label={label} disabled={!editable} value={files[role]} onChange={(id) => setFiles({ ...files, [role]: id })} />
                  </Col>
                ))}
              </Row>
            </Card>
            <Card title="④ 收汇" id="fx">
              {claim?.fx_confirmed_at ? (
                <Alert type="success" showIcon message="已确认收汇" description={claim.fx_note || undefined} />
              ) : (
                <Space direction="vertical" style={{ width: '100%' }}>
                  <Typography.Text type="secondary">外汇子账户自出口月份起的到账已自动核对；未覆盖本次金额（例如货款经其他渠道收回）时，请确认该批出口货款已收汇。</Typography.Text>
                  <Space wrap>
                    <Input disabled={!editable} style={{ width: 360 }} placeholder="收汇说明，如：2026-04-02 PayPal 提现 USD 12,000" value={fxNote} onChange={(e) => setFxNote(e.target.value)} />
                    <Button disabled={!editable} onClick={() => void confirmFx()}>确认已收汇</Button>
                  </Space>
                </Space>
              )}
            </Card>
          </Space>
        </Col>
        <Col xs={24} xl={8}>
          <Card title="申报条件检查" style={{ position: 'sticky', top: 16 }}>
            {claim ? (
              <ReadinessList lines={claim.readiness} onFix={(line) => document.getElementById(line.fix_route.split('#')[1] ?? '')?.scrollIntoView({ behavior: 'smooth' })} />
            ) : (
              <Typography.Text type="secondary">保存后显示逐项检查结果</Typography.Text>
            )}
            {editable && (
              <Space style={{ marginTop: 16 }}>
                <Button loading={busy} onClick={() => void save()}>保存</Button>
                <Button type="primary" loading={busy} onClick={() => void submit()}>
                  {claim?.state === 'rejected' ? '重新提交' : '提交申报'}
                </Button>
              </Space>
            )}
          </Card>
        </Col>
      </Row>
    </Space>
  );
}

export default function RefundClaimsPage() {
  const [params, setParams] = useSearchParams();
  const id = params.get('id');
  const open = (value: number | 'new' | null) => setParams(value === null ? {} : { id: String(value) });
  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <PageHeading title="出口退税申报" subtitle="勾选已汇总的报关单、上传 PDF 材料，条件齐全即可提交；申报期限为出口次年 4 月 30 日" />
      {id ? (
        <ClaimEditor
          key={id}
          claimId={id === 'new' ? null : Number(id)}
          onSaved={(c) => id === 'new' && open(c.id)}
          onBack={() => open(null)}
        />
      ) : (
        <ClaimList onOpen={open} />
      )}
    </Space>
  );
}
