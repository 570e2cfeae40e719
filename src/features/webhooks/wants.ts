/** Whether a webhook subscribed to these event types is sent an event of `type`. */
export const wants = (events: readonly string[], type: string): boolean => events.includes('*') || events.includes(type);
