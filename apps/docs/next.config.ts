import createMDX from "@next/mdx";
import type { NextConfig } from "next";

const withMDX = createMDX({});

const config: NextConfig = {
  reactStrictMode: true,
  poweredByHeader: false,
  pageExtensions: ["ts", "tsx", "md", "mdx"],
  transpilePackages: ["@neuronlab/viz", "@neuronlab/engine"],
};

export default withMDX(config);
