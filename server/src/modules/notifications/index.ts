/** What other modules use: put a message in the outbox inside their transaction, and register templates. */
export { queueMessage, sendNotification, type QueueMessageInput } from './notifications.service';
export { registerTemplates, type MessageTemplate } from './notifications.templates';
export { renderTemplate } from './notifications.templates';
