/** A translator for the `guides` namespace, passed to server components (never to client ones). */
export type GuideT = (key: string, values?: Record<string, string | number>) => string;
