import { contextBridge, ipcRenderer } from 'electron';

type ProgressListener = (update: { step: string; done: number; total: number }) => void;

const listeners = new Map<string, ProgressListener>();
let calls = 0;

const count = (v: unknown): v is number => typeof v === 'number' && Number.isInteger(v) && v >= 0;

// only well-formed updates for a call this page is waiting on reach the page's listener
ipcRenderer.on('penning:progress', (_event, update: unknown) => {
  if (typeof update !== 'object' || update === null) return;
  const { requestId, step, done, total } = update as Record<string, unknown>;
  if (typeof requestId !== 'string' || typeof step !== 'string' || !count(done) || !count(total) || done > total) return;
  listeners.get(requestId)?.({ step, done, total });
});

/**
 * The renderer's only door to the main process: one function that sends a method name and its
 * input, and optionally hears that call's progress. No ipcRenderer, no Node. The main process
 * validates both against the contract.
 */
const bridge = {
  call: async (method: string, input: unknown, onProgress?: unknown): Promise<unknown> => {
    if (typeof onProgress !== 'function') return ipcRenderer.invoke('penning:call', method, input);
    const requestId = `c${++calls}`;
    listeners.set(requestId, onProgress as ProgressListener);
    try {
      return await ipcRenderer.invoke('penning:call', method, input, requestId);
    } finally {
      listeners.delete(requestId);
    }
  },
};

contextBridge.exposeInMainWorld('penning', bridge);
