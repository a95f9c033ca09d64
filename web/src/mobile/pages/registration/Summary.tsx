/** Everything an application says, step by step, read-only, as phone lists (the 确认提交 screen, members, after submitting). */
import { List, Tag } from 'antd-mobile';
import { DOCUMENT_FIELDS, FIELD_LABELS } from '@/shared/components/registration/fields';
import type { ApplicationOut } from '@/shared/registration';
import { DocImage } from './DocField';

type Person = { name?: string; id_number?: string; amount?: string | number };

const empty = (v: unknown) => v === '' || v === null || v === undefined || (Array.isArray(v) && v.length === 0);

export function MobileSummary({ app, labels = {} }: { app: ApplicationOut; labels?: Record<string, string> }) {
  const data = app.data as Record<string, Record<string, unknown>>;
  const docs = new Map(app.documents.map((d) => [d.id, d]));

  const show = (field: string, value: unknown) => {
    if (empty(value)) return <span className="mreg-muted">未填写</span>;
    if (DOCUMENT_FIELDS.has(field) || field.endsWith('_document')) {
      const doc = docs.get(Number(value));
      if (!doc) return <span className="mreg-muted">已选择文件</span>;
      return (
        <div className="mreg-sum__doc">
          <div className="mreg-sum__thumb">
            <DocImage doc={doc} height={44} fit="cover" />
          </div>
          <span className="mreg-sum__docname">{doc.original_name}</span>
        </div>
      );
    }
    if (field === 'alt_names' && Array.isArray(value)) {
      return (
        <span className="mreg-sum__tags">
          {value.map((v) => (
            <Tag key={String(v)} fill="outline" color="default">
              {String(v)}
            </Tag>
          ))}
        </span>
      );
    }
    if (field === 'shareholders' && Array.isArray(value)) {
      return (
        <div>
          {(value as Person[]).map((p, i) => (
            <div key={i}>
              {p.name}（{p.id_number}）认缴 {String(p.amount)} 万元
            </div>
          ))}
        </div>
      );
    }
    return <span className="mreg-sum__text">{String(value)}</span>;
  };

  const hasAny = app.steps.some((s) => data[s.key] && Object.values(data[s.key]).some((v) => !empty(v)));
  if (!hasAny) return <div className="mreg-pick__empty">尚未填写任何内容</div>;

  return (
    <>
      {app.steps.map((step) => {
        const values = data[step.key] ?? {};
        const keys = Object.keys(values);
        if (keys.length === 0) return null;
        return (
          <List key={step.key} header={step.title} mode="card" className="mreg-sum">
            {keys.map((field) => (
              <List.Item key={field} extra={show(field, values[field])}>
                <span className="mreg-sum__label">{labels[`${step.key}.${field}`] ?? FIELD_LABELS[field] ?? field}</span>
              </List.Item>
            ))}
          </List>
        );
      })}
    </>
  );
}
