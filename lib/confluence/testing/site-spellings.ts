/** A Data Center site on the loopback address, as the emulator and the demo sign-in name it. */
export const LOOPBACK_SITE = 'http://127.0.0.1:8090';

/**
 * Ways of writing {@link LOOPBACK_SITE} that name the same site: other spellings of the address,
 * a trailing dot or slash, a context path, spaces around it, another case. Whatever keys on the
 * site (its origin, the sign-in throttle) must fold them all into one.
 */
export const LOOPBACK_SITE_SPELLINGS = [
  'http://127.0.0.1:8090',
  'http://127.1:8090',
  'http://127.0.0.1:8090/',
  'http://127.0.0.1.:8090',
  'http://0x7f.0.0.1:8090',
  'http://0x7f000001:8090',
  'http://2130706433:8090',
  'http://0177.0.0.1:8090',
  'http://%31%32%37.0.0.1:8090',
  'http://[::ffff:127.0.0.1]:8090',
  '  http://127.0.0.1:8090  ',
  'HTTP://127.0.0.1:8090//',
  'HTTP://127.0.0.1:8090/confluence/',
];
