/** DI token of the worker app's name (`runWorkerApp({ name })`; `worker` by default). */
export const WORKER_APP = Symbol('jobq:worker-app');
