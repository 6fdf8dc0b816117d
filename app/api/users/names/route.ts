import { z } from 'zod';

import { handler } from '@/lib/api/handler';

/** Account ids (Cloud), user keys or usernames (Data Center): letters, digits and `:-_.@`. */
const idsSchema = z
  .array(z.string().regex(/^[A-Za-z0-9:._@-]{1,128}$/, 'Not a user id.'))
  .min(1, 'Name at least one user.')
  .max(100, 'At most 100 users at a time.');

// GET /api/users/names?id=…&id=… – display names for the people a page mentions
export const GET = handler(
  async ({ request, confluence }) => {
    const ids = idsSchema.parse(new URL(request.url).searchParams.getAll('id'));
    return { names: await confluence().displayNames(ids) };
  },
  { requireSession: true },
);
