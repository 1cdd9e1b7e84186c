import "./style.css";
import { mountLab } from "./lab/labView.ts";
import { mountDashboard } from "./dashboard/dashboardView.ts";
import { formatHash, parseHash, type View } from "./shell/router.ts";
import { DraftStore } from "./shell/store.ts";
import type { ViewHandle } from "./shell/view.ts";
import { mountTheater } from "./theater/theaterView.ts";
import { browserStorage } from "./workbench/autosave.ts";
import { mountWorkbench } from "./workbench/workbenchView.ts";

const main = document.getElementById("main")!;
const store = new DraftStore(browserStorage());
let current: { view: View; handle: ViewHandle } | null = null;

function mount(view: View): ViewHandle {
  switch (view) {
    case "theater":
      return mountTheater(main, store, (params) => (location.hash = formatHash("theater", params)));
    case "workbench":
      // After loading a shared link, drop it from the address so a reload does not load it again.
      return mountWorkbench(main, store, () => history.replaceState(null, "", formatHash("workbench")));
    case "lab":
      return mountLab(main, store);
    case "dashboard":
      return mountDashboard(main, (params) => (location.hash = formatHash("dashboard", params)));
  }
}

function route(): void {
  const { view, params } = parseHash(location.hash);
  const changed = current?.view !== view;
  if (changed) {
    current?.handle.destroy();
    current = { view, handle: mount(view) };
  }
  current!.handle.update(params);
  for (const link of document.querySelectorAll<HTMLAnchorElement>("nav a[data-view]")) {
    if (link.dataset["view"] === view) link.setAttribute("aria-current", "page");
    else link.removeAttribute("aria-current");
  }
  if (changed) {
    document.title = `${document.getElementById("view-title")?.textContent ?? "matchlab"} · matchlab`;
    // Move focus to the new view's heading so screen readers announce it (not on first load).
    if (sawFirstRoute) document.getElementById("view-title")?.focus();
  }
  sawFirstRoute = true;
}
let sawFirstRoute = false;

document.getElementById("skip")!.addEventListener("click", () => document.getElementById("view-title")?.focus());
window.addEventListener("hashchange", route);
route();

// The built app caches itself (sw.js, see offlineCache.ts) so it opens offline too; not in development.
if (import.meta.env.PROD && "serviceWorker" in navigator) {
  navigator.serviceWorker.register("./sw.js").catch(() => {
    // Not a secure context (e.g. opened from a file): the app still works, only not offline after a reload.
  });
}
