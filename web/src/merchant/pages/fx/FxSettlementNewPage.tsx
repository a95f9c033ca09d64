/**
 * 快速结汇 (F4): USD amount (balance and available beside it, never more than available), date, rate
 * pre-filled from the latest 现汇买入价 (or the rate an alert linked with), evidence from 我的资料,
 * remark, and the read-only 结汇收款信息 from the merchant profile. Submitting freezes the amount.
 */
import { Alert, App, Button, Card, Col, DatePicker, Descriptions, Form, Input, InputNumber, Result, Row, Skeleton, Space, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useEffect, useState } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router-dom';
import { PageHeading } from '@/shared/components/PageHeading';
import { VaultPicker } from '@/shared/components/VaultPicker';
import { ApiFailure, errorMessage, fieldErrors, unwrap } from '@/shared/errors';
import { money, todayBeijing, type RequestContext } from '@/shared/fx';
import { useMe } from '@/shared/session';
import { BalanceFigures } from './BalanceCard';
import './fx.css';

interface Values {
  amount: number;
  settle_date: Dayjs;
  rate: number;
  statement_document_id: number | null;
  shipping_document_id: number | null;
  remark: string;
}

export default function FxSettlementNewPage() {
  const { api, access } = useMe();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const [form] = Form.useForm<Values>();
  const [context, setContext] = useState<RequestContext | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [refusal, setRefusal] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const canEdit = access.can('fx:settlements:edit');
  const linkedRate = params.get('rate');

  useEffect(() => {
    unwrap(api.client.GET('/api/v1/fx/settlements/context'))
      .then((c) => {
        setContext(c);
        const rate = linkedRate ?? c.reference_rate;
        form.setFieldsValue({ rate: rate ? Number(rate) : undefined, settle_date: dayjs(todayBeijing()) });
      })
      .catch((e) => setError(errorMessage(e)));
  }, [api, form, linkedRate]);

  const submit = async (values: Values) => {
    setBusy(true);
    setRefusal(null);
    try {
      const created = await unwrap(
        api.client.POST('/api/v1/fx/settlements', {
          body: {
            amount: values.amount.toFixed(2),
            settle_date: values.settle_date.format('YYYY-MM-DD'),
            rate: values.rate.toFixed(4),
            statement_document_id: values.statement_document_id ?? null,
            shipping_document_id: values.shipping_document_id ?? null,
            remark: values.remark ?? '',
          },
        }),
      );
      message.success(`已提交结汇申请 ${created.number}，${money(created.amount)} 已冻结`);
      navigate(`/fx/settlements?id=${created.id}`);
    } catch (e) {
      if (e instanceof ApiFailure) {
        form.setFields(fieldErrors(e) as Parameters<typeof form.setFields>[0]);
        setRefusal(errorMessage(e));
      } else {
        message.error(errorMessage(e));
      }
    } finally {
      setBusy(false);
    }
  };

  const account = context?.account;
  const profile = context?.profile;
  const profileMissing = profile && (!profile.bank_account || !profile.bank_name);

  return (
    <Space direction="vertical" size={16} style={{ width: '100%' }}>
      <PageHeading title="快速结汇" subtitle="提交后结汇金额将被冻结，捷晶办理完成后人民币转入您的结汇银行卡" />
      {error ? <Alert type="error" showIcon message={error} /> : null}
      {!context && !error ? <Card className="jmt-card"><Skeleton active paragraph={{ rows: 8 }} /></Card> : null}
      {context && !account ? (
        <Card className="jmt-card">
          <Result status="info" title="暂无子账户余额" subTitle="捷晶上传您的外汇子账户余额后即可申请结汇" extra={<Link to="/fx/settlements">返回</Link>} />
        </Card>
      ) : null}
      {context && account ? (
        <Row gutter={[16, 16]}>
          <Col xs={24} xl={15}>
            <Card variant="borderless" className="jmt-card" title="结汇申请">
              <div style={{ marginBottom: 20 }}>
                <BalanceFigures account={account} />
              </div>
              {refusal ? <Alert style={{ marginBottom: 16 }} type="error" showIcon message={refusal} data-testid="fx-refusal" /> : null}
              <Form form={form} layout="vertical" onFinish={(v) => void submit(v)} disabled={!canEdit} requiredMark>
                <Form.Item
                  name="amount"
                  label="结汇金额（美元）"
                  rules={[{ required: true, message: '请输入结汇金额' }]}
                  extra={`可用余额 ${money(account.available)}，结汇金额不能高于可用余额`}
                >
                  <InputNumber min={0.01} precision={2} style={{ width: 260 }} prefix="$" placeholder="如 5000.00" data-testid="fx-amount" />
                </Form.Item>
                <Form.Item name="settle_date" label="结汇日期" rules={[{ required: true, message: '请选择结汇日期' }]}>
                  <DatePicker style={{ width: 260 }} disabledDate={(d) => d.isBefore(dayjs(todayBeijing()), 'day')} />
                </Form.Item>
                <Form.Item
                  name="rate"
                  label="指定结汇汇率（人民币 / 1 美元）"
                  rules={[{ required: true, message: '请输入结汇汇率' }]}
                  extra={
                    linkedRate
                      ? `已按汇率提醒预填 ${linkedRate}；参考：${context.reference_label} ${context.reference_rate ?? ''}`
                      : context.reference_rate
                        ? `参考：${context.reference_label} ${context.reference_rate}，可修改`
                        : '暂无参考汇率，请填写'
                  }
                >
                  <InputNumber min={0.0001} max={1000} precision={4} step={0.0001} style={{ width: 260 }} data-testid="fx-rate" />
                </Form.Item>
                <Form.Item name="statement_document_id" label="收款平台流水（提现截图或平台对账单）" rules={[{ required: true, message: '请上传或选择收款平台流水' }]}>
                  <VaultPicker label="收款平台流水" />
                </Form.Item>
                <Form.Item name="shipping_document_id" label="物流发货信息（选填）">
                  <VaultPicker label="物流发货信息" />
                </Form.Item>
                <Form.Item name="remark" label="备注">
                  <Input.TextArea rows={2} maxLength={500} showCount placeholder="如：11 月亚马逊回款" />
                </Form.Item>
                <Space>
                  <Button type="primary" htmlType="submit" loading={busy} disabled={!canEdit || Boolean(profileMissing)} data-testid="fx-submit">
                    提交结汇申请
                  </Button>
                  <Button onClick={() => navigate('/fx/settlements')} disabled={false}>
                    取消
                  </Button>
                </Space>
              </Form>
            </Card>
          </Col>
          <Col xs={24} xl={9}>
            <Card variant="borderless" className="jmt-card" title="结汇收款信息" extra={<Link to="/me/merchant">去「我的」修改</Link>}>
              {profileMissing ? <Alert style={{ marginBottom: 12 }} type="warning" showIcon message="请先在「我的 · 商户信息」中填写结汇银行卡号和开户行" /> : null}
              <Descriptions size="small" column={1} bordered labelStyle={{ width: 120 }} data-testid="fx-profile">
                <Descriptions.Item label="外汇子账户">{profile?.sub_account_no || '—'}</Descriptions.Item>
                <Descriptions.Item label="结汇银行卡号">{profile?.bank_account || '未填写'}</Descriptions.Item>
                <Descriptions.Item label="开户行">{profile?.bank_name || '未填写'}</Descriptions.Item>
                <Descriptions.Item label="法人姓名">{profile?.legal_person || '—'}</Descriptions.Item>
              </Descriptions>
              <Typography.Paragraph type="secondary" style={{ marginTop: 12, marginBottom: 0 }}>
                以上信息取自商户资料，结汇人民币将转入该银行卡。外汇子账户由捷晶维护。
              </Typography.Paragraph>
            </Card>
          </Col>
        </Row>
      ) : null}
    </Space>
  );
}
