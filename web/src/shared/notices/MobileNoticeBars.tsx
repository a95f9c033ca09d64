/** H5 (antd-mobile): the closed-hours notice and the active maintenance announcements as notice bars. */
import { NoticeBar } from 'antd-mobile';
import { useState } from 'react';
import type { Api } from '../api/client';
import { announcementText, closedLine, dismissHoursNotice, hoursNoticeDismissed, useNotices } from './notices';

export function MobileNoticeBars({ api }: { api: Api }) {
  const notices = useNotices(api, 'merchant');
  const [dismissed, setDismissed] = useState(() => hoursNoticeDismissed());
  if (!notices) return null;
  return (
    <>
      {notices.announcements.map((a) => (
        <NoticeBar
          key={a.id}
          color={a.level === 'warning' ? 'alert' : 'info'}
          wrap
          content={announcementText(a)}
          data-testid="maintenance-banner"
        />
      ))}
      {!notices.open && !dismissed ? (
        <NoticeBar
          color="info"
          content={`非营业时间：${closedLine(notices)}`}
          closeable
          onClose={() => {
            dismissHoursNotice();
            setDismissed(true);
          }}
          data-testid="opening-hours-notice"
        />
      ) : null}
    </>
  );
}
