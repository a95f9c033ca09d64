/** 在线学习中心 (E2): the two libraries, each course with the person's progress and 继续学习. */
import { BookOutlined, CheckCircleFilled, ClockCircleOutlined } from '@ant-design/icons';
import { Button, Card, Col, Empty, Progress, Result, Row, Segmented, Skeleton, Space, Tag, Typography } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { useLocation, useNavigate } from 'react-router-dom';
import type { components } from '@/shared/api/schema';
import { errorMessage, unwrap } from '@/shared/errors';
import { useMe } from '@/shared/session';
import CatalogPage from '../catalog/CatalogPage';
import '@/shared/training/training.css';

type Course = components['schemas']['CourseOut'];
const LIBRARIES = [
  { label: '全部课程', value: '' },
  { label: '水晶行业课程库', value: 'industry' },
  { label: '文化差异专项课', value: 'culture' },
] as const;

export default function CoursesPage() {
  const { api, me, access } = useMe();
  const { pathname } = useLocation();
  const navigate = useNavigate();
  const gate = access.routeGate(me.catalog, pathname);
  const [library, setLibrary] = useState<'' | 'industry' | 'culture'>('');
  const [courses, setCourses] = useState<Course[] | null>(null);
  const [error, setError] = useState<string | null>(null);

  const load = useCallback(async () => {
    setError(null);
    try {
      setCourses((await unwrap(api.client.GET('/api/v1/training/courses', { params: { query: { library } } }))).items);
    } catch (e) {
      setError(errorMessage(e));
    }
  }, [api, library]);

  useEffect(() => {
    if (gate?.ok) void load();
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [load]);

  if (!gate || !gate.ok) return <CatalogPage />;
  const open = (course: Course) =>
    navigate(`/training/courses/${course.id}${course.progress.resume_lesson_id ? `?lesson=${course.progress.resume_lesson_id}` : ''}`);
  const started = courses?.filter((c) => c.progress.started && !c.progress.completed) ?? [];

  return (
    <Space direction="vertical" size={16} style={{ width: '100%' }}>
      <Card>
        <Typography.Title level={4} style={{ marginTop: 0 }}>
          在线学习中心
        </Typography.Title>
        <Typography.Paragraph type="secondary" style={{ marginBottom: 12 }}>
          为东海水晶卖家准备的实用课程：商品知识、拍摄与描述、包装运输、9610 报关、退税、结汇、平台运营，以及各市场的文化差异。学习进度自动保存，下次从上次的位置继续。
        </Typography.Paragraph>
        <Segmented options={LIBRARIES.map((l) => ({ label: l.label, value: l.value }))} value={library} onChange={(v) => setLibrary(v as typeof library)} />
      </Card>
      {error ? <Result status="error" title="课程加载失败" subTitle={error} extra={<Button onClick={() => void load()}>重试</Button>} /> : null}
      {!courses && !error ? <Skeleton active paragraph={{ rows: 6 }} /> : null}
      {courses && started.length ? (
        <Card size="small" title="继续学习" data-testid="continue-learning">
          <Space wrap>
            {started.map((c) => (
              <Button key={c.id} type="primary" ghost onClick={() => open(c)}>
                {c.title}（{c.progress.percent}%）
              </Button>
            ))}
          </Space>
        </Card>
      ) : null}
      {courses && !courses.length ? <Empty description="这个课程库还没有课程" /> : null}
      {courses && courses.length ? (
        <Row gutter={[16, 16]}>
          {courses.map((course) => (
            <Col key={course.id} xs={24} md={12} xl={8}>
              <Card
                hoverable
                data-testid="course-card"
                onClick={() => open(course)}
                cover={course.cover_url ? <img alt={course.title} src={course.cover_url} style={{ height: 140, objectFit: 'cover' }} /> : undefined}
                style={{ height: '100%' }}
              >
                <Space direction="vertical" size={8} style={{ width: '100%' }}>
                  <Space>
                    <Tag color={course.library === 'culture' ? 'purple' : 'blue'}>{course.library_label}</Tag>
                    {course.progress.completed ? (
                      <Tag icon={<CheckCircleFilled />} color="success">
                        已学完
                      </Tag>
                    ) : null}
                  </Space>
                  <Typography.Text strong style={{ fontSize: 16 }}>
                    {course.title}
                  </Typography.Text>
                  <Typography.Paragraph type="secondary" ellipsis={{ rows: 2 }} style={{ marginBottom: 0, minHeight: 44 }}>
                    {course.summary}
                  </Typography.Paragraph>
                  <Space size={16} style={{ color: '#8c8c8c', fontSize: 13 }}>
                    <span>
                      <BookOutlined /> {course.progress.lesson_count} 课时
                    </span>
                    <span>
                      <ClockCircleOutlined /> 约 {course.minutes} 分钟
                    </span>
                  </Space>
                  <Progress percent={course.progress.percent} size="small" status={course.progress.completed ? 'success' : 'normal'} />
                  <Button type={course.progress.started ? 'primary' : 'default'} block>
                    {course.progress.completed ? '复习' : course.progress.started ? '继续学习' : '开始学习'}
                  </Button>
                </Space>
              </Card>
            </Col>
          ))}
        </Row>
      ) : null}
    </Space>
  );
}
