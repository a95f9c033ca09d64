/** 出口退税 on the H5: the claims, one claim's four-node board and checklist, and a new claim
 * (tick summarised 报关单, three PDFs, confirm 收汇, submit). /refunds/claims and /refunds/progress. */
import { MoneyCollectOutlined } from '@ant-design/icons';
import { Button, Checkbox, ErrorBlock, Input, List, NoticeBar, PullToRefresh, Steps, Tag, Toast } from 'antd-mobile';
import { useCallback, useEffect, useState } from 'react';
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

function Editor({ claimId, onDone }: { claimId: number | null; onDone: (id: number) => void }) {
  const { api } = useMe();
  const [options, setOptions] = useState<DeclarationOptionOut[] | null>(null);
  const [picks, setPicks] = useState<string[]>([]);
  const [files, setFiles] = useState<Record<FileRole, number | null>>({ customs_declaration: null, purchase_invoice: null, sales_invoice: null });
  const [error, setError] = useState<string | null>(null);
  const [kept, setKept] = useState<ClaimOut | null>(null);
  useEffect(() => {
    Promise.all([
      unwrap(api.client.GET('/api/v1/refunds/declarations', { params: { query: { claim_id: claimId ?? undefined } } })),
      claimId ? unwrap(api.client.GET('/api/v1/refunds/claims/{claim_id}', { params: { path: { claim_id: claimId } } })) : Promise.resolve(null),
    ])
      .then(([opts, claim]) => {
        setOptions(opts);
        if (claim) {
          setKept(claim);
          setPicks(claim.declarations.filter((d) => d.source === 'summary').map((d) => d.entry_id));
          const byRole = { customs_declaration: null, purchase_invoice: null, sales_invoice: null } as Record<FileRole, number | null>;
          claim.files.forEach((f) => (byRole[f.role] = f.document.id));
          setFiles(byRole);
        }
      })
      .catch((e) => setError(errorMessage(e)));
  }, [api, claimId]);
  if (error) return <ErrorBlock status="default" title="加载失败" description={error} />;
  if (!options) return <MobileLoading />;
  const save = async () => {
    const body = {
      picks,
      // What the H5 does not edit (typed-in 报关单, an adjusted amount) is kept as the PC saved it.
      manual: (kept?.declarations ?? [])
        .filter((d) => d.source === 'manual')
        .map((d) => ({ entry_id: d.entry_id, month: d.month, amount: d.amount.amount, currency: d.amount.currency, goods: d.goods })),
      amount: kept?.amount_reason ? kept.amount.amount : undefined,
      amount_reason: kept?.amount_reason ?? '',
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
      <List header="② 上传材料（PDF）">
        {FILE_ROLES.map(({ role, label }) => (
          <List.Item key={role}>
            <DocField label={label} pdf value={files[role]} onChange={(id) => setFiles({ ...files, [role]: id })} testId={`m-refund-${role}`} />
          </List.Item>
        ))}
      </List>
      <div style={{ padding: 12 }}>
        <Button block color="primary" disabled={picks.length === 0 && !kept?.declarations.length} onClick={() => void save()}>保存，下一步检查条件</Button>
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

