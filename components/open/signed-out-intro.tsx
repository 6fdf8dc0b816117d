import Link from 'next/link';

/** The Open screen before sign-in: what Pagewright needs, and the way in without Confluence. */
export function SignedOutIntro() {
  return (
    <div className="panel">
      <p>
        Sign in with your Confluence account (Cloud or Data Center) to open a page by its id or URL.
        Your credentials stay on the Pagewright server in an encrypted cookie; the browser never
        sees them again.
      </p>
      <p className="actions">
        <Link href="/login" className="button button-primary">
          Sign in
        </Link>
        <Link href="/scratch" className="button">
          Try the Scratchpad
        </Link>
      </p>
      <p className="hint">The Scratchpad edits and previews storage format without Confluence.</p>
    </div>
  );
}
