/** The app's views; each has an address `#/<view>?<params>`, so links, reloads and the back button work. */
export const views = ["theater", "workbench", "lab", "dashboard"] as const;
export type View = (typeof views)[number];

export interface Route {
  view: View;
  params: URLSearchParams;
}

/** `#/theater?scenario=appic-2x2` → `{ view: "theater", params }`; anything unknown → the theater. */
export function parseHash(hash: string): Route {
  const body = hash.replace(/^#\/?/, "");
  const q = body.indexOf("?");
  const name = q < 0 ? body : body.slice(0, q);
  const params = new URLSearchParams(q < 0 ? "" : body.slice(q + 1));
  const view = (views as readonly string[]).includes(name) ? (name as View) : "theater";
  return { view, params };
}

export function formatHash(view: View, params: Record<string, string> = {}): string {
  const query = new URLSearchParams(params).toString();
  return `#/${view}${query === "" ? "" : `?${query}`}`;
}
