export * from './clientEvents.js';
export * from './errors.js';
export * from './objects.js';
export * from './serverEvents.js';
export * from './socket.js';
export * from './text.js';
