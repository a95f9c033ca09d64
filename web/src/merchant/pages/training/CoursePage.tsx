/** One course: its lessons with progress on the left, the open lesson (article or video) on the right;
 * reading depth / playback time is saved and the lesson reopens where it was left. */
import { ArrowLeftOutlined, CheckCircleFilled, PlayCircleOutlined, ReadOutlined } from '@ant-design/icons';
import { Button, Card, Col, List, Progress, Result, Row, Skeleton, Space, Tag, Typography, message } from 'antd';
import { useCallback, useEffect, useRef, useState } from 'react';
import { Link, useNavigate, useParams, useSearchParams } from 'react-router-dom';
import type { components } from '@/shared/api/schema';
import { errorMessage, unwrap } from '@/shared/errors';
import { useMe } from '@/shared/session';
import { useProgress, type LessonProgress } from '@/shared/training/useProgress';
import '@/shared/training/training.css';

type Course = components['schemas']['CourseDetailOut'];
type Lesson = components['schemas']['LessonOut'];

export default function CoursePage() {
  const { api } = useMe();
  const { courseId } = useParams();
  const [search, setSearch] = useSearchParams();
  const navigate = useNavigate();
  const [course, setCourse] = useState<Course | null>(null);
  const [lesson, setLesson] = useState<Lesson | null>(null);
  const [error, setError] = useState<string | null>(null);
  const bodyRef = useRef<HTMLDivElement>(null);
  const lessonId = Number(search.get('lesson')) || course?.progress.resume_lesson_id || course?.lessons[0]?.id || null;

  const loadCourse = useCallback(async () => {
    try {
      setCourse(await unwrap(api.client.GET('/api/v1/training/courses/{course_id}', { params: { path: { course_id: Number(courseId) } } })));
    } catch (e) {
      setError(errorMessage(e));
    }
  }, [api, courseId]);

  useEffect(() => {
    void loadCourse();
  }, [loadCourse]);

  useEffect(() => {
    if (!lessonId) return;
    setLesson(null);
    void (async () => {
      try {
        setLesson(await unwrap(api.client.GET('/api/v1/training/lessons/{lesson_id}', { params: { path: { lesson_id: lessonId } } })));
      } catch (e) {
        setError(errorMessage(e));
      }
    })();
  }, [api, lessonId]);

  const onSaved = useCallback(
    (progress: LessonProgress) => {
      setLesson((current) => (current ? { ...current, progress } : current));
      setCourse((current) =>
        current ? { ...current, lessons: current.lessons.map((l) => (l.id === lessonId ? { ...l, progress } : l)) } : current,
      );
    },
    [lessonId],
  );
  const report = useProgress(api, lesson?.id ?? null, onSaved);

  // Articles: resume at the saved reading position, then report the deepest point reached.
  useEffect(() => {
    if (!lesson || lesson.kind !== 'article') return;
    const scroller = document.scrollingElement ?? document.documentElement;
    const body = bodyRef.current;
    if (!body) return;
    const depth = () => {
      const rect = body.getBoundingClientRect();
      const seen = window.innerHeight - rect.top;
      return Math.max(0, Math.min(100, (seen / Math.max(rect.height, 1)) * 100));
    };
    if (lesson.progress.position > 0 && lesson.progress.position < 100) {
      const top = body.getBoundingClientRect().top + scroller.scrollTop;
      window.scrollTo({ top: top + (body.offsetHeight * lesson.progress.position) / 100 - window.innerHeight / 2 });
    }
    const onScroll = () => {
      const d = depth();
      report(d, d);
    };
    onScroll();
    window.addEventListener('scroll', onScroll, { passive: true });
    return () => window.removeEventListener('scroll', onScroll);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [lesson?.id]);

  if (error) return <Result status="error" title="课程加载失败" subTitle={error} extra={<Button onClick={() => navigate('/training/courses')}>返回课程列表</Button>} />;
  if (!course) return <Skeleton active paragraph={{ rows: 10 }} />;

  const finish = async () => {
    report(100, 100, true);
    message.success('本课已学完');
  };

  return (
    <Row gutter={16}>
      <Col xs={24} lg={7}>
        <Card
          title={
            <Space direction="vertical" size={4} style={{ width: '100%', padding: '8px 0' }}>
              <Link to="/training/courses">
                <ArrowLeftOutlined /> 在线学习中心
              </Link>
              <Typography.Text strong style={{ fontSize: 16, whiteSpace: 'normal' }}>
                {course.title}
              </Typography.Text>
              <Progress percent={course.progress.percent} size="small" />
            </Space>
          }
          styles={{ body: { padding: 0 } }}
        >
          <List
            dataSource={course.lessons}
            renderItem={(item, index) => (
              <List.Item
                data-testid="lesson-item"
                onClick={() => setSearch({ lesson: String(item.id) })}
                style={{ cursor: 'pointer', padding: '10px 16px', background: item.id === lessonId ? '#e6f4ff' : undefined }}
              >
                <Space align="start">
                  {item.progress.completed ? <CheckCircleFilled style={{ color: '#52c41a' }} /> : item.kind === 'video' ? <PlayCircleOutlined /> : <ReadOutlined />}
                  <span>
                    {index + 1}. {item.title}
                    <br />
                    <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                      {item.minutes} 分钟{item.progress.started && !item.progress.completed ? ` · 已学 ${item.progress.percent}%` : ''}
                      {item.progress.completed ? ' · 已学完' : ''}
                    </Typography.Text>
                  </span>
                </Space>
              </List.Item>
            )}
          />
        </Card>
      </Col>
      <Col xs={24} lg={17}>
        <Card>
          {!lesson ? (
            <Skeleton active paragraph={{ rows: 12 }} />
          ) : (
            <Space direction="vertical" size={12} style={{ width: '100%' }}>
              <Space wrap>
                <Tag>{lesson.kind === 'video' ? '视频' : '图文'}</Tag>
                <Typography.Text type="secondary">约 {lesson.minutes} 分钟</Typography.Text>
                {lesson.progress.completed ? (
                  <Tag color="success" icon={<CheckCircleFilled />} data-testid="lesson-completed">
                    已学完
                  </Tag>
                ) : lesson.progress.started ? (
                  <Tag color="processing">已学 {lesson.progress.percent}%</Tag>
                ) : null}
              </Space>
              <Typography.Title level={3} style={{ margin: 0 }}>
                {lesson.title}
              </Typography.Title>
              {lesson.kind === 'video' && lesson.video_src ? (
                lesson.video_external ? (
                  <Button type="primary" href={lesson.video_src} target="_blank" rel="noreferrer" onClick={() => report(100, 0, true)}>
                    打开视频
                  </Button>
                ) : (
                  <video
                    className="jmt-lesson-video"
                    controls
                    preload="metadata"
                    src={lesson.video_src}
                    style={{ width: '100%', borderRadius: 8, background: '#000' }}
                    onLoadedMetadata={(e) => {
                      if (lesson.progress.position && !lesson.progress.completed) e.currentTarget.currentTime = lesson.progress.position;
                    }}
                    onTimeUpdate={(e) => {
                      const v = e.currentTarget;
                      if (v.duration) report((v.currentTime / v.duration) * 100, v.currentTime);
                    }}
                    onEnded={() => report(100, 0, true)}
                  />
                )
              ) : null}
              <div ref={bodyRef} className="jmt-lesson-body" data-testid="lesson-body" dangerouslySetInnerHTML={{ __html: lesson.html }} />
              <Space style={{ justifyContent: 'space-between', width: '100%', borderTop: '1px solid #f0f0f0', paddingTop: 16 }}>
                <Button disabled={!lesson.previous_id} onClick={() => setSearch({ lesson: String(lesson.previous_id) })}>
                  上一课
                </Button>
                <Space>
                  {!lesson.progress.completed ? (
                    <Button type="primary" onClick={() => void finish()}>
                      学完本课
                    </Button>
                  ) : null}
                  <Button
                    type={lesson.progress.completed ? 'primary' : 'default'}
                    disabled={!lesson.next_id}
                    onClick={() => {
                      report(100, 100, true);
                      setSearch({ lesson: String(lesson.next_id) });
                    }}
                  >
                    下一课
                  </Button>
                </Space>
              </Space>
            </Space>
          )}
        </Card>
      </Col>
    </Row>
  );
}
