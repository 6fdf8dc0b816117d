import type { SEED_USERS } from '../../lib/emulator';

/**
 * A Data Center user whose password and personal access token are strings found nowhere else
 * (the demo accounts' `demo-pat` is printed on the sign-in page in demo mode, so it cannot show a
 * leak). global-setup adds the user to the emulator; the credentials journey signs in with it
 * and then searches every response, header, storage area, bundle and log line for the secrets.
 */
export const JOURNEY_USER: (typeof SEED_USERS)[number] = {
  key: '8a7f808a8f1c2d3e018f1c2d3e4f0e2e',
  accountId: '5f3a1b2c3d4e5f6a7b8c9e2e',
  username: 'journey',
  email: 'journey@example.com',
  displayName: 'Journey Tester',
  password: 'pw-Hk4Lm8qZ-journey-Rt6N',
  apiToken: 'api-Vw2Jx7cP-journey-Lq3B',
  pat: 'pat-Zq9xV3eM-journey-7Kd2',
  canEdit: true,
};
