// @ts-check

/** @type {import('next').NextConfig} */
const nextConfig = {
  // `next dev` blocks /_next/* and HMR for origins other than localhost; the README promises that
  // http://127.0.0.1:PORT works as well as http://localhost:PORT.
  allowedDevOrigins: ['127.0.0.1'],
  // Parallel builds on one checkout (several e2e runs side by side) each need their own output folder.
  distDir: process.env.PAGEWRIGHT_DIST_DIR || '.next',
  // A self-contained server (`<distDir>/standalone/server.js` plus only the node_modules it traced):
  // what the Docker image ships and `npm start` serves (lib/server/assemble-standalone.js).
  output: 'standalone',
  poweredByHeader: false,
  reactStrictMode: true,
};

module.exports = nextConfig;
