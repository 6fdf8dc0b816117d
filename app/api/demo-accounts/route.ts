import { handler } from '@/lib/api/handler';
import { siteConfigFromEnv } from '@/lib/confluence/site-config';
import { demoAccounts } from '@/lib/demo/demo-accounts';
import { AppError } from '@/lib/errors';

// GET /api/demo-accounts – the embedded emulator's throwaway accounts; exists only in demo mode
export const GET = handler(async () => {
  if (siteConfigFromEnv().demoEmulatorUrl === null)
    throw new AppError('page_not_found', 'Not in demo mode.');
  return { accounts: demoAccounts() };
});
