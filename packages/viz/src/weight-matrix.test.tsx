// @vitest-environment jsdom
import { act, cleanup, fireEvent, render, screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { WeightMatrix } from "./weight-matrix.tsx";
import { matrixLayout } from "./weight-matrix-layout.ts";
import { German, IntlWrapper } from "./testing/intl.tsx";

// jsdom has no PointerEvent; a MouseEvent carries the coordinates the heatmap reads.
if (typeof window.PointerEvent === "undefined") {
  Object.defineProperty(window, "PointerEvent", { value: MouseEvent, configurable: true });
}

const kernel = Float64Array.from([0.5, -1.25, 0, 0.75, 0.1, -0.2]);
const readout = () => screen.getByTestId("weight-matrix-readout").textContent;
const description = () => screen.getByTestId("weight-matrix-description").textContent;

beforeEach(() => {
  // jsdom draws nothing; without this it logs "not implemented" for every canvas.
  vi.spyOn(HTMLCanvasElement.prototype, "getContext").mockReturnValue(null);
});

afterEach(() => {
  cleanup();
  vi.useRealTimers();
});

describe("WeightMatrix", () => {
  it("labels rows and columns and states the weights in its text alternative", () => {
    render(
      <WeightMatrix
        kernel={kernel}
        inputs={2}
        units={3}
        columnLabels={["h₁", "h₂", "h₃"]}
        name="hidden layer 1"
      />,
      { wrapper: IntlWrapper },
    );
    const application = screen.getByRole("application");
    expect(application.textContent).toContain("x₁");
    expect(application.textContent).toContain("h₃");
    expect(description()).toContain("They range from −1.25 (x₁ → h₂) to 0.75 (x₂ → h₁)");
    expect(description()).toContain("Row x₂: 0.75, 0.10, −0.20.");
    // Legend: the extent is rounded up from 1.25 to 1.5.
    expect(screen.getByText("−1.50")).toBeTruthy();
    expect(screen.getByText("0.75")).toBeTruthy();
  });

  it("moves a focus cell with the arrow keys and reads its value", async () => {
    const user = userEvent.setup();
    const onCellChange = vi.fn();
    render(<WeightMatrix kernel={kernel} inputs={2} units={3} onCellChange={onCellChange} />, {
      wrapper: IntlWrapper,
    });
    await user.tab();
    expect(document.activeElement).toBe(screen.getByRole("application"));
    expect(readout()).toBe("x₁ → u₁: w = 0.50");
    await user.keyboard("{ArrowRight}");
    expect(readout()).toBe("x₁ → u₂: w = −1.25");
    await user.keyboard("{ArrowDown}{End}");
    expect(readout()).toBe("x₂ → u₃: w = −0.20");
    expect(onCellChange).toHaveBeenLastCalledWith({ row: 1, column: 2 });
    // The move is announced once, not on every redraw.
    expect(document.querySelector('p[aria-live="polite"]:not([data-testid])')?.textContent).toBe(
      "x₂ → u₃: w = −0.20",
    );
  });

  it("reads the cell under the pointer", () => {
    render(<WeightMatrix kernel={kernel} inputs={2} units={3} />, { wrapper: IntlWrapper });
    const layout = matrixLayout({ rows: 2, columns: 3, width: 480, rowLabelChars: 2 });
    const application = screen.getByRole("application");
    const box = application.querySelector("canvas")?.getBoundingClientRect();
    fireEvent.pointerMove(application, {
      clientX: (box?.left ?? 0) + layout.cell * 1.5,
      clientY: (box?.top ?? 0) + layout.cell * 1.5,
    });
    expect(readout()).toBe("x₂ → u₂: w = 0.10");
    fireEvent.pointerLeave(application);
    expect(readout()).toMatch(/^Point at a cell/);
  });

  it("follows new weights at once in the readout and at most every two seconds in the live text", () => {
    vi.useFakeTimers();
    const { rerender } = render(
      <WeightMatrix kernel={kernel} inputs={2} units={3} defaultCell={{ row: 0, column: 0 }} />,
      { wrapper: IntlWrapper },
    );
    act(() => {
      vi.advanceTimersByTime(10);
    });
    expect(readout()).toBe("x₁ → u₁: w = 0.50");
    const trained = Float64Array.from([0.9, -1.25, 0, 0.75, 0.1, -0.2]);
    rerender(
      <WeightMatrix kernel={trained} inputs={2} units={3} defaultCell={{ row: 0, column: 0 }} />,
    );
    expect(readout()).toBe("x₁ → u₁: w = 0.90");
    expect(description()).toContain("Row x₁: 0.50");
    act(() => {
      vi.advanceTimersByTime(2000);
    });
    expect(description()).toContain("Row x₁: 0.90");
  });

  it("moves a cell left over from a larger matrix to the nearest one", () => {
    const { rerender } = render(
      <WeightMatrix kernel={kernel} inputs={2} units={3} cell={{ row: 1, column: 2 }} />,
      { wrapper: IntlWrapper },
    );
    expect(readout()).toBe("x₂ → u₃: w = −0.20");
    rerender(
      <WeightMatrix kernel={[0.4, -0.7]} inputs={2} units={1} cell={{ row: 1, column: 2 }} />,
    );
    expect(readout()).toBe("x₂ → u₁: w = −0.70");
  });

  it("speaks German, with decimal commas in its numbers", () => {
    render(
      <WeightMatrix
        kernel={kernel}
        inputs={2}
        units={3}
        columnLabels={["h₁", "h₂", "h₃"]}
        defaultCell={{ row: 0, column: 1 }}
      />,
      { wrapper: German },
    );
    const application = screen.getByRole("application");
    expect(application.getAttribute("aria-roledescription")).toBe("Gewichtsmatrix");
    expect(application.getAttribute("aria-label")).toMatch(
      /^Gewichte von dieser Schicht, 2 mal 3\./,
    );
    expect(application.textContent).toContain("zu Neuron →");
    expect(readout()).toBe("x₁ → h₂: w = −1,25");
    expect(description()).toContain(
      "Gewichte von dieser Schicht: 2 Eingaben (Zeilen) mal 3 Neuronen (Spalten).",
    );
    expect(description()).toContain("Zeile x₂: 0,75; 0,10; −0,20.");
    expect(screen.getByText("−1,50")).toBeTruthy();
    expect(screen.getByText(/^Orange: negatives Gewicht/)).toBeTruthy();
  });

  it("follows a controlled cell", () => {
    const { rerender } = render(
      <WeightMatrix kernel={kernel} inputs={2} units={3} cell={{ row: 1, column: 0 }} />,
      { wrapper: IntlWrapper },
    );
    expect(readout()).toBe("x₂ → u₁: w = 0.75");
    rerender(<WeightMatrix kernel={kernel} inputs={2} units={3} cell={{ row: 0, column: 2 }} />);
    expect(readout()).toBe("x₁ → u₃: w = 0.00");
  });
});
