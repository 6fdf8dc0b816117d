import { handler } from '@/lib/api/handler';

// GET /api/spaces – the spaces the signed-in user can see (key and name)
export const GET = handler(
  async ({ confluence }) => ({ spaces: await confluence().listSpaces() }),
  {
    requireSession: true,
  },
);
