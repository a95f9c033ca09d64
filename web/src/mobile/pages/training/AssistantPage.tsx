/** /training/assistant on the H5: the assistant sheet as a page. */
import { useNavigate } from 'react-router-dom';
import AssistantSheet from './AssistantSheet';

export default function AssistantPage() {
  const navigate = useNavigate();
  return (
    <div style={{ height: '100vh' }}>
      <AssistantSheet onClose={() => navigate('/')} />
    </div>
  );
}
