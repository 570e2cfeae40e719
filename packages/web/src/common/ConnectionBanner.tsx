import { useConnection } from '../hooks/useConnection';

/** "Connecting…" while the SDK is not online; a live region, so the change is announced. */
export function ConnectionBanner() {
  const online = useConnection() === 'online';
  return (
    <p role="status" className="connection" data-online={online}>
      {online ? '' : 'Connecting…'}
    </p>
  );
}
