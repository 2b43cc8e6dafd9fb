export const root: string;
export const serverBundle: string;
export function webIsStale(): boolean;
export function serverIsStale(): boolean;
export function buildIfStale(): Promise<void>;
export function templateIsStale(): boolean;
