import next from "@neuronlab/config/eslint/next";

export default [
  ...next,
  {
    files: ["**/*.ts", "**/*.tsx"],
    // next-intl 4.14 marks setRequestLocale deprecated in favour of next/root-params (Next.js
    // 16's, still marked experimental there); it is the documented way for pages that render
    // statically per language until then.
    rules: {
      "@typescript-eslint/no-deprecated": [
        "error",
        {
          allow: [{ from: "package", package: "next-intl", name: "setRequestLocale" }],
        },
      ],
    },
  },
];
