import next from "@neuronlab/config/eslint/next";

export default [
  ...next,
  {
    // next-intl 4.14 marks these deprecated in favour of next/root-params, which needs the
    // language's layout to be the root layout; ours sits under a pass-through root layout so an
    // address outside every language (app/not-found.tsx) still gets a translated page.
    rules: {
      "@typescript-eslint/no-deprecated": [
        "error",
        {
          allow: [
            { from: "package", package: "next-intl", name: "setRequestLocale" },
          ],
        },
      ],
    },
  },
];
