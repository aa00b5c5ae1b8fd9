export { default } from "@neuronlab/config/eslint/next";
