// The public surface of live sessions (pure): model, view, seen store, poll schedule, sanitation, poller.
export * from './liveModel';
export * from './liveView';
export * from './livePoller';
export * from './pollSchedule';
export * from './sanitize';
export * from './seenStore';
