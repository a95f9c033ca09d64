/** The fields of each parameter group (inside a ProForm; names follow the server's schema). */
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import {
  ProFormCheckbox,
  ProFormDigit,
  ProFormRadio,
  ProFormSwitch,
  ProFormText,
  ProFormTextArea,
} from '@ant-design/pro-components';
import { Button, Card, Col, DatePicker, Empty, Form, Input, InputNumber, Row, Space, Switch, TimePicker, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { MESSAGE_KINDS, WEEKDAY_OPTIONS } from './params';

const timeProps = {
  getValueProps: (value: string | undefined) => ({ value: value ? dayjs(value, 'HH:mm') : null }),
  normalize: (value: Dayjs | null) => (value ? value.format('HH:mm') : ''),
};
const dateTimeProps = {
  getValueProps: (value: string | undefined) => ({ value: value ? dayjs(value) : null }),
  normalize: (value: Dayjs | null) => (value ? value.format('YYYY-MM-DDTHH:mm:ssZ') : undefined),
};
const datesProps = {
  getValueProps: (value: string[] | undefined) => ({ value: (value ?? []).map((d) => dayjs(d)) }),
  normalize: (value: Dayjs[] | null) => (value ?? []).map((d) => d.format('YYYY-MM-DD')),
};

export function PlatformFields() {
  return (
    <>
      <ProFormText name="name" label="平台名称" width="md" rules={[{ required: true, message: '请填写平台名称' }]} />
      <ProFormText name="hotline" label="客服热线" width="md" placeholder="如 0518-8888 6666" />
      <ProFormText name="service_wechat" label="客服微信" width="md" placeholder="微信号" />
      <ProFormText name="email" label="客服邮箱" width="md" placeholder="service@example.com" />
      <ProFormTextArea name="address" label="联系地址" width="xl" fieldProps={{ rows: 2, maxLength: 200, showCount: true }} />
    </>
  );
}

export function OpeningHoursFields() {
  return (
    <>
      <ProFormCheckbox.Group name="days" label="营业日" options={WEEKDAY_OPTIONS} rules={[{ required: true, message: '至少选择一天' }]} />
      <Form.Item label="营业时段" required extra="北京时间；时段之间不能重叠。">
        <Form.List name="ranges">
          {(fields, { add, remove }) => (
            <Space direction="vertical" size={8}>
              {fields.map((field, index) => (
                <Space key={field.key} align="baseline" data-testid={`range-${index}`}>
                  <Form.Item name={[field.name, 'start']} {...timeProps} style={{ marginBottom: 0 }} rules={[{ required: true, message: '请选择开始时间' }]}>
                    <TimePicker format="HH:mm" minuteStep={5} placeholder="开始" allowClear={false} needConfirm={false} />
                  </Form.Item>
                  <Typography.Text type="secondary">至</Typography.Text>
                  <Form.Item name={[field.name, 'end']} {...timeProps} style={{ marginBottom: 0 }} rules={[{ required: true, message: '请选择结束时间' }]}>
                    <TimePicker format="HH:mm" minuteStep={5} placeholder="结束" allowClear={false} needConfirm={false} />
                  </Form.Item>
                  {fields.length > 1 ? (
                    <Button type="text" danger icon={<DeleteOutlined />} onClick={() => remove(field.name)} aria-label="删除时段" />
                  ) : null}
                </Space>
              ))}
              {fields.length < 4 ? (
                <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({ start: '13:30', end: '17:30' })}>
                  添加时段
                </Button>
              ) : null}
            </Space>
          )}
        </Form.List>
      </Form.Item>
      <Form.Item name="closed_dates" label="休息日（节假日）" extra="这些日期整天不营业，如春节、国庆。" {...datesProps}>
        <DatePicker multiple maxTagCount="responsive" style={{ width: 440 }} placeholder="选择日期" />
      </Form.Item>
      <ProFormTextArea
        name="notice"
        label="非营业时间提示"
        width="xl"
        fieldProps={{ rows: 2, maxLength: 200, showCount: true }}
        extra="非营业时间商户端（电脑与手机）顶部显示这段话，并附下次营业时间。"
      />
    </>
  );
}

export function AnnouncementFields() {
  return (
    <Form.List name="items">
      {(fields, { add, remove }) => (
        <Space direction="vertical" size={16} style={{ width: '100%' }}>
          {fields.length === 0 ? (
            <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="暂无维护公告。系统升级、停机维护前在这里发布，生效期间商户端与后台顶部显示横幅。" />
          ) : null}
          {fields.map((field, index) => (
            <Card
              key={field.key}
              size="small"
              title={`公告 ${index + 1}`}
              extra={
                <Button type="text" danger size="small" icon={<DeleteOutlined />} onClick={() => remove(field.name)}>
                  删除
                </Button>
              }
              style={{ borderRadius: 10 }}
            >
              <Form.Item name={[field.name, 'id']} hidden>
                <Input />
              </Form.Item>
              <Row gutter={16}>
                <Col span={14}>
                  <Form.Item name={[field.name, 'title']} label="标题" rules={[{ required: true, message: '请填写标题' }]}>
                    <Input maxLength={60} placeholder="如：系统升级维护通知" />
                  </Form.Item>
                </Col>
                <Col span={10}>
                  <ProFormRadio.Group
                    name={[field.name, 'level']}
                    label="级别"
                    radioType="button"
                    options={[
                      { label: '提醒', value: 'info' },
                      { label: '重要', value: 'warning' },
                    ]}
                  />
                </Col>
              </Row>
              <Form.Item name={[field.name, 'content']} label="内容" rules={[{ required: true, message: '请填写内容' }]}>
                <Input.TextArea rows={2} maxLength={500} showCount placeholder="维护时间、影响范围与注意事项" />
              </Form.Item>
              <Row gutter={16}>
                <Col span={8}>
                  <Form.Item name={[field.name, 'starts_at']} label="开始时间" rules={[{ required: true, message: '请选择开始时间' }]} {...dateTimeProps}>
                    <DatePicker showTime={{ format: 'HH:mm' }} format="YYYY-MM-DD HH:mm" style={{ width: '100%' }} />
                  </Form.Item>
                </Col>
                <Col span={8}>
                  <Form.Item name={[field.name, 'ends_at']} label="结束时间" rules={[{ required: true, message: '请选择结束时间' }]} {...dateTimeProps}>
                    <DatePicker showTime={{ format: 'HH:mm' }} format="YYYY-MM-DD HH:mm" style={{ width: '100%' }} />
                  </Form.Item>
                </Col>
                <Col span={8}>
                  <ProFormCheckbox.Group
                    name={[field.name, 'audience']}
                    label="展示范围"
                    options={[
                      { label: '商户端', value: 'merchant' },
                      { label: '运营后台', value: 'admin' },
                    ]}
                    rules={[{ required: true, message: '至少选择一处' }]}
                  />
                </Col>
              </Row>
            </Card>
          ))}
          <Button
            type="dashed"
            block
            icon={<PlusOutlined />}
            onClick={() =>
              add({
                title: '',
                content: '',
                level: 'warning',
                audience: ['merchant', 'admin'],
                starts_at: dayjs().add(1, 'hour').startOf('hour').format('YYYY-MM-DDTHH:mm:ssZ'),
                ends_at: dayjs().add(3, 'hour').startOf('hour').format('YYYY-MM-DDTHH:mm:ssZ'),
              })
            }
          >
            新增公告
          </Button>
        </Space>
      )}
    </Form.List>
  );
}

export function PaymentFields() {
  return (
    <>
      <ProFormCheckbox.Group
        name="methods"
        label="支付方式"
        options={[
          { label: '银行转账', value: 'bank_transfer' },
          { label: '微信支付', value: 'wechat_pay' },
          { label: '支付宝', value: 'alipay' },
        ]}
        rules={[{ required: true, message: '至少选择一种' }]}
      />
      <ProFormText name="payee_name" label="收款户名" width="md" />
      <ProFormText name="payee_bank" label="开户银行" width="md" />
      <ProFormText name="payee_account" label="收款账号" width="md" placeholder="8–32 位数字" />
      <Form.Item name="settlement_fee_rate" label="结汇手续费率" extra="按结汇金额收取，0.0010 即 0.10%，上限 0.05（5%）。">
        <InputNumber<string> stringMode min="0" max="0.05" step="0.0001" precision={4} style={{ width: 200 }} />
      </Form.Item>
      <Form.Item name="min_settlement_usd" label="最低结汇金额">
        <InputNumber<string> stringMode min="0" step="50" precision={2} addonAfter="美元" style={{ width: 240 }} />
      </Form.Item>
    </>
  );
}

export function LogisticsFields() {
  return (
    <>
      <Form.Item label="物流服务商" extra="代码用大写字母（如 DHL），商户在「物流服务商选择」中看到名称、时效与说明。">
        <Form.List name="carriers">
          {(fields, { add, remove }) => (
            <Space direction="vertical" size={8} style={{ width: '100%' }}>
              {fields.map((field) => (
                <Row key={field.key} gutter={8} align="top" wrap={false}>
                  <Col flex="110px">
                    <Form.Item name={[field.name, 'code']} style={{ marginBottom: 0 }} rules={[{ required: true, message: '必填' }]}>
                      <Input placeholder="代码" />
                    </Form.Item>
                  </Col>
                  <Col flex="160px">
                    <Form.Item name={[field.name, 'name']} style={{ marginBottom: 0 }} rules={[{ required: true, message: '必填' }]}>
                      <Input placeholder="名称" />
                    </Form.Item>
                  </Col>
                  <Col flex="140px">
                    <Form.Item name={[field.name, 'timeliness']} style={{ marginBottom: 0 }}>
                      <Input placeholder="时效" />
                    </Form.Item>
                  </Col>
                  <Col flex="auto">
                    <Form.Item name={[field.name, 'description']} style={{ marginBottom: 0 }}>
                      <Input placeholder="服务说明" />
                    </Form.Item>
                  </Col>
                  <Col flex="72px">
                    <Form.Item name={[field.name, 'enabled']} valuePropName="checked" style={{ marginBottom: 0 }}>
                      <Switch checkedChildren="启用" unCheckedChildren="停用" />
                    </Form.Item>
                  </Col>
                  <Col flex="32px">
                    <Button type="text" danger icon={<DeleteOutlined />} onClick={() => remove(field.name)} aria-label="删除服务商" />
                  </Col>
                </Row>
              ))}
              <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({ code: '', name: '', description: '', timeliness: '', enabled: true })}>
                添加服务商
              </Button>
            </Space>
          )}
        </Form.List>
      </Form.Item>
      <ProFormTextArea name="exception_handling" label="异常件处理说明" width="xl" fieldProps={{ rows: 4, maxLength: 1000, showCount: true }} />
    </>
  );
}

export function NotificationFields() {
  return (
    <>
      <ProFormSwitch name="sms_enabled" label="短信通知" checkedChildren="开" unCheckedChildren="关" />
      <ProFormText name="sms_sign" label="短信签名" width="sm" extra="须与短信服务商处审核通过的签名一致，2–12 个字。" />
      <ProFormSwitch name="wechat_enabled" label="微信模板消息" checkedChildren="开" unCheckedChildren="关" />
      <Form.Item label="微信模板 ID" extra="在微信公众平台「模板消息」中申请；留空则该类消息不推送微信。">
        <Row gutter={[16, 0]}>
          {MESSAGE_KINDS.map((kind) => (
            <Col key={kind.key} span={12}>
              <Form.Item name={['wechat_templates', kind.key]} label={kind.label} labelCol={{ flex: '132px' }} style={{ marginBottom: 12 }}>
                <Input placeholder="模板 ID" allowClear />
              </Form.Item>
            </Col>
          ))}
        </Row>
      </Form.Item>
    </>
  );
}

export function LogFields() {
  return (
    <ProFormDigit
      name="archive_after_days"
      label="日志保留天数"
      width="sm"
      min={30}
      max={3650}
      fieldProps={{ precision: 0, addonAfter: '天' }}
      extra="每天 03:00 定时任务把整月都超过该天数的操作日志移入压缩归档文件（日志管理 → 归档文件可下载）。"
    />
  );
}
