import { BankOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Col, Row, Space, Tag, Typography } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { Link } from 'react-router-dom';
import type { Home } from '@/shared/api/types';
import { errorMessage, unwrap } from '@/shared/errors';
import { greeting, registrationLabel } from '@/shared/greeting';
import { useMe } from '@/shared/session';
import { BalanceCard, FeedCard, TodoCard } from './HomeCards';
import { ModuleTile } from './ModuleTile';
import './home.css';

export default function HomePage() {
  const { api, me, access } = useMe();
  const [home, setHome] = useState<Home | null>(null);
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<string | null>(null);

  const load = useCallback(async () => {
    setLoading(true);
    setError(null);
    try {
      setHome(await unwrap(api.client.GET('/api/v1/home')));
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setLoading(false);
    }
  }, [api]);

  useEffect(() => {
    void load();
  }, [load]);

  const name = me.user.display_name || me.user.name;
  const merchant = me.merchant;
  const registration = registrationLabel(merchant?.registration_status, merchant?.registration_approved);
  const cardState = { loading, error, onRetry: () => void load() };
  const openCount = me.catalog.filter((m) => access.moduleGate(m).ok).length;

  return (
    <Space direction="vertical" size={24} style={{ width: '100%' }}>
      <Card variant="borderless" className="jmt-hero">
        <div className="jmt-hero__row">
          <div>
            <Typography.Title level={3} style={{ margin: 0 }} data-testid="greeting">
              {greeting()}，{name}
            </Typography.Title>
            <Space size={8} wrap style={{ marginTop: 8 }}>
              {merchant ? (
                <Typography.Text type="secondary">{merchant.display_name || merchant.name}</Typography.Text>
              ) : (
                <Typography.Text type="secondary">当前账号尚未关联商户</Typography.Text>
              )}
              {registration ? <Tag color={registration.color}>{registration.text}</Tag> : null}
            </Space>
          </div>
          <div className="jmt-hero__stats">
            <div>
              <span className="jmt-hero__figure">{openCount}</span>
              <span className="jmt-hero__unit">/ {me.catalog.length}</span>
              <div className="jmt-hero__label">已开通服务</div>
            </div>
            <div>
              <span className="jmt-hero__figure">{home?.todos.reduce((n, t) => n + t.count, 0) ?? 0}</span>
              <div className="jmt-hero__label">待办事项</div>
            </div>
          </div>
        </div>
      </Card>

      {merchant && !access.registrationApproved ? (
        <Alert
          className="jmt-banner"
          type="info"
          showIcon
          icon={<BankOutlined />}
          message="完成工商注册，开通全部跨境服务"
          description="工商注册核准通过后，即可使用跨境物流、跨境申报、出口报关、出口退税、收结汇和交易平台。"
          action={
            <Link to="/registration">
              <Button type="primary">去办理工商注册</Button>
            </Link>
          }
          data-testid="registration-banner"
        />
      ) : null}

      <Card title="业务服务" variant="borderless" className="jmt-card" extra={<Typography.Text type="secondary">{me.catalog.length} 个服务模块</Typography.Text>}>
        <Row gutter={[16, 16]}>
          {me.catalog.map((module) => (
            <Col key={module.key} xs={24} sm={12} lg={8} xl={6}>
              <ModuleTile module={module} gate={access.moduleGate(module)} />
            </Col>
          ))}
        </Row>
      </Card>

      <Row gutter={[24, 24]} className="jmt-home-blocks">
        <Col xs={24} xl={10}>
          <FeedCard feed={home?.feed} {...cardState} />
        </Col>
        <Col xs={24} md={12} xl={7}>
          <TodoCard todos={home?.todos} {...cardState} />
        </Col>
        <Col xs={24} md={12} xl={7}>
          <BalanceCard balance={home?.balance} {...cardState} />
        </Col>
      </Row>
    </Space>
  );
}
