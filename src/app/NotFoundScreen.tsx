import { Link } from 'react-router';

export function NotFoundScreen({ home }: { home: string }) {
  return (
    <section className="screen" aria-labelledby="not-found-title">
      <h1 id="not-found-title">Page not found</h1>
      <p>There is nothing at this address.</p>
      <Link className="button primary" to={home}>
        Go to the start
      </Link>
    </section>
  );
}
