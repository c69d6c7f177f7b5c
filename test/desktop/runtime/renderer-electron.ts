/**
 * What `require('electron')` gives the preload in the stand-in (preload-world.ts), as a module for
 * tsconfig.preload.json: the preload is compiled against it, so an Electron API the preload starts using
 * that the stand-in's page side lacks is a type error.
 */
import type { RendererElectron } from './preload-world';

export declare const ipcRenderer: RendererElectron['ipcRenderer'];
export declare const contextBridge: RendererElectron['contextBridge'];
