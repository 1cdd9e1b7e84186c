import { enableDragMove } from "./dragMove.ts";

export interface DiagramHandlers {
  /** Click, Enter or Space on an applicant's box. */
  pick(applicant: number): void;
  /** ← or → anywhere in the theater outside form controls. */
  step(delta: number): void;
  /** An applicant dragged onto a program. */
  move(applicant: number, program: number): void;
}

/** Mouse, touch and keyboard on the diagram, listening on containers that outlive each redraw. */
export function wireDiagram(section: HTMLElement, diagram: HTMLElement, handlers: DiagramHandlers): void {
  const applicantOf = (target: EventTarget | null): number | null => {
    const node = (target as Element | null)?.closest?.("[data-applicant]");
    return node === null || node === undefined ? null : Number(node.getAttribute("data-applicant"));
  };
  const drag = enableDragMove(diagram, handlers.move);
  diagram.addEventListener("click", (e) => {
    const a = applicantOf(e.target);
    if (!drag.consumedClick() && a !== null) handlers.pick(a);
  });
  diagram.addEventListener("keydown", (e) => {
    const a = applicantOf(e.target);
    if ((e.key === "Enter" || e.key === " ") && a !== null) {
      e.preventDefault();
      handlers.pick(a);
    }
  });
  section.addEventListener("keydown", (e) => {
    const tag = (e.target as HTMLElement).tagName;
    if (tag === "INPUT" || tag === "SELECT" || tag === "TEXTAREA" || tag === "BUTTON") return;
    if (e.key !== "ArrowRight" && e.key !== "ArrowLeft") return;
    e.preventDefault();
    handlers.step(e.key === "ArrowRight" ? 1 : -1);
  });
}
