/** Trainer sections whose screens arrive with the trainer workspace. */
export function PlaceholderScreen({ title, text }: { title: string; text: string }) {
  return (
    <section className="screen" aria-labelledby="placeholder-title">
      <h1 id="placeholder-title">{title}</h1>
      <div className="card">
        <p>{text}</p>
      </div>
    </section>
  );
}
