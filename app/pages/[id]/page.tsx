import type { Metadata } from 'next';

import { PageEditorLoader } from '@/components/page-editor/page-editor-loader';

export const metadata: Metadata = {
  title: 'Edit page',
  description: 'Edit a Confluence page as storage format, with a live preview.',
};

/** `/pages/[id]`: the page editor (components/page-editor). */
export default async function EditPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  return <PageEditorLoader id={id} />;
}
