import type { Message } from '@parley/client';
import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import { useClient } from '../hooks/useClient';
import { useStore } from '../hooks/useStore';
import { ReportDialog } from '../reports/ReportDialog';
import { ForwardDialog } from './ForwardDialog';
import { useDraft } from './draft';
import { useOpenThread } from './threadContext';
import { canEdit, deleteMessage, REACTIONS, toggleReaction } from './messageOps';
import './conversation.css';

interface Action {
  label: string;
  run(): Promise<void> | void;
}

/** What opens a dialog from the menu. */
interface Openers {
  report(): void;
  forward(): void;
}

/**
 * The actions this person may take on a message: react, reply, edit (own, in the window), pin or unpin, star or unstar,
 * forward (not encrypted or system ones), delete for me or everyone (own), report (someone else's).
 */
function useActions(message: Message, onError: (text: string) => void, open: Openers): Action[] {
  const client = useClient();
  const draft = useDraft();
  const openThread = useOpenThread();
  const me = client.userId;
  const pinned = useStore((store) => store.isPinned(message.conversationId, message.id));
  const starred = useStore((store) => store.isStarred(message.id));
  const failed = (what: string) => () => onError(`Could not ${what}. Try again.`);
  const actions: Action[] = REACTIONS.map((emoji) => ({
    label: `React with ${emoji}`,
    run: () => toggleReaction(client, message, emoji).catch(failed('react')),
  }));
  actions.push({ label: 'Reply', run: () => draft.reply(message) });
  // A thread hangs under a top-level message only.
  if (message.threadRootId === null && message.type !== 'system')
    actions.push({ label: 'Reply in thread', run: () => openThread(message.id) });
  if (canEdit(message, me)) actions.push({ label: 'Edit', run: () => draft.edit(message) });
  actions.push(
    pinned
      ? { label: 'Unpin message', run: () => client.messages.unpin(message.id, message.conversationId).catch(failed('unpin it')) }
      : { label: 'Pin message', run: () => client.messages.pin(message.id).then(() => {}, failed('pin it')) },
    starred
      ? { label: 'Unstar message', run: () => client.messages.unstar(message.id, message.conversationId).catch(failed('unstar it')) }
      : { label: 'Star message', run: () => client.messages.star(message.id, message.conversationId).catch(failed('star it')) },
  );
  if (!message.encrypted && message.type !== 'system') actions.push({ label: 'Forward', run: open.forward });
  actions.push({ label: 'Delete for me', run: () => deleteMessage(client, message.id, 'self').catch(failed('delete it')) });
  if (message.senderId === me) {
    actions.push({ label: 'Delete for everyone', run: () => deleteMessage(client, message.id, 'everyone').catch(failed('delete it')) });
  } else if (message.type !== 'system') {
    actions.push({ label: 'Report', run: open.report });
  }
  return message.deletedAt ? actions.filter((a) => a.label === 'Delete for me') : actions;
}

/** A button opening the message's menu (keyboard: arrows move, Escape closes and returns focus to the button). */
export function MessageActions(props: { message: Message; sender: string; onError: (text: string) => void }) {
  const { message, sender, onError } = props;
  const [open, setOpen] = useState(false);
  const [reporting, setReporting] = useState(false);
  const [forwarding, setForwarding] = useState(false);
  const button = useRef<HTMLButtonElement>(null);
  const menu = useRef<HTMLDivElement>(null);
  const actions = useActions(message, onError, { report: () => setReporting(true), forward: () => setForwarding(true) });

  useEffect(() => {
    if (open) menu.current?.querySelector<HTMLElement>('[role="menuitem"]')?.focus();
  }, [open]);

  const close = () => {
    setOpen(false);
    button.current?.focus();
  };
  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    const items = [...(menu.current?.querySelectorAll<HTMLElement>('[role="menuitem"]') ?? [])];
    const at = items.indexOf(document.activeElement as HTMLElement);
    const step = e.key === 'ArrowDown' || e.key === 'ArrowRight' ? 1 : e.key === 'ArrowUp' || e.key === 'ArrowLeft' ? -1 : 0;
    if (e.key === 'Escape' || e.key === 'Tab') close();
    else if (step) {
      e.preventDefault();
      items[(at + step + items.length) % items.length]?.focus();
    }
  };

  return (
    <div className="message-actions">
      <button
        type="button"
        ref={button}
        className="actions-button"
        aria-haspopup="menu"
        aria-expanded={open}
        onClick={() => setOpen((o) => !o)}
        title="Message actions"
      >
        <span aria-hidden="true">⋯</span>
        <span className="visually-hidden">Message actions</span>
      </button>
      {open && (
        <div role="menu" aria-label="Message actions" className="actions-menu" ref={menu} onKeyDown={onKeyDown}>
          {actions.map((a) => (
            <button
              key={a.label}
              type="button"
              role="menuitem"
              tabIndex={-1}
              className={a.label.startsWith('React') ? 'menu-reaction' : 'menu-item'}
              aria-label={a.label}
              onClick={() => {
                close();
                void a.run();
              }}
            >
              {a.label.startsWith('React') ? a.label.slice('React with '.length) : a.label}
            </button>
          ))}
        </div>
      )}
      {forwarding && <ForwardDialog message={message} onClose={() => setForwarding(false)} />}
      {reporting && (
        <ReportDialog target={{ messageId: message.id }} subject={reportSubject(message, sender)} onClose={() => setReporting(false)} />
      )}
    </div>
  );
}

/** "A message from Bo: “the text”" (cut short), what the dialog "Report" says it is about. */
function reportSubject(message: Message, sender: string): string {
  const text = message.text?.trim();
  if (!text) return `A message from ${sender}`;
  return `A message from ${sender}: “${text.length > 120 ? `${text.slice(0, 119)}…` : text}”`;
}
