/** The floating 智能客服 entry on H5 pages: a bubble that opens a full-height sheet (loaded on first tap). */
import { FloatingBubble, Popup } from 'antd-mobile';
import { MessageOutline } from 'antd-mobile-icons';
import { lazy, Suspense, useState } from 'react';
import { MobileLoading } from '../customs/MobileCustomsShell';

const AssistantSheet = lazy(() => import('./AssistantSheet'));

export function AssistantEntry() {
  const [open, setOpen] = useState(false);
  const [loaded, setLoaded] = useState(false);
  return (
    <>
      <FloatingBubble
        axis="xy"
        magnetic="x"
        data-testid="m-assistant-float"
        style={{ '--initial-position-bottom': '84px', '--initial-position-right': '16px', '--edge-distance': '16px', '--size': '52px' }}
        onClick={() => {
          setLoaded(true);
          setOpen(true);
        }}
      >
        <MessageOutline fontSize={26} />
      </FloatingBubble>
      {loaded ? (
        <Popup visible={open} onMaskClick={() => setOpen(false)} position="bottom" bodyStyle={{ height: '100vh' }} destroyOnClose={false}>
          <Suspense fallback={<MobileLoading />}>
            <AssistantSheet onClose={() => setOpen(false)} />
          </Suspense>
        </Popup>
      ) : null}
    </>
  );
}
