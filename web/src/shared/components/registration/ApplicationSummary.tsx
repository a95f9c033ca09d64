/** Everything an application says, step by step, read-only (the wizard's last step, members, the review). */
import { Descriptions, Empty, Space, Tag, Typography } from 'antd';
import { DocThumb } from '../DocThumb';
import type { ApplicationOut } from '@/shared/registration';
import { composedName, DOCUMENT_FIELDS, FIELD_LABELS } from './fields';

type Person = { name?: string; id_number?: string; amount?: string | number };

export function ApplicationSummary({
  app,
  labels,
  admin = false,
  columns = 2,
}: {
  app: ApplicationOut;
  labels?: Record<string, string>;
  admin?: boolean;
  columns?: 1 | 2;
}) {
  const data = app.data as Record<string, Record<string, unknown>>;
  const docs = new Map(app.documents.map((d) => [d.id, d]));
  const hasAny = app.steps.some((s) => data[s.key] && Object.values(data[s.key]).some((v) => v !== '' && v !== null));
  if (!hasAny) return <Empty description="尚未填写任何内容" />;

  const show = (field: string, value: unknown) => {
    if (value === '' || value === null || value === undefined || (Array.isArray(value) && value.length === 0)) {
      return <Typography.Text type="secondary">未填写</Typography.Text>;
    }
    if (DOCUMENT_FIELDS.has(field) || field.endsWith('_document')) {
      const doc = docs.get(Number(value));
      if (!doc) return <Typography.Text type="secondary">文件 #{String(value)}</Typography.Text>;
      return (
        <Space>
          <DocThumb documentId={doc.id} contentType={doc.content_type} admin={admin} width={64} height={44} />
          <span>{doc.original_name}</span>
        </Space>
      );
    }
    if (field === 'alt_names' && Array.isArray(value)) {
      return (
        <Space wrap>
          {value.map((v) => (
            <Tag key={String(v)}>{String(v)}</Tag>
          ))}
        </Space>
      );
    }
    if (field === 'shareholders' && Array.isArray(value)) {
      return (
        <Space direction="vertical" size={2}>
          {(value as Person[]).map((p, i) => (
            <span key={i}>
              {p.name}（{p.id_number}）认缴 {String(p.amount)} 万元
            </span>
          ))}
        </Space>
      );
    }
    return String(value);
  };

  return (
    <Space direction="vertical" size="large" style={{ width: '100%' }}>
      {app.kind !== 'existing' && composedName(data.name) && (
        <Descriptions size="small" bordered column={1} labelStyle={{ width: 180 }}>
          <Descriptions.Item label="拟注册名称">
            <Typography.Text strong>{composedName(data.name)}</Typography.Text>
          </Descriptions.Item>
        </Descriptions>
      )}
      {app.steps.map((step) => {
        const values = data[step.key] ?? {};
        const keys = Object.keys(values);
        if (keys.length === 0) return null;
        return (
          <Descriptions key={step.key} title={step.title} size="small" bordered column={columns} labelStyle={{ width: columns === 1 ? 150 : 180 }}>
            {keys.map((field) => (
              <Descriptions.Item
                key={field}
                label={labels?.[`${step.key}.${field}`] ?? FIELD_LABELS[field] ?? field}
                span={columns === 2 && (['scope', 'shareholders', 'address'].includes(field) || field.endsWith('_document')) ? 2 : 1}
              >
                {show(field, values[field])}
              </Descriptions.Item>
            ))}
          </Descriptions>
        );
      })}
    </Space>
  );
}
