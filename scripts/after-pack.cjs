// electron-builder's afterPack hook (package.json → build.afterPack): flips Electron's fuses in the
// packaged binary before it is signed. The fuses turn off what Penning never uses and an attacker
// with local access would: running the binary as plain Node, NODE_OPTIONS, --inspect, loading an
// app from outside the signed asar, extra privileges for file:// pages (Penning serves app://).
const path = require('node:path');
const { flipFuses, FuseV1Options, FuseVersion } = require('@electron/fuses');

const PENNING_FUSES = {
  version: FuseVersion.V1,
  // Not strictlyRequireAllFuses: Electron 42's wire is longer than the eight fuses @electron/fuses 1.x
  // names (2.x needs Node 22); the newer ones keep Electron's defaults.
  [FuseV1Options.RunAsNode]: false,
  [FuseV1Options.EnableCookieEncryption]: true,
  [FuseV1Options.EnableNodeOptionsEnvironmentVariable]: false,
  [FuseV1Options.EnableNodeCliInspectArguments]: false,
  [FuseV1Options.EnableEmbeddedAsarIntegrityValidation]: true,
  [FuseV1Options.OnlyLoadAppFromAsar]: true,
  [FuseV1Options.LoadBrowserProcessSpecificV8Snapshot]: false,
  [FuseV1Options.GrantFileProtocolExtraPrivileges]: false,
};

/** The packaged executable (for macOS the .app; @electron/fuses finds the framework inside). */
function packagedBinary(context) {
  const { appOutDir, electronPlatformName, packager } = context;
  const product = packager.appInfo.productFilename;
  switch (electronPlatformName) {
    case 'darwin':
    case 'mas':
      return path.join(appOutDir, `${product}.app`);
    case 'win32':
      return path.join(appOutDir, `${product}.exe`);
    default:
      return path.join(appOutDir, packager.executableName ?? product.toLowerCase());
  }
}

async function afterPack(context) {
  const macArm = (context.electronPlatformName === 'darwin' || context.electronPlatformName === 'mas') && context.arch === 3; // builder-util Arch.arm64
  await flipFuses(packagedBinary(context), { ...PENNING_FUSES, resetAdHocDarwinSignature: macArm });
}

module.exports = afterPack;
module.exports.default = afterPack;
module.exports.PENNING_FUSES = PENNING_FUSES;
module.exports.packagedBinary = packagedBinary;
