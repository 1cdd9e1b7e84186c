/**
 * Reusable memory for reruns. Compiling and solving a market of a million applicants touches a few hundred MB of
 * fresh typed arrays, and first-touch page faults then cost as much as the algorithm itself. A workspace keeps
 * each buffer by role and hands it out again on the next run (growing it when a larger market needs more), the way
 * delaunator's `update()` and flatqueue's `clear()` reuse their arrays.
 *
 * Results computed with a workspace (a compiled market's rank arrays, a matching's `matchOf`) are views into it:
 * the next run with the same workspace overwrites them. Without a workspace every run allocates its own arrays.
 */
export interface Workspace {
  /** Role name → the buffer last handed out for it. */
  readonly buffers: Map<string, ArrayBuffer>;
}

/** A new, empty workspace; pass it as `workspace` to `compileCsr`, `compileLists`, `solve` and the engines. */
export function createWorkspace(): Workspace {
  return { buffers: new Map() };
}

interface TypedArrayConstructor<T> {
  new (length: number): T;
  new (buffer: ArrayBuffer, byteOffset: number, length: number): T;
  readonly BYTES_PER_ELEMENT: number;
}

/**
 * A typed array of `length` elements for `role`. Without a workspace it is new and zero-filled; with one it is a
 * view of the role's buffer and its contents are left from the previous run, so callers initialise what they read.
 */
export function takeArray<T>(workspace: Workspace | undefined, role: string, Type: TypedArrayConstructor<T>, length: number): T {
  if (workspace === undefined) return new Type(length);
  const bytes = length * Type.BYTES_PER_ELEMENT;
  let buffer = workspace.buffers.get(role);
  if (buffer === undefined || buffer.byteLength < bytes) {
    buffer = new ArrayBuffer(bytes);
    workspace.buffers.set(role, buffer);
  }
  return new Type(buffer, 0, length);
}
