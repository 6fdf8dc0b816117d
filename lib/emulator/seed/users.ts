import type { UserRecord } from '../store/types';

/**
 * Demo users. One person per record, usable from both flavours: Cloud logs in with e-mail + API
 * token, Data Center with username + password or a personal access token (Bearer).
 */
export const SEED_USERS: UserRecord[] = [
  {
    key: '8a7f808a8f1c2d3e018f1c2d3e4f0001',
    accountId: '5f3a1b2c3d4e5f6a7b8c9d01',
    username: 'demo',
    email: 'demo@example.com',
    displayName: 'Demo User',
    password: 'demo',
    apiToken: 'demo-token',
    pat: 'demo-pat',
    canEdit: true,
  },
  {
    key: '8a7f808a8f1c2d3e018f1c2d3e4f0002',
    accountId: '5f3a1b2c3d4e5f6a7b8c9d02',
    username: 'alex',
    email: 'alex@example.com',
    displayName: 'Alex Other',
    password: 'alex',
    apiToken: 'alex-token',
    pat: 'alex-pat',
    canEdit: true,
  },
  {
    key: '8a7f808a8f1c2d3e018f1c2d3e4f0003',
    accountId: '5f3a1b2c3d4e5f6a7b8c9d03',
    username: 'reader',
    email: 'reader@example.com',
    displayName: 'Robin Reader',
    password: 'reader',
    apiToken: 'reader-token',
    pat: 'reader-pat',
    canEdit: false,
  },
];
