/** R3 注册进度看板: the board of the merchant's application, live (a new message reloads it). */
import { EditOutlined, FileAddOutlined, SolutionOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Col, Descriptions, Result, Row, Skeleton, Space, Steps, Tag, Typography } from 'antd';
import { useNavigate } from 'react-router-dom';
import { RateCard } from '@/shared/components/RateCard';
import { access } from '@/shared/access';
import { formatTime, KIND_LABELS } from '@/shared/registration';
import { useMe } from '@/shared/session';
import { ProgressCard, ProgressTimeline } from '@/shared/components/registration/ProgressBoard';
import { useRegistration } from './useRegistration';
import './registration.css';
import { PageHeading } from '@/shared/components/PageHeading';

export default function RegistrationProgressPage() {
  const { me } = useMe();
  const navigate = useNavigate();
  const { loading, failure, application, status, board } = useRegistration();
  const can = access(me).can;

  if (loading) return <Card><Skeleton active paragraph={{ rows: 8 }} /></Card>;
  if (failure) return <Alert type="error" showIcon message="加载失败" description={failure} />;

  if (!application && status === 'approved') {
    // Approved by 捷晶 directly (seeded, or approved in the back office without an application).
    return (
      <Space direction="vertical" size="middle" style={{ width: '100%' }}>
        <div>
          <Typography.Title level={4} style={{ margin: 0 }}>
            注册进度看板
          </Typography.Title>
          <Typography.Text type="secondary">{me.merchant?.display_name || me.merchant?.name}</Typography.Text>
        </div>
        <Card
          title={
            <Space>
              <span>办理进度</span>
              <Tag color="success">核准通过</Tag>
            </Space>
          }
          data-testid="approved-without-application"
        >
          <Steps items={board.map((node) => ({ title: node.label, status: 'finish' as const, description: '已完成' }))} />
          <Alert style={{ marginTop: 24 }} type="success" showIcon message="工商注册已核准，全部业务模块已开通" description="您的工商注册信息已由捷晶核准，无需再次办理。" />
        </Card>
      </Space>
    );
  }

  if (!application) {
    return (
      <Card>
        <Result
          icon={<SolutionOutlined style={{ color: '#4338ca' }} />}
          title="尚未办理工商注册"
          subTitle="办理完成并核准后，跨境物流、跨境申报、出口报关、出口退税、收结汇、交易平台六个业务模块将同时开通。"
          extra={
            <Space>
              <Button type="primary" icon={<FileAddOutlined />} onClick={() => navigate('/registration/apply')}>
                新办个体户 / 企业
              </Button>
              <Button onClick={() => navigate('/registration/supplement')}>已有营业执照，补充信息</Button>
            </Space>
          }
        />
      </Card>
    );
  }

  const formRoute = application.kind === 'existing' ? '/registration/supplement' : '/registration/apply';
  const editCode = application.kind === 'existing' ? 'registration:supplement:edit' : 'registration:apply:edit';
  const fixButton =
    application.state === 'rejected' && can(editCode) ? (
      <Button type="primary" danger icon={<EditOutlined />} onClick={() => navigate(formRoute)}>
        修改并重新提交
      </Button>
    ) : application.state === 'draft' && can(editCode) ? (
      <Button type="primary" onClick={() => navigate(formRoute)}>
        继续填写
      </Button>
    ) : undefined;

  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <PageHeading title="注册进度看板" subtitle="每个节点的变化都会通过站内消息和微信通知您，本页实时更新。" />
      <ProgressCard progress={application.progress} action={fixButton} />
      {application.state === 'approved' ? <RateCard kind="registration" objectId={application.id} /> : null}
      <Row gutter={16}>
        <Col xs={24} lg={10}>
          <Card title="申请信息" style={{ height: '100%' }}>
            <Descriptions column={1} size="small" labelStyle={{ width: 96 }}>
              <Descriptions.Item label="办理类型">{KIND_LABELS[application.kind]}</Descriptions.Item>
              <Descriptions.Item label="名称">{application.name || application.title || '—'}</Descriptions.Item>
              <Descriptions.Item label="创建时间">{formatTime(application.created_at)}</Descriptions.Item>
              <Descriptions.Item label="提交时间">{formatTime(application.submitted_at)}</Descriptions.Item>
              {application.approved_at && (
                <Descriptions.Item label="核准时间">{formatTime(application.approved_at)}</Descriptions.Item>
              )}
              <Descriptions.Item label="材料">{application.documents.length} 份</Descriptions.Item>
            </Descriptions>
            <Button type="link" style={{ padding: 0 }} onClick={() => navigate(formRoute)}>
              查看填报内容
            </Button>
          </Card>
        </Col>
        <Col xs={24} lg={14}>
          <Card title="办理记录">
            <ProgressTimeline progress={application.progress} />
          </Card>
        </Col>
      </Row>
    </Space>
  );
}
