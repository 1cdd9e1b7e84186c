import { describe, expect, it } from "vitest";
import { formatHash, parseHash } from "../src/shell/router.ts";

describe("router", () => {
  it("parseHash reads the view and its parameters", () => {
    const route = parseHash("#/theater?scenario=appic-2x2&side=program");
    expect(route.view).toBe("theater");
    expect(route.params.get("scenario")).toBe("appic-2x2");
    expect(route.params.get("side")).toBe("program");
  });

  it("parseHash falls back to the theater for an empty or unknown address", () => {
    expect(parseHash("").view).toBe("theater");
    expect(parseHash("#/nowhere").view).toBe("theater");
  });

  it("formatHash and parseHash round-trip", () => {
    const hash = formatHash("workbench", { share: "a+b/c=" });
    expect(parseHash(hash).params.get("share")).toBe("a+b/c=");
  });
});
