import type { Flavour } from './pages/login-page';

/** What the cloud-parity specs share: both flavours in turn, and the ids no one may see. */

/** Each cloud-parity journey runs once per flavour. */
export const FLAVOURS: readonly Flavour[] = ['Cloud', 'Data Center'];

/** Account ids of the Cloud demo people all start like this; none may ever be shown. */
export const ACCOUNT_ID_PREFIX = '5f3a1b2c3d4e5f6a7b8c9d0';
