/** PC (antd): the crystal hints beside a field, and a 9610 import or batch's requirement reminders. */
import { BulbOutlined } from '@ant-design/icons';
import { Alert, Space, Tooltip, Typography } from 'antd';
import { Link } from 'react-router-dom';
import { ASSISTANT_ROUTE, hintsAt, incompleteText, type Hint, type Place, type Reminder } from './crystal';
import { useCrystalHints, useCrystalReminders } from './useCrystal';

function tip(hint: Hint) {
  return (
    <div style={{ maxWidth: 360 }}>
      <div style={{ fontWeight: 600, marginBottom: 4 }}>{hint.title}</div>
      <div>{hint.body}</div>
    </div>
  );
}

/** The hints of one field as small links (or, with ``iconOnly``, one bulb for a table header) that open a tooltip. */
export function CrystalHintTip({ place, field, iconOnly = false }: { place: Place; field: string; iconOnly?: boolean }) {
  const hints = hintsAt(useCrystalHints(), place, field);
  if (!hints.length) return null;
  if (iconOnly) {
    return (
      <Tooltip title={<Space direction="vertical" size={8}>{hints.map((h) => <div key={h.key}>{tip(h)}</div>)}</Space>}>
        <BulbOutlined aria-label="填写提示" className="jmt-crystal-hint-icon" style={{ color: '#d48806', marginLeft: 4, cursor: 'help' }} data-testid={`crystal-hint-${place}-${field}`} />
      </Tooltip>
    );
  }
  return (
    <Space size={12} wrap>
      {hints.map((hint) => (
        <Tooltip key={hint.key} title={tip(hint)}>
          <Typography.Text style={{ fontSize: 12, color: '#ad6800', cursor: 'help', fontWeight: 'normal' }} data-testid={`crystal-hint-${hint.key}`}>
            <BulbOutlined /> {hint.title}
          </Typography.Text>
        </Tooltip>
      ))}
    </Space>
  );
}

/** 申报要求提醒: one line per requirement the goods' HS codes raise; nothing when none applies. */
export function CrystalReminders({ reminders }: { reminders: Reminder[] }) {
  if (!reminders.length) return null;
  return (
    <Alert
      type="info"
      showIcon
      data-testid="crystal-reminders"
      message="申报要求提醒"
      description={
        <Space direction="vertical" size={6} style={{ width: '100%' }}>
          {reminders.map((r) => (
            <div key={r.key}>
              <Typography.Text strong>
                {r.title}（{r.lines} 项商品）
              </Typography.Text>
              ：{r.message}
              {r.elements.length ? (
                <div>
                  <Typography.Text type="secondary">申报要素：</Typography.Text>
                  {r.elements.join(' | ')}
                </div>
              ) : null}
              {r.incomplete_count ? (
                <div>
                  <Typography.Text type="warning">规格型号要素不全：{incompleteText(r)}</Typography.Text>
                </div>
              ) : null}
            </div>
          ))}
          <Link to={ASSISTANT_ROUTE}>不确定编码或要素？打开水晶申报助手</Link>
        </Space>
      }
    />
  );
}

/** The reminders of one e-order import (``refresh`` changes when its rows do). */
export function CrystalImportReminders({ importId, refresh }: { importId: number; refresh: string }) {
  return <CrystalReminders reminders={useCrystalReminders({ importId }, refresh)} />;
}

export function CrystalBatchReminders({ batchId }: { batchId: number }) {
  return <CrystalReminders reminders={useCrystalReminders({ batchId })} />;
}
