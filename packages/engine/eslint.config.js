export { default } from "@neuronlab/config/eslint/base";
