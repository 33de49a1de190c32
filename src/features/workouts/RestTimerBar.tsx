import { useEffect, useState } from 'react';
import { formatClock, isRestOver, remainingMs } from './rest-timer';
import { adjustRestTimer, alertRestOver, askForNotifications, canAskForNotifications, stopRestTimer, useRestTimerStore } from './useRestTimer';

/** The running rest: counts down from timestamps, rings at the end, adjustable by 15 s. */
export function RestTimerBar() {
  const timer = useRestTimerStore((s) => s.timer);
  const [now, setNow] = useState(() => Date.now());
  const [askable, setAskable] = useState(canAskForNotifications);

  useEffect(() => {
    if (!timer) return;
    const update = () => {
      const time = Date.now();
      setNow(time);
      if (isRestOver(timer, time)) void alertRestOver();
    };
    update();
    const interval = setInterval(update, 250);
    document.addEventListener('visibilitychange', update);
    return () => {
      clearInterval(interval);
      document.removeEventListener('visibilitychange', update);
    };
  }, [timer]);

  if (!timer) return null;
  const remaining = remainingMs(timer, now);
  const over = remaining === 0;
  const progress = 1 - remaining / (timer.durationSeconds * 1000);
  return (
    <div className={`rest-bar${over ? ' over' : ''}`} role="timer" aria-label="Rest timer">
      <div className="rest-progress" style={{ transform: `scaleX(${Math.min(1, Math.max(0, progress))})` }} aria-hidden="true" />
      <span className="rest-clock">{over ? 'Rest over' : formatClock(remaining)}</span>
      <span className="visually-hidden" aria-live="polite">
        {over ? 'Rest is over' : ''}
      </span>
      <div className="rest-actions">
        {!over && (
          <>
            <button type="button" onClick={() => adjustRestTimer(-15)} aria-label="15 seconds less rest">
              −15
            </button>
            <button type="button" onClick={() => adjustRestTimer(15)} aria-label="15 seconds more rest">
              +15
            </button>
          </>
        )}
        {askable && (
          <button
            type="button"
            aria-label="Notify me when rest is over"
            onClick={() => {
              void askForNotifications().then(() => setAskable(canAskForNotifications()));
            }}
          >
            <svg viewBox="0 0 24 24" width="20" height="20" fill="none" stroke="currentColor" strokeWidth="2" strokeLinecap="round" aria-hidden="true">
              <path d="M6 16V11a6 6 0 0 1 12 0v5l2 2H4zM10 21h4" />
            </svg>
          </button>
        )}
        <button type="button" onClick={stopRestTimer}>
          {over ? 'Close' : 'Skip'}
        </button>
      </div>
    </div>
  );
}
