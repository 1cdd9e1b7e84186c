/** A mounted view: `update` receives the address's parameters on every navigation within the view. */
export interface ViewHandle {
  update(params: URLSearchParams): void;
  destroy(): void;
}
