import { ENGINE_SUMMARY } from '@/lib/storage-format';

export default function HomePage() {
  return (
    <section className="shell" aria-labelledby="home-title">
      <h1 id="home-title">Pagewright</h1>
      <p>Edit Confluence pages as storage-format source, with a live preview and safe saves.</p>
      <p data-testid="engine-summary">{ENGINE_SUMMARY}</p>
    </section>
  );
}
