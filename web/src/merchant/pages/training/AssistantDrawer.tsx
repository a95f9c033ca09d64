/** The floating 智能客服 on every merchant PC page: a drawer holding the assistant (lazy-loaded with it). */
import { Drawer } from 'antd';
import AssistantPanel from './AssistantPanel';

export default function AssistantDrawer({ open, onClose }: { open: boolean; onClose: () => void }) {
  return (
    <Drawer title="智能客服" open={open} onClose={onClose} width={460} styles={{ body: { display: 'flex', flexDirection: 'column', paddingTop: 12 } }} destroyOnClose={false}>
      <AssistantPanel onNavigate={onClose} />
    </Drawer>
  );
}
