/** The client's side of an invitation: enter the trainer's code (or open their link). */
import { useState } from 'react';
import { useParams } from 'react-router';
import { acceptInvitation } from './roster-api';

export function JoinTrainerScreen() {
  const { code: fromLink = '' } = useParams();
  const [code, setCode] = useState(fromLink);
  const [state, setState] = useState<{ kind: 'idle' | 'busy' | 'done' } | { kind: 'error'; message: string }>({ kind: 'idle' });
  return (
    <section className="screen" aria-labelledby="join-title">
      <h1 id="join-title">Join your trainer</h1>
      {state.kind === 'done' ? (
        <div className="card" role="status">
          <p className="big">You are connected. Your trainer can now see your training and send you programs.</p>
        </div>
      ) : (
        <form
          className="card"
          onSubmit={(event) => {
            event.preventDefault();
            setState({ kind: 'busy' });
            acceptInvitation(code)
              .then(() => setState({ kind: 'done' }))
              .catch((e: unknown) => {
                const issue = (e as { issues?: Array<{ message: string }> }).issues?.[0]?.message;
                setState({ kind: 'error', message: issue ?? (e instanceof Error ? e.message : String(e)) });
              });
          }}
        >
          <label htmlFor="join-code">Invitation code</label>
          <input id="join-code" value={code} onChange={(e) => setCode(e.target.value)} autoComplete="off" autoCapitalize="characters" aria-invalid={state.kind === 'error' ? true : undefined} aria-describedby={state.kind === 'error' ? 'join-error' : undefined} />
          {state.kind === 'error' && (
            <p id="join-error" className="field-error" role="alert">
              {state.message}
            </p>
          )}
          <button type="submit" className="primary" disabled={state.kind === 'busy'}>
            {state.kind === 'busy' ? 'Joining…' : 'Join'}
          </button>
        </form>
      )}
    </section>
  );
}
