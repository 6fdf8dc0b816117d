import { OpenScreen } from '@/components/open/open-screen';

/** `/`: the Open screen (components/open). */
export default function HomePage() {
  return (
    <section className="shell" aria-labelledby="home-title">
      <h1 id="home-title">Pagewright</h1>
      <p className="lead">
        Edit Confluence pages as storage-format source, with a live preview, checks that find what
        Confluence would reject before you save, and saves that never overwrite a colleague.
      </p>
      <OpenScreen />
    </section>
  );
}
