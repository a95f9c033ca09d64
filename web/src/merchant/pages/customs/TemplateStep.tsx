import { DownloadOutlined, FileExcelOutlined } from '@ant-design/icons';
import { App, Button, Card, Col, Row, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { errorMessage } from '@/shared/errors';
import { useMe } from '@/shared/session';
import { saveDownload } from './download';

const GROUPS: { title: string; fields: string }[] = [
  { title: '订单', fields: '订单编号、电商平台代码 / 名称、币制、最终目的国、出口日期' },
  { title: '商品', fields: '企业商品货号 / 名称、申报品名、10 位 HS 编码、规格型号、条形码' },
  { title: '数量与价格', fields: '申报数量 / 计量单位、法定数量 / 计量单位、单价、总价（= 数量 × 单价）' },
  { title: '物流', fields: '物流企业代码 / 名称、物流运单编号、运费、毛重、净重、件数' },
];

export function TemplateStep({ onNext }: { onNext: () => void }) {
  const { api } = useMe();
  const { message } = App.useApp();
  const [busy, setBusy] = useState(false);

  const download = async () => {
    setBusy(true);
    try {
      const name = await saveDownload(api.client.GET('/api/v1/customs/orders/import-template', { parseAs: 'blob' }), '电子订单模板.xlsx');
      message.success(`已下载「${name}」`);
    } catch (e) {
      message.error(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Card variant="borderless" className="jmt-card" title="① 下载模板">
      <Row gutter={[32, 24]} align="middle">
        <Col xs={24} lg={15}>
          <Space direction="vertical" size={12} style={{ width: '100%' }}>
            <Typography.Paragraph style={{ margin: 0 }}>
              模板的「电子订单」表每行一个商品，同一订单的多个商品填写相同的订单编号；列与海关电子订单（CEB303）、物流运单（CEB505）、申报清单（CEB603）所需字段一一对应，带 <Typography.Text type="danger">*</Typography.Text> 的为必填。
            </Typography.Paragraph>
            <Row gutter={[12, 12]}>
              {GROUPS.map((g) => (
                <Col key={g.title} xs={24} md={12}>
                  <div className="jmt-c2-stat">
                    <Typography.Text strong>{g.title}</Typography.Text>
                    <div>
                      <Typography.Text type="secondary" style={{ fontSize: 13 }}>
                        {g.fields}
                      </Typography.Text>
                    </div>
                  </div>
                </Col>
              ))}
            </Row>
            <ul className="jmt-c2-template-list">
              <li>计量单位、币制、国家均为下拉选择，取自海关代码表；「代码表」页可查全部代码</li>
              <li>「填写说明」页逐列说明填法；第 2 行是示例，以「示例」开头的订单编号不会被导入</li>
              <li>全角数字、多余空格、以文本保存的数字和 Excel 日期都能自动识别，无需手工处理</li>
            </ul>
          </Space>
        </Col>
        <Col xs={24} lg={9}>
          <Card style={{ textAlign: 'center', background: '#fafafc', borderRadius: 12 }} variant="borderless">
            <FileExcelOutlined style={{ fontSize: 48, color: '#16a34a' }} />
            <Typography.Title level={5} style={{ margin: '12px 0 4px' }}>
              电子订单模板.xlsx
            </Typography.Title>
            <Space size={4} wrap style={{ justifyContent: 'center', marginBottom: 16 }}>
              <Tag bordered={false}>下拉选择</Tag>
              <Tag bordered={false}>填写说明</Tag>
              <Tag bordered={false}>示例行</Tag>
            </Space>
            <Space direction="vertical" size={8} style={{ width: '100%' }}>
              <Button type="primary" icon={<DownloadOutlined />} loading={busy} onClick={() => void download()} block data-testid="download-template">
                下载模板
              </Button>
              <Button type="link" onClick={onNext}>
                已有填好的文件，去上传
              </Button>
            </Space>
          </Card>
        </Col>
      </Row>
    </Card>
  );
}
