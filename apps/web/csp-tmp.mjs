import { chromium } from "@playwright/test";
const b = await chromium.launch({ executablePath: "/usr/bin/chromium" });
const p = await b.newPage();
await p.addInitScript(() => {
  document.addEventListener("securitypolicyviolation", (e) => {
    console.log("CSPV", e.effectiveDirective, e.blockedURI, e.sourceFile, e.lineNumber, e.columnNumber, e.sample);
  });
});
p.on("console", m => { if (m.text().includes("CSPV") || /Content Security/.test(m.text())) console.log(m.text()); });
await p.goto("http://127.0.0.1:3100/course/" + (process.argv[2] ?? "activation-functions"));
for (let i = 0; i < 40; i++) { await p.mouse.wheel(0, 600); await p.waitForTimeout(150); }
for (const btn of await p.getByRole("button", { name: /load|show|start/i }).all()) { try { await btn.click({ timeout: 1000 }); } catch {} }
await p.waitForTimeout(4000);
await b.close();
