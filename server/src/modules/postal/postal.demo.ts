import type { AppDeps } from '../../http/context';

export async function loadDemoPostal(_deps: AppDeps): Promise<void> {}
