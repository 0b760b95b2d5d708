import type { AppDeps } from '../../http/context';

/** Demo payments are made by the postal module's demo (it runs after the dossiers demo); see postal.demo.ts. */
export async function loadDemoPayments(_deps: AppDeps): Promise<void> {}
