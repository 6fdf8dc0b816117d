import type { Metadata } from 'next';

import { Scratchpad } from '@/components/editor/scratchpad';

export const metadata: Metadata = {
  title: 'Scratchpad',
  description: 'Edit, validate, format and preview Confluence storage format without Confluence.',
};

/** The Scratchpad: storage format with no Confluence at all (see components/editor/scratchpad). */
export default function ScratchPage() {
  return <Scratchpad />;
}
