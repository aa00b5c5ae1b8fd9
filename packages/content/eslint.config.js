export { default } from "@neuronlab/config/eslint/react";
