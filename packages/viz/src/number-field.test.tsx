// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen } from "@testing-library/react";
import { afterEach, describe, expect, it, vi } from "vitest";
import { NumberField } from "./number-field.tsx";
import { German, IntlWrapper } from "./testing/intl.tsx";

afterEach(() => {
  cleanup();
});

describe("NumberField", () => {
  it("binds a slider and a box to one number and announces it with a true minus sign", () => {
    const onChange = vi.fn();
    render(
      <NumberField
        label="w₁"
        name="Weight w₁"
        value={-0.25}
        min={-2}
        max={2}
        step={0.05}
        onChange={onChange}
      />,
      { wrapper: IntlWrapper },
    );
    const slider = screen.getByRole("slider", { name: "Weight w₁" });
    expect(slider.getAttribute("aria-valuetext")).toBe("−0.25");
    const box = screen.getByRole("spinbutton", { name: "Weight w₁" });
    fireEvent.change(box, { target: { value: "5" } });
    expect(onChange).toHaveBeenLastCalledWith(2);
  });

  it("announces the number with a decimal comma in German", () => {
    render(
      <NumberField
        label="w₁"
        name="Gewicht w₁"
        value={0.5}
        min={-2}
        max={2}
        step={0.05}
        decimals={3}
        onChange={() => undefined}
      />,
      { wrapper: German },
    );
    const slider = screen.getByRole("slider", { name: "Gewicht w₁" });
    expect(slider.getAttribute("aria-valuetext")).toBe("0,500");
    // The box keeps the decimal point that number inputs take; the browser shows it localised.
    expect(screen.getByRole<HTMLInputElement>("spinbutton", { name: "Gewicht w₁" }).value).toBe(
      "0.5",
    );
  });
});
