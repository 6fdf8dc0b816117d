'use client';

import { QueryClientProvider } from '@tanstack/react-query';
import type { ReactNode } from 'react';

import { getQueryClient } from '@/lib/queries/query-client';

import { AuthRedirect } from '@/components/session/auth-redirect';

/** Client-side context for the whole app: the one QueryClient and the sign-in redirect. */
export function Providers({ children }: { children: ReactNode }) {
  const queryClient = getQueryClient();
  return (
    <QueryClientProvider client={queryClient}>
      <AuthRedirect />
      {children}
    </QueryClientProvider>
  );
}
