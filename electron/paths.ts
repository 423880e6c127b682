import os from 'node:os';
import path from 'node:path';

/**
 * Where the ledger lives when nobody says otherwise: the same folder Electron's
 * app.getPath('userData') gives for the app name "Penning", so the app, browser mode and the CLI
 * open the same file.
 */
export function userDataDir(): string {
  const home = os.homedir();
  if (process.platform === 'win32') return path.join(process.env.APPDATA ?? path.join(home, 'AppData', 'Roaming'), 'Penning');
  if (process.platform === 'darwin') return path.join(home, 'Library', 'Application Support', 'Penning');
  return path.join(process.env.XDG_CONFIG_HOME ?? path.join(home, '.config'), 'Penning');
}

export function defaultLedgerFile(): string {
  return process.env.PENNING_DB ?? path.join(userDataDir(), 'penning.sqlite');
}
