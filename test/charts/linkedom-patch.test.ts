// Our patch to linkedom (scripts/patches/) makes each node's listener map on its first
// addEventListener instead of in its constructor. Events must still work as before.
import { parseHTML } from "linkedom";
import { describe, expect, it } from "vitest";

describe("linkedom with the lazy listener map", () => {
  const { document, Event } = parseHTML("<!doctype html><html><body><div><span></span></div></body></html>");

  it("is applied", async () => {
    const { readFile } = await import("node:fs/promises");
    const source = await readFile("node_modules/linkedom/esm/interface/event-target.js", "utf8");
    expect(source).toContain("made on the first addEventListener");
  });

  it("delivers events to listeners, bubbling to ancestors", () => {
    const span = document.querySelector("span")!;
    const div = document.querySelector("div")!;
    const seen: string[] = [];
    span.addEventListener("ping", () => seen.push("span"));
    div.addEventListener("ping", () => seen.push("div"));
    span.dispatchEvent(new Event("ping", { bubbles: true }));
    expect(seen).toEqual(["span", "div"]);
  });

  it("removes a listener, and removing from a node that never had one is harmless", () => {
    const node = document.createElementNS("http://www.w3.org/2000/svg", "rect");
    let calls = 0;
    const listener = () => calls++;
    expect(() => node.removeEventListener("ping", listener)).not.toThrow();
    node.addEventListener("ping", listener);
    node.dispatchEvent(new Event("ping"));
    node.removeEventListener("ping", listener);
    node.dispatchEvent(new Event("ping"));
    expect(calls).toBe(1);
  });

  it("dispatches on a node with no listeners without error", () => {
    const node = document.createElement("p");
    expect(node.dispatchEvent(new Event("ping", { bubbles: true }))).toBe(true);
  });
});
