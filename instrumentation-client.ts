import { installBundlerScriptUrlPolicy } from '@/lib/security/script-url-policy';

// Next runs this before the app's own code: the Trusted Types default policy for the bundler's
// script URLs must exist before the first chunk is loaded on demand (docs/security.md XSS-9).
installBundlerScriptUrlPolicy();
