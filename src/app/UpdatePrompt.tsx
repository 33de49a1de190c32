import { useEffect } from 'react';
import { useReloadNeeded } from '@/lib/fresh-import';
import { useUpdateStore } from './update-store';

/** "A new version is ready": reload only when the user says so. */
export function UpdatePrompt() {
  const { needRefresh, offlineReady, applyUpdate } = useUpdateStore();
  useEffect(() => {
    if (!offlineReady) return;
    const timer = setTimeout(() => useUpdateStore.setState({ offlineReady: false }), 6000);
    return () => clearTimeout(timer);
  }, [offlineReady]);
  const reloadNeeded = useReloadNeeded((s) => s.needed);
  if (reloadNeeded) {
    return (
      <div className="toast" role="alert" aria-labelledby="reload-title">
        <p id="reload-title">
          <strong>FitCoach needs a reload to start syncing.</strong> Part of the app did not load while the network was down. Your
          changes are saved on this device; reload when you are between sets.
        </p>
        <div className="toast-actions">
          <button type="button" className="primary" onClick={() => window.location.reload()}>
            Reload now
          </button>
          <button type="button" onClick={() => useReloadNeeded.setState({ needed: false })}>
            Later
          </button>
        </div>
      </div>
    );
  }
  if (needRefresh) {
    return (
      <div className="toast" role="alert" aria-labelledby="update-title">
        <p id="update-title">
          <strong>A new version of FitCoach is ready.</strong> Your logged sets are saved; reload when you are between sets.
        </p>
        <div className="toast-actions">
          <button type="button" className="primary" onClick={() => void applyUpdate?.()}>
            Reload now
          </button>
          <button type="button" onClick={() => useUpdateStore.setState({ needRefresh: false })}>
            Later
          </button>
        </div>
      </div>
    );
  }
  if (offlineReady) {
    return (
      <div className="toast" role="status">
        <p>FitCoach is ready to work offline.</p>
        <div className="toast-actions">
          <button type="button" onClick={() => useUpdateStore.setState({ offlineReady: false })}>
            OK
          </button>
        </div>
      </div>
    );
  }
  return null;
}
