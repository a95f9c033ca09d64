/** H5 快速结汇 (F4): amount (balance and available beside it), date, rate pre-filled, evidence, remark, profile fields. */
import { Button, DatePicker, ErrorBlock, Form, Input, TextArea, Toast } from 'antd-mobile';
import dayjs from 'dayjs';
import { useEffect, useState } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router-dom';
import { ApiFailure, errorMessage, fieldErrors, unwrap } from '@/shared/errors';
import { money, todayBeijing, type RequestContext } from '@/shared/fx';
import { useMe } from '@/shared/session';
import { MobileLoading } from '../customs/MobileCustomsShell';
import { MobileFxShell } from './MobileFxShell';
import { DocField } from '../registration/DocField';
import '../registration/registration.css';
import './fx.css';

interface Values {
  amount: string;
  settle_date: Date;
  rate: string;
  statement_document_id: number | null;
  shipping_document_id: number | null;
  remark: string;
}

export default function MobileFxSettlementNewPage() {
  const { api, access } = useMe();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const [form] = Form.useForm<Values>();
  const [context, setContext] = useState<RequestContext | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [refusal, setRefusal] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [pickDate, setPickDate] = useState(false);
  const linkedRate = params.get('rate');

  useEffect(() => {
    unwrap(api.client.GET('/api/v1/fx/settlements/context'))
      .then((c) => {
        setContext(c);
        form.setFieldsValue({ rate: linkedRate ?? c.reference_rate ?? '', settle_date: dayjs(todayBeijing()).toDate() });
      })
      .catch((e) => setError(errorMessage(e)));
  }, [api, form, linkedRate]);

  const submit = async (v: Values) => {
    setBusy(true);
    setRefusal(null);
    try {
      const created = await unwrap(
        api.client.POST('/api/v1/fx/settlements', {
          body: {
            amount: v.amount.trim(),
            settle_date: dayjs(v.settle_date).format('YYYY-MM-DD'),
            rate: v.rate.trim(),
            statement_document_id: v.statement_document_id ?? null,
            shipping_document_id: v.shipping_document_id ?? null,
            remark: v.remark ?? '',
          },
        }),
      );
      Toast.show({ icon: 'success', content: `已提交，${money(created.amount)} 已冻结` });
      navigate(`/fx/settlements?id=${created.id}`, { replace: true });
    } catch (e) {
      if (e instanceof ApiFailure) form.setFields(fieldErrors(e) as Parameters<typeof form.setFields>[0]);
      setRefusal(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };

  const account = context?.account;
  const profile = context?.profile;
  return (
    <MobileFxShell title="快速结汇">
      {error ? <ErrorBlock status="default" title="加载失败" description={error} /> : null}
      {!context && !error ? <MobileLoading /> : null}
      {context && !account ? <ErrorBlock status="empty" title="暂无子账户余额" description="捷晶上传您的外汇子账户余额后即可申请结汇" /> : null}
      {context && account ? (
        <>
          <div className="m-fx-card">
            <div className="m-fx-grid" style={{ marginTop: 0 }}>
              <span className="m-fx-muted">账户余额</span>
              <span>{money(account.balance)}</span>
              <span className="m-fx-muted">结汇中金额</span>
              <span>{money(account.frozen)}</span>
              <span className="m-fx-muted">可用余额</span>
              <span style={{ fontWeight: 600 }}>{money(account.available)}</span>
            </div>
          </div>
          {refusal ? <div className="m-fx-card" style={{ color: '#cf1322' }} data-testid="m-fx-refusal">{refusal}</div> : null}
          <Form
            form={form}
            layout="vertical"
            onFinish={(v) => void submit(v)}
            disabled={!access.can('fx:settlements:edit')}
            footer={
              <Button block type="submit" color="primary" loading={busy} data-testid="m-fx-submit">
                提交结汇申请
              </Button>
            }
          >
            <Form.Item name="amount" label="结汇金额（美元）" rules={[{ required: true, message: '请输入结汇金额' }]} description={`不能高于可用余额 ${money(account.available)}`}>
              <Input inputMode="decimal" placeholder="如 5000.00" data-testid="m-fx-amount" />
            </Form.Item>
            <Form.Item name="settle_date" label="结汇日期" trigger="onConfirm" onClick={() => setPickDate(true)} rules={[{ required: true, message: '请选择结汇日期' }]}>
              <DatePicker visible={pickDate} onClose={() => setPickDate(false)} min={dayjs(todayBeijing()).toDate()}>
                {(value) => (value ? dayjs(value).format('YYYY-MM-DD') : '请选择')}
              </DatePicker>
            </Form.Item>
            <Form.Item
              name="rate"
              label="指定结汇汇率（人民币 / 1 美元）"
              rules={[{ required: true, message: '请输入结汇汇率' }]}
              description={context.reference_rate ? `参考：${context.reference_label} ${context.reference_rate}` : undefined}
            >
              <Input inputMode="decimal" data-testid="m-fx-rate" />
            </Form.Item>
            <Form.Item name="statement_document_id" label="收款平台流水" rules={[{ required: true, message: '请上传或选择收款平台流水' }]}>
              <DocField label="收款平台流水" pdf />
            </Form.Item>
            <Form.Item name="shipping_document_id" label="物流发货信息（选填）">
              <DocField label="物流发货信息" pdf />
            </Form.Item>
            <Form.Item name="remark" label="备注">
              <TextArea maxLength={500} rows={2} placeholder="如：11 月亚马逊回款" />
            </Form.Item>
          </Form>
          <div className="m-fx-card" data-testid="m-fx-profile">
            <div className="m-fx-card__title">
              <span>结汇收款信息</span>
              <Link to="/me/merchant" style={{ fontSize: 13, fontWeight: 400 }}>去「我的」修改</Link>
            </div>
            <div className="m-fx-row"><span>外汇子账户</span><span>{profile?.sub_account_no || '—'}</span></div>
            <div className="m-fx-row"><span>结汇银行卡号</span><span>{profile?.bank_account || '未填写'}</span></div>
            <div className="m-fx-row"><span>开户行</span><span>{profile?.bank_name || '未填写'}</span></div>
            <div className="m-fx-row"><span>法人姓名</span><span>{profile?.legal_person || '—'}</span></div>
          </div>
        </>
      ) : null}
    </MobileFxShell>
  );
}
