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
import { Button, Card, Col, DatePicker, Empty, Form, Input, Row, Space, TimePicker, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { FX_CURRENCY_OPTIONS, MESSAGE_KINDS, WEEKDAY_OPTIONS } from './params';

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

export function NotificationFields() {
  return (
    <>
      <ProFormText name="sms_sign" label="短信签名" width="sm" extra="登录验证码短信使用此签名，须与短信服务商处审核通过的签名一致，2–12 个字。" />
      <ProFormSwitch
        name="wechat_enabled"
        label="微信模板消息"
        checkedChildren="开"
        unCheckedChildren="关"
        extra="关闭后业务消息只进消息中心，不再推送到微信。"
      />
      <Form.Item label="微信模板 ID" extra="在微信公众平台「模板消息」中申请；留空则使用部署时配置的默认模板，都没有则该类消息不推送微信。">
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
      <ProFormText name="service_account_name" label="服务号名称" width="md" extra="商户在「个人中心」看到的关注引导使用此名称。" />
      <ProFormText
        name="service_account_qr"
        label="服务号二维码"
        width="xl"
        placeholder="https://… 或 /media/…"
        extra="二维码图片地址，显示在商户「个人中心」的微信推送说明中，扫码即可关注服务号。"
      />
    </>
  );
}

export function ShowroomFields() {
  return (
    <>
      <ProFormText name="buyer_wechat_id" label="采购咨询微信号" width="md" placeholder="微信号" extra="商户在商品详情点「购买」时看到此微信号，可一键复制。" />
      <ProFormText
        name="buyer_wechat_qr"
        label="采购咨询微信二维码"
        width="xl"
        placeholder="https://… 或 /api/v1/showroom/images/…"
        extra="二维码图片地址，显示在「购买」弹窗中，扫码即可添加采购顾问。"
      />
      <ProFormTextArea name="buyer_note" label="购买说明" width="xl" fieldProps={{ rows: 2, maxLength: 200, showCount: true }} />
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

export function FxFields() {
  return (
    <ProFormCheckbox.Group
      name="currencies"
      label="看板币种"
      options={FX_CURRENCY_OPTIONS}
      rules={[{ required: true, message: '请至少选择美元' }]}
      extra="收结汇汇率看板展示的币种（对人民币），定时任务按此抓取汇率；必须包含美元。"
    />
  );
}
