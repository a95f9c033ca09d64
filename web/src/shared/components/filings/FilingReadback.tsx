/**
 * 信息回看: exactly what was submitted, section by section, read-only; documents as thumbnails.
 * The back office passes `renderExtra` to put a change-request box under each value.
 */
import { Card, Descriptions, Space, Typography } from 'antd';
import type { ReactNode } from 'react';
import { displayValue, type FilingFieldSpecOut, type FilingTypeOut, type FilingValues } from '@/shared/filings';
import { DocThumb } from '../DocThumb';

type Doc = { id: number; content_type: string; original_name: string };

export function FilingReadback({
  type,
  values,
  documents,
  admin = false,
  renderExtra,
  changeRequests = {},
}: {
  type: FilingTypeOut;
  values: FilingValues;
  documents: Doc[];
  admin?: boolean;
  renderExtra?: (field: FilingFieldSpecOut) => ReactNode;
  changeRequests?: Record<string, string>;
}) {
  const byId = new Map(documents.map((d) => [d.id, d]));
  const show = (field: FilingFieldSpecOut) => {
    const raw = values[field.name];
    if (field.type === 'document') {
      const doc = typeof raw === 'number' ? byId.get(raw) : undefined;
      if (!doc) return <Typography.Text type="secondary">未上传</Typography.Text>;
      return (
        <Space size={8}>
          <DocThumb documentId={doc.id} contentType={doc.content_type} width={72} height={52} admin={admin ? 'filings' : false} />
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {doc.original_name}
          </Typography.Text>
        </Space>
      );
    }
    return <Typography.Text>{displayValue(raw)}</Typography.Text>;
  };
  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }} data-testid="filing-readback">
      {type.sections.map((section) => (
        <Card key={section.title} size="small" title={section.title}>
          <Descriptions column={1} size="small" labelStyle={{ width: 150 }}>
            {section.fields.map((field) => (
              <Descriptions.Item key={field.name} label={field.label}>
                <Space direction="vertical" size={4} style={{ width: '100%' }}>
                  {show(field)}
                  {changeRequests[field.name] && (
                    <Typography.Text type="warning">修改意见：{changeRequests[field.name]}</Typography.Text>
                  )}
                  {renderExtra?.(field)}
                </Space>
              </Descriptions.Item>
            ))}
          </Descriptions>
        </Card>
      ))}
    </Space>
  );
}
