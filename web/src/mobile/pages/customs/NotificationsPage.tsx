/** 业务办理通知 (C7) on the H5: the 消息 list narrowed to 出口报关. */
import MessagesPage from '../messages/MessagesPage';
import { MobileCustomsShell } from './MobileCustomsShell';

export default function NotificationsPage() {
  return (
    <MobileCustomsShell fallbackTitle="业务办理通知" bare>
      <MessagesPage module="customs" title="业务办理通知" />
    </MobileCustomsShell>
  );
}
