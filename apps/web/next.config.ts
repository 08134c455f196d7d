import type { NextConfig } from "next";

const config: NextConfig = {
  // The domain package is TypeScript source, compiled by the app that uses it.
  transpilePackages: ["@oess/domain"],
  poweredByHeader: false,
  reactStrictMode: true,
};

export default config;
