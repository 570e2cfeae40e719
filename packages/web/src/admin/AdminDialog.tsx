import { useId, useRef, useState, type KeyboardEvent } from 'react';
import { Dialog } from '../common/Dialog';
import { AuditLog } from './AuditLog';
import { ReportQueue } from './ReportQueue';
import { StatsPanel } from './StatsPanel';
import { UsersPanel } from './UsersPanel';
import './admin.css';

const TABS = ['Reports', 'Users', 'Audit log', 'Stats'] as const;
type Tab = (typeof TABS)[number];

/**
 * "Administration" (admins only; loaded on first open, so members never download it): the tabs "Reports", "Users",
 * "Audit log" and "Stats". A report's "Open <name>" shows that user's page under "Users".
 */
export default function AdminDialog({ onClose }: { onClose: () => void }) {
  const [tab, setTab] = useState<Tab>('Reports');
  const [userId, setUserId] = useState<string>();
  const ids = useId();
  const tabs = useRef<HTMLDivElement>(null);
  const tabId = (t: Tab) => `${ids}-tab-${TABS.indexOf(t)}`;

  const openUser = (id: string) => {
    setUserId(id);
    setTab('Users');
  };
  // Arrow keys move between tabs (and select them), as a tab list does.
  const onKeyDown = (e: KeyboardEvent) => {
    const step = e.key === 'ArrowRight' ? 1 : e.key === 'ArrowLeft' ? -1 : 0;
    if (!step) return;
    e.preventDefault();
    const next = TABS[(TABS.indexOf(tab) + step + TABS.length) % TABS.length]!;
    setTab(next);
    tabs.current?.querySelector<HTMLElement>(`#${CSS.escape(tabId(next))}`)?.focus();
  };

  return (
    <Dialog title="Administration" className="admin-dialog" onClose={onClose}>
      <div role="tablist" aria-label="Administration sections" className="admin-tabs" ref={tabs} onKeyDown={onKeyDown}>
        {TABS.map((t) => (
          <button
            key={t}
            type="button"
            role="tab"
            id={tabId(t)}
            aria-selected={tab === t}
            aria-controls={`${ids}-panel`}
            tabIndex={tab === t ? 0 : -1}
            onClick={() => setTab(t)}
          >
            {t}
          </button>
        ))}
      </div>
      <div role="tabpanel" id={`${ids}-panel`} aria-labelledby={tabId(tab)} className="admin-tabpanel">
        {tab === 'Reports' && <ReportQueue onOpenUser={openUser} />}
        {tab === 'Users' && <UsersPanel userId={userId} onPick={setUserId} />}
        {tab === 'Audit log' && <AuditLog />}
        {tab === 'Stats' && <StatsPanel />}
      </div>
    </Dialog>
  );
}
