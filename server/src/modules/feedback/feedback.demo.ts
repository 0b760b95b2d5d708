export async function loadDemoFeedback(): Promise<void> {}
