import { SVG_NS } from "../svg.ts";

/** Pixels the pointer must travel before a press on an applicant becomes a drag rather than a click. */
const DRAG_THRESHOLD = 6;

/**
 * "Try to break it" by direct manipulation: drag an applicant's box onto a program to move her there. The
 * diagram is redrawn at every step, so this listens on its stable container and draws a temporary guide line
 * into whichever `<svg>` is current. A drag that ends outside every program changes nothing; the keyboard route
 * is the form in the "Try to break it" panel.
 */
export function enableDragMove(diagram: HTMLElement, onMove: (applicant: number, program: number) => void): { consumedClick(): boolean } {
  let start: { a: number; x: number; y: number; pointer: number } | null = null;
  let guide: SVGLineElement | null = null;
  let dragged = false;

  const toSvg = (svg: SVGSVGElement, clientX: number, clientY: number): [number, number] => {
    const box = svg.getBoundingClientRect();
    const scale = svg.viewBox.baseVal.width / (box.width || 1);
    return [(clientX - box.left) * scale, (clientY - box.top) * scale];
  };

  diagram.addEventListener("pointerdown", (e) => {
    const box = (e.target as Element).closest?.("[data-applicant]");
    if (box === null || box === undefined || e.button !== 0) return;
    start = { a: Number(box.getAttribute("data-applicant")), x: e.clientX, y: e.clientY, pointer: e.pointerId };
    dragged = false;
  });
  diagram.addEventListener("pointermove", (e) => {
    if (start === null || e.pointerId !== start.pointer) return;
    const svg = diagram.querySelector("svg");
    if (svg === null) return;
    if (!dragged && Math.hypot(e.clientX - start.x, e.clientY - start.y) < DRAG_THRESHOLD) return;
    if (!dragged) {
      dragged = true;
      diagram.setPointerCapture?.(e.pointerId);
      guide = svg.ownerDocument.createElementNS(SVG_NS, "line");
      guide.setAttribute("class", "drag-guide");
      const [x, y] = toSvg(svg, start.x, start.y);
      guide.setAttribute("x1", String(x));
      guide.setAttribute("y1", String(y));
      svg.append(guide);
    }
    const [x, y] = toSvg(svg, e.clientX, e.clientY);
    guide?.setAttribute("x2", String(x));
    guide?.setAttribute("y2", String(y));
  });
  const finish = (e: PointerEvent): void => {
    if (start === null || e.pointerId !== start.pointer) return;
    const a = start.a;
    start = null;
    guide?.remove();
    guide = null;
    if (!dragged) return;
    const target = diagram.ownerDocument.elementFromPoint(e.clientX, e.clientY)?.closest("[data-program]");
    if (target !== null && target !== undefined) onMove(a, Number(target.getAttribute("data-program")));
  };
  diagram.addEventListener("pointerup", finish);
  diagram.addEventListener("pointercancel", (e) => {
    dragged = false;
    finish(e);
  });
  return {
    /** True once after a drag, so the click that follows it does not also select the applicant. */
    consumedClick() {
      const was = dragged;
      dragged = false;
      return was;
    },
  };
}
