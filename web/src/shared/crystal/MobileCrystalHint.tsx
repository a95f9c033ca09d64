/** H5 (antd-mobile): the crystal hints beside a field, and a batch's requirement reminders. */
import { BulbOutlined } from '@ant-design/icons';
import { Dialog } from 'antd-mobile';
import { useNavigate } from 'react-router-dom';
import { ASSISTANT_ROUTE, hintsAt, incompleteText, type Place, type Reminder } from './crystal';
import { useCrystalHints, useCrystalReminders } from './useCrystal';
import './crystal.css';

/** Small tappable chips; a tap shows the hint's text. */
export function MobileCrystalHint({ place, field }: { place: Place; field: string }) {
  const hints = hintsAt(useCrystalHints(), place, field);
  if (!hints.length) return null;
  return (
    <div className="m-crystal-hints">
      {hints.map((hint) => (
        <button
          type="button"
          key={hint.key}
          className="m-crystal-hint"
          data-testid={`m-crystal-hint-${hint.key}`}
          onClick={() => void Dialog.alert({ title: hint.title, content: <div style={{ fontSize: 14, lineHeight: 1.6 }}>{hint.body}</div>, confirmText: '知道了' })}
        >
          <BulbOutlined /> {hint.title}
        </button>
      ))}
    </div>
  );
}

export function MobileCrystalReminders({ reminders }: { reminders: Reminder[] }) {
  const navigate = useNavigate();
  if (!reminders.length) return null;
  return (
    <div className="m-crystal-reminders" data-testid="m-crystal-reminders">
      <div className="m-crystal-reminders__title">申报要求提醒</div>
      {reminders.map((r) => (
        <div key={r.key} className="m-crystal-reminders__item">
          <b>
            {r.title}（{r.lines} 项）
          </b>
          ：{r.message}
          {r.elements.length ? <div className="m-crystal-reminders__muted">申报要素：{r.elements.join(' | ')}</div> : null}
          {r.incomplete_count ? <div className="m-crystal-reminders__warn">规格型号要素不全：{incompleteText(r)}</div> : null}
        </div>
      ))}
      <button type="button" className="m-crystal-hint" onClick={() => navigate(ASSISTANT_ROUTE)}>
        打开水晶申报助手 ›
      </button>
    </div>
  );
}

export function MobileCrystalBatchReminders({ batchId }: { batchId: number }) {
  return <MobileCrystalReminders reminders={useCrystalReminders({ batchId })} />;
}
