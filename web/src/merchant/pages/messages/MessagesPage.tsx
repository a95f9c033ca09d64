import { useNavigate } from 'react-router-dom';
import { MessageCenter } from '@/shared/components/MessageCenter';
import { useMe } from '@/shared/session';

/** 消息中心 (G3) on the merchant PC. */
export default function MessagesPage() {
  const { api, me } = useMe();
  const navigate = useNavigate();
  return <MessageCenter api={api} scope={me.merchant?.id} onOpenLink={(link) => navigate(link)} />;
}
