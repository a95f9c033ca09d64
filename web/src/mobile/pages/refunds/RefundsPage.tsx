/** 出口退税 on the H5: the claims, one claim's four-node board and checklist, and a new claim
 * (tick summarised 报关单 or type one in, the amount with a reason when changed, three PDFs,
 * confirm 收汇, submit). /refunds/claims and /refunds/progress. */
import { MoneyCollectOutlined } from '@ant-design/icons';
import { Button, Checkbox, ErrorBlock, Input, List, NoticeBar, PullToRefresh, Steps, Tag, Toast } from 'antd-mobile';
import { useCallback, useEffect, useMemo, useState, type CSSProperties } from 'react';
import { useNavigate, useSearchParams } from 'react-router-dom';
import { errorMessage, unwrap } from '@/shared/errors';
import { useMessageEvents } from '@/shared/hooks/useMessageStream';
import {
  BOARD,
  FILE_ROLES,
  boardPosition,
  deadlineText,
  money,
  type ClaimOut,
  type ClaimRowOut,
  type DeclarationOptionOut,
  type FileRole,
} from '@/shared/refunds';
import { useMe } from '@/shared/session';
import { MobileRateCard } from '../../components/MobileRateCard';
import { MobileEmpty } from '../../components/MobileEmpty';
import { MobileCustomsShell, MobileLoading } from '../customs/MobileCustomsShell';
import { DocField } from '../registration/DocField';

const TAG: Record<ClaimRowOut['state'], 'default' | 'primary' | 'success' | 'warning' | 'danger'> = {
  draft: 'default',
  submitted: 'primary',
  reviewing: 'primary',
  rejected: 'danger',
  refunding: 'warning',
  received: 'success',
};

function Board({ state }: { state: ClaimRowOut['state'] }) {
  const { current, error, done } = boardPosition(state);
  return (
    <Steps current={current}>
      {BOARD.map((label, index) => (
        <Steps.Step
          key={label}
          title={index === current && error ? '审核不通过' : label}
          status={index < current || (done && index === current) ? 'finish' : index === current ? (error ? 'error' : 'process') : 'wait'}
        />
      ))}
    </Steps>
  );
}

function Detail({ id, onBack }: { id: number; onBack: () => void }) {
  const { api, access } = useMe();
  const navigate = useNavigate();
  const [claim, setClaim] = useState<ClaimOut | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [fxNote, setFxNote] = useState('');
  const canEdit = access.can('refunds:claims:edit');
  const load = useCallback(async () => {
    try {
      setClaim(await unwrap(api.client.GET('/api/v1/refunds/claims/{claim_id}', { params: { path: { claim_id: id } } })));
    } catch (e) {
      setError(errorMessage(e));
    }
  }, [api, id]);
  useEffect(() => void load(), [load]);
  useMessageEvents(api, () => void load());

  if (error) return <ErrorBlock status="default" title="加载失败" description={error} />;
  if (!claim) return <MobileLoading />;
  const act = async (call: () => Promise<unknown>, done: string) => {
    try {
      await call();
      Toast.show({ icon: 'success', content: done });
      void load();
    } catch (e) {
      Toast.show({ icon: 'fail', content: errorMessage(e) });
    }
  };
  return (
    <div data-testid="m-refund-detail">
      <List header={<span>{claim.claim_no}</span>}>
        <List.Item>
          <Board state={claim.state} />
        </List.Item>
        {claim.state === 'rejected' && <NoticeBar color="error" wrap content={`审核不通过：${claim.reject_reason}`} />}
        <List.Item extra={money(claim.amount)}>申报金额</List.Item>
        <List.Item extra={claim.entry_ids.join('、')}>报关单号</List.Item>
        <List.Item extra={<span style={{ color: claim.editable && claim.deadline?.overdue ? '#cf1322' : undefined }}>{deadlineText(claim.deadline).text}</span>}>申报期限</List.Item>
        {claim.refund_received && <List.Item extra={`${money(claim.refund_received)}`}>到账退税额</List.Item>}
      </List>
      {claim.state === 'received' ? <MobileRateCard kind="refund" objectId={claim.id} /> : null}
      {claim.editable && (
        <List header="申报条件检查">
          {claim.readiness.map((line) => (
            <List.Item
              key={line.key}
              prefix={<span style={{ color: line.ok ? '#52c41a' : '#cf1322' }}>{line.ok ? '✓' : '✕'}</span>}
              description={<span style={{ color: line.ok ? undefined : '#cf1322' }}>{line.message}</span>}
            >
              {line.label}
            </List.Item>
          ))}
        </List>
      )}
      {claim.editable && canEdit && (
        <div style={{ padding: 12, display: 'grid', gap: 8 }}>
          {!claim.fx_confirmed_at && (
            <>
              <Input placeholder="收汇说明（选填）" value={fxNote} onChange={setFxNote} style={{ background: '#fff', padding: 8 }} />
              <Button block onClick={() => void act(() => unwrap(api.client.POST('/api/v1/refunds/claims/{claim_id}/fx-confirmation', { params: { path: { claim_id: id } }, body: { note: fxNote } })), '已确认收汇')}>
                确认已收汇
              </Button>
            </>
          )}
          <Button block color="default" onClick={() => navigate(`/refunds/claims?new=${id}`)}>修改报关单与材料</Button>
          <Button block color="primary" disabled={!claim.ready} onClick={() => void act(() => unwrap(api.client.POST('/api/v1/refunds/claims/{claim_id}/submit', { params: { path: { claim_id: id } } })), '已提交')}>
            {claim.state === 'rejected' ? '重新提交' : '提交申报'}
          </Button>
        </div>
      )}
      <div style={{ padding: 12 }}>
        <Button block fill="none" onClick={onBack}>返回列表</Button>
      </div>
    </div>
  );
}

interface Manual {
  entry_id: string;
  month: string;
  amount: string;
  currency: string;
  goods: string;
}

const MANUAL_FIELDS: { key: keyof Manual; label: string; placeholder: string }[] = [
  { key: 'entry_id', label: '报关单号', placeholder: '18 位报关单号' },
  { key: 'month', label: '出口月份', placeholder: '如 2026-03' },
  { key: 'amount', label: '金额', placeholder: '如 1200.00' },
  { key: 'currency', label: '币种', placeholder: 'USD' },
  { key: 'goods', label: '商品', placeholder: '如 水晶摆件' },
];

const FIELD_STYLE = { '--font-size': '15px' } as CSSProperties;
const LABELLED: CSSProperties = { display: 'flex', alignItems: 'center', gap: 8 };
const LABEL: CSSProperties = { width: 72, flex: 'none', whiteSpace: 'nowrap' };

function Editor({ claimId, onDone }: { claimId: number | null; onDone: (id: number) => void }) {
  const { api } = useMe();
  const [options, setOptions] = useState<DeclarationOptionOut[] | null>(null);
  const [picks, setPicks] = useState<string[]>([]);
  const [manual, setManual] = useState<Manual[]>([]);
  const [amount, setAmount] = useState<string | null>(null);
  const [reason, setReason] = useState('');
  const [files, setFiles] = useState<Record<FileRole, number | null>>({ customs_declaration: null, purchase_invoice: null, sales_invoice: null });
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    Promise.all([
      unwrap(api.client.GET('/api/v1/refunds/declarations', { params: { query: { claim_id: claimId ?? undefined } } })),
      claimId ? unwrap(api.client.GET('/api/v1/refunds/claims/{claim_id}', { params: { path: { claim_id: claimId } } })) : Promise.resolve(null),
    ])
      .then(([opts, claim]) => {
        setOptions(opts);
        if (claim) {
          setPicks(claim.declarations.filter((d) => d.source === 'summary').map((d) => d.entry_id));
          setManual(
            claim.declarations
              .filter((d) => d.source === 'manual')
              .map((d) => ({ entry_id: d.entry_id, month: d.month, amount: d.amount.amount, currency: d.amount.currency, goods: d.goods })),
          );
          setAmount(claim.amount_reason ? claim.amount.amount : null);
          setReason(claim.amount_reason);
          const byRole = { customs_declaration: null, purchase_invoice: null, sales_invoice: null } as Record<FileRole, number | null>;
          claim.files.forEach((f) => (byRole[f.role] = f.document.id));
          setFiles(byRole);
        }
      })
      .catch((e) => setError(errorMessage(e)));
  }, [api, claimId]);
  const computed = useMemo(() => {
    const chosen = (options ?? []).filter((o) => picks.includes(o.key)).map((o) => Number(o.amount.amount));
    return chosen.concat(manual.map((m) => Number(m.amount) || 0)).reduce((a, b) => a + b, 0);
  }, [options, picks, manual]);
  if (error) return <ErrorBlock status="default" title="加载失败" description={error} />;
  if (!options) return <MobileLoading />;
  // Typed but not yet different (or emptied while typing) still means the computed total.
  const changed = amount !== null && amount.trim() !== '' && Number(amount) !== computed;
  const changeManual = (index: number, key: keyof Manual, value: string) =>
    setManual(manual.map((m, i) => (i === index ? { ...m, [key]: value } : m)));
  const save = async () => {
    const body = {
      picks,
      manual: manual.map((m) => ({ ...m, currency: m.currency || 'USD' })),
      amount: changed ? amount : undefined,
      amount_reason: changed ? reason : '',
      files: Object.fromEntries(FILE_ROLES.map(({ role }) => [role, files[role] ? [files[role]] : []])),
    };
    try {
      const saved = claimId
        ? await unwrap(api.client.PUT('/api/v1/refunds/claims/{claim_id}', { params: { path: { claim_id: claimId } }, body }))
        : await unwrap(api.client.POST('/api/v1/refunds/claims', { body }));
      Toast.show({ icon: 'success', content: '已保存' });
      onDone(saved.id);
    } catch (e) {
      Toast.show({ icon: 'fail', content: errorMessage(e) });
    }
  };
  return (
    <div>
      <List header="① 勾选报关单（已汇总）">
        {options.length === 0 && <List.Item>暂无已汇总的报关单</List.Item>}
        <Checkbox.Group value={picks} onChange={(v) => setPicks(v as string[])}>
          {options.map((o) => (
            <List.Item
              key={o.key}
              prefix={<Checkbox value={o.key} disabled={!o.claimable || Boolean(o.taken_by)} />}
              description={
                !o.claimable ? <span style={{ color: '#cf1322' }}>{o.reason}</span> : o.taken_by ? `已在申报 ${o.taken_by} 中` : `${o.goods} · 期限 ${deadlineText(o.deadline).text}`
              }
              extra={money(o.amount)}
            >
              {o.entry_id || `简化申报 ${o.inventories} 票`} · {o.month}
            </List.Item>
          ))}
        </Checkbox.Group>
      </List>
      <List header="其他渠道报关的，手工录入报关单号" data-testid="m-refund-manual">
        {manual.map((m, index) => (
          <List.Item key={index}>
            <div style={{ display: 'flex', justifyContent: 'space-between', alignItems: 'center' }}>
              <span style={{ fontWeight: 500 }}>手工录入报关单 {index + 1}</span>
              <Button size="mini" fill="none" color="danger" onClick={() => setManual(manual.filter((_, i) => i !== index))}>
                删除
              </Button>
            </div>
            <div style={{ display: 'grid', gap: 6, paddingTop: 4 }}>
              {MANUAL_FIELDS.map((f) => (
                <div key={f.key} style={LABELLED}>
                  <span style={{ ...LABEL, color: '#666' }}>{f.label}</span>
                  <Input style={FIELD_STYLE} placeholder={f.placeholder} value={m[f.key]} onChange={(v) => changeManual(index, f.key, v)} />
                </div>
              ))}
            </div>
          </List.Item>
        ))}
        <List.Item>
          <Button block size="small" onClick={() => setManual([...manual, { entry_id: '', month: '', amount: '', currency: 'USD', goods: '' }])}>
            手工录入报关单号
          </Button>
        </List.Item>
      </List>
      <List header="② 退税申报金额">
        <List.Item extra={computed.toFixed(2)}>按报关单合计</List.Item>
        <List.Item description="与合计不同时须填写调整原因">
          <div style={LABELLED}>
            <span style={LABEL}>申报金额</span>
            <Input
              style={FIELD_STYLE}
              type="number"
              placeholder={computed.toFixed(2)}
              value={amount ?? computed.toFixed(2)}
              onChange={setAmount}
              data-testid="m-refund-amount"
            />
          </div>
        </List.Item>
        {changed && (
          <List.Item>
            <div style={LABELLED}>
              <span style={{ ...LABEL, color: '#cf1322' }}>* 调整原因</span>
              <Input style={FIELD_STYLE} maxLength={500} placeholder="如：一票货物退运，扣除相应金额" value={reason} onChange={setReason} />
            </div>
          </List.Item>
        )}
      </List>
      <List header="③ 上传材料（PDF）">
        {FILE_ROLES.map(({ role, label }) => (
          <List.Item key={role}>
            <DocField label={label} pdf value={files[role]} onChange={(id) => setFiles({ ...files, [role]: id })} testId={`m-refund-${role}`} />
          </List.Item>
        ))}
      </List>
      <div style={{ padding: 12 }}>
        <Button block color="primary" disabled={picks.length === 0 && manual.length === 0} onClick={() => void save()}>保存，下一步检查条件</Button>
      </div>
    </div>
  );
}

export default function RefundsPage() {
  const { api, access } = useMe();
  const [params, setParams] = useSearchParams();
  const [rows, setRows] = useState<ClaimRowOut[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const id = Number(params.get('id')) || null;
  const editing = params.get('new');
  const load = useCallback(async () => {
    try {
      setRows((await unwrap(api.client.GET('/api/v1/refunds/claims', { params: { query: { page: 1, page_size: 100 } } }))).items);
    } catch (e) {
      setError(errorMessage(e));
    }
  }, [api]);
  useEffect(() => void load(), [load, id]);
  useMessageEvents(api, () => void load());

  let body;
  if (editing !== null) {
    body = <Editor claimId={Number(editing) || null} onDone={(saved) => setParams({ id: String(saved) })} />;
  } else if (id) {
    body = <Detail id={id} onBack={() => setParams({})} />;
  } else if (error) {
    body = <ErrorBlock status="default" title="加载失败" description={error} />;
  } else if (!rows) {
    body = <MobileLoading />;
  } else {
    body = (
      <PullToRefresh onRefresh={load}>
        {access.can('refunds:claims:edit') && (
          <div style={{ padding: 12 }}>
            <Button block color="primary" onClick={() => setParams({ new: '' })}>新建退税申报</Button>
          </div>
        )}
        {rows.length === 0 ? (
          <MobileEmpty icon={<MoneyCollectOutlined />} title="还没有退税申报" hint="出口货物汇总申报后，可凭报关单申请出口退税" />
        ) : (
          <List>
            {rows.map((row) => (
              <List.Item
                key={row.id}
                onClick={() => setParams({ id: String(row.id) })}
                description={`${row.months.join('、')} · ${money(row.amount)}`}
                extra={<Tag color={TAG[row.state]}>{row.state_label}</Tag>}
              >
                {row.claim_no}
              </List.Item>
            ))}
          </List>
        )}
      </PullToRefresh>
    );
  }
  return <MobileCustomsShell fallbackTitle="出口退税">{body}</MobileCustomsShell>;
}

