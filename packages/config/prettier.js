/** Shared Prettier options; packages point at this file from package.json ("prettier"). */
export default {
  printWidth: 100,
  semi: true,
  singleQuote: false,
  trailingComma: "all",
};
