import type { ReactNode } from 'react';

export function EmptyState({ title, children, badge }: { title: string; children: ReactNode; badge?: string }) {
  return (
    <div className="empty-state">
      {badge && <span className="badge">{badge}</span>}
      <h2>{title}</h2>
      {children}
    </div>
  );
}
