/** 在线学习中心 (E2) on the H5: courses of both libraries with the person's progress. */
import { CapsuleTabs, ErrorBlock, List, ProgressBar, Tag } from 'antd-mobile';
import { useCallback, useEffect, useState } from 'react';
import { useNavigate } from 'react-router-dom';
import type { components } from '@/shared/api/schema';
import { errorMessage, unwrap } from '@/shared/errors';
import { useMe } from '@/shared/session';
import { MobileCustomsShell, MobileLoading } from '../customs/MobileCustomsShell';
import { AssistantEntry } from './AssistantEntry';
import '@/shared/training/training.css';

type Course = components['schemas']['CourseOut'];

export default function CoursesPage() {
  const { api } = useMe();
  const navigate = useNavigate();
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
    void load();
  }, [load]);

  return (
    <MobileCustomsShell fallbackTitle="在线学习中心">
      <CapsuleTabs activeKey={library} onChange={(k) => setLibrary(k as typeof library)}>
        <CapsuleTabs.Tab title="全部" key="" />
        <CapsuleTabs.Tab title="水晶行业课程库" key="industry" />
        <CapsuleTabs.Tab title="文化差异专项课" key="culture" />
      </CapsuleTabs>
      {error ? <ErrorBlock status="default" title="课程加载失败" description={error} /> : null}
      {!courses && !error ? <MobileLoading /> : null}
      {courses && !courses.length ? <ErrorBlock status="empty" title="暂无课程" description="这个课程库还没有课程" /> : null}
      {courses && courses.length ? (
        <List>
          {courses.map((course) => (
            <List.Item
              key={course.id}
              data-testid="m-course"
              onClick={() => navigate(`/training/courses/${course.id}${course.progress.resume_lesson_id ? `?lesson=${course.progress.resume_lesson_id}` : ''}`)}
              description={
                <div style={{ marginTop: 6 }}>
                  <div style={{ marginBottom: 6 }}>{course.summary}</div>
                  <ProgressBar percent={course.progress.percent} text={`${course.progress.percent}%`} style={{ '--fill-color': course.progress.completed ? '#52c41a' : undefined }} />
                </div>
              }
              extra={course.progress.completed ? <Tag color="success">已学完</Tag> : course.progress.started ? <Tag color="primary">继续学习</Tag> : null}
            >
              {course.title}
              <span style={{ fontSize: 12, color: '#999', marginLeft: 6 }}>{course.progress.lesson_count} 课时</span>
            </List.Item>
          ))}
        </List>
      ) : null}
      <AssistantEntry />
    </MobileCustomsShell>
  );
}
