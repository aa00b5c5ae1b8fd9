import { once } from "node:events";
import type { AddressInfo } from "node:net";
import { SMTPServer } from "smtp-server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createMailer, signInMail } from "./mail";

describe("signInMail", () => {
  it("carries the link, the address and the time it lasts, with the link escaped in HTML", async () => {
    const url =
      "https://neuronlab.example/auth/confirm?token=abc&email=a%40example.com&callbackUrl=%2Fcourse";
    const mail = await signInMail({ to: "a@example.com", url, minutes: 10, locale: "en" });
    expect(mail.subject).toBe("Your Neuronlab sign-in link");
    expect(mail.text).toContain(url);
    expect(mail.text).toContain("a@example.com");
    expect(mail.text).toContain("within 10 minutes");
    expect(mail.html).toContain(url.replaceAll("&", "&amp;"));
    expect(mail.html).not.toContain("token=abc&email");
  });

  it("is written in the recipient's language", async () => {
    const url = "https://neuronlab.example/de/auth/confirm?token=abc&email=a%40example.com";
    const mail = await signInMail({ to: "a@example.com", url, minutes: 10, locale: "de" });
    expect(mail.subject).toBe("Dein Anmeldelink für Neuronlab");
    expect(mail.text).toContain("als a@example.com anzumelden");
    expect(mail.text).toContain("innerhalb von 10 Minuten");
    expect(mail.html).toContain('<html lang="de">');
    expect(mail.html).toContain("<strong>a@example.com</strong>");
    expect(mail.html).not.toMatch(/Sign in|sign-in link|minutes/);
  });
});

describe("createMailer over SMTP", () => {
  const received: { from: string; to: string[]; data: string }[] = [];
  let server: SMTPServer;
  let port = 0;

  beforeAll(async () => {
    server = new SMTPServer({
      authOptional: true,
      disabledCommands: ["STARTTLS"],
      onData(stream, session, callback) {
        let data = "";
        stream.on("data", (chunk: Buffer) => (data += chunk.toString("utf8")));
        stream.on("end", () => {
          received.push({
            from: session.envelope.mailFrom ? session.envelope.mailFrom.address : "",
            to: session.envelope.rcptTo.map((r) => r.address),
            data,
          });
          callback();
        });
      },
    });
    server.listen(0, "127.0.0.1");
    await once(server.server, "listening");
    port = (server.server.address() as AddressInfo).port;
  });
  afterAll(
    () =>
      new Promise<void>((resolve) => {
        server.close(() => {
          resolve();
        });
      }),
  );

  it("sends through the server named by SMTP_URL", async () => {
    const send = createMailer({
      kind: "smtp",
      url: `smtp://127.0.0.1:${port}`,
      from: "Neuronlab <no-reply@neuronlab.example>",
    });
    await send(
      await signInMail({
        to: "learner@example.com",
        url: "https://neuronlab.example/auth/confirm?token=t",
        minutes: 10,
        locale: "en",
      }),
    );
    expect(received).toHaveLength(1);
    expect(received[0]?.from).toBe("no-reply@neuronlab.example");
    expect(received[0]?.to).toEqual(["learner@example.com"]);
    expect(received[0]?.data).toContain("Subject: Your Neuronlab sign-in link");
  });
});
