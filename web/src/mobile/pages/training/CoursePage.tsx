/** One course on the H5: the open lesson (article or video) with its progress, and the lesson list. */
import { Button, ErrorBlock, List, NavBar, Tag, Toast } from 'antd-mobile';
import { CheckCircleFill } from 'antd-mobile-icons';
import { useCallback, useEffect, useRef, useState } from 'react';
import { useNavigate, useParams, useSearchParams } from 'react-router-dom';
import type { components } from '@/shared/api/schema';
import { errorMessage, unwrap } from '@/shared/errors';
import { useMe } from '@/shared/session';
import { useProgress, type LessonProgress } from '@/shared/training/useProgress';
import { MobileLoading } from '../customs/MobileCustomsShell';
import { AssistantEntry } from './AssistantEntry';
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

  useEffect(() => {
    void unwrap(api.client.GET('/api/v1/training/courses/{course_id}', { params: { path: { course_id: Number(courseId) } } }))
      .then(setCourse)
      .catch((e) => setError(errorMessage(e)));
  }, [api, courseId]);
  useEffect(() => {
    if (!lessonId) return;
    setLesson(null);
    void unwrap(api.client.GET('/api/v1/training/lessons/{lesson_id}', { params: { path: { lesson_id: lessonId } } }))
      .then(setLesson)
      .catch((e) => setError(errorMessage(e)));
  }, [api, lessonId]);

  const onSaved = useCallback(
    (progress: LessonProgress) => {
      setLesson((c) => (c ? { ...c, progress } : c));
      setCourse((c) => (c ? { ...c, lessons: c.lessons.map((l) => (l.id === lessonId ? { ...l, progress } : l)) } : c));
    },
    [lessonId],
  );
  const report = useProgress(api, lesson?.id ?? null, onSaved);

  useEffect(() => {
    if (!lesson || lesson.kind !== 'article') return;
    const body = bodyRef.current;
    if (!body) return;
    window.scrollTo({ top: 0 });
    const onScroll = () => {
      const rect = body.getBoundingClientRect();
      const d = Math.max(0, Math.min(100, ((window.innerHeight - rect.top) / Math.max(rect.height, 1)) * 100));
      report(d, d);
    };
    onScroll();
    window.addEventListener('scroll', onScroll, { passive: true });
    return () => window.removeEventListener('scroll', onScroll);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [lesson?.id]);

  return (
    <div style={{ background: '#fff', minHeight: '100vh', paddingBottom: 80 }}>
      <NavBar onBack={() => navigate('/training/courses')} style={{ background: '#fff', borderBottom: '1px solid #f0f0f0' }}>
        {course?.title ?? '课程'}
      </NavBar>
      {error ? <ErrorBlock status="default" title="加载失败" description={error} /> : null}
      {!error && !lesson ? <MobileLoading /> : null}
      {lesson ? (
        <div style={{ padding: '12px 16px' }}>
          <div style={{ display: 'flex', gap: 8, alignItems: 'center', marginBottom: 8 }}>
            <Tag>{lesson.kind === 'video' ? '视频' : '图文'}</Tag>
            <span style={{ color: '#999', fontSize: 13 }}>约 {lesson.minutes} 分钟</span>
            {lesson.progress.completed ? (
              <Tag color="success" data-testid="m-lesson-completed">
                已学完
              </Tag>
            ) : lesson.progress.started ? (
              <Tag color="primary">已学 {lesson.progress.percent}%</Tag>
            ) : null}
          </div>
          <h2 style={{ fontSize: 20, margin: '4px 0 12px' }}>{lesson.title}</h2>
          {lesson.kind === 'video' && lesson.video_src && !lesson.video_external ? (
            <video
              controls
              playsInline
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
          ) : null}
          {lesson.video_external && lesson.video_src ? (
            <Button color="primary" block onClick={() => { report(100, 0, true); window.open(lesson.video_src ?? '', '_blank'); }}>
              打开视频
            </Button>
          ) : null}
          <div ref={bodyRef} className="jmt-lesson-body" dangerouslySetInnerHTML={{ __html: lesson.html }} />
          <div style={{ display: 'flex', gap: 12, marginTop: 16 }}>
            <Button block disabled={!lesson.previous_id} onClick={() => setSearch({ lesson: String(lesson.previous_id) })}>
              上一课
            </Button>
            {!lesson.progress.completed ? (
              <Button block color="primary" onClick={() => { report(100, 100, true); Toast.show('本课已学完'); }}>
                学完本课
              </Button>
            ) : (
              <Button block color="primary" disabled={!lesson.next_id} onClick={() => setSearch({ lesson: String(lesson.next_id) })}>
                下一课
              </Button>
            )}
          </div>
        </div>
      ) : null}
      {course ? (
        <List header={`课时（已学完 ${course.lessons.filter((l) => l.progress.completed).length}/${course.lessons.length}）`}>
          {course.lessons.map((item, i) => (
            <List.Item
              key={item.id}
              onClick={() => setSearch({ lesson: String(item.id) })}
              prefix={item.progress.completed ? <CheckCircleFill color="#52c41a" /> : <span style={{ color: '#999' }}>{i + 1}</span>}
              extra={item.progress.started && !item.progress.completed ? `${item.progress.percent}%` : null}
              style={item.id === lessonId ? { background: '#e6f4ff' } : undefined}
            >
              {item.title}
            </List.Item>
          ))}
        </List>
      ) : null}
      <AssistantEntry />
    </div>
  );
}
