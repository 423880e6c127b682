import { contextBridge, ipcRenderer } from 'electron';

/**
 * The renderer's only door to the main process: one function that sends a method name and its
 * input. No ipcRenderer, no Node. The main process validates both against the contract.
 */
const bridge = {
  call: (method: string, input: unknown): Promise<unknown> => ipcRenderer.invoke('penning:call', method, input),
};

contextBridge.exposeInMainWorld('penning', bridge);
