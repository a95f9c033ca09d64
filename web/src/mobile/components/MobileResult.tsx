import type { ReactNode } from 'react';

/** A centred outcome block (placeholder, closed module, not found) sized for a 390 px screen. */
export function MobileResult({ icon, tone = 'brand', title, children, actions }: { icon: ReactNode; tone?: 'brand' | 'muted'; title: string; children?: ReactNode; actions?: ReactNode }) {
  return (
    <section className="m-result">
      <span className={`m-result__icon m-result__icon--${tone}`}>{icon}</span>
      <h2 className="m-result__title">{title}</h2>
      {children ? <div className="m-result__body">{children}</div> : null}
      {actions ? <div className="m-result__actions">{actions}</div> : null}
    </section>
  );
}
