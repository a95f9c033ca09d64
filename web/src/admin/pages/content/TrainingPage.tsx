/** 培训管理 (EA): the training cockpit (ECharts, xlsx export), course and lesson maintenance (order,
 * publish / unpublish, cover, lesson text), and the FAQ the assistant answers from. */
import { DownloadOutlined, PlusOutlined, UploadOutlined } from '@ant-design/icons';
import { App, Button, Card, Col, Empty, Form, Input, InputNumber, Modal, Result, Row, Select, Skeleton, Space, Statistic, Switch, Table, Tabs, Tag, Upload } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import type { components } from '@/shared/api/schema';
import { errorMessage, unwrap } from '@/shared/errors';
import { useExportQueued } from '@/shared/components/useExportQueued';
import { useMe } from '@/shared/session';
import { CompletionChart, DropoffChart, LearnersChart } from './TrainingCharts';
import { CourseCreateForm, LessonCreateForm, LessonVideoUpload } from './TrainingForms';

type Cockpit = components['schemas']['CockpitOut'];
type Course = components['schemas']['AdminCourseOut'];
type Lesson = components['schemas']['AdminLessonOut'];
type Faq = components['schemas']['FaqOut'];
const EDIT = 'content:training:edit';

function CockpitTab() {
  const { api } = useMe();
  const { message } = App.useApp();
  const exportQueued = useExportQueued();
  const [courseId, setCourseId] = useState<number | undefined>();
  const [data, setData] = useState<Cockpit | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    void unwrap(api.client.GET('/api/v1/admin/training/cockpit', { params: { query: { course_id: courseId, days: 30 } } }))
      .then(setData)
      .catch((e) => setError(errorMessage(e)));
  }, [api, courseId]);
  const exportXlsx = async () => {
    try {
      const queued = await unwrap(api.client.POST('/api/v1/admin/training/cockpit/export'));
      exportQueued(queued.title);
    } catch (e) {
      message.error(errorMessage(e));
    }
  };
  if (error) return <Result status="error" title="加载失败" subTitle={error} />;
  if (!data) return <Skeleton active paragraph={{ rows: 10 }} />;
  return (
    <Space direction="vertical" size={16} style={{ width: '100%' }}>
      <Row gutter={16}>
        {[
          ['学习人数', data.learners],
          ['完成课时', data.lessons_completed],
          ['学完课程（人次）', data.courses_completed],
          ['客服回答', data.answers],
          ['有用 / 没用', `${data.thumbs_up} / ${data.thumbs_down}`],
          ['无可靠出处', data.unsure],
        ].map(([title, value]) => (
          <Col key={title} xs={12} md={4}>
            <Card size="small">
              <Statistic title={title} value={value} />
            </Card>
          </Col>
        ))}
      </Row>
      <div style={{ textAlign: 'right' }}>
        <Button icon={<DownloadOutlined />} onClick={() => void exportXlsx()}>
          导出 Excel
        </Button>
      </div>
      <Row gutter={16}>
        <Col xs={24} xl={12}>
          <Card title="各课程完成率" size="small">
            {data.courses.length ? <CompletionChart data={data} /> : <Empty />}
          </Card>
        </Col>
        <Col xs={24} xl={12}>
          <Card title="近 30 天学习人数" size="small">
            <LearnersChart data={data} />
          </Card>
        </Col>
      </Row>
      <Card
        title="课时流失"
        size="small"
        extra={
          <Select
            style={{ width: 260 }}
            value={courseId ?? data.dropoff_course_id ?? undefined}
            options={data.courses.map((c) => ({ label: c.title, value: c.course_id }))}
            onChange={setCourseId}
          />
        }
      >
        {data.dropoff.length ? <DropoffChart data={data} /> : <Empty description="该课程还没有课时" />}
      </Card>
      <Card title="各商户完成情况" size="small">
        <Table
          rowKey="merchant_id"
          size="small"
          pagination={false}
          dataSource={data.merchants}
          locale={{ emptyText: '还没有商户开始学习' }}
          columns={[
            { title: '商户', dataIndex: 'merchant_name' },
            { title: '学习人数', dataIndex: 'learners' },
            { title: '已开始课时', dataIndex: 'lessons_started' },
            { title: '已完成课时', dataIndex: 'lessons_completed' },
            { title: '完成率', dataIndex: 'completion_rate', render: (v: number) => `${(v * 100).toFixed(1)}%` },
          ]}
        />
      </Card>
    </Space>
  );
}

function LessonsTable({ course, canEdit, onChanged }: { course: Course; canEdit: boolean; onChanged: () => void }) {
  const { api } = useMe();
  const { message } = App.useApp();
  const [rows, setRows] = useState<Lesson[] | null>(null);
  const [editing, setEditing] = useState<Lesson | null>(null);
  const [form] = Form.useForm();
  const load = useCallback(() => {
    void unwrap(api.client.GET('/api/v1/admin/training/courses/{course_id}/lessons', { params: { path: { course_id: course.id } } })).then((r) => setRows(r.items));
  }, [api, course.id]);
  useEffect(load, [load]);
  const patch = async (lesson: Lesson, body: components['schemas']['LessonPatch']) => {
    try {
      await unwrap(api.client.PATCH('/api/v1/admin/training/lessons/{lesson_id}', { params: { path: { lesson_id: lesson.id } }, body }));
      message.success('已保存');
      load();
      return true;
    } catch (e) {
      message.error(errorMessage(e));
      return false;
    }
  };
  const reload = () => {
    load();
    onChanged();
  };
  return (
    <>
      {canEdit && (
        <div style={{ textAlign: 'right', marginBottom: 8 }}>
          <LessonCreateForm course={course} nextOrder={rows?.length ? Math.max(...rows.map((r) => r.order)) + 1 : 1} onSaved={reload} />
        </div>
      )}
      <Table
        rowKey="id"
        size="small"
        pagination={false}
        loading={!rows}
        locale={{ emptyText: '这门课还没有课时' }}
        dataSource={rows ?? []}
        columns={[
          { title: '排序', dataIndex: 'order', width: 100, render: (v: number, r) => <InputNumber size="small" min={0} defaultValue={v} disabled={!canEdit} onBlur={(e) => Number(e.target.value) !== v && void patch(r, { order: Number(e.target.value) })} /> },
          { title: '课时', dataIndex: 'title' },
          { title: '类型', dataIndex: 'kind', width: 150, render: (k: string, r) => (k === 'video' ? <Space size={4}>视频{r.has_video_file ? <Tag color="success">已上传</Tag> : r.video_url ? <Tag>外部链接</Tag> : <Tag color="warning">缺视频</Tag>}</Space> : '图文') },
          { title: '时长', dataIndex: 'minutes', width: 80, render: (m: number) => `${m} 分钟` },
          { title: '发布', dataIndex: 'is_published', width: 80, render: (v: boolean, r) => <Switch size="small" checked={v} disabled={!canEdit} onChange={(checked) => void patch(r, { is_published: checked })} /> },
          {
            title: '操作',
            width: 180,
            render: (_, r) => (
              <Space size={0}>
                <Button size="small" type="link" disabled={!canEdit} onClick={() => { setEditing(r); form.setFieldsValue(r); }}>
                  编辑
                </Button>
                <LessonVideoUpload lesson={r} disabled={!canEdit} onSaved={load} />
              </Space>
            ),
          },
        ]}
      />
      <Modal
        title="编辑课时"
        open={!!editing}
        width={760}
        onCancel={() => setEditing(null)}
        onOk={async () => {
          const values = await form.validateFields();
          if (editing && (await patch(editing, { title: values.title, minutes: values.minutes, body: values.body, video_url: values.video_url ?? '' }))) setEditing(null);
        }}
      >
        <Form form={form} layout="vertical">
          <Form.Item name="title" label="课时名称" rules={[{ required: true, message: '请填写课时名称' }]}>
            <Input maxLength={100} />
          </Form.Item>
          <Form.Item name="minutes" label="时长（分钟）">
            <InputNumber min={1} max={600} />
          </Form.Item>
          <Form.Item name="video_url" label="外部视频链接（https，可不填）">
            <Input placeholder="https://" />
          </Form.Item>
          <Form.Item name="body" label="正文（## 小标题、- 列表、| 表格 |、**加粗**）">
            <Input.TextArea autoSize={{ minRows: 10, maxRows: 20 }} />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}

function CoursesTab({ canEdit }: { canEdit: boolean }) {
  const { api } = useMe();
  const { message } = App.useApp();
  const [rows, setRows] = useState<Course[] | null>(null);
  const load = useCallback(() => {
    void unwrap(api.client.GET('/api/v1/admin/training/courses')).then((r) => setRows(r.items)).catch((e) => message.error(errorMessage(e)));
  }, [api, message]);
  useEffect(load, [load]);
  const patch = async (course: Course, body: components['schemas']['CoursePatch']) => {
    try {
      await unwrap(api.client.PATCH('/api/v1/admin/training/courses/{course_id}', { params: { path: { course_id: course.id } }, body }));
      message.success('已保存');
      load();
    } catch (e) {
      message.error(errorMessage(e));
    }
  };
  const uploadCover = async (course: Course, file: File) => {
    const body = new FormData();
    body.append('file', file);
    try {
      await unwrap(api.client.POST('/api/v1/admin/training/courses/{course_id}/cover', { params: { path: { course_id: course.id } }, body: body as never }));
      message.success('封面已更新');
      load();
    } catch (e) {
      message.error(errorMessage(e));
    }
  };
  return (
    <>
      {canEdit && (
        <div style={{ textAlign: 'right', marginBottom: 12 }}>
          <CourseCreateForm onSaved={load} />
        </div>
      )}
      <Table
        rowKey="id"
        loading={!rows}
        dataSource={rows ?? []}
        pagination={false}
        locale={{ emptyText: '还没有课程' }}
        expandable={{ expandedRowRender: (course) => <LessonsTable course={course} canEdit={canEdit} onChanged={load} /> }}
        columns={[
          { title: '排序', dataIndex: 'order', width: 100, render: (v: number, r) => <InputNumber size="small" min={0} defaultValue={v} disabled={!canEdit} onBlur={(e) => Number(e.target.value) !== v && void patch(r, { order: Number(e.target.value) })} /> },
          { title: '课程', dataIndex: 'title' },
          { title: '课程库', dataIndex: 'library_label', render: (v: string, r) => <Tag color={r.library === 'culture' ? 'purple' : 'blue'}>{v}</Tag> },
          { title: '课时数', dataIndex: 'lesson_count', width: 90 },
          { title: '封面', dataIndex: 'cover_url', width: 160, render: (url: string | null, r) => (
            <Space>
              {url ? <img src={url} alt={`${r.title}封面`} data-testid="course-cover" style={{ width: 48, height: 32, objectFit: 'cover', borderRadius: 4 }} /> : <span style={{ color: '#999' }}>未上传</span>}
              <Upload accept="image/png,image/jpeg" showUploadList={false} disabled={!canEdit} beforeUpload={(file) => { void uploadCover(r, file); return false; }}>
                <Button size="small" icon={<UploadOutlined />} disabled={!canEdit} />
              </Upload>
            </Space>
          ) },
          { title: '发布', dataIndex: 'is_published', width: 120, render: (v: boolean, r) => <Switch checked={v} disabled={!canEdit} checkedChildren="已发布" unCheckedChildren="已下架" onChange={(checked) => void patch(r, { is_published: checked })} /> },
        ]}
      />
    </>
  );
}

function FaqTab({ canEdit }: { canEdit: boolean }) {
  const { api } = useMe();
  const { message, modal } = App.useApp();
  const [rows, setRows] = useState<Faq[] | null>(null);
  const [editing, setEditing] = useState<Faq | 'new' | null>(null);
  const [form] = Form.useForm();
  const load = useCallback(() => {
    void unwrap(api.client.GET('/api/v1/admin/training/faqs')).then((r) => setRows(r.items));
  }, [api]);
  useEffect(load, [load]);
  const save = async () => {
    const values = await form.validateFields();
    try {
      if (editing === 'new') await unwrap(api.client.POST('/api/v1/admin/training/faqs', { body: values }));
      else if (editing) await unwrap(api.client.PATCH('/api/v1/admin/training/faqs/{faq_id}', { params: { path: { faq_id: editing.id } }, body: values }));
      message.success('已保存');
      setEditing(null);
      load();
    } catch (e) {
      message.error(errorMessage(e));
    }
  };
  return (
    <>
      <div style={{ textAlign: 'right', marginBottom: 12 }}>
        <Button type="primary" icon={<PlusOutlined />} disabled={!canEdit} onClick={() => { form.resetFields(); setEditing('new'); }}>
          新增常见问题
        </Button>
      </div>
      <Table
        rowKey="id"
        loading={!rows}
        dataSource={rows ?? []}
        pagination={false}
        locale={{ emptyText: '还没有常见问题' }}
        columns={[
          { title: '问题', dataIndex: 'question', width: 280 },
          { title: '回答', dataIndex: 'answer', ellipsis: true },
          { title: '发布', dataIndex: 'is_published', width: 80, render: (v: boolean) => (v ? <Tag color="success">已发布</Tag> : <Tag>未发布</Tag>) },
          {
            title: '操作',
            width: 130,
            render: (_, r) => (
              <Space>
                <Button size="small" type="link" disabled={!canEdit} onClick={() => { form.setFieldsValue(r); setEditing(r); }}>
                  编辑
                </Button>
                <Button
                  size="small"
                  type="link"
                  danger
                  disabled={!canEdit}
                  onClick={() =>
                    modal.confirm({
                      title: '删除这条常见问题？',
                      content: '删除后智能客服不再引用它。',
                      okText: '删除',
                      cancelText: '取消',
                      onOk: async () => {
                        await unwrap(api.client.DELETE('/api/v1/admin/training/faqs/{faq_id}', { params: { path: { faq_id: r.id } } }));
                        load();
                      },
                    })
                  }
                >
                  删除
                </Button>
              </Space>
            ),
          },
        ]}
      />
      <Modal title={editing === 'new' ? '新增常见问题' : '编辑常见问题'} open={!!editing} onCancel={() => setEditing(null)} onOk={() => void save()} okText="保存" cancelText="取消">
        <Form form={form} layout="vertical" initialValues={{ is_published: true, order: 0 }}>
          <Form.Item name="question" label="问题" rules={[{ required: true, message: '请填写问题' }]}>
            <Input maxLength={200} />
          </Form.Item>
          <Form.Item name="answer" label="回答" rules={[{ required: true, message: '请填写回答' }]}>
            <Input.TextArea autoSize={{ minRows: 4 }} maxLength={5000} />
          </Form.Item>
          <Form.Item name="order" label="排序">
            <InputNumber min={0} />
          </Form.Item>
          <Form.Item name="is_published" label="发布" valuePropName="checked">
            <Switch />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}

export default function TrainingPage() {
  const { access } = useMe();
  const canEdit = access.can(EDIT);
  if (!access.can('content:training:view')) return <Result status="403" title="无权访问" subTitle="您没有访问该功能的权限，请联系超级管理员分配角色。" />;
  return (
    <Card title="培训管理" variant="borderless">
      <Tabs
        items={[
          { key: 'cockpit', label: '培训驾驶舱', children: <CockpitTab /> },
          { key: 'courses', label: '课程与课时', children: <CoursesTab canEdit={canEdit} /> },
          { key: 'faq', label: '常见问题', children: <FaqTab canEdit={canEdit} /> },
        ]}
      />
    </Card>
  );
}
