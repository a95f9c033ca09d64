/** 培训管理 forms: 新建课程 (with cover), 新建课时 (图文 or 视频: uploaded file or https link), and the
 * video upload on an existing lesson. Server validation errors land on the fields they concern. */
import { PlusOutlined, UploadOutlined } from '@ant-design/icons';
import {
  ModalForm,
  ProFormDependency,
  ProFormDigit,
  ProFormRadio,
  ProFormSelect,
  ProFormSwitch,
  ProFormText,
  ProFormTextArea,
  ProFormUploadButton,
  type ProFormInstance,
} from '@ant-design/pro-components';
import { App, Button, Upload, type UploadFile } from 'antd';
import { useRef, type RefObject } from 'react';
import type { components } from '@/shared/api/schema';
import { errorMessage, unwrap } from '@/shared/errors';
import { useMe } from '@/shared/session';
import { trainingFieldErrors } from './trainingFormErrors';

type Course = components['schemas']['AdminCourseOut'];
type Lesson = components['schemas']['AdminLessonOut'];
const SLUG_RULES = [
  { required: true, message: '请填写标识' },
  { pattern: /^[a-z0-9-]+$/, message: '只能用小写字母、数字和连字符' },
];

/** Show a refusal on the form's fields (the server's `file` goes to the upload field) and as a toast. */
function showFailure<T>(form: RefObject<ProFormInstance<T> | undefined>, e: unknown, fileField: string, notify: (text: string) => void) {
  const fields = trainingFieldErrors(e, fileField);
  if (fields.length) form.current?.setFields(fields as never);
  notify(errorMessage(e));
}

function firstFile(files: UploadFile[] | undefined): File | undefined {
  return files?.[0]?.originFileObj as File | undefined;
}

interface CourseValues {
  library: 'industry' | 'culture';
  title: string;
  slug: string;
  summary?: string;
  order?: number;
  is_published?: boolean;
  cover?: UploadFile[];
}

export function CourseCreateForm({ onSaved }: { onSaved: () => void }) {
  const { api } = useMe();
  const { message } = App.useApp();
  const formRef = useRef<ProFormInstance<CourseValues>>(undefined);
  // A course created whose cover was then refused: a second submit saves onto it instead of creating again.
  const created = useRef<number | null>(null);
  const submit = async (values: CourseValues) => {
    const body = { library: values.library, title: values.title, slug: values.slug, summary: values.summary ?? '', order: values.order ?? 0, is_published: values.is_published ?? false };
    try {
      if (created.current === null) {
        created.current = (await unwrap(api.client.POST('/api/v1/admin/training/courses', { body }))).id;
      } else {
        await unwrap(api.client.PATCH('/api/v1/admin/training/courses/{course_id}', { params: { path: { course_id: created.current } }, body }));
      }
      const cover = firstFile(values.cover);
      if (cover) {
        const data = new FormData();
        data.append('file', cover);
        await unwrap(api.client.POST('/api/v1/admin/training/courses/{course_id}/cover', { params: { path: { course_id: created.current } }, body: data as never }));
      }
      message.success(`已创建课程「${values.title}」`);
      created.current = null;
      onSaved();
      return true;
    } catch (e) {
      if (created.current !== null) onSaved();
      showFailure(formRef, e, 'cover', message.error);
      return false;
    }
  };
  return (
    <ModalForm<CourseValues>
      title="新建课程"
      formRef={formRef}
      name="course-create"
      width={600}
      layout="horizontal"
      labelCol={{ span: 5 }}
      wrapperCol={{ span: 18 }}
      trigger={
        <Button type="primary" icon={<PlusOutlined />} data-testid="training-course-new">
          新建课程
        </Button>
      }
      modalProps={{ destroyOnHidden: true, maskClosable: false, afterClose: () => (created.current = null) }}
      submitter={{ searchConfig: { submitText: '创建课程', resetText: '取消' } }}
      initialValues={{ library: 'industry', order: 0, is_published: false }}
      onFinish={submit}
    >
      <ProFormRadio.Group
        name="library"
        label="课程库"
        radioType="button"
        options={[
          { label: '水晶行业课程库', value: 'industry' },
          { label: '文化差异专项课', value: 'culture' },
        ]}
        rules={[{ required: true, message: '请选择课程库' }]}
      />
      <ProFormText name="title" label="课程名称" placeholder="如：TikTok 直播带货入门" fieldProps={{ maxLength: 100 }} rules={[{ required: true, message: '请填写课程名称' }]} />
      <ProFormText name="slug" label="标识" placeholder="如：tiktok-live-basics" tooltip="用于链接地址，创建后一般不再修改" fieldProps={{ maxLength: 64 }} rules={SLUG_RULES} />
      <ProFormTextArea name="summary" label="简介" placeholder="一两句话说明这门课讲什么" fieldProps={{ maxLength: 300, showCount: true, autoSize: { minRows: 2, maxRows: 4 } }} />
      <ProFormUploadButton
        name="cover"
        label="封面"
        title="选择图片"
        max={1}
        accept="image/png,image/jpeg"
        extra="JPG 或 PNG，不超过 5 MB"
        fieldProps={{ beforeUpload: () => false, listType: 'picture' }}
      />
      <ProFormDigit name="order" label="排序" min={0} max={100000} fieldProps={{ precision: 0 }} extra="数字越小越靠前" />
      <ProFormSwitch name="is_published" label="立即发布" tooltip="不发布时商户看不到这门课" />
    </ModalForm>
  );
}

interface LessonValues {
  title: string;
  slug: string;
  kind: 'article' | 'video';
  source?: 'file' | 'link';
  body?: string;
  video_url?: string;
  video_file?: UploadFile[];
  minutes?: number;
  channel?: '' | 'tiktok' | 'amazon' | 'etsy' | 'facebook';
  order?: number;
  is_published?: boolean;
}

export function LessonCreateForm({ course, nextOrder, onSaved }: { course: Course; nextOrder: number; onSaved: () => void }) {
  const { api } = useMe();
  const { message } = App.useApp();
  const formRef = useRef<ProFormInstance<LessonValues>>(undefined);
  const created = useRef<number | null>(null);
  const submit = async (values: LessonValues) => {
    const video = values.kind === 'video';
    const body = {
      title: values.title,
      slug: values.slug,
      kind: values.kind,
      body: values.body ?? '',
      video_url: video && values.source === 'link' ? (values.video_url ?? '') : '',
      minutes: values.minutes ?? 5,
      channel: values.channel ?? '',
      order: values.order ?? 0,
      is_published: values.is_published ?? false,
    };
    try {
      if (created.current === null) {
        created.current = (await unwrap(api.client.POST('/api/v1/admin/training/courses/{course_id}/lessons', { params: { path: { course_id: course.id } }, body }))).id;
      } else {
        await unwrap(api.client.PATCH('/api/v1/admin/training/lessons/{lesson_id}', { params: { path: { lesson_id: created.current } }, body }));
      }
      const file = video && values.source === 'file' ? firstFile(values.video_file) : undefined;
      if (file) {
        const data = new FormData();
        data.append('file', file);
        await unwrap(api.client.POST('/api/v1/admin/training/lessons/{lesson_id}/video', { params: { path: { lesson_id: created.current } }, body: data as never }));
      }
      message.success(`已创建课时「${values.title}」`);
      created.current = null;
      onSaved();
      return true;
    } catch (e) {
      if (created.current !== null) onSaved();
      showFailure(formRef, e, 'video_file', message.error);
      return false;
    }
  };
  return (
    <ModalForm<LessonValues>
      title={`新建课时 · ${course.title}`}
      formRef={formRef}
      name="lesson-create"
      width={760}
      layout="vertical"
      trigger={
        <Button size="small" icon={<PlusOutlined />} data-testid="training-lesson-new">
          新建课时
        </Button>
      }
      modalProps={{ destroyOnHidden: true, maskClosable: false, afterClose: () => (created.current = null) }}
      submitter={{ searchConfig: { submitText: '创建课时', resetText: '取消' } }}
      initialValues={{ kind: 'article', source: 'file', minutes: 5, channel: '', order: nextOrder, is_published: false }}
      onFinish={submit}
      grid
      rowProps={{ gutter: 16 }}
    >
      <ProFormText colProps={{ span: 12 }} name="title" label="课时名称" fieldProps={{ maxLength: 100 }} rules={[{ required: true, message: '请填写课时名称' }]} />
      <ProFormText colProps={{ span: 12 }} name="slug" label="标识" placeholder="如：live-opening" fieldProps={{ maxLength: 64 }} rules={SLUG_RULES} />
      <ProFormRadio.Group
        colProps={{ span: 8 }}
        name="kind"
        label="类型"
        radioType="button"
        options={[
          { label: '图文', value: 'article' },
          { label: '视频', value: 'video' },
        ]}
      />
      <ProFormDigit colProps={{ span: 5 }} name="minutes" label="时长（分钟）" min={1} max={600} fieldProps={{ precision: 0 }} />
      <ProFormSelect
        colProps={{ span: 6 }}
        name="channel"
        label="适用渠道"
        options={[
          { label: '通用', value: '' },
          { label: 'TikTok', value: 'tiktok' },
          { label: '亚马逊', value: 'amazon' },
          { label: 'Etsy', value: 'etsy' },
          { label: 'Facebook', value: 'facebook' },
        ]}
        allowClear={false}
      />
      <ProFormDigit colProps={{ span: 5 }} name="order" label="排序" min={0} max={100000} fieldProps={{ precision: 0 }} />
      <ProFormDependency name={['kind', 'source']}>
        {({ kind, source }) =>
          kind === 'video' ? (
            <>
              <ProFormRadio.Group
                colProps={{ span: 24 }}
                name="source"
                label="视频来源"
                options={[
                  { label: '上传视频文件', value: 'file' },
                  { label: '外部视频链接', value: 'link' },
                ]}
              />
              {source === 'link' ? (
                <ProFormText
                  colProps={{ span: 24 }}
                  name="video_url"
                  label="视频链接"
                  placeholder="https://"
                  rules={[
                    { required: true, message: '请填写视频链接' },
                    { pattern: /^https:\/\/\S+$/, message: '请填写以 https:// 开头的链接' },
                  ]}
                />
              ) : (
                <ProFormUploadButton
                  colProps={{ span: 24 }}
                  name="video_file"
                  label="视频文件"
                  title="选择视频"
                  max={1}
                  accept="video/mp4,video/webm"
                  extra="MP4 或 WebM，不超过 300 MB"
                  fieldProps={{ beforeUpload: () => false }}
                  rules={[{ required: true, message: '请选择要上传的视频' }]}
                />
              )}
            </>
          ) : null
        }
      </ProFormDependency>
      <ProFormTextArea
        colProps={{ span: 24 }}
        name="body"
        label="正文（Markdown：## 小标题、- 列表、| 表格 |、**加粗**）"
        placeholder={'## 本课要点\n- 第一点\n- 第二点'}
        fieldProps={{ autoSize: { minRows: 8, maxRows: 18 }, maxLength: 50000 }}
      />
      <ProFormSwitch colProps={{ span: 24 }} name="is_published" label="立即发布" />
    </ModalForm>
  );
}

/** 上传视频 on an existing lesson (replaces any uploaded video; the lesson becomes a 视频 lesson). */
export function LessonVideoUpload({ lesson, disabled, onSaved }: { lesson: Lesson; disabled: boolean; onSaved: () => void }) {
  const { api } = useMe();
  const { message } = App.useApp();
  const upload = async (file: File) => {
    const data = new FormData();
    data.append('file', file);
    const hide = message.loading('视频上传中…', 0);
    try {
      await unwrap(api.client.POST('/api/v1/admin/training/lessons/{lesson_id}/video', { params: { path: { lesson_id: lesson.id } }, body: data as never }));
      message.success('视频已上传');
      onSaved();
    } catch (e) {
      message.error(errorMessage(e));
    } finally {
      hide();
    }
  };
  return (
    <Upload accept="video/mp4,video/webm" showUploadList={false} disabled={disabled} beforeUpload={(file) => (void upload(file), false)}>
      <Button size="small" type="link" icon={<UploadOutlined />} disabled={disabled}>
        {lesson.has_video_file ? '更换视频' : '上传视频'}
      </Button>
    </Upload>
  );
}
