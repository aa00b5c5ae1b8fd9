import { renderToString } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { LossLandscape } from "./loss-landscape.tsx";
import { IntlWrapper } from "./testing/intl.tsx";

describe("LossLandscape on the server", () => {
  it("renders without a window: both panels, the walk, the controls and the text", () => {
    expect(typeof globalThis.window).toBe("undefined");
    const html = renderToString(
      <IntlWrapper>
        <LossLandscape />
      </IntlWrapper>,
    );
    expect(html).toContain("Loss over w alone (b held at 2.50)");
    expect(html).toContain("Loss over w and b");
    expect(html).toContain("<canvas");
    expect(html).toContain(
      "Loss landscape of the mean squared error of one linear neuron, prediction = w·x + b, on 7 examples.",
    );
    expect(html).toContain("after 40 of 40 steps");
    expect(html).toMatch(/Learning rate η = (<!-- -->)?0\.10/);
    expect(html).toContain('aria-valuetext="learning rate 0.10"');
    expect(html).toContain('aria-valuetext="start w = −1.50"');
    expect(html).toContain("Converged: it walks straight down");
    expect(html.match(/<path[^>]*stroke-opacity="0.55"/g)?.length).toBeGreaterThanOrEqual(8);
  });

  it("shows only the panel asked for", () => {
    const one = renderToString(
      <IntlWrapper>
        <LossLandscape view="one" />
      </IntlWrapper>,
    );
    expect(one).toContain("Loss over w alone");
    expect(one).not.toContain("Loss over w and b");
    expect(one).not.toContain("<canvas");
    const two = renderToString(
      <IntlWrapper>
        <LossLandscape view="two" />
      </IntlWrapper>,
    );
    expect(two).not.toContain("Loss over w alone");
    expect(two).toContain("<canvas");
  });

  it("says when the learning rate is too large, and when it is too small", () => {
    expect(
      renderToString(
        <IntlWrapper>
          <LossLandscape learningRate={0.45} />
        </IntlWrapper>,
      ),
    ).toMatch(/⚠ Over w and b: <\/span>Diverged at step \d+/);
    expect(
      renderToString(
        <IntlWrapper>
          <LossLandscape learningRate={0.01} />
        </IntlWrapper>,
      ),
    ).toContain("Crawling: the steps are so small");
  });

  it("takes any loss over two weights, with its own names", () => {
    const bowl = (a: number, b: number) => (a - 0.5) ** 2 + 3 * b ** 2;
    const html = renderToString(
      <IntlWrapper>
        <LossLandscape
          loss={bowl}
          names={["u", "v"]}
          summary="a tilted bowl"
          domain={{ w1: [-1, 2], w2: [-1, 1] }}
          defaultStart={[-0.5, 0.8]}
          defaultLearningRate={0.05}
        />
      </IntlWrapper>,
    );
    expect(html).toContain("Loss landscape of a tilted bowl.");
    expect(html).toContain("it starts at u = −0.50, v = 0.80");
    expect(html).toContain("Loss over u and v");
  });
});
