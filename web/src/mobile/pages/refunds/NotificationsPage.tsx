/** 退税状态通知 (T3) on the H5: the 消息 list narrowed to 出口退税. */
import MessagesPage from '../messages/MessagesPage';
import { MobileCustomsShell } from '../customs/MobileCustomsShell';

export default function RefundNotificationsPage() {
  return (
    <MobileCustomsShell fallbackTitle="退税状态通知" bare>
      <MessagesPage module="refunds" title="退税状态通知" />
    </MobileCustomsShell>
  );
}
