import type { ReactNode } from 'react';

export function MobileEmpty({ icon, title, hint }: { icon: ReactNode; title: string; hint?: string }) {
  return (
    <div className="m-empty">
      <span className="m-empty__icon">{icon}</span>
      <div className="m-empty__title">{title}</div>
      {hint ? <div className="m-empty__hint">{hint}</div> : null}
    </div>
  );
}
